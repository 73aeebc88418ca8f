"""From the paths a user gives to RawArticles: walking folders, choosing a reader by file type, and turning every
way a file can be bad into one ReadFailure with a human reason instead of an exception.

A build over thousands of scraped files must not stop at the first broken one, and the summary must say which
files were left out and why, so every per-file problem is caught here and reported, never raised.
"""
from __future__ import annotations

import gzip
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..record import Notice, RawArticle, ReadFailure
from .decode import DecodeError, decode_bytes
from .jsonl import parse_line, read_jsonl
from .limits import DEFAULT_MAX_BYTES, TooLarge, read_limited, too_large
from .walk import walk
from .warc import read_warc

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIX = ".json"  # one article as one JSON object, the fields JSON Lines reads
WARC_SUFFIXES = {".warc", ".arc"}
# Never articles, and not worth decoding to find out.
BINARY_SUFFIXES = {
    ".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".tar", ".tgz", ".bz2", ".xz",
    ".7z", ".rar", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".mp3",
    ".mp4", ".avi", ".mov", ".webm", ".wav", ".woff", ".woff2", ".ttf", ".exe", ".so", ".dll", ".bin", ".pyc",
    ".sqlite", ".db", ".parquet", ".pkl",
}
HTML_STARTS = ("<!doctype html", "<html", "<?xml version")
MAX_HTML_DEPTH = 255
_UNICODE = {"utf_8", "utf8", "ascii", "us_ascii", "utf_8_sig", "utf_16", "utf_16_le", "utf_16_be", "utf_32",
            "utf_32_le", "utf_32_be"}
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


def read_paths(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawArticle | ReadFailure | Notice]:
    """Every article in `paths` (files or folders, walked recursively in sorted order, hidden files skipped).

    Never raises for bad input: each unreadable, empty, binary, oversized or corrupt file (or JSONL line)
    yields one ReadFailure and the iteration goes on. `max_bytes` caps one article's bytes (a plain or HTML file,
    a JSONL line, a WARC record; for gzip, the decompressed size). A single path is accepted as well.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]  # a lone string would otherwise be walked one character at a time
    for given in paths:
        for item in walk(given):
            if isinstance(item, (ReadFailure, Notice)):
                yield item
            else:
                source, path = item
                yield from read_file(path, source, max_bytes)


def read_file(path: Path, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | ReadFailure]:
    """The articles in one file, chosen by its suffix (`.gz` looked through), or failures saying why not."""
    name = path.name.lower()
    compressed = name.endswith(".gz")
    suffix = Path(name.removesuffix(".gz")).suffix
    if suffix in BINARY_SUFFIXES:
        yield ReadFailure(source, f"unsupported file type ({suffix})")
        return
    try:
        with open(path, "rb") as raw:
            if os.fstat(raw.fileno()).st_size == 0:
                yield ReadFailure(source, "empty file")
                return
            if suffix in WARC_SUFFIXES:
                yield from read_warc(raw, source, max_bytes)  # warcio reads gzip members itself
                return
            stream: BinaryIO = gzip.GzipFile(fileobj=raw) if compressed else raw
            if suffix in JSONL_SUFFIXES:
                yield from _guard_stream(read_jsonl(stream, source, max_bytes), source)
                return
            if not compressed:
                _check_size(raw, max_bytes)
            data = read_limited(stream, max_bytes)
    except OSError as error:
        yield ReadFailure(source, _os_reason(error, path, compressed))
        return
    except (TooLarge, EOFError, zlib.error) as error:
        yield ReadFailure(source, _gzip_reason(error))
        return
    if suffix == JSON_SUFFIX:
        yield parse_line(data, source)
        return
    yield _to_article(data, source, suffix)


def _guard_stream(
    items: Iterator[RawArticle | ReadFailure], source: str
) -> Iterator[RawArticle | ReadFailure]:
    """A gzipped JSONL file can break mid-way: keep the lines read so far and report the break."""
    try:
        yield from items
    except (OSError, EOFError, zlib.error) as error:
        yield ReadFailure(source, _gzip_reason(error))


def _check_size(raw: BinaryIO, max_bytes: int) -> None:
    size = os.fstat(raw.fileno()).st_size
    if size > max_bytes:
        raise too_large(size, max_bytes)


def _to_article(data: bytes, source: str, suffix: str) -> RawArticle | ReadFailure:
    known = suffix in HTML_SUFFIXES or suffix in TEXT_SUFFIXES
    try:
        decoded = decode_bytes(data, is_html=suffix in HTML_SUFFIXES)
    except DecodeError as error:
        reason = str(error)
        if not known and reason.startswith("binary"):
            reason = f"unsupported file type ({suffix or 'no extension'}): binary content"
        return ReadFailure(source, reason)
    text = decoded.text.lstrip("\ufeff")
    notices = [Notice(source, "decoded", f"decoded from {decoded.encoding}")] if legacy(decoded.encoding) else []
    if suffix in HTML_SUFFIXES or text.lstrip()[:20].lower().startswith(HTML_STARTS):
        depth = nesting_depth(text)
        if depth > MAX_HTML_DEPTH:
            notices.append(Notice(source, "cut", f"HTML nested {depth:,} elements deep: the parser keeps "
                                                 f"{MAX_HTML_DEPTH}, whatever lies deeper is lost"))
        return RawArticle(source=source, html=text, encoding=decoded.encoding, notices=notices)
    return RawArticle(source=source, text=text, encoding=decoded.encoding, notices=notices)


def legacy(encoding: str | None) -> bool:
    """Whether text came in an encoding other than UTF-8 or its ASCII subset (a guess worth telling the user)."""
    return bool(encoding) and encoding.lower().replace("-", "_") not in _UNICODE


def nesting_depth(html: str) -> int:
    """The deepest element nesting in `html`, counted over its tags (void elements and self-closing tags do not
    nest). libxml2, under lxml and so trafilatura, stops at MAX_HTML_DEPTH levels and drops the rest silently."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closing and name not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _os_reason(error: OSError, path: Path, compressed: bool) -> str:
    if isinstance(error, gzip.BadGzipFile) or (compressed and "gzip" in str(error).lower()):
        return f"not a valid gzip file ({error})"
    if isinstance(error, PermissionError):
        return "permission denied: file is not readable"
    if isinstance(error, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(error, FileNotFoundError):
        return "broken symlink" if path.is_symlink() else "file vanished while reading"
    return f"cannot read file: {error.strerror or error}"


def _gzip_reason(error: Exception) -> str:
    if isinstance(error, TooLarge):
        return str(error)
    if isinstance(error, EOFError):
        return "truncated gzip: the compressed stream ends early"
    if isinstance(error, gzip.BadGzipFile):
        return f"not a valid gzip file ({error})"
    return f"corrupt gzip data ({error})"
