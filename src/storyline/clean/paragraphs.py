"""Split plain text into paragraph pieces and rejoin paragraphs the page broke in the middle of a sentence.

Scraped text separates paragraphs either by blank lines or by single newlines (one paragraph a line), and
sometimes hard-wraps a paragraph over several lines. We normalise whitespace first (NBSP and other Unicode spaces
become plain spaces: they are layout, not content) so that kept paragraphs are the page's own words and
character offsets into them stay meaningful.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Spaces that are layout only: NBSP, figure space, narrow NBSP, thin/hair/em/en spaces, ideographic space.
_LAYOUT_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_RUNS_OF_SPACES = re.compile(r" {2,}")

# A sentence is finished when it ends in terminal punctuation, maybe followed by closing quotes or brackets.
_CLOSERS = "\"'”’»)]*_"
_FINISHED = re.compile(rf"[.!?…:;][{re.escape(_CLOSERS)}]*$")
_SENTENCE_END = re.compile(rf"[.!?…][{re.escape(_CLOSERS)}]*(?=\s)")
_REPORTING_TAIL = re.compile(r"\b(said|says|added|adds|told \w+|wrote|writes|asked|explained|noted)$", re.I)

_PLAIN_WORDS = re.compile(r"^[\w'’-]+(?:,? [\w'’-]+)*$")
WRAP_MIN_CHARS = 40
MAX_BROKEN_TAIL_WORDS = 3


@dataclass
class Piece:
    """One paragraph candidate and the blank-line-separated block it came from (blocks hint at regions)."""

    text: str
    block: int


def normalise_line(line: str) -> str:
    """Fold layout spaces to single plain spaces and drop invisible characters."""
    line = _INVISIBLE.sub("", _LAYOUT_SPACES.sub(" ", line))
    return _RUNS_OF_SPACES.sub(" ", line).strip()


def split_pieces(text: str) -> list[Piece]:
    """Split text into pieces: blank lines always separate; single newlines too, unless the block is hard-wrapped."""
    lines = [normalise_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    pieces: list[Piece] = []
    for number, block in enumerate(b for b in blocks if b):
        if is_hard_wrapped(block):
            pieces.append(Piece(" ".join(block), number))
        else:
            pieces.extend(Piece(line, number) for line in block)
    return pieces


def is_hard_wrapped(lines: list[str]) -> bool:
    """A block is one wrapped paragraph when its lines (but the last) are long and mostly stop mid-sentence."""
    if len(lines) < 2:
        return False
    inner = lines[:-1]
    long_open = [line for line in inner if len(line) >= WRAP_MIN_CHARS and not _FINISHED.search(line)]
    return len(long_open) * 2 > len(inner)


def is_finished(paragraph: str) -> bool:
    """True when the paragraph ends in terminal punctuation (maybe inside closing quotes)."""
    return bool(_FINISHED.search(paragraph.rstrip()))


def has_open_quote(paragraph: str) -> bool:
    """True when a quotation is opened and not closed: curly quotes unbalanced, or an odd number of straight ones."""
    curly_open, curly_close = paragraph.count("“"), paragraph.count("”")
    return curly_open > curly_close or paragraph.count('"') % 2 == 1


def broken_tail(paragraph: str) -> str | None:
    """The words after the paragraph's last sentence end, when the paragraph stops mid-sentence; else None."""
    if is_finished(paragraph):
        return None
    ends = list(_SENTENCE_END.finditer(paragraph))
    return paragraph[ends[-1].end():].strip() if ends else paragraph


def continues(previous: str, following: str) -> bool:
    """Decide whether `following` continues the sentence that `previous` left unfinished.

    Evidence: the next paragraph starts in lower case; or a quotation is left open; or only a few words of a new
    sentence dangle after the last full stop (a sentence with its own speech verb is complete, just unpunctuated).
    """
    tail = broken_tail(previous)
    if tail is None or not following:
        return False
    if following[0].islower():
        return True
    if tail == previous:  # no full sentence at all: a heading or a label, not a broken sentence
        return False
    if has_open_quote(previous):
        return True
    words = tail.split()
    plain_words = bool(_PLAIN_WORDS.match(tail))  # "(Reuters)" or "[1]" after a full stop is a credit, not a start
    return len(words) <= MAX_BROKEN_TAIL_WORDS and plain_words and not _REPORTING_TAIL.search(tail)


@dataclass
class Rejoined:
    """Paragraphs after rejoining, and the pairs that were glued (for tests and diagnostics)."""

    paragraphs: list[str]
    joins: list[tuple[str, str]]


def rejoin_broken(paragraphs: list[str]) -> Rejoined:
    """Glue each paragraph that continues the previous one's unfinished sentence onto it, with one space."""
    merged: list[str] = []
    joins: list[tuple[str, str]] = []
    for paragraph in paragraphs:
        if merged and continues(merged[-1], paragraph):
            joins.append((merged[-1], paragraph))
            merged[-1] = f"{merged[-1]} {paragraph}"
        else:
            merged.append(paragraph)
    return Rejoined(merged, joins)
