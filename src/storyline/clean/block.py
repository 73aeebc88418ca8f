"""The article's block among the page text a scraper flattened: found by what lines look like, not what they say.

A scraper that keeps only text puts every menu item, share button, related headline, comment and footer line on
its own line around the article (and splits the article's own paragraphs at each link). The article is the dense
stretch: long lines that read as sentences (several words, sentence punctuation, many function words), where page
furniture is runs of short lines without sentence punctuation at the edges. So each line gets a score, positive
for prose (by its words) and negative for a short unfinished line or one an earlier pass already judged furniture,
and the article is the stretch with the highest total (a maximum-sum run). Pieces the page split off in the
middle of a sentence were joined back beforehand (`fragments.py`), so they are scored with their sentence.
Lines outside the stretch are dropped with the shape that marked them; nothing is dropped when the text is all
prose (a clean article), since the stretch is then the whole text.
"""
from __future__ import annotations

from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

from .cues import read_cues
from .lines import Line
from .paragraphs import is_finished

MIN_SENTENCE_WORDS = 6  # a finished line this long is a sentence of the story
MIN_LONG_WORDS = 25  # an unfinished line this long is a paragraph that lost its stop (headlines are shorter)
MIN_FUNCTION_SHARE = 0.2  # ... if it reads as running text
SHORT_COST = 4.0  # what a short unfinished line (a menu item, a headline, a label) costs the stretch
JUNK_COST = 2.0  # what a line earlier passes dropped as furniture costs
MIN_BLOCK_SCORE = 30.0  # below this the text has no article block to speak of: nothing is cut
SECOND_SHARE = 0.5  # another stretch scoring this share of the best is part of the article too

NAVIGATION_RUN = "navigation"
LINK_LIST = "related link"
OUTSIDE = "outside the article"
MAX_NAV_WORDS = 3
MAX_HEAD_LINES = 3  # title, subtitle, byline: a head this short above the article is the article's own
MIN_TITLE_WORDS, MAX_TITLE_WORDS = 4, 40
LOOKBACK_LINES = 12
MAX_TRIMMED = 4
MAX_STANDFIRST_LINES = 2


def function_share(text: str) -> float:
    """The share of a line's words that are English function words: high in running prose, low in menus."""
    words = [w.strip(".,;:!?\"'“”‘’()").lower() for w in text.split()]
    words = [w for w in words if w]
    return sum(w in STOP_WORDS for w in words) / len(words) if words else 0.0


def score(line: Line, repeated: set[str]) -> float:
    """Prose counts by its words; a short or unfinished line costs; a short finished one is neutral. A line the
    page repeats word for word is a teaser or a widget (a story says a thing once): it costs like a short one."""
    if line.reason is not None:
        return -JUNK_COST
    if line.text in repeated:
        return -SHORT_COST
    words = len(line.text.split())
    finished = is_finished(line.text)
    if finished and words >= MIN_SENTENCE_WORDS:
        return float(words)
    if words >= MIN_LONG_WORDS and function_share(line.text) >= MIN_FUNCTION_SHARE:
        return float(words)
    if finished and words > 1:
        return 0.0
    return -SHORT_COST


def best_stretch(scores: list[float]) -> tuple[int, int, float]:
    """The run of consecutive scores with the highest sum (Kadane): start, end (exclusive), sum."""
    best, start, total = (0, 0, 0.0), 0, 0.0
    for index, value in enumerate(scores):
        if total <= 0:
            start, total = index, 0.0
        total += value
        if total > best[2]:
            best = (start, index + 1, total)
    return best


def stretches(scores: list[float], floor: float) -> list[tuple[int, int]]:
    """The best stretch, then the best stretch on either side of it, and so on, while they score `floor` or more:
    an article the page broke in two (a box of links mid-way, an abstract apart from its notes) keeps both."""
    start, end, total = best_stretch(scores)
    if total < floor or end <= start:
        return []
    left = stretches(scores[:start], floor)
    right = [(a + end, b + end) for a, b in stretches(scores[end:], floor)]
    return left + [(start, end)] + right


def is_site_voice(text: str) -> bool:
    """The site talking to its reader about itself (a newsletter box, 'Sign up for our daily briefing'): in its
    voice (we, you) and with the wording of an appeal (subscribe, sign up, newsletter, support)."""
    cues = read_cues(text)
    return cues.leans_appeal and (cues.subscription or cues.call_to_action or cues.ask or cues.media)


def trim(lines: list[Line], scores: list[float], start: int, end: int) -> tuple[int, int]:
    """A stretch without the lines at its end that score nothing or speak in the site's voice (a few at most): a
    newsletter box or a login prompt right after the story is not the story. (A story may well open by talking
    to its reader, so the start is left alone.)"""
    for _ in range(MAX_TRIMMED):
        if end - start > 1 and (scores[end - 1] <= 0 or is_site_voice(lines[end - 1].text)):
            end -= 1
    return start, end


def outside_reason(text: str) -> str:
    """Why a line outside the article goes: a few words is navigation; a longer unfinished line a link to
    another story; prose is page text outside the article (a teaser, a comment, a footer)."""
    words = len(text.split())
    if words <= MAX_NAV_WORDS:
        return NAVIGATION_RUN
    if not is_finished(text) and words < MIN_LONG_WORDS:
        return LINK_LIST
    return OUTSIDE


def standfirst(lines: list[Line], start: int, repeated: set[str]) -> set[int]:
    """The headline and standfirst just above the article: walking up from its first line past the byline, the
    date and the share buttons (furniture, or lines of a few words), the first lines of more words, at most
    two, within a few lines."""
    found: set[int] = set()
    for index in range(start - 1, max(-1, start - 1 - LOOKBACK_LINES), -1):
        line = lines[index]
        if line.reason is not None or len(line.text.split()) <= MAX_NAV_WORDS:
            continue
        if line.text in repeated or not is_title_candidate(line.text) or len(found) == MAX_STANDFIRST_LINES:
            break
        found.add(index)
    return found


def mark_outside_block(lines: list[Line]) -> None:
    """Drop the open lines outside the article's stretch. A short head above it (at most a headline block's
    lines: title, subtitle, byline) is left to the headline pass; above a longer one, the text's first line and
    the headline and standfirst right above the article are still kept."""
    counts = Counter(line.text for line in lines)
    repeated = {text for text, count in counts.items() if count > 1}
    scores = [score(line, repeated) for line in lines]
    best = best_stretch(scores)[2]
    if best < MIN_BLOCK_SCORE:
        return
    kept = [trim(lines, scores, start, end) for start, end in stretches(scores, max(MIN_BLOCK_SCORE, SECOND_SHARE * best))]
    inside = {position for start, end in kept for position in range(start, end)}
    head = [i for i in range(kept[0][0]) if lines[i].reason is None]
    spared = set(head) if len(head) <= MAX_HEAD_LINES else {i for i in head[:1] if is_title_candidate(lines[i].text)}
    spared |= standfirst(lines, kept[0][0], repeated)
    for index, line in enumerate(lines):
        if line.reason is None and index not in inside and index not in spared:
            line.drop(outside_reason(line.text))


def is_title_candidate(text: str) -> bool:
    """The text's first line may be its headline when it has a headline's length."""
    return MIN_TITLE_WORDS <= len(text.split()) <= MAX_TITLE_WORDS
