"""The working state of the plain-text cleaner: each line piece with its fate, and the metadata found so far.

The passes of `clean_text` (header lines, boilerplate, headline block) each look at the lines the earlier passes
left open and record what they remove on the line itself, so that the removed pieces come out in reading order.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..record import Evidence, Removed
from .metadata import is_heading_shaped
from .paragraphs import is_finished

MIN_PROSE_WORDS = 8


@dataclass
class Line:
    """A piece of the text as the passes see it: its current text and, once decided, why it was removed."""

    text: str
    block: int = 0
    reason: str | None = None
    dropped: list[Removed] = field(default_factory=list)

    def drop(self, reason: str) -> None:
        self.reason = reason
        self.dropped.append(Removed(self.text, reason))


@dataclass
class Found:
    """Metadata read off the text, each value with the evidence it came from."""

    values: dict[str, str] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def add(self, name: str, value: str, text: str, method: str) -> None:
        if name not in self.values:
            self.values[name] = value
            self.evidence.append(Evidence(name, text, method))


def is_prose(text: str) -> bool:
    """A body sentence's shape: enough words and a sentence end (or too long for any headline)."""
    words = len(text.split())
    return words >= MIN_PROSE_WORDS and is_finished(text) or not is_heading_shaped(text)
