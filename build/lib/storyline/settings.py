"""Settings are `(name, default, help)` rows declared by the module they configure (datasette's habit).

This module only defines the row and how `NAME=VALUE` strings from the command line become typed values; it holds
no settings of its own. A test checks that every row is documented in the README.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: int | float
    help: str


def parse_settings(pairs: Iterable[str], rows: Sequence[Setting]) -> dict[str, int | float]:
    """Every row's value: its default, unless a `NAME=VALUE` pair overrides it. ValueError names a bad pair."""
    known = {row.name: row for row in rows}
    values: dict[str, int | float] = {row.name: row.default for row in rows}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        row = known.get(name.strip())
        if not sep or row is None:
            raise ValueError(f"unknown setting {pair!r}; known: {', '.join(sorted(known))}")
        try:
            value = type(row.default)(text.strip())
        except ValueError:
            kind = "a whole number" if isinstance(row.default, int) else "a number"
            raise ValueError(f"setting {row.name} needs {kind}, got {text!r}") from None
        if value <= 0:
            raise ValueError(f"setting {row.name} must be positive, got {text!r}")
        values[row.name] = value
    return values
