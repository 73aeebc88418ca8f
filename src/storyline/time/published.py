"""Publication dates the cleaner could not read off a date line or metadata: URL paths.

News sites commonly put the publication day in the path (`/2012/02/08/slug`); that is stated evidence, so it
fills `published`. A month-only path only bounds the date: it becomes `published_estimate`, never `published`, so
a guess is never presented as fact (`estimate` bounds an undated article from its content).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from ..record import Article, Evidence
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
