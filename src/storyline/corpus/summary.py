"""The story's summary: a few sentences in the order of the days they tell, each readable alone and cited, then a
short "what changed" part, the earliest and the latest figure of each measure that moved, as the articles state them.

The sentences come from the timeline summary (`corpus.tls`: the most reported days, the sentence that best tells
each), taking only sentences that stand alone: one opening on a pronoun ("It said…") leans on a referent in another
sentence, so another sentence of that day is taken instead. A story with fewer dated days is filled in with central
sentences (maximal marginal relevance: centrality to the corpus centre, where each article weighs the same, and a
bonus for articles not yet cited). A candidate too close to a chosen sentence (cosine `NEAR_DUPLICATE` or most of
its words shared) is never taken: the summary never says the same thing twice. Only the cleaned text is read, so
boilerplate never enters; sentences that address the reader are skipped as well.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from ..record import Article, Citation, SummarySentence
from ..embed import embed
from .overlap import NEAR_DUPLICATE, WORD_OVERLAP, word_overlap
from .series import build_series

DEFAULT_SENTENCES = 5
SHORTLIST = 40
PER_ARTICLE = 3
LAMBDA = 0.7
COVERAGE = 0.05
_WORD = re.compile(r"\w+")
_CALENDAR = re.compile(r"^\d{4}(-\d{2}){0,2}$")
# Sentences that speak to the reader or about the page, whatever the cleaner kept.
# A sentence opening on a pronoun leans on the one before it: out of context it cites nobody.
_LEANS = re.compile(r"^[\"“']?(he|she|they|it|his|her|their|its|this|these|those|that)\b", re.IGNORECASE)
_READER = re.compile(r"\b(subscribe|newsletter|click|sign up|log in|cookies?|advertis\w+|follow us|read more|"
                     r"share this|copyright|all rights reserved)\b|©|https?://", re.IGNORECASE)


@dataclass
class Candidate:
    article: Article
    index: int
    text: str


def summarise(articles: list[Article], sentences: int = DEFAULT_SENTENCES) -> list[SummarySentence]:
    """The summary (`sentences` long, in the order of the days they tell) followed by the "what changed" part.

    The story's timeline summary gives one readable sentence for each of its most reported days; when the story
    has fewer dated days than that, the most central undated sentences (maximal marginal relevance) fill in,
    never repeating a chosen one, placed at the day they speak of or else their article's publication day."""
    from .tls import summarise_timeline

    by_id = {a.id: a for a in articles}
    summary = [_from_entry(by_id[e.citations[0].article], e.citations[0].sentence or 0)
               for e in summarise_timeline(articles, dates=sentences, per_date=1, readable_only=True)]
    if len(summary) < sentences:
        summary += _central(articles, sentences - len(summary), summary)
    summary.sort(key=lambda s: (_day(by_id[s.citation.article], s.citation.sentence), s.published or "9999",
                                s.citation.article, s.citation.start))
    told = {(s.citation.article, s.citation.start) for s in summary}
    return summary + [s for s in what_changed(articles) if (s.citation.article, s.citation.start) not in told]


def _central(articles: list[Article], count: int, told: list[SummarySentence]) -> list[SummarySentence]:
    """Up to `count` central sentences by maximal marginal relevance, none near a sentence already told."""
    taken = {(s.citation.article, s.citation.sentence) for s in told}
    candidates = [c for c in shortlist(summary_candidates(articles), max(SHORTLIST, 6 * count))
                  if (c.article.id, c.index) not in taken]
    if not candidates:
        return []
    vectors = embed([c.text for c in candidates])
    told_vectors = embed([s.text for s in told])
    fresh = [i for i in range(len(candidates)) if not any(
        float(vectors[i] @ v) >= NEAR_DUPLICATE or word_overlap(candidates[i].text, s.text) >= WORD_OVERLAP
        for s, v in zip(told, told_vectors))]
    chosen = select([candidates[i] for i in fresh], vectors[fresh], count)
    return [_sentence(candidates[fresh[i]], "summary") for i in chosen]


def _day(article: Article, index: int | None) -> str:
    """The day a sentence speaks of (its own date), else its article's publication day; undated ones last."""
    own = article.sentences[index].date if index is not None else None
    return own if own and _CALENDAR.match(own) else article.published or "9999"


def _from_entry(article: Article, index: int) -> SummarySentence:
    sentence = article.sentences[index]
    return SummarySentence(text=article.text[sentence.start:sentence.end], part="summary",
                           published=article.published,
                           citation=Citation(article.id, sentence.start, sentence.end, index))


def summary_candidates(articles: list[Article]) -> list[Candidate]:
    found = []
    for article in articles:
        for index, sentence in enumerate(article.sentences):
            text = article.text[sentence.start:sentence.end]
            if 8 <= len(text.split()) <= 60 and not _READER.search(text) and not _LEANS.match(text) and text.rstrip()[-1:] in '.!"”\'’':
                found.append(Candidate(article, index, text))
    return found


def shortlist(candidates: list[Candidate], limit: int) -> list[Candidate]:
    """The candidates most central by TF-IDF (the best `PER_ARTICLE` of each article kept), so that only a bounded
    number of sentences is embedded however large the corpus: embedding every sentence would dominate a build."""
    if len(candidates) <= limit:
        return candidates
    bags = [Counter(_WORD.findall(c.text.lower())) for c in candidates]
    document_frequency = Counter(word for bag in bags for word in bag)
    idf = {word: math.log(len(bags) / count) for word, count in document_frequency.items()}
    vectors = [{w: n * idf[w] for w, n in bag.items()} for bag in bags]
    centre: Counter[str] = Counter()
    for vector in vectors:
        centre.update({w: v / (math.sqrt(sum(x * x for x in vector.values())) or 1) for w, v in vector.items()})
    scores = [sum(v * centre[w] for w, v in vector.items()) / (math.sqrt(sum(x * x for x in vector.values())) or 1)
              for vector in vectors]
    ranked = sorted(range(len(candidates)), key=lambda i: -scores[i])
    kept: dict[str, int] = Counter()
    chosen = []
    for i in ranked:
        if len(chosen) < limit or kept[candidates[i].article.id] < PER_ARTICLE:
            chosen.append(i)
            kept[candidates[i].article.id] += 1
    return [candidates[i] for i in sorted(chosen)]


def select(candidates: list[Candidate], vectors: np.ndarray, count: int) -> list[int]:
    """Maximal marginal relevance over centrality, with a bonus for uncited articles and no near-duplicates."""
    centrality = vectors @ _centre(candidates, vectors)
    chosen: list[int] = []
    cited: set[str] = set()
    while len(chosen) < count:
        best, best_score = None, -np.inf
        for i in range(len(candidates)):
            if i in chosen or _repeats(i, chosen, candidates, vectors):
                continue
            redundancy = max((float(vectors[i] @ vectors[j]) for j in chosen), default=0.0)
            score = LAMBDA * centrality[i] - (1 - LAMBDA) * redundancy
            score += COVERAGE if candidates[i].article.id not in cited else 0.0
            if score > best_score:
                best, best_score = i, score
        if best is None:
            break
        chosen.append(best)
        cited.add(candidates[best].article.id)
    return chosen


def _centre(candidates: list[Candidate], vectors: np.ndarray) -> np.ndarray:
    by_article: dict[str, list[int]] = {}
    for i, candidate in enumerate(candidates):
        by_article.setdefault(candidate.article.id, []).append(i)
    centre = np.mean([vectors[rows].mean(axis=0) for rows in by_article.values()], axis=0)
    return centre / (np.linalg.norm(centre) or 1.0)


def _repeats(i: int, chosen: list[int], candidates: list[Candidate], vectors: np.ndarray) -> bool:
    return any(float(vectors[i] @ vectors[j]) >= NEAR_DUPLICATE
               or word_overlap(candidates[i].text, candidates[j].text) >= WORD_OVERLAP for j in chosen)


def what_changed(articles: list[Article]) -> list[SummarySentence]:
    """For each measure with dated figures from two articles or more: its earliest and its latest sentence."""
    by_id = {a.id: a for a in articles}
    changed = []
    for series in build_series(articles):
        points = series.points
        if series.scope != "overall":
            continue  # incident figures count different events: no change to tell
        if len({p.citation.article for p in points}) < 2 or points[0].as_of == points[-1].as_of:
            continue
        for point in (points[0], points[-1]):
            article = by_id[point.citation.article]
            sentence = article.sentences[point.citation.sentence or 0]
            changed.append(SummarySentence(
                text=article.text[sentence.start:sentence.end], part=f"what changed: {series.measure}",
                citation=Citation(article.id, sentence.start, sentence.end, point.citation.sentence),
                published=article.published))
    return changed


def _sentence(candidate: Candidate, part: str) -> SummarySentence:
    sentence = candidate.article.sentences[candidate.index]
    return SummarySentence(text=candidate.text, part=part, published=candidate.article.published,
                           citation=Citation(candidate.article.id, sentence.start, sentence.end, candidate.index))
