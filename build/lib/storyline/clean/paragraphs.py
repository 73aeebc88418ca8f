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
_CLOSERS = "\"'”’»)]*_“‘"  # opening curly quotes too: pages often type “ where ” is meant
_FINISHED = re.compile(rf"[.!?…:;][{re.escape(_CLOSERS)}]*$")
# A sentence ends after a word of two small letters or digits: "U.S. SPENDING" and "J. Smith" go on.
_SENTENCE_END = re.compile(rf"(?<=[a-z0-9][a-z0-9])[.!?…][{re.escape(_CLOSERS)}]*(?=\s)")
_LIST_ITEM = re.compile(r"^(\d{1,3}|[a-z])[.)]\s")
_REPORTING_TAIL = re.compile(r"\b(said|says|added|adds|told \w+|wrote|writes|asked|explained|noted)$", re.I)

_PLAIN_WORDS = re.compile(r"^[\w'’-]+(?:,? [\w'’-]+)*$")
WRAP_MIN_CHARS = 40
MAX_BROKEN_TAIL_WORDS = 3
MIN_OPEN_QUOTE_WORDS = 4
MIN_SENTENCE_WORDS = 6


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
    if has_open_quote(previous) and len(previous.split()) >= MIN_OPEN_QUOTE_WORDS:
        return True
    if tail == previous or _LIST_ITEM.match(following):  # a heading or label; a list's next item
        return False
    return is_dangling_start(tail, previous[: len(previous) - len(tail)])


def is_dangling_start(tail: str, sentences: str) -> bool:
    """A few plain words opening a sentence ('Five'), after at least one real sentence. Not a credit
    ('(Reuters)'), not a Title Case label ('Not So Much'), not a complete unpunctuated clause ('Putin said')."""
    words = tail.split()
    if not words or len(words) > MAX_BROKEN_TAIL_WORDS or len(sentences.split()) < MIN_SENTENCE_WORDS:
        return False
    if not _PLAIN_WORDS.match(tail) or not tail[0].isalpha():
        return False
    if len(words) > 1 and not any(word[0].islower() for word in words[1:]):
        return False
    return not _REPORTING_TAIL.search(tail)


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
