"""When the date line and the content disagree: both pieces of evidence, flagged, never silently resolved.

Relative expressions are anchored on the article's own date, so a wrong date line moves every "Tuesday" with it
and nothing inside the article contradicts it outright. Two signs do: an event reported as past that is dated
after the date line, and a stale news peg: news leads with the latest event, so when the lead's event is two working
days or more before the date line and nothing reported happened in the last day before it, the date line is likely
not the day the article was written (a page dated a week early, or a text updated after its first date). A URL
path with another day is a third sign.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from ..record import Evidence
from .published import url_date
from .resolve import Found, parse_day

STALE_PEG_WORKDAYS = 2  # working days between the lead's event and the date line (a weekend does not count)
RECENT_DAYS = 1  # ... and no past report this close to it


def workdays_between(first: date, last: date) -> int:
    """Monday-to-Friday days strictly between two days: a Friday event reported on Monday is fresh news."""
    return sum((first + timedelta(days=n)).weekday() < 5 for n in range(1, (last - first).days))


def url_conflict(published: date, stated: str, url: str | None) -> Evidence | None:
    """The URL path's day against the date line: more than a day apart, one of them is wrong."""
    found = url_date(url)
    if found is None or found.precision != "day":
        return None
    day = date.fromisoformat(found.value)
    if abs((day - published).days) <= 1:
        return None
    return Evidence(field="published_conflict", text=f"{stated} | URL path: {found.value} ({url})",
                    method="the URL path gives another day")


def _past_days(found: Sequence[Found]) -> list[tuple[date, Found]]:
    days = []
    for item in found:
        day = parse_day(item.expression.value) if item.expression.type in ("DATE", "TIME") else None
        if day is not None and item.tense in ("past", "perfect"):
            days.append((day, item))
    return days


def date_line_conflict(published: date, stated: str, found: Sequence[Found], lead_end: int) -> Evidence | None:
    """Evidence of a disagreement between the date line (`stated`: how it was read) and the content, or None.
    `lead_end` is where the lead (the first two paragraphs) ends in `Article.text`."""
    past = _past_days(found)
    later = [(day, item) for day, item in past if day > published and item.expression.anchor is None]
    if later:
        day, item = max(later, key=lambda pair: pair[0])
        return Evidence(field="published_conflict", text=f"{stated} | content: {item.expression.text!r} ({day})",
                        method="an event reported as past is dated after the date line")
    lead = [(day, item) for day, item in past if item.expression.start < lead_end and day <= published]
    if not lead:
        return None
    peg_day, peg = lead[0]
    newest = max(day for day, _ in past if day <= published)
    gap = (published - peg_day).days
    if workdays_between(peg_day, published) >= STALE_PEG_WORKDAYS and (published - newest).days > RECENT_DAYS:
        return Evidence(
            field="published_conflict",
            text=f"{stated} | content: the lead's {peg.expression.text!r} falls on {peg_day}, {gap} days before; "
                 f"the newest past report is {(published - newest).days} days before",
            method="the news the article leads with is older than its date line")
    return None
