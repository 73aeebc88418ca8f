"""Transcript turns: the paragraphs of an interview or debate transcript that news sites paste into a story.

    JAKE TAPPER: Do you think he has campaigned as a healer?
    FALLIN: I think he is trying to. …

Each paragraph opening with a speaker label in capitals and a colon is that speaker's turn, verbatim: a direct quote
whose cue is the colon. Unlabelled paragraphs between two turns (a long answer split over paragraphs) continue the
turn before them; a bracketed stage note (`(CROSSTALK)`) does not. It takes two labelled paragraphs to make a
transcript, so a lone `UPDATE:` or `WASHINGTON:` is never a speaker, and the labels that head notes rather than
people (`EDITOR'S NOTE`, `Q`, `A`) are never turns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .indirect import NOT_SOURCES

LABEL = re.compile(r"\s*[\"\u201c]?([A-Z][A-Z'\u2019.\-]*(?: [A-Z][A-Z'\u2019.\-]*){0,3}):[ \t]+(?=\S)")
STAGE_NOTE = re.compile(r"\s*[\"\u201c]?[(\[]")


@dataclass
class Turn:
    """One turn of a transcript, as article offsets: the label (the speaker as written), its colon, and the words
    after it. `label` is None for a paragraph continuing the turn before it."""

    paragraph: int
    start: int
    end: int
    label: str | None
    label_start: int | None = None
    colon: int | None = None


def _labelled(paragraph: str) -> re.Match[str] | None:
    match = LABEL.match(paragraph)
    if match is None:
        return None
    words = re.split(r"[\s'\u2019.\-]+", match.group(1).lower())
    return None if any(word in NOT_SOURCES for word in words) or len(match.group(1)) < 2 else match


def _content(paragraph: str, offset: int, begin: int) -> tuple[int, int]:
    """The turn's words, without the surrounding whitespace; where a quotation mark opens the paragraph (a
    transcript pasted as one long quote), without it and the mark that may close the paragraph."""
    opened = paragraph.lstrip()[:1] in ("\"", "\u201c")
    end = len(paragraph.rstrip().rstrip("\"\u201d").rstrip() if opened else paragraph.rstrip())
    while begin < end and (paragraph[begin].isspace() or (opened and paragraph[begin] in "\"\u201c")):
        begin += 1
    return offset + begin, offset + end


def find_turns(paragraphs: list[str], starts: list[int]) -> list[Turn]:
    """The transcript turns of an article (none unless at least two paragraphs carry a speaker label)."""
    labels = {i: match for i, p in enumerate(paragraphs) if (match := _labelled(p)) is not None}
    if len(labels) < 2:
        return []
    first, last = min(labels), max(labels)
    turns: list[Turn] = []
    for index in range(first, last + 1):
        paragraph, offset = paragraphs[index], starts[index]
        match = labels.get(index)
        if match is not None:
            start, end = _content(paragraph, offset, match.end())
            turns.append(Turn(index, start, end, match.group(1), offset + match.start(1), offset + match.end(1)))
        elif paragraph.strip() and not STAGE_NOTE.match(paragraph):
            start, end = _content(paragraph, offset, 0)
            turns.append(Turn(index, start, end, None))
    return [turn for turn in turns if turn.end > turn.start]
