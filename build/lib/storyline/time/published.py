"""Publication dates the cleaner could not read off a date line or metadata: URL paths, and estimated bounds.

News sites commonly put the publication day in the path (`/2012/02/08/slug`); that is stated evidence, so it
fills `published`. A month-only path, or the latest dated event an undated article reports, only bounds the date:
it becomes `published_estimate`, never `published`, so a guess is never presented as fact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from ..record import Article, Evidence, TimeExpression
from .units import valid_date

_DAY_PATH = re.compile(
    r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>0?[1-9]|[12]\d|3[01])(?=[/\-_.]|$)"
)
_COMPACT_PATH = re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=/)")
_MONTH_PATH = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>0?[1-9]|1[0-2])/")
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class UrlDate:
    value: str  # "YYYY-MM-DD", or "YYYY-MM" for a month-only path
    precision: str  # "day" | "month"


def url_date(url: str | None) -> UrlDate | None:
    """The date a URL path states, if any; a path month without a day is returned at month precision."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip("<> "))
    for pattern in (_DAY_PATH, _COMPACT_PATH):
        match = pattern.search(path)
        if match:
            day = valid_date(int(match["y"]), int(match["m"]), int(match["d"]))
            if day is not None:
                return UrlDate(day.isoformat(), "day")
    match = _MONTH_PATH.search(path)
    if match:
        return UrlDate(f"{match['y']}-{int(match['m']):02d}", "month")
    return None


def article_url(article: Article) -> str | None:
    if article.url:
        return article.url
    return article.raw.url if article.raw is not None else None


def add_url_date(article: Article) -> None:
    """Fill `published` from a dated URL path when nothing stated it, or `published_estimate` from a month path."""
    if article.published is not None:
        return
    url = article_url(article)
    found = url_date(url)
    if found is None or url is None:
        return
    if found.precision == "day":
        article.published = found.value
        article.evidence.append(Evidence(field="published", text=url, method="url path"))
    elif article.published_estimate is None:
        article.published_estimate = found.value
        article.evidence.append(Evidence(field="published_estimate", text=url, method="url path (month only)"))


def latest_reported_day(dates: list[TimeExpression]) -> TimeExpression | None:
    """The latest absolute, day-precise date among `dates` (the caller passes those of past-tense reports: an
    undated article reporting a dated event was published no earlier)."""
    days = [d for d in dates if d.anchor is None and d.value and _DAY_VALUE.match(d.value)]
    return max(days, key=lambda d: d.value or "", default=None)


def add_estimate(article: Article, past_dates: list[TimeExpression]) -> None:
    """Bound an undated article from below by the latest dated event it reports in the past tense, marked as an
    estimate."""
    if article.published is not None or article.published_estimate is not None:
        return
    latest = latest_reported_day(past_dates)
    if latest is None or latest.value is None:
        return
    article.published_estimate = f"{latest.value}/.."
    article.evidence.append(
        Evidence(field="published_estimate", text=latest.text, method="on or after the latest dated event reported")
    )
