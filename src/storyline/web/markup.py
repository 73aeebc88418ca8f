"""The article text cut into pieces a template can render safely: each piece is plain text (escaped by the
template) with the classes, link and tooltip of the spans that cover it (quotes, cues, speakers, dates, names).

Offsets are into `Article.text` (paragraphs joined by a blank line); each paragraph is cut at its sentences so
every sentence gets an anchor that citations jump to.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..record import Article, CanonicalEntity, Figure
from .links import WebLinks


@dataclass(frozen=True)
class Span:
    """A highlighted range; where spans overlap, the link of the one with the highest priority wins."""

    start: int
    end: int
    css: str
    href: str | None = None
    title: str | None = None
    priority: int = 0


@dataclass
class Segment:
    text: str
    css: str = ""
    href: str | None = None
    title: str | None = None


@dataclass
class Block:
    """A sentence (with its index, for the anchor) or the text between sentences (`sentence` None)."""

    sentence: int | None
    segments: list[Segment] = field(default_factory=list)


def article_spans(article: Article, entities: list[CanonicalEntity], links: WebLinks) -> list[Span]:
    """The highlighted spans of an article: quotes by kind, cues, speakers (linked), dates (with their value)
    and person/organisation names (linked to their canonical entity)."""
    by_alias = {(alias, a): e.id for e in entities for alias in e.aliases for a in e.articles}
    spans = [Span(q.start, q.end, f"quote quote-{q.kind}", title=f"{q.kind} quote"
                  + (f" by {q.speaker or q.speaker_text}" if q.speaker or q.speaker_text else ""))
             for q in article.statements()]
    for q in article.statements():
        if q.cue_start is not None and q.cue_end is not None:
            spans.append(Span(q.cue_start, q.cue_end, "cue"))
        if q.speaker_start is not None and q.speaker_end is not None:
            name = q.speaker or q.speaker_text or ""
            href = links.entity(q.speaker_entity) if q.speaker_entity else links.speaker(name)
            spans.append(Span(q.speaker_start, q.speaker_end, "speaker", href, q.speaker or q.speaker_text, 3))
    spans += [Span(d.start, d.end, "date", title=f"{d.type} {d.value or '?'}") for d in article.dates]
    spans += [Span(f.start, f.end, "figure", title=_figure_title(f)) for f in getattr(article, "figures", [])]
    for mention in article.entities:
        entity_id = by_alias.get((mention.text, article.id))
        href = links.entity(entity_id) if entity_id else None
        spans.append(Span(mention.start, mention.end, f"name name-{mention.label}", href, mention.label, 2))
    return spans


def _figure_title(figure: Figure) -> str:
    value = f"{figure.value:,.0f}" if figure.value is not None else "?"
    hedge = f"{figure.qualifier} " if figure.qualifier else ""
    return f"{figure.kind}: {hedge}{value}" + (f" ({figure.source})" if figure.source else "")


def paragraphs(article: Article, spans: list[Span]) -> list[list[Block]]:
    """Each paragraph as blocks: its sentences (anchored) and the text between them, cut at span boundaries."""
    starts = article.paragraph_starts()
    text = article.text
    result = []
    for number, (start, paragraph) in enumerate(zip(starts, article.paragraphs)):
        end = start + len(paragraph)
        sentences = [(i, s) for i, s in enumerate(article.sentences)
                     if s.paragraph == number and start <= s.start < s.end <= end]
        blocks, cursor = [], start
        for index, sentence in sentences:
            if sentence.start > cursor:
                blocks.append(Block(None, cut(text, cursor, sentence.start, spans)))
            blocks.append(Block(index, cut(text, sentence.start, sentence.end, spans)))
            cursor = sentence.end
        if cursor < end:
            blocks.append(Block(None, cut(text, cursor, end, spans)))
        result.append(blocks)
    return result


def cut(text: str, start: int, end: int, spans: list[Span]) -> list[Segment]:
    """`text[start:end]` as segments, split wherever a span begins or ends."""
    inside = [s for s in spans if s.start < end and s.end > start and s.start < s.end]
    bounds = sorted({start, end, *(max(s.start, start) for s in inside), *(min(s.end, end) for s in inside)})
    segments = []
    for left, right in zip(bounds, bounds[1:]):
        covering = [s for s in inside if s.start <= left and s.end >= right]
        linked = max((s for s in covering if s.href), key=lambda s: s.priority, default=None)
        titles = [s.title for s in covering if s.title]
        segments.append(Segment(text[left:right], " ".join(dict.fromkeys(s.css for s in covering)),
                                linked.href if linked else None, "; ".join(titles) or None))
    return segments
