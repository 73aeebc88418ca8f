"""The lexicon baseline the positions are measured beside: VADER's sentiment lexicon (shipped inside the pinned
vaderSentiment package, nothing downloaded) over each quote; the target is every entity the quote mentions, the
polarity the sign of the compound score (|score| < 0.05 says nothing)."""
from __future__ import annotations

from functools import lru_cache

from ..record import Article
from .lexicon import ACTOR_LABELS

NEUTRAL_BAND = 0.05


@lru_cache(maxsize=1)
def _analyser():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def lexicon_triples(article: Article) -> list[tuple[str, str, str, str]]:
    """(speaker, target entity, "pos" | "neg", evidence quote) for each quote with a speaker and a clear score."""
    found = []
    for quote in article.quotes:
        speaker = quote.speaker or quote.speaker_text
        if not speaker:
            continue
        score = _analyser().polarity_scores(quote.text)["compound"]
        if abs(score) < NEUTRAL_BAND:
            continue
        polarity = "pos" if score > 0 else "neg"
        for entity in article.entities:
            if quote.start <= entity.start and entity.end <= quote.end and entity.label in ACTOR_LABELS:
                found.append((speaker, entity.text, polarity, quote.text))
    return found
