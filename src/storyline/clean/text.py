"""The plain-text cleaner: from a scraped text to title, subtitle, date, URL, outlet, body paragraphs and removed pieces.

The text is cut into line pieces, then read in passes, each deciding from evidence the earlier ones left: metadata
lines (URL, date, empty labels) are recognised by their whole-line shape wherever they stand; boilerplate by
`filter_paragraphs`'s rules and regions; the headline block by position (the first lines before the first prose
paragraph); and last, paragraphs the page broke mid-sentence are glued back. Metadata the container supplied
(a JSONL record's title, URL, date) outranks what the text says. Every piece not kept is in `removed` with a reason.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..record import Article, Evidence, RawArticle, Removed
from .boilerplate import DONATION, SUBSCRIPTION, classify_paragraphs, judge_alone, removed_pieces
from .caption import looks_like_caption
from .dates import is_empty_metadata_line, normalise_date, parse_date_line
from .metadata import (LabelledLine, Outlet, UrlLine, is_heading_shaped, is_headline_sentence, is_subtitle_shaped,
                       markdown_heading, outlet_from_url, outlet_named_in, parse_labelled_line, parse_url_line,
                       strip_final_stop)
from .paragraphs import is_finished, rejoin_broken, split_pieces

MIN_PROSE_WORDS = 8
MID_BODY_PROSE = 2
EDGE_LINES = 3  # a bare URL this close to the top or the bottom of the text is the article's own address
_SELF_NAMING_REASONS = (DONATION, SUBSCRIPTION, "copyright notice")


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


def mark_date_line(lines: list[Line], index: int, counts: list[int], found: Found) -> None:
    """A date line is the article's date unless it stands inside the story, between prose on both sides."""
    line = lines[index]
    date_line = parse_date_line(line.text)
    before, after = counts[index], counts[-1] - counts[index + 1]
    inside_story = before >= MID_BODY_PROSE and after >= MID_BODY_PROSE and not beside_headline(lines, index)
    if date_line is not None and not inside_story:
        found.add("published", date_line.value, line.text, date_line.method)
        line.drop("date line")


def mark_metadata_lines(lines: list[Line], found: Found) -> None:
    """Recognise URL lines, labelled header lines, date lines and empty metadata labels by their shape."""
    counts = prose_before(lines)
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
            mark_date_line(lines, index, counts, found)


def mark_boilerplate(lines: list[Line]) -> None:
    """Run the shared paragraph classifier over the lines still undecided."""
    open_lines = [line for line in lines if line.reason is None]
    for line, verdict in zip(open_lines, classify_paragraphs([line.text for line in open_lines])):
        line.dropped.extend(removed_pieces(verdict))
        line.text, line.reason = verdict.text, verdict.reason


def is_prose(text: str) -> bool:
    """A body sentence's shape: enough words and a sentence end (or too long for any headline)."""
    words = len(text.split())
    return words >= MIN_PROSE_WORDS and is_finished(text) or not is_heading_shaped(text)


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


def mark_headline_block(lines: list[Line], found: Found) -> None:
    """Title, subtitle and a photo caption are the first kept lines, before the first prose paragraph."""
    kept = [line for line in lines if line.reason is None]
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
    if headed and position + 1 < len(kept) and looks_like_caption(kept[position].text):
        kept[position].drop("photo caption")


def body_paragraphs(lines: list[Line]) -> list[str]:
    """Kept lines as paragraphs, markdown heading marks cut, broken sentences glued back."""
    texts = [markdown_heading(line.text) or line.text for line in lines if line.reason is None and line.text]
    return rejoin_broken(texts).paragraphs


def find_outlet(lines: list[Line], url: str | None) -> Outlet | None:
    """The outlet from the URL's domain, else from the page naming itself in its appeals or copyright line."""
    page = "\n".join(removed.text for line in lines for removed in line.dropped) + "\n" + "\n".join(
        line.text for line in lines if line.reason is None)
    if url:
        return outlet_from_url(url, page)
    for line in lines:
        if line.reason in _SELF_NAMING_REASONS:
            named = outlet_named_in(line.text)
            if named:
                return named
    return None


def container_metadata(raw: RawArticle, found: Found) -> Found:
    """Metadata the container gave outranks the text's; the text's evidence is kept only where it decided."""
    published = (normalise_date(raw.published) or raw.published) if raw.published else None
    given = {"title": raw.title, "url": raw.url, "published": published}
    merged = Found()
    for name, value in given.items():
        if value:
            merged.add(name, value, value, "container")
    for evidence in found.evidence:
        merged.add(evidence.field, found.values[evidence.field], evidence.text, evidence.method)
    return merged


def clean_text(article: Article) -> Article:
    """Fill title, subtitle, published, url, outlet, evidence, paragraphs and removed from `article.raw.text`."""
    raw = article.raw or RawArticle(source=article.source, text="")
    lines = [Line(piece.text, piece.block) for piece in split_pieces(raw.text or "")]
    found = Found()
    mark_metadata_lines(lines, found)
    mark_boilerplate(lines)
    mark_headline_block(lines, found)
    merged = container_metadata(raw, found)
    outlet = find_outlet(lines, merged.values.get("url"))
    if outlet is not None:
        merged.add("outlet", outlet.name, outlet.text, outlet.method)
    article.title = merged.values.get("title")
    article.subtitle = merged.values.get("subtitle")
    article.published = merged.values.get("published")
    article.url = merged.values.get("url")
    article.outlet = merged.values.get("outlet")
    article.evidence = merged.evidence
    article.paragraphs = body_paragraphs(lines)
    article.removed = [removed for line in lines for removed in line.dropped]
    return article
