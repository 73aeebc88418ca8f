"""Sentences a scraper split at its links, put back together before any line is judged.

A scraper that writes every text node on a line of its own cuts a paragraph at each link or emphasis: "The
ministry told" / "Reuters" / ", without giving details." Judged alone, each piece looks like a menu item and
would be dropped. A piece that leaves its sentence open (no closing punctuation, an open end such as a word, a
comma or a dash) goes on with the next line of the same block when that line starts like a continuation (a
small letter, a comma, a closing mark) or when the piece stops on a small function word ("according to") and
is itself part of a sentence (several words, or a piece that starts in lower case; "About us" is a menu item).
Lines separated by a blank line are never joined: there the writer meant paragraphs.
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from .paragraphs import Piece, is_finished

OPEN_END = re.compile(r"[\w,(\-–—/&]$")
DASH_END = re.compile(r"[,\-–—]$")
CONTINUATION_START = re.compile(r"^[a-z,.;:)\]!?%’”'\"]")
MIN_OPENING_WORDS = 4


def joins(previous: str, following: str) -> bool:
    """True when `following` goes on with the sentence `previous` left open."""
    if is_finished(previous) or not OPEN_END.search(previous):
        return False
    if DASH_END.search(previous) or CONTINUATION_START.match(following):
        return True
    words = previous.split()
    in_sentence = len(words) >= MIN_OPENING_WORDS or previous[0].islower()  # "About us" is a menu item
    return in_sentence and words[-1].islower() and words[-1] in STOP_WORDS


def join_fragments(pieces: list[Piece]) -> list[Piece]:
    """Consecutive pieces of one block joined where the first leaves its sentence open to the second."""
    joined: list[Piece] = []
    for piece in pieces:
        if joined and joined[-1].block == piece.block and joins(joined[-1].text, piece.text):
            glue = "" if CONTINUATION_START.match(piece.text) and piece.text[0] in ",.;:)]!?%" else " "
            joined[-1] = Piece(f"{joined[-1].text}{glue}{piece.text}", piece.block)
        else:
            joined.append(piece)
    return joined
