"""The paragraph-level boilerplate classifier, shared by the plain-text and the HTML cleaner.

Each paragraph is first judged alone (glyph-only lines, page furniture, strong appeals, appeal headings such as
"A Message from X:"), then in context: donation and subscription appeals come as regions (a box at the top, a
block that runs to the end), so a short run of weak paragraphs (a question, a payment widget word, a sentence in
the outlet's own voice) sandwiched between appeal paragraphs is part of the appeal too. A paragraph that reports
speech is never swept into a region. Every dropped piece is returned with its reason: nothing is lost silently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..record import Removed
from .cues import Cues, read_cues
from .furniture import furniture_reason
from .glyphs import is_glyph, is_only_glyphs, strip_edge_glyphs

DONATION = "donation appeal"
SUBSCRIPTION = "subscription appeal"
PROMOTION = "promotion"
NAVIGATION = "navigation"
GLYPH = "stray glyph"
SEPARATOR = "separator"
# Reasons that mark a page region (appeal box, widget) that weak neighbours may belong to.
REGION_REASONS = {DONATION, SUBSCRIPTION, PROMOTION, NAVIGATION, GLYPH, SEPARATOR, "ad notice", "page code"}
MAX_FILL_RUN = 3
MAX_TAIL_RUN = 6
MAX_WEAK_WORDS = 3
MAX_WEAK_QUESTION_WORDS = 8

_APPEAL_HEADING = re.compile(
    r"^(an?\s+)?(message|note|letter|word|appeal)\s+(from|to)\s+(\S.{0,60}:|our\b.{0,60})$"
    r"|^dear\s+(readers?|friends|subscribers|supporters|listeners|viewers|members)\b.{0,20}$",
    re.I,
)


@dataclass
class Verdict:
    """One paragraph's judgement: its text with edge glyphs cut, the glyphs cut, and why it goes (None: kept)."""

    text: str
    reason: str | None = None
    glyphs: list[str] = field(default_factory=list)


@dataclass
class Filtered:
    """Paragraphs kept (in order) and every removed piece with its reason (in order)."""

    kept: list[str]
    removed: list[Removed]


def appeal_reason(text: str, cues: Cues) -> str:
    """A subscription appeal sells access (subscribe, newsletter, log in); anything asking for money or support
    is a donation appeal; a bare call to action ("Click here to follow our live blog") is a promotion."""
    asks_support = "support" in text.lower() or "donat" in text.lower()
    if cues.subscription and not (cues.money or asks_support):
        return SUBSCRIPTION
    return DONATION if cues.ask or cues.money else PROMOTION


def judge_alone(paragraph: str) -> Verdict:
    """Judge one paragraph without context."""
    if is_only_glyphs(paragraph):
        return Verdict(paragraph, GLYPH if any(is_glyph(ch) for ch in paragraph) else SEPARATOR)
    split = strip_edge_glyphs(paragraph)
    text = split.text
    reason = furniture_reason(text)
    if reason is None and _APPEAL_HEADING.match(text):
        reason = DONATION
    if reason is None:
        cues = read_cues(text)
        if cues.is_appeal:
            reason = appeal_reason(text, cues)
    return Verdict(text, reason, split.glyphs)


def is_weak(paragraph: str, beside_appeal: bool) -> bool:
    """Too little of a story to stand on its own inside a region: a few words or a short question; next to an
    appeal, also a paragraph in the outlet's own voice (we/you) that reports nothing."""
    words = paragraph.split()
    if len(words) <= MAX_WEAK_WORDS:
        return True
    if paragraph.rstrip().endswith("?") and len(words) <= MAX_WEAK_QUESTION_WORDS:
        return True
    return beside_appeal and read_cues(paragraph).leans_appeal


def _region_reason(left: Verdict, right: Verdict) -> str:
    for side in (left, right):
        if side.reason in (DONATION, SUBSCRIPTION, PROMOTION):
            return side.reason
    return NAVIGATION


def fill_regions(verdicts: list[Verdict]) -> None:
    """Sweep short runs of weak kept paragraphs lying between two region paragraphs into that region."""
    marked = [i for i, v in enumerate(verdicts) if v.reason in REGION_REASONS]
    for left, right in zip(marked, marked[1:]):
        run = range(left + 1, right)
        if not run or len(run) > MAX_FILL_RUN:
            continue
        reason = _region_reason(verdicts[left], verdicts[right])
        beside_appeal = reason != NAVIGATION
        if all(verdicts[i].reason is None and is_weak(verdicts[i].text, beside_appeal) for i in run):
            for i in run:
                verdicts[i].reason = reason


def fill_tail(verdicts: list[Verdict]) -> None:
    """After the last region paragraph, a short tail of weak lines ends the page: tag lists, 'Reuse this content'.
    Nothing of the story follows it, so the run needs no closing mark."""
    marked = [i for i, v in enumerate(verdicts) if v.reason in REGION_REASONS]
    if not marked:
        return
    tail = range(marked[-1] + 1, len(verdicts))
    reason = _region_reason(verdicts[marked[-1]], verdicts[marked[-1]])
    beside_appeal = reason != NAVIGATION
    if 0 < len(tail) <= MAX_TAIL_RUN and all(
            verdicts[i].reason is None and is_weak(verdicts[i].text, beside_appeal) for i in tail):
        for i in tail:
            verdicts[i].reason = reason


MAX_HEADING_WORDS = 8
APPEALS = (DONATION, SUBSCRIPTION, PROMOTION)


def is_heading(paragraph: str) -> bool:
    """A box's heading line: a few words with no sentence-ending punctuation ("Support independent journalism")."""
    text = paragraph.rstrip()
    return 0 < len(text.split()) <= MAX_HEADING_WORDS and not text.endswith((".", "!", "?", '"', "\u201d"))


def fill_heads(verdicts: list[Verdict]) -> None:
    """An appeal box often opens with a heading that says nothing alone; the kept heading line right above an
    appeal paragraph belongs to the appeal."""
    for i in range(1, len(verdicts)):
        head = verdicts[i - 1]
        if verdicts[i].reason in APPEALS and head.reason is None and is_heading(head.text):
            head.reason = verdicts[i].reason


def classify_paragraphs(paragraphs: list[str]) -> list[Verdict]:
    """Judge every paragraph alone, then sweep weak neighbours into appeal and widget regions."""
    verdicts = [judge_alone(p) for p in paragraphs]
    fill_heads(verdicts)
    fill_regions(verdicts)
    fill_tail(verdicts)
    return verdicts


def removed_pieces(verdict: Verdict) -> list[Removed]:
    """What a verdict drops: its cut glyphs, and the paragraph itself when it goes."""
    pieces = [Removed(glyph, GLYPH) for glyph in verdict.glyphs]
    if verdict.reason is not None:
        pieces.append(Removed(verdict.text, verdict.reason))
    return pieces


def filter_paragraphs(paragraphs: list[str]) -> Filtered:
    """Split paragraphs into kept body text and removed boilerplate, each removed piece with its reason."""
    kept: list[str] = []
    removed: list[Removed] = []
    for verdict in classify_paragraphs(paragraphs):
        removed.extend(removed_pieces(verdict))
        if verdict.reason is None and verdict.text:
            kept.append(verdict.text)
    return Filtered(kept, removed)
