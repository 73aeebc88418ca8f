"""Readers: files and folders of plain text, HTML, JSON Lines and WARC (any of them gzipped) to RawArticles.

Bad input never raises out of `read_paths`: it becomes a `ReadFailure(source, reason)` and reading goes on.
"""
from __future__ import annotations

from .decode import DecodeError, Decoded, decode_bytes
from .files import read_file, read_paths
from .limits import DEFAULT_MAX_BYTES

__all__ = ["DEFAULT_MAX_BYTES", "DecodeError", "Decoded", "decode_bytes", "read_file", "read_paths"]
