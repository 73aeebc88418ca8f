"""Quotation-mark spans: where the article itself marks words as someone else's.

Scraped news mixes curly, straight and «guillemet» marks, leaves quotes unclosed, and page breaks cut a quote into
two paragraphs. The scanner pairs marks per paragraph and follows the news conventions across paragraphs:
a quote left open at a paragraph's end continues when the next paragraph re-opens it (it then ends at the break) or
closes it before opening any other (a page break cut it). Anything else ends at the paragraph's end, so one stray
mark can never swallow the rest of the article. Single quotes are not scanned: they are apostrophes too often;
a pair of them (`''`) is read as a straight double quote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d", '"': '"'}
CLOSERS = {"\u201d", "\u00bb", '"'}


@dataclass
class MarkSpan:
    """A quoted stretch: `start`/`end` enclose the words only, `outer_*` include the marks (article offsets)."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    balanced: bool = True
    reopened: bool = False  # the next paragraph re-opens it: the news convention for a multi-paragraph quote


def _is_opening(text: str, index: int, length: int = 1) -> bool:
    """A straight quote opens when it follows a space, a start or an opening bracket, and is not before a space."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + length] if index + length < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{\u2014-:/" or index == 0


MARK = re.compile("''|[\"\u201c\u00ab\u201e\u201d\u00bb]")  # two apostrophes first: they are one mark


def _marks(text: str) -> list[tuple[int, str, int]]:
    """(offset, 'open'|'close', length) for every double quotation mark in one paragraph; two apostrophes (`''`,
    the New York Times' house style) count as one straight double quote."""
    found = []
    for match in MARK.finditer(text):
        index, mark = match.start(), match.group()
        if mark in ("''", '"'):
            found.append((index, "open" if _is_opening(text, index, len(mark)) else "close", len(mark)))
        else:
            found.append((index, "open" if mark in OPENERS else "close", 1))
    return found


def _first_mark(text: str) -> str | None:
    marks = _marks(text)
    return marks[0][1] if marks else None


def _pair_paragraph(text: str, carried: bool) -> tuple[list[tuple[int | None, int, int]], int | None, int]:
    """Pair open and close marks in one paragraph; `carried` means a quote from the paragraph before is still open.

    Returns the closed pairs as (open offset or None for the carried one, close offset, close mark length), and
    the offset and mark length of a quote left open at the end (None, 0 if none).
    """
    pairs: list[tuple[int | None, int, int]] = []
    open_at: int | None = None
    open_length = 0
    is_open = carried
    for offset, kind, length in _marks(text):
        if kind == "open" and not is_open:
            open_at, open_length, is_open = offset, length, True
        elif kind == "close" and is_open:
            pairs.append((open_at, offset, length))
            open_at, is_open = None, False
        elif kind == "open" and is_open and open_at is not None:
            open_at, open_length = offset, length  # a second opener: the first was stray
    if is_open and open_at is not None:
        return pairs, open_at, open_length
    return pairs, None, 0


def find_marks(paragraphs: list[str], starts: list[int]) -> list[MarkSpan]:
    """All quoted spans of an article, as article offsets (see the module docstring for the conventions)."""
    spans: list[MarkSpan] = []
    pending: tuple[int, int, int] | None = None  # (paragraph, opener offset, opener length) crossing a break
    for index, (text, base) in enumerate(zip(paragraphs, starts)):
        carried = pending is not None and _first_mark(text) == "close"
        if pending is not None and not carried:
            spans.append(_close_at_paragraph_end(paragraphs, starts, pending, text))
        pairs, left_open, left_length = _pair_paragraph(text, carried)
        for open_at, close_at, close_length in pairs:
            if open_at is None and pending is not None:
                p_index, p_offset, p_length = pending
                spans.append(MarkSpan(starts[p_index] + p_offset + p_length, base + close_at,
                                      starts[p_index] + p_offset, base + close_at + close_length))
            elif open_at is not None:
                open_length = 2 if text.startswith("''", open_at) else 1
                spans.append(MarkSpan(base + open_at + open_length, base + close_at, base + open_at,
                                      base + close_at + close_length))
        pending = (index, left_open, left_length) if left_open is not None else None
    if pending is not None:
        spans.append(_close_at_paragraph_end(paragraphs, starts, pending, ""))
    return spans


def _close_at_paragraph_end(paragraphs: list[str], starts: list[int], pending: tuple[int, int, int],
                            next_text: str) -> MarkSpan:
    p_index, p_offset, p_length = pending
    end = starts[p_index] + len(paragraphs[p_index].rstrip())
    opener = next_text.lstrip()
    reopened = _first_mark(next_text) == "open" and (opener[:1] in OPENERS or opener.startswith("''"))
    return MarkSpan(starts[p_index] + p_offset + p_length, end, starts[p_index] + p_offset, end, balanced=reopened,
                    reopened=reopened)
