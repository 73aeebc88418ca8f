"""The timeline: dated entries of what happened, from sentences with a resolved date of their own, the same event
reported by several articles merged into one entry that cites them all, ranked by how widely it was reported.

Two event sentences are the same event when their dates agree (a day within one day of the other; a month or a
year containing the day) and they say the same thing: sentence embeddings close (cosine `SAME`), or close enough
(`SAME_WITH_ENTITY`) while naming a common person, organisation or place. An entry keeps the finest date its
sentences give and its precision ("day", "month", "year"): a month-only event sits in its month.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from ..record import Article, Citation, TimelineEntry
from .embed import embed

SAME = 0.72
SAME_WITH_ENTITY = 0.55
MIN_WORDS = 6
_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT"}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")


@dataclass
class EventMention:
    """A sentence that reports something at a resolved date, with what the merging compares."""

    article: str
    sentence: int
    start: int
    end: int
    text: str
    date: str | None
    entities: set[str] = field(default_factory=set)


def build_timeline(articles: list[Article]) -> list[TimelineEntry]:
    """The timeline of the corpus, most widely reported first, then by date."""
    mentions = event_mentions(articles)
    vectors = embed([m.text for m in mentions])
    entries = [_entry([mentions[i] for i in group], vectors[group]) for group in merge(mentions, vectors)]
    return sorted(entries, key=lambda e: (-e.articles, e.date, e.text))


def event_mentions(articles: list[Article]) -> list[EventMention]:
    """Sentences dated by an expression of their own, or continuing the day the sentence before them set."""
    mentions = []
    for article in articles:
        own = {d.sentence for d in article.dates
               if d.sentence is not None and d.type in ("DATE", "TIME") and d.value and precision(d.value[:10])}
        for index, sentence in enumerate(article.sentences):
            continued = index - 1 in own and _DAY.match(sentence.date or "") and \
                article.sentences[index - 1].date == sentence.date
            text = article.text[sentence.start:sentence.end]
            if not sentence.date or not precision(sentence.date) or len(text.split()) < MIN_WORDS:
                continue
            if index in own or continued:
                mentions.append(EventMention(article.id, index, sentence.start, sentence.end, text, sentence.date,
                                             _entities(article, index)))
    return mentions


def _entities(article: Article, index: int) -> set[str]:
    return {entity_key(e.text) for e in article.entities if e.sentence == index and e.label in _ENTITY_LABELS}


def entity_key(text: str) -> str:
    """A loose key: "the United Nations" and "United Nations", "Vladimir Putin" and "Putin" meet."""
    words = re.sub(r"^the\s+|'s$", "", text.strip(), flags=re.IGNORECASE).split()
    return words[-1].lower() if words else ""


def precision(value: str) -> str | None:
    if _DAY.match(value):
        return "day"
    if _MONTH.match(value):
        return "month"
    return "year" if _YEAR.match(value) else None


def dates_agree(a: str | None, b: str | None) -> bool:
    """Within a day for two days; containment when one is a month or a year. No date on either side: agree."""
    if a is None or b is None:
        return True
    if _DAY.match(a) and _DAY.match(b):
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter)


def same_event(a: EventMention, b: EventMention, similarity: float) -> bool:
    if not dates_agree(a.date, b.date):
        return False
    return similarity >= SAME or (similarity >= SAME_WITH_ENTITY and bool(a.entities & b.entities))


def merge(mentions: list[EventMention], vectors: np.ndarray) -> list[list[int]]:
    """Groups of mention indices reporting one event (single link over `same_event`), in first-mention order."""
    parent = list(range(len(mentions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    similarities = vectors @ vectors.T if len(mentions) else np.zeros((0, 0))
    for i, j in zip(*np.nonzero(np.triu(similarities >= SAME_WITH_ENTITY, k=1))):
        if same_event(mentions[i], mentions[j], float(similarities[i, j])):
            parent[root(int(i))] = root(int(j))
    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _entry(group: list[EventMention], vectors: np.ndarray) -> TimelineEntry:
    """One entry: the finest date its sentences give (the most common among those), the most central sentence."""
    finest = max(len(m.date or "") for m in group)
    dates = [m.date for m in group if m.date and len(m.date) == finest]
    when = max(sorted(set(dates)), key=dates.count)
    centre = vectors.mean(axis=0)
    best = group[int(np.argmax(vectors @ centre))]
    return TimelineEntry(
        date=when, precision=precision(when) or "day", text=best.text,
        citations=[Citation(m.article, m.start, m.end, m.sentence) for m in group],
        articles=len({m.article for m in group}),
    )
