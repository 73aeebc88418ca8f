"""The corpus as flat tables: one row per article, quote, figure, entity or timeline entry.

One definition of each table serves every flat consumer: `storyline export --table NAME` (CSV, Parquet, JSON,
JSONL) and the DataFrames of `storyline.open(db)`. Every row that comes from an article carries the article's `id`
(as `article`) and its `source` path, and the character offsets of its evidence, so a row can be traced back.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any, Protocol

from .filters import FIGURE_KINDS, check_choice, date_range
from .record import Article, CanonicalEntity, Statement, TimelineEntry

Row = dict[str, Any]


class Corpus(Protocol):
    """What the tables read of `storyline.api.Corpus` (named here, not imported: the API builds on this module)."""

    def headers(self) -> list[Article]: ...

    def articles(self) -> list[Article]: ...

    def quotes(self, **filters: str | None) -> list[Statement]: ...

    def entities(self) -> list[CanonicalEntity]: ...

    def entity_matches(self, key: str) -> list[CanonicalEntity]: ...

    def timeline(self, **filters: str | None) -> list[TimelineEntry]: ...

    def to_dict(self) -> dict[str, Any]: ...

ARTICLE_COLUMNS = (
    "id", "source", "title", "subtitle", "published", "published_estimate", "url", "outlet", "language", "status",
    "status_reason", "duplicate_of", "duplicate_kind", "text",
)


def article_rows(corpus: Corpus, since: str | None = None, until: str | None = None) -> list[Row]:
    dates = date_range(since, until)
    return [{name: (article.text if name == "text" else getattr(article, name)) for name in ARTICLE_COLUMNS}
            for article in corpus.headers() if dates.holds(article.published)]


def quote_rows(corpus: Corpus, **filters: str | None) -> list[Row]:
    sources = _sources(corpus)
    return [{"article": s.article, "source": sources.get(s.article), "published": s.published, "title": s.title,
             "speaker": s.quote.speaker or s.quote.speaker_text, "as_said": s.quote.as_said(),
             **dataclasses.asdict(s.quote)} for s in corpus.quotes(**filters)]


def figure_rows(corpus: Corpus, kind: str | None = None, since: str | None = None, until: str | None = None,
                entity: str | None = None) -> list[Row]:
    """Figures of a kind, dated (by their own date, else their article's) in the range, naming an entity."""
    check_choice(kind, FIGURE_KINDS, "figure kind")
    dates = date_range(since, until)
    matches = corpus.entity_matches(entity) if entity else None
    rows = []
    for article in corpus.articles():
        for figure in article.figures:
            if kind is not None and figure.kind != kind:
                continue
            if not dates.holds(figure.as_of or article.published):
                continue
            if matches is not None and not _figure_names(article, figure.sentence, figure.source, matches):
                continue
            rows.append(_figure_row(article, dataclasses.asdict(figure)))
    return rows


def _figure_row(article: Article, figure: Row) -> Row:
    """A figure's own fields, its article's id, path and date; who gave the figure is `given_by`, since `source`
    is the article's path in every table."""
    given_by, given_via = figure.pop("source"), figure.pop("source_via")
    return {"article": article.id, "source": article.source, "published": article.published, **figure,
            "given_by": given_by, "given_via": given_via}


def entity_rows(corpus: Corpus, name: str | None = None) -> list[Row]:
    wanted = name.casefold() if name else None
    return [{"id": e.id, "name": e.name, "label": e.label, "articles": len(e.articles),
             "aliases": "; ".join(a for a in e.aliases if a != e.name), "affiliations": "; ".join(e.affiliations),
             "roles": "; ".join(sorted({f"{r.text} ({r.published or 'undated'})" for r in e.roles})),
             "article_ids": "; ".join(e.articles)}
            for e in corpus.entities()
            if wanted is None or any(wanted in n.casefold() for n in (e.name, *e.aliases))]


def timeline_rows(corpus: Corpus, **filters: str | None) -> list[Row]:
    sources = _sources(corpus)
    return [{"date": e.date, "precision": e.precision, "text": e.text, "articles": e.articles,
             "cited": "; ".join(f"{c.article}:{c.sentence}" for c in e.citations),
             "sources": "; ".join(sorted({sources.get(c.article) or c.article for c in e.citations}))}
            for e in corpus.timeline(**filters)]


TABLES: dict[str, Callable[..., list[Row]]] = {
    "articles": article_rows, "quotes": quote_rows, "figures": figure_rows, "entities": entity_rows,
    "timeline": timeline_rows,
}


def rows(corpus: Corpus, table: str, /, **filters: str | None) -> list[Row]:
    """The rows of `table` (one of TABLES), with the filters that table's listing takes (None ones dropped)."""
    check_choice(table, tuple(TABLES), "table")
    return TABLES[table](corpus, **{k: v for k, v in filters.items() if v is not None})


def names_entity(text: str, entities: list[CanonicalEntity]) -> bool:
    """Whether `text` names one of `entities` by its name or an alias, as a whole word (case as written)."""
    names = {n for e in entities for n in (e.name, *e.aliases) if n}
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names)


def _figure_names(article: Article, sentence: int | None, given_by: str | None,
                  entities: list[CanonicalEntity]) -> bool:
    if given_by and names_entity(given_by, entities):
        return True
    if sentence is None or not 0 <= sentence < len(article.sentences):
        return False
    span = article.sentences[sentence]
    return names_entity(article.text[span.start:span.end], entities)


def _sources(corpus: Corpus) -> dict[str, str]:
    return {a.id: a.source for a in corpus.headers()}
