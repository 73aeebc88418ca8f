"""The hedge in front of a figure ("more than 5,400", "some 70,000", "up to 500"), normalised to a few forms so
that figures from different articles compare: "about", "approximately" and "an estimated" all read "around"."""
from __future__ import annotations

import re

# Written form → normalised qualifier. "over" stays apart from "more than": reporters and the gold keep both.
QUALIFIERS = {
    "more than": "more than", "over": "over", "upwards of": "more than", "in excess of": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "some": "some", "around": "around", "about": "around", "approximately": "around", "roughly": "around",
    "an estimated": "around", "estimated": "around", "an approximate": "around", "circa": "around",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly", "just short of": "nearly",
    "up to": "up to", "as many as": "up to", "at most": "up to", "fewer than": "fewer than",
    "less than": "fewer than", "under": "fewer than", "only": "only", "just": "only", "exactly": "exactly",
}
_PATTERN = re.compile(
    r"\b(" + "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True)) + r")\s+$",  # "more than the $5.7 billion he asked for" compares with a figure, it does not hedge it
    re.IGNORECASE,
)


def qualifier_before(before: str) -> str | None:
    """The normalised qualifier ending right before a number, if any."""
    match = _PATTERN.search(before[-30:])
    return QUALIFIERS[match.group(1).lower()] if match else None
