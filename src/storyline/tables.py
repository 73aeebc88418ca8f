"""The corpus as flat tables: one row per article, quote, figure, entity, timeline entry or stance statement.

One definition of each table serves every flat consumer: `storyline export --table NAME` (CSV, Parquet, JSON,
JSONL) and the DataFrames of `storyline.open(db)`. Every row that comes from an article carries the article's `id`
(as `article`) and its `source` path, and the character offsets of its evidence, so a row can be traced back.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Protocol

from .filters import FIGURE_KINDS, check_choice, date_range, names_entity
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

    def to_dict(self, story: str | None = None) -> dict[str, Any]: ...

    def stories(self) -> list[Any]: ...

    def story_articles(self, key: str) -> list[str]: ...

    def story_assignment(self) -> dict[str, str]: ...

    def positions(self, story: str | None = None, actor: str | None = None,
                  target: str | None = None) -> list[Any]: ...


ARTICLE_COLUMNS = (
    "id", "source", "title", "subtitle", "published", "published_estimate", "url", "outlet", "language", "status",
    "status_reason", "duplicate_of", "duplicate_kind", "text",
)


def article_rows(corpus: Corpus, since: str | None = None, until: str | None = None,
                 story: str | None = None) -> list[Row]:
    dates = date_range(since, until)
    stories = corpus.story_assignment()
    members = _members(corpus, story)
    return [{name: (article.text if name == "text" else getattr(article, name)) for name in ARTICLE_COLUMNS}
            | {"story": stories.get(article.id)}
            for article in corpus.headers()
            if dates.holds(article.published) and (members is None or article.id in members)]


def quote_rows(corpus: Corpus, **filters: str | None) -> list[Row]:
    sources, stories = _sources(corpus), corpus.story_assignment()
    return [{"article": s.article, "source": sources.get(s.article), "story": stories.get(s.article),
             "published": s.published, "title": s.title, "speaker": s.quote.speaker or s.quote.speaker_text,
             "as_said": s.quote.as_said(), **dataclasses.asdict(s.quote)} for s in corpus.quotes(**filters)]


def figure_rows(corpus: Corpus, kind: str | None = None, since: str | None = None, until: str | None = None,
                entity: str | None = None, story: str | None = None) -> list[Row]:
    """Figures of a kind, dated (by their own date, else their article's) in the range, naming an entity, in a
    story."""
    check_choice(kind, FIGURE_KINDS, "figure kind")
    dates = date_range(since, until)
    matches = corpus.entity_matches(entity) if entity else None
    members = _members(corpus, story)
    stories = corpus.story_assignment()
    rows = []
    for article in corpus.articles():
        if members is not None and article.id not in members:
            continue
        for figure in article.figures:
            if kind is not None and figure.kind != kind:
                continue
            if not dates.holds(figure.as_of or article.published):
                continue
            if matches is not None and not _figure_names(article, figure.sentence, figure.source, matches):
                continue
            rows.append(_figure_row(article, stories.get(article.id), dataclasses.asdict(figure)))
    return rows


def _figure_row(article: Article, story: str | None, figure: Row) -> Row:
    """A figure's own fields, its article's id, path, story and date; who gave the figure is `given_by`, since
    `source` is the article's path in every table."""
    given_by, given_via = figure.pop("source"), figure.pop("source_via")
    return {"article": article.id, "source": article.source, "story": story, "published": article.published,
            **figure, "given_by": given_by, "given_via": given_via}


def entity_rows(corpus: Corpus, name: str | None = None, story: str | None = None) -> list[Row]:
    """Entities whose name or an alias contains `name`, reported in an article of `story`."""
    return [{"id": e.id, "name": e.name, "label": e.label, "articles": len(e.articles),
             "aliases": "; ".join(a for a in e.aliases if a != e.name), "affiliations": "; ".join(e.affiliations),
             "roles": "; ".join(sorted({f"{r.text} ({r.published or 'undated'})" for r in e.roles})),
             "article_ids": "; ".join(e.articles)}
            for e in corpus.entities(name=name, story=story)]


def timeline_rows(corpus: Corpus, **filters: str | None) -> list[Row]:
    sources = _sources(corpus)
    stories = corpus.story_assignment()
    return [{"date": e.date, "precision": e.precision, "text": e.text, "articles": e.articles,
             "story": next((stories[c.article] for c in e.citations if c.article in stories), None),
             "cited": "; ".join(f"{c.article}:{c.sentence}" for c in e.citations),
             "sources": "; ".join(sorted({sources.get(c.article) or c.article for c in e.citations}))}
            for e in corpus.timeline(**filters)]


def story_rows(corpus: Corpus) -> list[Row]:
    """One row per story: id, label (key actors and terms), date span, article and source counts."""
    return [dataclasses.asdict(story) for story in corpus.stories()]


def position_rows(corpus: Corpus, story: str | None = None, actor: str | None = None,
                  target: str | None = None) -> list[Row]:
    """One row per stance statement: article, source, story, actor (canonical), target, stance, date, evidence
    (the sentence), and the condition, cue and offsets that trace it back."""
    return [s.row() for s in corpus.positions(story=story, actor=actor, target=target)]


TABLES: dict[str, Callable[..., list[Row]]] = {
    "articles": article_rows, "quotes": quote_rows, "figures": figure_rows, "entities": entity_rows,
    "timeline": timeline_rows, "stories": story_rows, "positions": position_rows,
}


def rows(corpus: Corpus, table: str, /, **filters: str | None) -> list[Row]:
    """The rows of `table` (one of TABLES), with the filters that table's listing takes (None ones dropped)."""
    check_choice(table, tuple(TABLES), "table")
    return TABLES[table](corpus, **{k: v for k, v in filters.items() if v is not None})


def _figure_names(article: Article, sentence: int | None, given_by: str | None,
                  entities: list[CanonicalEntity]) -> bool:
    if given_by and names_entity(given_by, entities):
        return True
    if sentence is None or not 0 <= sentence < len(article.sentences):
        return False
    span = article.sentences[sentence]
    return names_entity(article.text[span.start:span.end], entities)


def _members(corpus: Corpus, story: str | None) -> set[str] | None:
    return set(corpus.story_articles(story)) if story else None


def _sources(corpus: Corpus) -> dict[str, str]:
    return {a.id: a.source for a in corpus.headers()}
