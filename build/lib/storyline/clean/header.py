"""The header passes of the plain-text cleaner: metadata lines, then the headline block.

Metadata lines (URL, "Label: value", date, empty labels) are recognised by their whole-line shape, and where they
stand decides what they mean: a bare URL at the very top or bottom is the article's address, one inside the body
is a link; a date line between stretches of story is a timeline entry, not the publication date. The headline
block is the first kept lines before the first prose paragraph: title, subtitle, maybe a photo caption.
"""
from __future__ import annotations

from .boilerplate import judge_alone
from .caption import looks_like_caption
from .dates import DateLine, is_empty_metadata_line, parse_date_line
from .lines import Found, Line, is_prose
from .metadata import (LabelledLine, UrlLine, is_heading_shaped, is_headline_sentence, is_subtitle_shaped,
                       markdown_heading, parse_labelled_line, parse_url_line, strip_final_stop)

MID_BODY_PROSE = 2
MAX_KICKER_WORDS = 2
MAX_HEADER_LINE_WORDS = 12
EDGE_LINES = 3  # a bare URL this close to the top or the bottom of the text is the article's own address


def mark_url_line(lines: list[Line], index: int, url_line: UrlLine, found: Found) -> None:
    """A labelled URL (or one on the line after a label, or a bare one at the very top or bottom of the text) is
    the article's address; a bare link inside the body is only a link line."""
    previous = lines[index - 1] if index > 0 else None
    after_label = previous is not None and previous.reason == "url line" and parse_url_line(previous.text) is not None
    at_edge = index < EDGE_LINES or index >= len(lines) - EDGE_LINES
    is_address = url_line.labelled or after_label or at_edge
    if url_line.url and is_address:
        found.add("url", url_line.url, url_line.text, "url line")
    lines[index].drop("url line" if is_address else "link line")


def mark_labelled_line(line: Line, labelled: LabelledLine, found: Found) -> None:
    """'Title: ...', 'Publisher: ...': the label names the field; author, section and tag lines are only dropped."""
    if labelled.field is not None:
        found.add(labelled.field, labelled.value, line.text, f"labelled line ({labelled.label})")
        line.drop(f"{labelled.field} line")
    elif labelled.label == "source":
        line.drop("source credit")
    else:
        line.drop("byline" if labelled.label in ("author", "authors", "byline", "by") else "metadata line")


def prose_before(lines: list[Line]) -> list[int]:
    """How many story-like prose lines precede each index (and, last, the total): a date line with story on both
    sides is a dated entry of the body (a timeline), not the article's date."""
    counts = [0]
    for line in lines:
        story = is_prose(line.text) and judge_alone(line.text).reason is None
        counts.append(counts[-1] + story)
    return counts


def beside_headline(lines: list[Line], index: int) -> bool:
    """True when the text's first line (the headline) is repeated right next to this line: a page header that
    the scrape put in the middle of the text."""
    near = lines[max(0, index - 2): index] + lines[index + 1: index + 3]
    return bool(lines) and index > 0 and any(line.text == lines[0].text for line in near)


def mark_date_line(lines: list[Line], index: int, date_line: DateLine, counts: list[int], found: Found) -> None:
    """A date line is the article's date unless it stands inside the story, between prose on both sides."""
    before, after = counts[index], counts[-1] - counts[index + 1]
    inside_story = before >= MID_BODY_PROSE and after >= MID_BODY_PROSE and not beside_headline(lines, index)
    if not inside_story:
        found.add("published", date_line.value, lines[index].text, date_line.method)
        lines[index].drop("date line")


def mark_metadata_lines(lines: list[Line], found: Found) -> None:
    """Recognise URL lines, labelled header lines, empty metadata labels and date lines by their shape."""
    dated: list[tuple[int, DateLine]] = []
    for index, line in enumerate(lines):
        url_line = parse_url_line(line.text)
        labelled = parse_labelled_line(line.text) if url_line is None else None
        if url_line is not None:
            mark_url_line(lines, index, url_line, found)
        elif labelled is not None:
            mark_labelled_line(line, labelled, found)
        elif is_empty_metadata_line(line.text):
            line.drop("empty metadata line")
        else:
            date_line = parse_date_line(line.text)
            if date_line is not None:
                dated.append((index, date_line))
    counts = prose_before(lines) if dated else []
    for index, date_line in dated:
        mark_date_line(lines, index, date_line, counts, found)


def title_of(first: Line, rest: list[Line], lines: list[Line]) -> tuple[str, str] | None:
    """The title and how it was recognised, when the first kept line is a headline; else None."""
    heading = markdown_heading(first.text)
    if heading:
        return strip_final_stop(heading), "markdown heading"
    if not rest:
        return None
    if is_heading_shaped(first.text):
        return first.text, "first line"
    alone = sum(line.block == first.block for line in lines) == 1
    if alone and is_headline_sentence(first.text, rest[0].text):
        return strip_final_stop(first.text), "first line, alone above the body"
    return None


def is_kicker(text: str) -> bool:
    """A section word above a headline ('Politics', 'World news'): one word, or two with the second in lower case
    (two capitalised words are more likely a name: 'Michelle Obama' may well be the headline)."""
    words = text.split()
    if not words or len(words) > MAX_KICKER_WORDS or not all(word.isalpha() for word in words):
        return False
    return len(words) == 1 or words[1].islower()


def is_header_line(text: str) -> bool:
    """A short line that is no sentence ('Jane Doe Political correspondent', '5 min read'); a longer unpunctuated
    line may be a lead that lost its full stop, and stays."""
    question = text.rstrip("\"'”’").endswith("?")  # "What happened in Paris?" opens the story
    return not is_prose(text) and not question and len(text.split()) <= MAX_HEADER_LINE_WORDS


def mark_headline_block(lines: list[Line], found: Found) -> None:
    """Title, subtitle and a photo caption are the first kept lines, before the first prose paragraph; other
    short lines there (an author's name and role, a reading time) are header lines, not story."""
    kept = [line for line in lines if line.reason is None]
    if len(kept) > 2 and is_kicker(kept[0].text) and is_heading_shaped(kept[1].text):
        kept[0].drop("section label")
        kept = kept[1:]
    position = 0
    title = title_of(kept[0], kept[1:], lines) if kept else None
    if title is not None:
        found.add("title", title[0], kept[0].text, title[1])
        kept[0].drop("title line")
        position = 1
    if position < len(kept) and not is_prose(kept[position].text) and is_subtitle_shaped(kept[position].text):
        found.add("subtitle", kept[position].text, kept[position].text, "line under the title")
        kept[position].drop("subtitle line")
        position += 1
    headed = position > 0 or "published" in found.values
    while headed and position + 1 < len(kept) and is_header_line(kept[position].text):
        kept[position].drop("header line")  # author credit, reading time: a headline-shaped line before the body
        position += 1
    if headed and position + 1 < len(kept) and looks_like_caption(kept[position].text):
        kept[position].drop("photo caption")
