"""Give every sentence the date it speaks about: the base the timeline is built on.

A sentence's own resolved date comes first: the first expression of its main clause (a date in a relative clause
belongs to a side remark), or the date of the event that "a day after returning" locates. A report in the present
or perfect ("says", "has killed") speaks of the publication day. A past-tense sentence without a date of its own
continues the story's reference time when the sentence just before it set one ("... said Wednesday. Activists
reported 50 killed."); otherwise it stays None rather than guessing. Only a past, day-precise date is continued:
"in March" does not date the next sentence.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..record import Article, Sentence, TimeExpression
from .tense import sentence_tense

_CALENDAR = re.compile(r"^\d{2,4}(-|$)")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def calendar_day_or_coarser(value: str | None) -> str | None:
    """The calendar part of a TimeML value (time of day dropped), None for durations and *_REF."""
    if value is None or not _CALENDAR.match(value):
        return None
    return value.split("T")[0]


def _own_dates(article: Article, dates: list[TimeExpression]) -> dict[int, str]:
    own: dict[int, str] = {}
    for expression in dates:
        value = calendar_day_or_coarser(expression.value)
        if expression.sentence is not None and value and expression.type in ("DATE", "TIME"):
            own.setdefault(expression.sentence, value)
    return own


def _sentence_span(docs: list[Doc], starts: list[int], sentence: Sentence):
    doc = docs[sentence.paragraph]
    offset = starts[sentence.paragraph]
    return doc.char_span(sentence.start - offset, sentence.end - offset, alignment_mode="expand")


def assign_sentence_dates(
    article: Article, dates: list[TimeExpression], published: str | None, located: dict[int, str] | None = None
) -> None:
    """Set `Sentence.date` on every sentence of `article` (needs `article.docs`). `dates` are the expressions that
    may date their sentence (main-clause ones); `located` maps a sentence to the date of the event an expression
    like "a day after returning" places in it."""
    own = _own_dates(article, dates)
    for index, value in (located or {}).items():
        own.setdefault(index, value)
    starts = article.paragraph_starts()
    previous_own: str | None = None
    for index, sentence in enumerate(article.sentences):
        if index in own:
            sentence.date = own[index]
            value = own[index]
            # Only a day already past is a reference time a following past-tense report continues.
            previous_own = value if _DAY.match(value) and (published is None or value <= published) else None
            continue
        span = _sentence_span(article.docs or [], starts, sentence) if article.docs else None
        tense = sentence_tense(span) if span is not None and len(span) else "none"
        if tense in ("present", "perfect") and published:
            sentence.date = published
        elif tense == "past" and previous_own is not None:
            sentence.date = previous_own
        else:
            sentence.date = None
        previous_own = None


def sentence_index(sentences: list[Sentence], position: int) -> int | None:
    """Index of the sentence containing character `position` of `Article.text`."""
    for index, sentence in enumerate(sentences):
        if sentence.start <= position < sentence.end:
            return index
    return None
