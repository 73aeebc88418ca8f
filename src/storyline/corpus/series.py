"""Figure series: the same measure across articles in date order, with sources, and disagreements flagged.

A measure is a figure kind, the thing counted and a scope. The thing counted is the head of the counted noun
("civilians", "children", "refugees"; "people" when the number counts people or names nothing, as in "killing
12"): 300 civilians killed and 5,000 people killed are two measures, never one series read as a rise. A vague
quantity ("thousands") has no value to place in a series and stays out of it. The scope: an "overall" figure
speaks of the whole conflict or crisis ("the civil war that has killed some 70,000 people", "the death toll of the
conflict"), an "incident" figure of one attack or one day. Mixing the two would read 50 killed in Homs as a fall
from 5,400. Figures without a date (no sentence date, no publication date, no estimate) are listed apart, never
given a date. Two figures of one measure disagree when they speak of the same period and the ranges their
qualifiers allow do not overlap.
"""
from __future__ import annotations

import math
import re

from ..record import Article, Citation, Disagreement, Figure, FigureSeries, SeriesPoint

# Words that make a figure the running total of the whole conflict or crisis rather than one event's.
_OVERALL = re.compile(
    r"\b(war|conflict|uprising|crackdown|revolt|insurgency|crisis|death toll|overall|in total|all told|"
    r"since (?:the (?:start|beginning|outbreak)|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)|\d{4})|(?:the )?past (?:\w+ )?years?)\b", re.IGNORECASE)
# Words that tie a figure to one attack, place or day.
_INCIDENT = re.compile(
    r"\b(attacks?|strikes?|shelling|bombings?|bombardment|blasts?|explosions?|raids?|assaults?|offensives?|"
    r"clashes|ambush|massacre|there|yesterday|today|tonight|since (?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)|(?:on |last )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?)\b",
    re.IGNORECASE)
# A running total is usually told in the perfect: "more than 250,000 people have been killed".
_PERFECT = re.compile(r"\b(?:has|have)\b(?:\s+been)?|\bso far\b", re.IGNORECASE)
# Words after the counted noun that say what happened to it, not what it is ("people dead", "others wounded").
_NOT_HEAD = re.compile(r"^(?:dead|killed|wounded|injured|hurt|displaced|missing|detained|arrested|lost|onboard|"
                       r"aboard|more|alive|held|inside|there)$", re.IGNORECASE)
_SAME_AS_PEOPLE = {"person", "persons", "others", "individuals", "people"}
# Counted nouns that name a part of a larger count ("370 people, including over 120 civilians").
_SUBSET = re.compile(r"\b(civilians|children|women|men|soldiers|fighters|rebels|militants)\b", re.IGNORECASE)
# The range of true values a qualified figure allows, as factors of its value.
_RANGE = {None: (0.97, 1.03), "exactly": (1.0, 1.0), "more than": (1.0, math.inf), "over": (1.0, math.inf),
          "at least": (1.0, math.inf), "some": (0.85, 1.15), "around": (0.85, 1.15), "nearly": (0.85, 1.0),
          "up to": (0.0, 1.0), "fewer than": (0.0, 1.0), "only": (0.97, 1.03)}
PERIOD_DAYS = 7


def build_series(articles: list[Article]) -> list[FigureSeries]:
    """One series per measure with figures from at least one article, the longest first."""
    series: dict[str, FigureSeries] = {}
    for article in articles:
        for figure in article.figures:
            if figure.value is None or figure.kind in ("other", "money"):
                continue  # a vague quantity has no value to place
            scope, counted = scope_of(article, figure), counted_head(figure)
            key = f"{figure.kind}: {counted} ({scope})"
            current = series.setdefault(key, FigureSeries(measure=key, kind=figure.kind, scope=scope,
                                                          counted=counted))
            point = _point(article, figure)
            (current.points if point.as_of else current.undated).append(point)
    for current in series.values():
        current.points.sort(key=lambda p: (p.as_of or "", p.value))
        current.disagreements = disagreements(current.points)
    return sorted(series.values(), key=lambda s: (-len(s.points) - len(s.undated), s.measure))


def counted_head(figure: Figure) -> str:
    """The thing a figure counts, lower case: the last word of its counted noun before any word saying what
    happened ("Syrian refugees" → "refugees", "people dead" → "people"); "people" for a plain count of people.
    Raids and targets are what their kind says, whatever the noun ("airstrikes", "air raids", "sorties")."""
    if figure.kind in ("air_raids", "targets"):
        return figure.kind.replace("_", " ")
    words = [w for w in (figure.counted or "").lower().split() if w.isalpha()]
    while words and _NOT_HEAD.match(words[-1]):
        words.pop()
    head = words[-1] if words else None
    return "people" if head is None or head in _SAME_AS_PEOPLE else head


def scope_of(article: Article, figure: Figure) -> str:
    sentence = article.sentences[figure.sentence] if figure.sentence is not None else None
    text = article.text[sentence.start:sentence.end] if sentence else figure.text
    if _OVERALL.search(text):
        return "overall"
    return "incident" if _INCIDENT.search(text) or not _PERFECT.search(text) else "overall"


def _point(article: Article, figure: Figure) -> SeriesPoint:
    return SeriesPoint(value=float(figure.value or 0), qualifier=figure.qualifier, text=_context(article, figure),
                       source=figure.source, as_of=figure.as_of, as_of_via=figure.as_of_via,
                       citation=Citation(article.id, figure.start, figure.end, figure.sentence),
                       counted=figure.counted)


def _context(article: Article, figure: Figure) -> str:
    if figure.sentence is None:
        return figure.text
    sentence = article.sentences[figure.sentence]
    return article.text[sentence.start:sentence.end]


def disagreements(points: list[SeriesPoint]) -> list[Disagreement]:
    """Pairs of points from different articles (or two named sources in one), for the same period, counting the
    same people (not civilians against everyone), whose allowed ranges are apart."""
    found = []
    for i, first in enumerate(points):
        for second in points[i + 1:]:
            if first.citation.article == second.citation.article and (
                    not first.source or not second.source or first.source == second.source):
                continue
            if bool(_SUBSET.search(first.counted or "")) != bool(_SUBSET.search(second.counted or "")):
                continue  # a part and its whole
            period = same_period(first.as_of, second.as_of)
            if period and not compatible(first, second):
                found.append(Disagreement(period, first, second))
    return found


def same_period(a: str | None, b: str | None) -> str | None:
    """The shared period of two dates (ISO day, month or year), or None when they are further apart."""
    a, b = _iso(a), _iso(b)
    if not a or not b:
        return None
    if len(a) >= 10 and len(b) >= 10:
        from datetime import date

        gap = abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
        return min(a[:10], b[:10]) if gap <= PERIOD_DAYS else None
    shorter, longer = sorted((a, b), key=len)
    return shorter if longer.startswith(shorter) else None


def _iso(value: str | None) -> str | None:
    """The calendar part of a date value: an estimate "2015-10-13/.." is read as its start."""
    match = re.match(r"\d{4}(?:-\d{2}){0,2}", value or "")
    return match.group(0) if match else None


def compatible(first: SeriesPoint, second: SeriesPoint) -> bool:
    low1, high1 = allowed(first)
    low2, high2 = allowed(second)
    return low1 <= high2 and low2 <= high1


def allowed(point: SeriesPoint) -> tuple[float, float]:
    low, high = _RANGE.get(point.qualifier, (0.85, 1.15))
    return point.value * low, point.value * high
