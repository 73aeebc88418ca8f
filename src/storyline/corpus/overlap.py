"""When two sentences say the same thing: what the summary and the timeline both use to avoid repeats."""
from __future__ import annotations

import re

NEAR_DUPLICATE = 0.8  # cosine of MiniLM sentence vectors at or above which two sentences are one
WORD_OVERLAP = 0.6  # share of the shorter sentence's words at or above which two sentences are one
_WORD = re.compile(r"\w+")


def word_overlap(a: str, b: str) -> float:
    """Shared words over the shorter sentence's words."""
    words_a, words_b = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(words_a & words_b) / (min(len(words_a), len(words_b)) or 1)
