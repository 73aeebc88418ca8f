"""The timeline: dated entries of what happened, from sentences with a resolved date of their own, the same event
reported by several articles merged into one entry that cites them all, ranked by how widely it was reported.

Two event sentences are the same event when their dates agree (a day within one day of the other; a month or a
year containing the day) and they say the same thing: sentence embeddings close (cosine `SAME`), or close enough
(`SAME_WITH_ENTITY`) while naming a common person, organisation or place; groups join only while their centroids
stay alike (`GROUP_LINK`). An entry keeps the finest date its
sentences give and its precision ("day", "month", "year"): a month-only event sits in its month.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from ..record import Article, Citation, TimelineEntry
from ..embed import embed

SAME = 0.72
SAME_WITH_ENTITY = 0.55
GROUP_LINK = 0.6
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
    """One mention per date a sentence states: its own date (from an expression, a located event, or the day the
    sentence before set), and the date of each dated clause inside it ("an initiative floated last November")."""
    mentions = []
    for article in articles:
        for index, sentence in enumerate(article.sentences):
            text = article.text[sentence.start:sentence.end]
            if len(text.split()) < MIN_WORDS:
                continue
            for when in _sentence_dates(article, index):
                mentions.append(EventMention(article.id, index, sentence.start, sentence.end, text, when,
                                             _entities(article, index)))
    return mentions


def _sentence_dates(article: Article, index: int) -> list[str]:
    """The calendar dates a sentence states; a present-tense sentence dated only by its publication day has none."""
    sentence = article.sentences[index]
    stated = [d.value[:10] for d in article.dates
              if d.sentence == index and d.type in ("DATE", "TIME") and d.value and precision(d.value[:10])]
    previous = article.sentences[index - 1] if index else None
    continued = previous is not None and bool(_DAY.match(sentence.date or "")) and previous.date == sentence.date \
        and any(d.sentence == index - 1 for d in article.dates)
    dates = list(stated)
    if sentence.date and precision(sentence.date) and (
            stated or continued or sentence.date != article.published):
        dates.insert(0, sentence.date)
    return list(dict.fromkeys(dates))


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
    """Dates agree and the wording is close; within one article only an identical date (two dates one article
    tells apart are two events)."""
    if not dates_agree(a.date, b.date) or (a.article == b.article and a.date != b.date):
        return False
    return similarity >= SAME or (similarity >= SAME_WITH_ENTITY and bool(a.entities & b.entities))


def merge(mentions: list[EventMention], vectors: np.ndarray) -> list[list[int]]:
    """Groups of mention indices reporting one event, in first-mention order.

    Closest pairs first; two groups join when one pair across them is `same_event`, their centroids are at least
    `GROUP_LINK` alike and every date across them agrees. Plain single link chains unrelated reports together
    (on ECB+ it merged at precision 0.47 where this keeps 0.57 at the same F1).
    """
    members = {i: [i] for i in range(len(mentions))}
    sums = {i: vectors[i].astype(np.float64) for i in range(len(mentions))}
    group = list(range(len(mentions)))
    for similarity, i, j in candidate_pairs(mentions, vectors):
        a, b = group[i], group[j]
        if a == b or not same_event(mentions[i], mentions[j], similarity) or not _can_join(
                members[a], members[b], sums[a], sums[b], mentions):
            continue
        for k in members[b]:
            group[k] = a
        members[a] += members.pop(b)
        sums[a] = sums[a] + sums.pop(b)
    return sorted((sorted(g) for g in members.values()), key=lambda g: g[0])


def candidate_pairs(mentions: list[EventMention], vectors: np.ndarray) -> list[tuple[float, int, int]]:
    """Pairs similar enough to be one event, closest first, compared only within a year (a corpus of many years
    never builds one all-against-all matrix); mentions without a date form one block."""
    blocks: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        blocks.setdefault((mention.date or "")[:4], []).append(index)
    pairs = []
    for rows in blocks.values():
        similarities = vectors[rows] @ vectors[rows].T
        for a, b in zip(*np.nonzero(np.triu(similarities >= SAME_WITH_ENTITY, k=1))):
            pairs.append((float(similarities[a, b]), rows[a], rows[b]))
    return sorted(pairs, reverse=True)


def _can_join(first: list[int], second: list[int], sum_a: np.ndarray, sum_b: np.ndarray,
              mentions: list[EventMention]) -> bool:
    centroid_similarity = float(sum_a @ sum_b) / (np.linalg.norm(sum_a) * np.linalg.norm(sum_b) or 1.0)
    return centroid_similarity >= GROUP_LINK and all(
        dates_agree(mentions[x].date, mentions[y].date) for x in first for y in second)


def _entry(group: list[EventMention], vectors: np.ndarray) -> TimelineEntry:
    """One entry: the finest date its sentences give (the most common among those), the most central sentence."""
    finest = max(len(m.date or "") for m in group)
    dates = [m.date for m in group if m.date and len(m.date) == finest]
    when = max(sorted(set(dates)), key=dates.count)  # the most reported, the earliest on a tie
    centre = vectors.mean(axis=0)
    best = group[int(np.argmax(vectors @ centre))]
    return TimelineEntry(
        date=when, precision=precision(when) or "day", text=best.text,
        citations=[Citation(m.article, m.start, m.end, m.sentence) for m in group],
        articles=len({m.article for m in group}),
    )
