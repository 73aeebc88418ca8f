"""Timeline summarisation: the few dates of a story that mattered, each with the one or two sentences that best say
what happened that day, across articles, cited, never repeating themselves.

Dates are chosen by how widely the articles point at them (`date_scores`): every article whose own time
expressions name a day ("on 20 April", "yesterday" resolved against its publication day) counts once for that day,
its sentences add a little more, and a burst of articles published on a day (or the day after: today's papers tell
yesterday's news) counts as well. A day only articles dated *after* it point at was reported on afterwards, which
is what the field's gold timelines list.

A day's sentences are those whose own date (`Sentence.date`, the first main-clause expression or the tense-derived
day, so a side clause "… since the 2008 war" does not date the sentence) is that day. They are ranked by centrality
among that day's candidates (MiniLM embeddings, only of the candidates of the chosen days, at most `POOL` per day,
so the similarity matrices stay per day and bounded), with a bonus for naming the day outright and for coming early
in the article (news leads tell the event). Captions, headline blobs and questions are never candidates; a sentence
too close to one already chosen anywhere in the timeline is skipped.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ..record import Article, Citation, TimelineEntry
from ..embed import embed
from .overlap import NEAR_DUPLICATE, WORD_OVERLAP, word_overlap

MIN_WORDS, MAX_WORDS = 6, 50
POOL = 60
EXPLICIT_BONUS = 0.05
LEAD_BONUS = 0.04
ARTICLE_WEIGHT = 1.0
SENTENCE_WEIGHT = 0.25
BURST_WEIGHT = 0.5
FUTURE_WEIGHT = 0.5
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_END = re.compile(r"[.!\"”’']\s*$")
_LEANS = re.compile(r"^[\"“']?(he|she|they|it|his|her|their|its|this|these|those|that|there|him|them)\b",
                    re.IGNORECASE)
_CAPTION = re.compile(r"^(photo|picture|image|video|watch|listen|graphic|map|file)\b|\b(pictured|getty images|"
                      r"reuters/|ap photo|\(ap\)|click here|read more)\b", re.IGNORECASE)


@dataclass
class Candidate:
    """A sentence that may tell what happened on `day`."""

    article: Article
    index: int
    text: str
    day: str
    explicit: bool

    @property
    def readable(self) -> bool:
        """Whether it stands alone: no opening pronoun whose referent sits in another sentence."""
        return not _LEANS.match(self.text)


def summarise_timeline(articles: list[Article], dates: int | None = None, per_date: int | None = None,
                       start: str | None = None, end: str | None = None,
                       readable_only: bool = False) -> list[TimelineEntry]:
    """The story's timeline summary, in date order: `dates` days (default from the story's size), `per_date`
    sentences each (default 1, 2 for a story of 50 articles or more), only days within [`start`, `end`]."""
    analysed = [a for a in articles if a.analysable]
    dates = dates if dates is not None else default_dates(len(analysed))
    per_date = per_date if per_date is not None else (2 if len(analysed) >= 50 else 1)
    scores = date_scores(analysed, start, end)
    by_day = candidates_by_day(analysed, set(scores), readable_only)
    ranked = [d for d in sorted(scores, key=lambda d: (-scores[d], d)) if by_day.get(d)]
    chosen_days = ranked[:dates]
    chosen = choose_sentences({d: by_day[d] for d in chosen_days}, per_date)
    return [_entry(c, scores[c.day], len({x.article.id for x in by_day[c.day]}))
            for c in sorted(chosen, key=lambda c: (c.day, c.article.published or "", c.article.id, c.index))]


def default_dates(articles: int) -> int:
    """About two days per square root of the articles: 5 articles give 4 days, 300 give 35; never under 3."""
    return max(3, min(60, round(2 * math.sqrt(max(articles, 1)))))


def date_scores(articles: list[Article], start: str | None = None, end: str | None = None) -> dict[str, float]:
    """How much the story points at each day within [start, end]: distinct articles naming it (sentences add a
    little), a day after the article's publication at half weight (announced, not reported), publication bursts."""
    mentions: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        for expression in article.dates:
            value = (expression.value or "")[:10]
            if expression.type in ("DATE", "TIME") and _DAY.match(value) and expression.sentence is not None:
                mentions[value][article.id] += 1
    published = Counter(a.published for a in articles if a.published and _DAY.match(a.published))
    day_of = {a.id: a.published for a in articles}
    scores: dict[str, float] = {}
    for day in set(mentions) | set(published):
        if (start and day < start) or (end and day > end):
            continue
        named = sum(ARTICLE_WEIGHT * (FUTURE_WEIGHT if (day_of[a] or day) < day else 1.0)
                    + SENTENCE_WEIGHT * math.log(n) for a, n in mentions[day].items())
        burst = published[day] + published[_shift(day, 1)]
        scores[day] = named + BURST_WEIGHT * burst
    return scores


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def candidates_by_day(articles: list[Article], days: set[str], readable_only: bool = False
                      ) -> dict[str, list[Candidate]]:
    """Each day's candidate sentences: own date that day, a sentence's length, not a caption, headline or
    question; at most `POOL` a day, those naming the day and those earliest in their article first."""
    found: dict[str, list[Candidate]] = defaultdict(list)
    for article in articles:
        named = {(d.sentence, (d.value or "")[:10]) for d in article.dates}
        for index, sentence in enumerate(article.sentences):
            if sentence.date not in days:
                continue
            text = article.text[sentence.start:sentence.end]
            if not is_candidate(text):
                continue
            candidate = Candidate(article, index, text, sentence.date, (index, sentence.date) in named)
            if not readable_only or candidate.readable:
                found[sentence.date].append(candidate)
    return {day: sorted(pool, key=lambda c: (not c.explicit, c.index, c.article.id))[:POOL]
            for day, pool in found.items()}


def is_candidate(text: str) -> bool:
    """A sentence a timeline can show: a full sentence of ordinary length ending as one, no caption or credit."""
    words = len(text.split())
    return MIN_WORDS <= words <= MAX_WORDS and bool(_END.search(text)) and not text.rstrip().endswith("?") \
        and not _CAPTION.search(text) and (text[:1].isupper() or text[:1] in "\"“'")


def choose_sentences(by_day: dict[str, list[Candidate]], per_date: int) -> list[Candidate]:
    """Up to `per_date` sentences a day: the most central of the day first, never near a sentence already chosen
    (on any day), readable ones preferred."""
    pools = list(by_day.values())
    vectors = embed([c.text for pool in pools for c in pool])
    chosen: list[Candidate] = []
    chosen_vectors: list[np.ndarray] = []
    offset = 0
    for pool in pools:
        rows = vectors[offset:offset + len(pool)]
        offset += len(pool)
        for i in rank_day(pool, rows):
            if sum(c.day == pool[i].day for c in chosen) >= per_date:
                break
            if _repeats(pool[i], rows[i], chosen, chosen_vectors):
                continue
            chosen.append(pool[i])
            chosen_vectors.append(rows[i])
    return chosen


def rank_day(pool: list[Candidate], vectors: np.ndarray) -> list[int]:
    """The day's candidates best first: similarity to the day's centre (each article weighing the same), plus the
    bonuses for naming the day, an early place and standing alone."""
    centre = _article_centre(pool, vectors)
    scores = vectors @ centre
    for i, candidate in enumerate(pool):
        scores[i] += EXPLICIT_BONUS * candidate.explicit + LEAD_BONUS * (candidate.index < 3)
        scores[i] += EXPLICIT_BONUS * candidate.readable
    return sorted(range(len(pool)), key=lambda i: -scores[i])


def _article_centre(pool: list[Candidate], vectors: np.ndarray) -> np.ndarray:
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, candidate in enumerate(pool):
        by_article[candidate.article.id].append(i)
    centre = np.mean([vectors[rows].mean(axis=0) for rows in by_article.values()], axis=0)
    return centre / (np.linalg.norm(centre) or 1.0)


def _repeats(candidate: Candidate, vector: np.ndarray, chosen: list[Candidate], vectors: list[np.ndarray]) -> bool:
    return any(float(vector @ other) >= NEAR_DUPLICATE or word_overlap(candidate.text, c.text) >= WORD_OVERLAP
               for c, other in zip(chosen, vectors))


def _entry(candidate: Candidate, score: float, articles: int) -> TimelineEntry:
    sentence = candidate.article.sentences[candidate.index]
    return TimelineEntry(date=candidate.day, precision="day", text=candidate.text,
                         citations=[Citation(candidate.article.id, sentence.start, sentence.end, candidate.index)],
                         articles=articles)
