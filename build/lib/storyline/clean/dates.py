"""Date lines: a line that is nothing but a publication date, maybe with labels, a weekday and a time.

The whole line must be accounted for (labels, weekday, date, time, zone, separators), so a body sentence that
mentions a date is never taken for a date line. Numeric dates are read day-first unless a part can only be a
month-first reading (13/02 is day-first, 02/13 month-first); an ambiguous 05/06 is read day-first, the order most
of the world's news sites use, and the evidence says so.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december"]
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
_LABEL = (r"(?:first\s+published|last\s+updated|last\s+modified|published|updated|modified|posted|date|created)"
          r"(?:\s+(?:on|at))?")
_TIME = (r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
         r"|[0-2]\d[0-5]\d(?=\s*(?:gmt|utc|bst|[ap]m)\b))")
_ZONE = (r"(?:gmt|utc|bst|cet|cest|est|edt|cst|cdt|pst|pdt|et|pt|ct|msk|eet|eest|ist|aest|aedt|jst|sgt|hkt)"
         r"(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?")

_MONTH_FIRST = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})\b", re.I)
_DAY_FIRST_NAMED = re.compile(rf"\b(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})\b", re.I)
_ISO = re.compile(rf"\b(?P<year>{_YEAR})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?:T[\d:.]+Z?)?\b")
_NUMERIC = re.compile(rf"\b(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>{_YEAR})\b")
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<year>{_YEAR})\b", re.I)

_FURNITURE = re.compile(
    rf"\b{_LABEL}\b|\b{_WEEKDAY}(?=[\s,]|$)|{_TIME}|\b{_ZONE}\b|[,:|·•/()\-–—]|\bat\b|\bon\b", re.I)
_LABEL_ONLY = re.compile(rf"^(?:\s*(?:{_LABEL}|by|author|source)\s*:?\s*)+$", re.I)


@dataclass
class DateLine:
    """A recognised date line: the ISO value (YYYY-MM-DD or YYYY-MM) and how it was read."""

    value: str
    method: str
    text: str


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return next(i for i, full in enumerate(_MONTH_NAMES, 1) if full.startswith(key))


def _iso(year: int, month: int, day: int | None) -> str | None:
    try:
        return dt.date(year, month, day or 1).isoformat()[: 10 if day else 7]
    except ValueError:
        return None


def _numeric_order(a: int, b: int) -> tuple[int, int, str]:
    """(day, month, how) for a numeric a/b date."""
    if a > 12 >= b:
        return a, b, "numeric, day-first"
    if b > 12 >= a:
        return b, a, "numeric, month-first"
    return a, b, "numeric, ambiguous, read day-first"


def _read(match: re.Match[str], pattern: re.Pattern[str]) -> tuple[str | None, str]:
    """ISO value and method for one match of one of the date patterns."""
    parts = match.groupdict()
    year = int(parts["year"])
    if pattern is _NUMERIC:
        day, month, how = _numeric_order(int(parts["a"]), int(parts["b"]))
        return _iso(year, month, day), how
    if pattern is _ISO:
        return _iso(year, int(parts["month"]), int(parts["day"])), "ISO date"
    month = _month_number(parts["month"])
    day = parts.get("day")
    if day is None:
        return _iso(year, month, None), "month and year"
    order = "month-first" if pattern is _MONTH_FIRST else "day-first"
    return _iso(year, month, int(re.sub(r"\D", "", day))), f"named month, {order}"


def find_dates(line: str) -> list[tuple[re.Match[str], re.Pattern[str]]]:
    """Non-overlapping date matches in the line, in order, most specific pattern first."""
    found: list[tuple[re.Match[str], re.Pattern[str]]] = []
    taken: list[range] = []
    for pattern in (_ISO, _NUMERIC, _MONTH_FIRST, _DAY_FIRST_NAMED, _MONTH_YEAR):
        for match in pattern.finditer(line):
            if not any(match.start() in span or match.end() - 1 in span for span in taken):
                found.append((match, pattern))
                taken.append(range(match.start(), match.end()))
    return sorted(found, key=lambda pair: pair[0].start())


MAX_DATE_LINE_WORDS = 20
_LEADING_BYLINE = re.compile(r"^(?i:by)\s+[A-Z][^|·•]{0,60}?\s*[|·•–—]\s*")


def parse_date_line(line: str) -> DateLine | None:
    """The date of a line made only of date material ('February 08, 2012', 'Friday 16/10/2015'), maybe after a
    byline ('By Jo Marsh | March 3, 2021'); else None."""
    if len(line.split()) > MAX_DATE_LINE_WORDS:
        return None  # a paragraph, not a date line: skip the pattern search
    return _parse_date_only(line) or _parse_date_only(_LEADING_BYLINE.sub("", line), text=line)


def _parse_date_only(line: str, text: str | None = None) -> DateLine | None:
    dates = find_dates(line)
    if not dates:
        return None
    residue = line
    for match, _ in reversed(dates):
        residue = residue[: match.start()] + " " + residue[match.end():]
    if _FURNITURE.sub(" ", residue).strip():
        return None
    value, method = _read(*dates[0])
    return DateLine(value, f"date line ({method})", text or line) if value else None


def is_empty_metadata_line(line: str) -> bool:
    """True for labels with nothing after them ('Published: Updated:', 'By:'): a template left unfilled."""
    return bool(_LABEL_ONLY.match(line)) and ":" in line


def normalise_date(text: str) -> str | None:
    """The first date in a metadata value, as ISO ('2021-03-04T10:00:00+00:00' -> '2021-03-04'); else None."""
    dates = find_dates(text)
    return _read(*dates[0])[0] if dates else None
