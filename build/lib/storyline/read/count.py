"""How many items a build will read, counted before reading, so progress has a total from the start.

Counting is cheap next to analysis (spaCy costs milliseconds per article; counting reads each JSONL or WARC file
once more, without decoding or parsing content). Every file counts one item except a JSON Lines file (its
non-blank lines) and a WARC archive (its HTML responses, which is what `read_warc` turns into articles); a file
that cannot be counted counts one, as its failure will.
"""
from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path

from .files import JSONL_SUFFIXES, WARC_SUFFIXES
from .walk import walk


def count_items(paths: Iterable[str | Path]) -> int:
    """The number of articles, failures and notices `read_paths(paths)` will yield (an estimate only where a file
    changes or breaks between counting and reading)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return sum(_count_file(item[1]) if isinstance(item, tuple) else 1 for given in paths for item in walk(given))


def _count_file(path: Path) -> int:
    name = path.name.lower()
    suffix = Path(name.removesuffix(".gz")).suffix
    try:
        if suffix in JSONL_SUFFIXES:
            return max(_jsonl_lines(path, name.endswith(".gz")), 1)
        if suffix in WARC_SUFFIXES:
            return max(_warc_responses(path), 1)
    except Exception:  # noqa: BLE001 - a file that breaks counting breaks reading too, and is reported then
        return 1
    return 1


def _jsonl_lines(path: Path, compressed: bool) -> int:
    opener = gzip.open if compressed else open
    with opener(path, "rb") as stream:
        return sum(1 for line in stream if line.strip())


def _warc_responses(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    from .warc import is_html_article

    with open(path, "rb") as stream:
        return sum(1 for record in ArchiveIterator(stream) if is_html_article(record))
