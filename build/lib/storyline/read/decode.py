"""Bytes to text: byte-order marks, UTF-8, a declared HTML charset, then charset-normalizer's guess.

Scraped news comes in whatever encoding the site or the scraper used: mostly UTF-8, but also cp1252 (Western
legacy pages, Word exports), cp1251 (Russian sites), UTF-16 with or without a BOM. The order of the checks goes
from the strongest evidence (a BOM cannot lie) to the weakest (a statistical guess), and a guess between the
single-byte code pages falls to cp1252 when the text reads as Latin-script prose under it, unless the guess
decodes to more plausible characters: short English text cannot tell cp1252 from cp1250 or cp775 apart
statistically, but cp1252 is the one Western pages and Word exports use.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# WHATWG: browsers decode these labels as windows-1252, so pages declaring them are really cp1252.
AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "latin_1", "us-ascii", "ascii", "windows-1252"}
# Western European prose has a few accented letters among many plain ones (French about 4%, Polish about 8%).
MAX_ACCENTED_SHARE = 0.25
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
SNIFF_BYTES = 8192
TYPOGRAPHIC = set("“”‘’„‚«»–—…•€£§°·¡¿")


@dataclass
class Decoded:
    """Text and the encoding it was decoded from (Python codec name)."""

    text: str
    encoding: str


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can trust; the message is the human reason."""


def decode_bytes(data: bytes, is_html: bool = False, declared: str | None = None) -> Decoded:
    """Decode `data`, raising DecodeError with a reason for binary or undecodable input.

    `declared` is a charset the container states (an HTTP Content-Type header); for HTML the page's own
    `<meta charset>` is read when nothing is declared. A declared charset is used only if it decodes cleanly.
    """
    if not data.strip():
        raise DecodeError("empty file")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, "byte-order mark")
    utf16 = _bomless_utf16(data[:SNIFF_BYTES])
    if utf16:
        return _strict(data, utf16, "UTF-16 byte pattern")
    if b"\x00" in data[:SNIFF_BYTES]:
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _normalise_label(declared) if declared else None
    if declared is None and is_html:
        declared = _declared_charset(data)
    if declared:
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return _guess(data)


def _strict(data: bytes, encoding: str, evidence: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding.removesuffix("-sig"))
    except UnicodeDecodeError as error:
        raise DecodeError(f"undecodable: {evidence} says {encoding} but byte {error.start} is invalid") from None


def _bomless_utf16(head: bytes) -> str | None:
    """UTF-16 text without a BOM shows as NUL in every other byte (for Latin-script text)."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.7 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.7 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:SNIFF_BYTES])
    if not match:
        return None
    return _normalise_label(match.group(1).decode("ascii", "replace"))


def _normalise_label(label: str) -> str | None:
    label = label.strip().lower()
    if label in AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _guess(data: bytes) -> Decoded:
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("undecodable: no text encoding fits the bytes")
    encoding = best.encoding
    if encoding != "cp1252" and not encoding.startswith("utf"):
        encoding = _prefer_cp1252(data, encoding)
    return Decoded(data.decode(encoding), encoding)


def _prefer_cp1252(data: bytes, guessed: str) -> str:
    """cp1252 instead of the statistical guess when the text is Latin-script prose under cp1252.

    Short English text with a few curly quotes or pound signs is where the guess goes wrong (cp775, cp1250,
    even cp932). Under cp1252 such text is mostly ASCII letters with typographic punctuation; Cyrillic or
    Greek bytes read as cp1252 turn into words made only of accented letters, which this check refuses.
    """
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return guessed
    letters = [ch for ch in western if ch.isalpha()]
    foreign = sum(1 for ch in letters if ord(ch) > 127)
    if not letters or foreign > MAX_ACCENTED_SHARE * len(letters):
        return guessed
    return "cp1252" if _plausibility(western) >= _plausibility(data.decode(guessed)) else guessed


def _plausibility(text: str) -> float:
    """Share of non-ASCII characters that are letters or typographic punctuation, as in real prose."""
    rare = [ch for ch in text if ord(ch) > 127]
    if not rare:
        return 1.0
    good = sum(1 for ch in rare if ch in TYPOGRAPHIC or unicodedata.category(ch).startswith("L"))
    return good / len(rare)
