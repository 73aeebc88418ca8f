"""The registry the normalisers share: what a relative expression is read against (`Context`), what a reader
returns (`Normalised`), and the table from finder rule to reader that `reads` fills.

Kept apart from the readers so that readers can live in modules by topic (`normalise`, `periods`) without
importing one another.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .tense import Attachment, Tense


@dataclass
class Context:
    """What a relative expression is read against."""

    anchor: date | None
    reference: date | None = None
    tense: Tense = "none"
    after: str = ""  # the text right after the expression
    quarter: str | None = None  # the last quarter the text named ("1989-Q3"): year-on-year comparisons use it
    before: str = ""  # the word right before the expression, lower case ("since", "until")
    # the last date the story set at any precision, and that precision ("month" for "in March 1988"): "that year"
    # and "the following month" count from it
    coarse: tuple[date, str] | None = None
    # what the expression modifies: the verb its tense was read from, a noun, or something else (an infinitive)
    attached: Attachment = "verb"

    @property
    def ref(self) -> date | None:
        return self.reference or self.anchor

    def ref_for(self, unit: str) -> date | None:
        """The reference time for an anaphor at `unit` precision: the story's last date precise enough for it."""
        if self.coarse is not None and unit in ("month", "year"):
            day, precision = self.coarse
            if precision == "day" or precision == unit or (precision == "month" and unit == "year"):
                return day
        return self.ref


@dataclass
class Normalised:
    type: str
    value: str | None
    relative: bool  # whether the value depended on the anchor or reference
    # The date of the event the expression locates, where that differs from its value: in "a day after
    # returning", a duration (P1D), the returning is one day before the reference time.
    located: str | None = None
    # "Three days later, ...": the located day becomes the story's reference time
    moves_reference: bool = False


Reader = Callable[[re.Match[str], Context], Normalised]
READERS: dict[str, Reader] = {}


def reads(rule: str) -> Callable[[Reader], Reader]:
    def register(func: Reader) -> Reader:
        READERS[rule] = func
        return func

    return register
