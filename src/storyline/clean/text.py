"""The plain-text cleaner: from scraped text to title, subtitle, date, URL, outlet, body and removed pieces.

The text is cut into line pieces, then read in passes, each deciding from evidence the earlier ones left: metadata
lines (URL, date, empty labels) are recognised by their whole-line shape wherever they stand; boilerplate by
`filter_paragraphs`'s rules and regions; the headline block by position (the first lines before the first prose
paragraph); and last, paragraphs the page broke mid-sentence are glued back. Metadata the container supplied
(a JSONL record's title, URL, date) outranks what the text says. Every piece not kept is in `removed` with a reason.
"""
from __future__ import annotations

from ..record import Article, RawArticle
from .block import mark_outside_block
from .boilerplate import DONATION, PROMOTION, SUBSCRIPTION, classify_paragraphs, removed_pieces
from .dates import normalise_date
from .fragments import join_fragments
from .header import mark_headline_block, mark_metadata_lines
from .lines import Found, Line
from .metadata import BARE_DOMAIN, Outlet, markdown_heading, outlet_from_url, outlet_named_in
from .paragraphs import rejoin_broken, split_pieces

_SELF_NAMING_REASONS = (DONATION, SUBSCRIPTION, PROMOTION, "copyright notice")


def mark_boilerplate(lines: list[Line]) -> None:
    """Run the shared paragraph classifier over the lines still undecided."""
    open_lines = [line for line in lines if line.reason is None]
    for line, verdict in zip(open_lines, classify_paragraphs([line.text for line in open_lines])):
        line.dropped.extend(removed_pieces(verdict))
        line.text, line.reason = verdict.text, verdict.reason


def body_paragraphs(lines: list[Line]) -> list[str]:
    """Kept lines as paragraphs, markdown heading marks cut, broken sentences glued back."""
    texts = [markdown_heading(line.text) or line.text for line in lines if line.reason is None and line.text]
    return rejoin_broken(texts).paragraphs


def self_named_outlet(lines: list[Line]) -> Outlet | None:
    """The outlet as the page names itself in its appeals or copyright line."""
    for line in lines:
        if line.reason in _SELF_NAMING_REASONS:
            named = outlet_named_in(line.text)
            if named:
                return named
    return None


def find_outlet(lines: list[Line], url: str | None) -> Outlet | None:
    """The outlet from the URL's domain made readable, else as the page names itself, else the bare domain."""
    page = "\n".join(removed.text for line in lines for removed in line.dropped)
    page += "\n" + "\n".join(line.text for line in lines if line.reason is None)
    from_url = outlet_from_url(url, page) if url else None
    if from_url is not None and from_url.method != BARE_DOMAIN:
        return from_url
    return self_named_outlet(lines) or from_url


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
    lines = [Line(piece.text, piece.block) for piece in join_fragments(split_pieces(raw.text or ""))]
    found = Found()
    mark_metadata_lines(lines, found)
    mark_boilerplate(lines)
    mark_outside_block(lines)
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
