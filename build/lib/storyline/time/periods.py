"""Readers for the periods of business reporting: quarters and halves, fiscal years, year-end, and the
year-on-year comparisons of a results story ("the year-earlier period", "the corresponding period last year").

A results story names the quarter it reports once ("third-quarter profit") and then says "the quarter",
"the latest period" or "a year earlier"; `Context.quarter` carries that quarter, and these readers read against it.
"""
from __future__ import annotations

import re
from datetime import date

from .registry import Context, Normalised, reads
from .units import add_months, duration_value, format_at, month_year, quarter_of, shift, valid_date
from .vocab import MONTHS, ORDINALS, number_value

# "the year ended Sept. 30", "the fiscal year ending in March": a reported twelve-month period
ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended|which\s+ended)\b", re.IGNORECASE)


# "the quarter ended July 31": the end date of a reported period
_ENDED_ON = re.compile(r"\s+(?:that\s+)?(?P<verb>ended|ending)\s+(?:on\s+)?(?P<month>[A-Z][a-z]{2,8})\.?\s+"
                       r"(?P<day>\d{1,2})\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?")


def _end_date(after: str, anchor: date) -> date | None:
    """The day a period ends, from "ended Oct. 31" after it (the last such day by publication: a period that
    ended is over) or "ending Dec. 31" (the closest one: it may still run)."""
    match = _ENDED_ON.match(after)
    month = MONTHS.get(match["month"].lower()) if match else None
    if match is None or month is None:
        return None
    day = int(match["day"])
    direction = "past" if match["verb"] == "ended" else "nearest"
    year = int(match["year"]) if match["year"] else month_year(anchor, month, direction, day)
    return valid_date(year, month, day)


def quarter_ended(after: str, anchor: date) -> str | None:
    """`the quarter ended July 31`: the calendar quarter holding most of the three months to that day, the one its
    middle month falls in (May to July is mostly the second quarter); None when no end date follows."""
    end = _end_date(after, anchor)
    return format_at(add_months(end.replace(day=1), -1), "quarter") if end else None


@reads("fiscal_year")
def _fiscal_year(m: re.Match[str], ctx: Context) -> Normalised:
    """`the current fiscal year`, `the full year` (the anchor's), `the latest fiscal year` (the last one ended);
    `the fiscal year ended Jan. 31` is a year-long period: a duration, as TimeML writes it."""
    if ENDED.match(ctx.after):
        return Normalised("DURATION", "P1Y", False)
    if ctx.anchor is None:
        return Normalised("DATE", None, True)
    rel = (m["rel"] or "").lower()
    step = {"latest": -1, "last": -1, "previous": -1, "next": 1}.get(rel, 0)
    return Normalised("DATE", format_at(shift(ctx.anchor, "year", step), "year"), True)


@reads("year_period")
def _year_period(m: re.Match[str], ctx: Context) -> Normalised:
    """`the 1988 quarter` in a quarterly report: the reported quarter's number in that year; `the 1988 period`
    likewise, or the year when no quarter was named."""
    if ctx.quarter:
        return Normalised("DATE", f"{m['y']}-Q{ctx.quarter.split('-Q')[1]}", True)
    return Normalised("DATE", m["y"], False)


@reads("year_end")
def _year_end(m: re.Match[str], ctx: Context) -> Normalised:
    """`by year-end` is the end of the publication year (TimeML gives the year); `since year-end` the last one."""
    if ctx.anchor is None:
        return Normalised("DATE", None, True)
    return Normalised("DATE", f"{ctx.anchor.year - (ctx.before == 'since'):04d}", True)


@reads("latest_period")
def _latest_period(m: re.Match[str], ctx: Context) -> Normalised:
    """`the latest period`: the quarter being reported (the one the text named, else the last one ended)."""
    if ctx.quarter:
        return Normalised("DATE", ctx.quarter, True)
    if ctx.anchor is None:
        return Normalised("DATE", None, True)
    return Normalised("DATE", format_at(shift(ctx.anchor, "quarter", -1), "quarter"), True)


def quarter_back(quarter: str, years: int) -> str:
    """`a year earlier` in a quarterly report is the same quarter a year before."""
    year, number = quarter.split("-Q")
    return f"{int(year) - years:04d}-Q{number}"


@reads("quarter")
def _quarter(m: re.Match[str], ctx: Context) -> Normalised:
    """`the third quarter` of the publication year, or of the year before when it has not begun yet; one with an
    end date (`the second quarter ended Oct. 31`) is of the year that day falls in."""
    letter = "Q" if m["q"].lower() == "quarter" else "H"
    ordinal = m["ord"].lower()
    number = (4 if letter == "Q" else 2) if ordinal == "last" else ORDINALS[ordinal]
    year_text = m["yq"] or m["y"]
    if year_text:
        return Normalised("DATE", f"{year_text}-{letter}{number}", False)
    if ctx.anchor is None:
        return Normalised("DATE", None, True)
    relative_year = (m["this"] or m["rely"] or "").lower()
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(relative_year, 0)
    current = quarter_of(ctx.anchor) if letter == "Q" else (1 if ctx.anchor.month <= 6 else 2)
    if not relative_year and number > current and ctx.tense in ("past", "perfect", "none"):
        year -= 1
    if m["ago"]:  # "the year-ago third quarter": that quarter a year before the one being reported
        year -= 1
    elif not relative_year and (end := _end_date(ctx.after, ctx.anchor)) is not None:
        year = end.year  # "the second quarter ended Oct. 31" in an October report: the one that ended last year
    return Normalised("DATE", f"{year:04d}-{letter}{number}", True)


@reads("period_ago")
def _year_earlier(m: re.Match[str], ctx: Context) -> Normalised:
    """`the year-earlier quarter`: the reported quarter (the last one ended) a year before. `the year-earlier
    nine months` is a span of months, written as its length like `the first nine months`."""
    unit = " ".join((m["unit"] or "").lower().split())
    if unit.endswith("months"):
        return Normalised("DURATION", duration_value(number_value(unit.split()[0]), "month"), False)
    if ctx.anchor is None:
        return Normalised("DATE", None, True)
    last_year = shift(ctx.anchor, "year", -1)
    if ctx.quarter and unit != "year" and (unit or "-" in m["kind"]):
        # "the year-ago quarter", and "year-earlier profit" in a quarterly report: the reported quarter a year back
        return Normalised("DATE", quarter_back(ctx.quarter, 1), True)
    if unit in ("quarter", "period"):
        return Normalised("DATE", format_at(shift(last_year, "quarter", -1), "quarter"), True)
    return Normalised("DATE", format_at(last_year, "year"), True)


@reads("period_last_year")
def _period_last_year(m: re.Match[str], ctx: Context) -> Normalised:
    """`the corresponding period last year`: the reported quarter (the one the text named, else the last one
    ended) a year before."""
    if ctx.quarter:
        return Normalised("DATE", quarter_back(ctx.quarter, 1), True)
    if ctx.anchor is None:
        return Normalised("DATE", None, True)
    return Normalised("DATE", format_at(shift(ctx.anchor, "quarter", -5), "quarter"), True)


@reads("two_quarters")
def _two_quarters(m: re.Match[str], ctx: Context) -> Normalised:
    """`the first two quarters of 1990` is that year's first half (`1990-H1`), `the last two` its second."""
    half = 1 if m["ord"].lower() == "first" else 2
    if m["y"]:
        return Normalised("DATE", f"{m['y']}-H{half}", False)
    if ctx.anchor is None:
        return Normalised("DATE", None, True)
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    return Normalised("DATE", f"{year:04d}-H{half}", True)
