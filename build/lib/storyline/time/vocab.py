"""Word tables shared by the expression finder and the normaliser.

Kept in one place so the regular expressions that find a span and the code that reads its value agree on every
spelling ("Sept.", "twenty-four", "fortnight").
"""
from __future__ import annotations

from ..numwords import TENS, UNITS

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

DAY_PARTS: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

NUMBER_WORDS: dict[str, int] = {**UNITS, **TENS, "a": 1, "an": 1, "hundred": 100, "dozen": 12}
# Quantities a reader cannot count: TimeML writes them as X ("PXD").
VAGUE_NUMBERS = ("several", "a few", "few", "many", "dozens of", "some")
COUPLE = ("a couple of", "couple of", "a couple")

# TimeML unit letters; decades and centuries are counted in years so "two decades" is P20Y, and quarters in
# months ("the next three quarters" is P9M), as TimeBank writes them.
UNIT_CODES: dict[str, tuple[str, int]] = {
    "second": ("S", 1), "minute": ("M", 1), "hour": ("H", 1), "day": ("D", 1), "week": ("W", 1),
    "fortnight": ("W", 2), "weekend": ("WE", 1), "month": ("M", 1), "quarter": ("M", 3), "year": ("Y", 1),
    "decade": ("Y", 10), "century": ("Y", 100),
}
TIME_UNITS = {"second", "minute", "hour"}


def unit_name(word: str) -> str:
    """Singular unit name of a unit word as written ("centuries" -> "century", "Years" -> "year")."""
    word = word.lower()
    if word == "centuries":
        return "century"
    return word[:-1] if word.endswith("s") and word[:-1] in UNIT_CODES else word


def number_value(text: str) -> int | None:
    """Integer value of a written quantity ("twenty-four", "24", "a"), None when it is vague ("several")."""
    text = text.lower().strip()
    if text in VAGUE_NUMBERS:
        return None
    if text in COUPLE:
        return 2
    if text.replace(".", "", 1).isdigit():
        return int(float(text))
    total = 0
    for part in text.replace("-", " ").split():
        if part not in NUMBER_WORDS:
            return None
        value = NUMBER_WORDS[part]
        total = total * value if value in (100,) and total else total + value
    return total


def regex_alternation(words: list[str] | tuple[str, ...]) -> str:
    """Longest-first alternation, so "Sept" is tried before "Sep"."""
    import re

    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
