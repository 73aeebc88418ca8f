"""The filters every listing takes, checked once for all interfaces.

A filter value that cannot match anything by its form (an unknown figure kind, `--since yesterday`) is a mistake,
not a question with an empty answer: `check_*` raise `FilterError` naming the expected form or the allowed values,
which the CLI turns into exit code 2 and the REST API into a 422. Dates are ISO strings compared on their first
characters, so a range is inclusive at both ends, `2015` and `2015-10` mean the whole year or month, and undated
items never match a date range.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .record import CanonicalEntity

# killed … other: what `storyline.figures` assigns (see `record.Figure.kind`).
FIGURE_KINDS = ("killed", "injured", "missing", "displaced", "refugees", "detained", "air_raids", "targets", "troops",
                "money", "other")
QUOTE_KINDS = ("direct", "mixed", "indirect")
_ISO = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


class FilterError(ValueError):
    """A filter value of the wrong form or outside the allowed values; the message says what is expected."""


@dataclass(frozen=True)
class DateRange:
    """`since` and `until` as checked ISO prefixes (YYYY, YYYY-MM or YYYY-MM-DD), either may be open."""

    since: str | None = None
    until: str | None = None

    @property
    def open(self) -> bool:
        return self.since is None and self.until is None

    def holds(self, date: str | None) -> bool:
        """Whether an item dated `date` (ISO, any precision) falls in the range; undated ones only in an open one."""
        if self.open:
            return True
        if not date:
            return False
        day = date[:10]
        return ((self.since is None or day >= self.since[:len(day)])
                and (self.until is None or day[:len(self.until)] <= self.until))


def check_date(value: str | None, name: str = "date") -> str | None:
    """`value` if it is an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), None for None; FilterError otherwise."""
    if value is None:
        return None
    if not _ISO.fullmatch(value):
        raise FilterError(f"{name}: expected an ISO date, YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    return value


def date_range(since: str | None = None, until: str | None = None) -> DateRange:
    """A checked range; `since` after `until` is a well-formed range that holds nothing."""
    return DateRange(check_date(since, "since"), check_date(until, "until"))


def check_choice(value: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    """`value` if it is one of `allowed` (or None); FilterError naming the allowed values otherwise."""
    if value is not None and value not in allowed:
        raise FilterError(f"unknown {name} {value!r}; choose one of: {', '.join(allowed)}")
    return value


def names_entity(text: str, entities: list[CanonicalEntity]) -> bool:
    """Whether `text` names one of `entities` by its name or an alias, as a whole word (case as written)."""
    names = {n for e in entities for n in (e.name, *e.aliases) if n}
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names)
