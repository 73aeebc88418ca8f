"""JSON Lines: one article per line, as scrapers and dataset dumps write them.

A bad line is a failure for that line only: one truncated or hand-edited line must not cost the whole file.
Lines are read with a length cap, so a file without newlines cannot be pulled into memory in one piece.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..record import RawArticle, ReadFailure
from .decode import DecodeError, decode_bytes
from .limits import CHUNK, megabytes

# Common spellings of the same field in scraper output; the first key present wins.
FIELD_KEYS = {
    "html": ("html", "raw_html", "page"),
    "text": ("text", "content", "body", "maintext", "body-paragraphs", "paragraphs"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "published": ("published", "date", "published_at", "publish_date", "date_publish", "pubdate"),
}


def read_jsonl(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[RawArticle | ReadFailure]:
    """One RawArticle per non-blank line, `source` = "path#L<lineno>"; a ReadFailure for each bad line.

    A file with no content lines is one failure ("empty file"); a binary first line stops the file with one
    failure instead of one per "line" of binary noise.
    """
    lineno, content_lines = 0, 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            if not content_lines:
                yield ReadFailure(source, "empty file")
            return
        lineno += 1
        where = f"{source}#L{lineno}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield ReadFailure(where, f"line too large (more than {megabytes(max_bytes)})")
            continue
        if not line.strip():
            continue
        content_lines += 1
        item = parse_line(line, where)
        if content_lines == 1 and isinstance(item, ReadFailure) and item.reason.startswith("binary"):
            yield ReadFailure(source, "binary file, not JSON Lines")
            return
        yield item


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def parse_line(line: bytes, where: str) -> RawArticle | ReadFailure:
    """Parse one line into a RawArticle; HTML wins over text because it carries the page's own metadata."""
    try:
        decoded = decode_bytes(line)
    except DecodeError as error:
        return ReadFailure(where, str(error))
    try:
        record = json.loads(decoded.text)
    except json.JSONDecodeError as error:
        return ReadFailure(where, f"invalid JSON: {error.msg} at column {error.colno}")
    if not isinstance(record, dict):
        return ReadFailure(where, f"line is a JSON {type(record).__name__}, not an object")
    fields = {name: _first_string(record, keys) for name, keys in FIELD_KEYS.items()}
    if not (fields["html"] or fields["text"]):
        return ReadFailure(where, "no article content: none of the keys 'text' or 'html' holds text")
    if fields["html"]:
        fields["text"] = None
    return RawArticle(source=where, encoding=decoded.encoding, **fields)


def _paragraphs(value: Any) -> str | None:
    """A body given as a list of paragraphs, each a string or a list of sentence strings (BASIL's
    `body-paragraphs`), joined one paragraph a line pair; None for any other shape."""
    if not isinstance(value, list) or not value:
        return None
    paragraphs = []
    for item in value:
        if isinstance(item, list) and all(isinstance(part, str) for part in item):
            item = " ".join(part.strip() for part in item)
        if not isinstance(item, str):
            return None
        if item.strip():
            paragraphs.append(item.strip())
    return "\n\n".join(paragraphs) or None


def _first_string(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):
            value = _paragraphs(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value
    return None
