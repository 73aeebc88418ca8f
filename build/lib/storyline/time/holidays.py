"""Dates of the holidays news uses as dates ("on Christmas Eve", "last Thanksgiving"), for any year.

Fixed-day holidays are a table; the movable ones are computed (Easter by the anonymous Gregorian algorithm, the
US Monday holidays and Thanksgiving by counting weekdays), so no year is ever hard-coded.
"""
from __future__ import annotations

from datetime import date, timedelta

FIXED: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "halloween": (10, 31), "christmas eve": (12, 24), "christmas": (12, 25),
    "christmas day": (12, 25), "boxing day": (12, 26), "new year's": (1, 1), "bastille day": (7, 14),
}
HOLIDAY_NAMES = tuple(FIXED) + (
    "easter", "easter sunday", "good friday", "thanksgiving", "thanksgiving day", "labor day", "memorial day",
    "election day",
)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th `weekday` (0 = Monday) of a month; n = -1 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def holiday_date(name: str, year: int) -> date | None:
    """The date of holiday `name` (any case, spaces folded) in `year`, None for a name not known here."""
    key = " ".join(name.lower().split())
    if key in FIXED:
        month, day = FIXED[key]
        return date(year, month, day)
    if key in ("easter", "easter sunday"):
        return easter(year)
    if key == "good friday":
        return easter(year) - timedelta(days=2)
    if key in ("thanksgiving", "thanksgiving day"):
        return _nth_weekday(year, 11, 3, 4)
    if key == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if key == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    if key == "election day":
        return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    return None
