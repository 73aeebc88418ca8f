"""Readers for lengths of time and recurrences: durations ("three years", "for weeks", "2 1/2 years") and sets
("daily", "each July", "on Mondays", "$500 million a year").

Kept apart from `normalise` (calendar dates read against the publication date) because none of these values
depends on the anchor: a length is the same whenever the story appeared.
"""
from __future__ import annotations

import re

from .registry import Context, Normalised, reads
from .units import duration_value
from .vocab import DAY_PARTS, MONTHS, TIME_UNITS, UNIT_CODES, WEEKDAYS, number_value, unit_name


def count_and_unit(m: re.Match[str]) -> tuple[int | None, str]:
    """The count (None when vague: "several") and singular unit of a `n`/`unit` match."""
    return number_value(m["n"]), unit_name(m["unit"])


@reads("duration")
@reads("duration_hyphen")
@reads("duration_span")
def _duration(m: re.Match[str], ctx: Context) -> Normalised:
    count, unit = count_and_unit(m)
    if m["n"].lower() == "one" and unit == "day" and ctx.before in _MODALS:
        return Normalised("DATE", "FUTURE_REF", False)  # "will one day be": some day ahead, not a day long
    if m["n"].lower() in ("a", "an", "per") and _RATE_BEFORE.search(ctx.before):
        # "$500 million a year", "four flights a week", "twice a month": a rate, TimeML's SET
        return Normalised("SET", duration_value(1, unit), False)
    if ctx.before in ("every", "each"):  # "every two weeks": a recurrence
        return Normalised("SET", duration_value(count, unit), False)
    return Normalised("DURATION", duration_value(count, unit), False)


_MODALS = ("will", "would", "could", "may", "might", "should", "shall", "can", "must")

# The word before "a year" that makes it a rate: an amount, a count of things, or a frequency.
_RATE_BEFORE = re.compile(
    r"^(?:[$#€£]?\d[\d,.]*%?|million|billion|trillion|thousand|hundred|percent|%|cents?|pence|times|twice|once"
    r"|dollars|euros|pounds|yen|barrels|tons|units|shares|seats|flights|people|trips|visits)$")


@reads("vague_duration")
@reads("plural_after_prep")
@reads("recent")
@reads("ahead")
def _vague(m: re.Match[str], ctx: Context) -> Normalised:
    """`for weeks` is a vague length (`PXW`). `in recent years` and `in past years` place something in the
    indefinite past rather than measuring it: TimeML's PAST_REF, as for "recently"; shorter spans ("recent
    days") and "the past few years" stay lengths."""
    unit = unit_name(m["unit"])
    if m.group(0).lower().startswith(("recent", "past")) and unit in ("year", "decade"):
        return Normalised("DATE", "PAST_REF", False)
    return Normalised("DURATION", duration_value(None, unit), False)


@reads("unit_long")
def _unit_long(m: re.Match[str], ctx: Context) -> Normalised:
    """`a day-long meeting`: one unit long."""
    return Normalised("DURATION", duration_value(1, m["unit"].lower()), False)


@reads("weekday_set")
def _weekday_set(m: re.Match[str], ctx: Context) -> Normalised:
    """`on Mondays` is every Monday (`XXXX-WXX-1`), `Tuesday nights` every Tuesday night."""
    value = f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}"
    if m["part"]:
        value += "T" + DAY_PARTS[m["part"].lower().rstrip("s")]
    return Normalised("SET", value, False)


# Half a unit in the next smaller one: "2 1/2 years" is P2Y6M, "an hour and a half" PT1H30M.
_HALF = {"year": "6M", "month": "15D", "week": "3D12H", "day": "T12H", "hour": "30M", "minute": "30S"}


@reads("duration_half")
def _duration_half(m: re.Match[str], ctx: Context) -> Normalised:
    count, unit = number_value(m["n"] or m["n2"]), unit_name(m["unit"] or m["unit2"])
    if count is None or unit not in _HALF:
        return Normalised("DURATION", duration_value(None, unit), False)
    code, size = UNIT_CODES[unit]
    half = _HALF[unit]
    if unit in TIME_UNITS:
        return Normalised("DURATION", f"PT{count * size}{code}{half}", False)
    return Normalised("DURATION", f"P{count * size}{code}{half}", False)


_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "quarterly": "P1Q", "nightly": "P1D", "hourly": "PT1H"}


@reads("set")
def _set(m: re.Match[str], ctx: Context) -> Normalised:
    word = m["word"].lower()
    if word in _SET_WORDS:
        return Normalised("SET", _SET_WORDS[word], False)
    if m["month"]:  # "each July"
        return Normalised("SET", f"XXXX-{MONTHS[m['month'].lower().rstrip('.')]:02d}", False)
    unit = m["unit"].lower()
    if unit in WEEKDAYS:
        return Normalised("SET", f"XXXX-WXX-{WEEKDAYS[unit] + 1}", False)
    if unit in DAY_PARTS:
        return Normalised("SET", f"XXXX-XX-XXT{DAY_PARTS[unit]}", False)
    code, size = UNIT_CODES[unit]
    return Normalised("SET", f"PT{size}{code}" if unit in TIME_UNITS else f"P{size}{code}", False)
