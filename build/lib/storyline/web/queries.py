"""Filters and pagination for the REST API and the pages, over records the `Corpus` API returned.

Dates are ISO strings compared on their first ten characters, so a date range is inclusive at both ends and a
timestamp counts on its day. Undated items never match a date range.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BeforeValidator

from ..record import Article, CanonicalEntity

T = TypeVar("T")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_only(value: Any) -> Any:
    """Pydantic would read `0.0` or `1700000000` as a date (a Unix time); a date filter takes YYYY-MM-DD only."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("expected an ISO date, YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_only)]


@dataclass
class Page(Generic[T]):
    total: int
    limit: int
    offset: int
    items: list[T]


def paginate(items: list[T], limit: int, offset: int) -> Page[T]:
    return Page(len(items), limit, offset, items[offset:offset + limit])


def in_range(published: str | None, since: date | None, until: date | None) -> bool:
    if since is None and until is None:
        return True
    if not published:
        return False
    day = published[:10]
    return (since is None or day >= since.isoformat()) and (until is None or day <= until.isoformat())


def filter_articles(headers: list[Article], *, entities: list[CanonicalEntity] | None = None,
                    spoken_in: set[str] | None = None, outlet: str | None = None, status: str | None = None,
                    since: date | None = None, until: date | None = None) -> list[Article]:
    """Articles in date order that mention all of `entities`, contain a quote of a chosen speaker (`spoken_in`:
    their ids), come from `outlet` (case-insensitive) and have `status`, published within the range."""
    chosen = [a for a in headers
              if (entities is None or all(a.id in e.articles for e in entities))
              and (spoken_in is None or a.id in spoken_in)
              and (outlet is None or (a.outlet or "").casefold() == outlet.casefold())
              and (status is None or a.status == status)
              and in_range(a.published, since, until)]
    return sorted(chosen, key=lambda a: (a.published is None, a.published or "", a.id))


def filter_entities(entities: list[CanonicalEntity], *, label: str | None = None, name: str | None = None,
                    article: str | None = None) -> list[CanonicalEntity]:
    """Entities of a label, whose name or an alias contains `name`, reported in an article (id prefix)."""
    wanted = name.casefold() if name else None
    return [e for e in entities
            if (label is None or e.label == label)
            and (wanted is None or any(wanted in n.casefold() for n in (e.name, *e.aliases)))
            and (article is None or any(a.startswith(article) for a in e.articles))]
