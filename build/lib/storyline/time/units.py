"""Calendar arithmetic and TimeML value formatting at a given granularity.

TimeML keeps precision in the value itself: a month is `2011-11`, a week `2012-W06`, a quarter `1989-Q3`, a decade
`199`. Shifting "two months ago" must therefore move by calendar units and print at the unit's own precision,
never invent a day.
"""
from __future__ import annotations

import calendar as _calendar
from datetime import date, timedelta

from .vocab import TIME_UNITS, UNIT_CODES

SEASON_MONTHS = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 1, 2)}
# Order within a season-year: the winter starting in December comes last.
SEASON_ORDER = ("SP", "SU", "FA", "WI")


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, _calendar.monthrange(year, month + 1)[1]))


def shift(day: date, unit: str, count: int) -> date:
    """`day` moved by `count` units (day, week, weekend, fortnight, month, quarter, year, decade, century)."""
    if unit in ("day",):
        return day + timedelta(days=count)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=count)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * count)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        return day
    return add_months(day, months * count)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def season_of(day: date) -> tuple[int, str]:
    """(year, season code) of a day; December belongs to the winter of its own year."""
    for code, months in SEASON_MONTHS.items():
        if day.month in months:
            year = day.year - 1 if code == "WI" and day.month < 3 else day.year
            return year, code
    raise ValueError(day)


def format_at(day: date, unit: str) -> str:
    """TimeML value of the `unit` containing `day`."""
    if unit == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "weekend":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}-WE"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    return day.isoformat()


def weekday_near(anchor: date, weekday: int, direction: str) -> date:
    """The `weekday` nearest `anchor` in a direction: "past" (on or before), "future" (on or after),
    "before"/"after" (strictly), "this" (in the anchor's own week), "nearest" (within three days)."""
    delta = weekday - anchor.weekday()
    if direction == "this":
        return anchor + timedelta(days=delta)
    if direction == "nearest":
        return anchor + timedelta(days=(delta + 3) % 7 - 3)
    if direction in ("past", "before"):
        back = (anchor.weekday() - weekday) % 7
        if back == 0 and direction == "before":
            back = 7
        return anchor - timedelta(days=back)
    ahead = delta % 7
    if ahead == 0 and direction == "after":
        ahead = 7
    return anchor + timedelta(days=ahead)


def month_year(anchor: date, month: int, direction: str, day: int | None = None) -> int:
    """Year of a month (or month and day) named without one: the last such month on or before the anchor for
    "past", strictly before for "before", on/after for "future", strictly after for "after", the closest for
    "nearest", else the anchor's."""
    here = (anchor.month, anchor.day if day is not None else 0)
    there = (month, day or 0)
    if direction == "past":
        return anchor.year if there <= here else anchor.year - 1
    if direction == "before":
        return anchor.year if (month < anchor.month) else anchor.year - 1
    if direction == "future":
        return anchor.year if there >= here else anchor.year + 1
    if direction == "after":
        return anchor.year if (month > anchor.month) else anchor.year + 1
    if direction == "nearest":
        return min((anchor.year - 1, anchor.year, anchor.year + 1), key=lambda y: abs(_month_index(y, there) -
                                                                                      _month_index(anchor.year, here)))
    return anchor.year


def _month_index(year: int, month_day: tuple[int, int]) -> float:
    return year * 12 + month_day[0] + month_day[1] / 31


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def duration_value(count: int | None, unit: str) -> str:
    """TimeML duration of `count` units (None: vague, `PXD`); clock units take the `T` (`PT3H`)."""
    code, size = UNIT_CODES[unit]
    amount = "X" if count is None else str(count * size)
    return f"PT{amount}{code}" if unit in TIME_UNITS else f"P{amount}{code}"
