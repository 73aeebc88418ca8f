"""Reading bytes under a size limit, so one huge or decompression-bomb file cannot exhaust memory."""
from __future__ import annotations

from typing import BinaryIO

DEFAULT_MAX_BYTES = 20_000_000
CHUNK = 1 << 16


class TooLarge(ValueError):
    """More bytes than the limit allows; the message is the human reason."""


def megabytes(count: int) -> str:
    """`52.4 MB`, `20 MB`: decimal megabytes, one decimal place only when it says something."""
    value = count / 1_000_000
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"


def too_large(size: int, max_bytes: int, what: str = "file") -> TooLarge:
    return TooLarge(f"{what} too large ({megabytes(size)} > {megabytes(max_bytes)})")


def read_limited(stream: BinaryIO, max_bytes: int, what: str = "file") -> bytes:
    """Read the whole stream, but stop with TooLarge as soon as it passes `max_bytes`.

    Used where the size is not known in advance (a gzip member, a WARC payload): reading one chunk past the limit
    is enough to know, and nothing beyond that is held in memory.
    """
    chunks, total = [], 0
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise TooLarge(f"{what} too large (more than {megabytes(max_bytes)})")
        chunks.append(chunk)
