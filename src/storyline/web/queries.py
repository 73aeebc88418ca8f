"""Parameters and pagination shared by the REST API and the pages: the ISO date type, page links, and the
filters over corpus results the `Corpus` API returns whole (entities).
"""
from __future__ import annotations

import re
from urllib.parse import urlencode
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BeforeValidator

from ..record import CanonicalEntity

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


@dataclass
class Pager:
    """Where a listing's page sits: the total, the shown range, and links to the previous and next pages."""

    total: int
    limit: int
    offset: int
    shown: int
    previous: str | None
    next: str | None


def pager(path: str, params: dict[str, Any], total: int, limit: int, offset: int, shown: int) -> Pager:
    """Links to the neighbouring pages of `path`, keeping the listing's filters (`params`, blanks dropped)."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}

    def at(start: int) -> str:
        return path + "?" + urlencode({**kept, "offset": start} if start else kept)

    return Pager(total, limit, offset, shown, at(max(0, offset - limit)) if offset > 0 else None,
                 at(offset + limit) if offset + limit < total else None)
