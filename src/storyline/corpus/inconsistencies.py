"""Inconsistencies, both sides cited: figures of one measure that disagree for the same period, and a speaker whose
statements contradict each other over time.

A speaker contradiction is what the system can see without understanding: two quotes of one canonical speaker,
from different articles, that share most of their content words while one is negated and the other not ("Russia
will not supply weapons" / "Russia will supply weapons"). It finds few, and the ones it finds are worth a look.
"""
from __future__ import annotations

import re

from ..record import Article, Citation, Inconsistency, Quote
from .series import build_series

_NEGATION = re.compile(r"\b(not|never|no|nor|none|neither|cannot|won't|n't|refuse[sd]?|reject(?:s|ed)?|deny|"
                       r"denie[sd])\b|n't\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]{3,}")
_STOP = {"the", "and", "that", "this", "with", "for", "from", "was", "were", "are", "has", "have", "had", "will",
         "would", "not", "never", "but", "its", "his", "her", "their", "they", "there", "been", "which", "who",
         "said", "says", "also", "about", "into", "than", "then", "can", "could", "should", "our", "all"}
OVERLAP = 0.5
MIN_CONTENT_WORDS = 4


def find_inconsistencies(articles: list[Article]) -> list[Inconsistency]:
    return figure_disagreements(articles) + speaker_contradictions(articles)


def figure_disagreements(articles: list[Article]) -> list[Inconsistency]:
    found = []
    for series in build_series(articles):
        for pair in series.disagreements:
            a, b = pair.first, pair.second
            found.append(Inconsistency(
                kind="figures",
                description=(f"{series.measure} around {pair.period}: {_describe(a.qualifier, a.value, a.source)} "
                             f"vs {_describe(b.qualifier, b.value, b.source)}"),
                first=a.citation, second=b.citation, first_text=a.text, second_text=b.text))
    return found


def _describe(qualifier: str | None, value: float, source: str | None) -> str:
    said = f" ({source})" if source else " (no source)"
    return f"{qualifier + ' ' if qualifier else ''}{value:,.0f}{said}"


def speaker_contradictions(articles: list[Article]) -> list[Inconsistency]:
    """Negated and affirmed versions of the same claim by one speaker in two different articles. Only statements
    with a few content words are compared: a fragment ("Syria") shares all of its one word with anything."""
    by_speaker: dict[str, list[tuple[Article, Quote]]] = {}
    for article in articles:
        for quote in article.statements():
            if quote.speaker and len(_content(quote.text)) >= MIN_CONTENT_WORDS:
                by_speaker.setdefault(quote.speaker, []).append((article, quote))
    found = []
    for quotes in by_speaker.values():
        for i, (article_a, a) in enumerate(quotes):
            for article_b, b in quotes[i + 1:]:
                if article_a.id != article_b.id and _contradict(a.text, b.text):
                    found.append(Inconsistency(
                        kind="speaker", description=f"{a.speaker} said both",
                        first=_cite(article_a, a), second=_cite(article_b, b), first_text=a.text,
                        second_text=b.text))
    return found


def _contradict(a: str, b: str) -> bool:
    return _negated(a) != _negated(b) and _overlap(a, b) >= OVERLAP


def _negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def _overlap(a: str, b: str) -> float:
    words_a, words_b = _content(a), _content(b)
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


def _content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _cite(article: Article, quote: Quote) -> Citation:
    return Citation(article.id, quote.start, quote.end, quote.sentence)
