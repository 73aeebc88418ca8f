"""The one Python API. The CLI, the REST API, the web UI and the report are thin layers over `Corpus`."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .filters import FIGURE_KINDS, QUOTE_KINDS, check_choice, date_range
from .record import (Article, CanonicalEntity, FigureSeries, Inconsistency, Notice, ReadFailure, Statement,
                     SummarySentence, TimelineEntry)
from .store import Database
from .store.database import SearchHit

if TYPE_CHECKING:  # the build machinery imports spaCy: read-only uses of the API must not pay for it
    from .ingest import BuildProgress, BuildSummary


class Corpus:
    """A built corpus: the articles in one store and the queries over them."""

    def __init__(self, db: str | Path | Database = "storyline.db") -> None:
        self.db = db if isinstance(db, Database) else Database(db)
        self.last_build: BuildSummary | None = None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(
        self,
        paths: list[str | Path],
        workers: int = 1,
        progress: BuildProgress | None = None,
        on_failure: Callable[[ReadFailure], None] | None = None,
        settings: dict[str, int | float] | None = None,
        executor: str = "processes",
        on_notice: Callable[[Notice], None] | None = None,
    ) -> BuildSummary:
        """Read, analyse and store what is new or changed under `paths` (`settings`: see `storyline settings`;
        `executor`: "processes" or "ray", used with `workers`; `progress` is told each phase and item; `on_failure`
        hears of each input that failed, `on_notice` of each one skipped, cut or decoded from a legacy encoding)."""
        from .ingest import ingest

        self.last_build = ingest(
            self.db, paths, workers=workers, executor=executor, progress=progress, on_failure=on_failure,
            settings=settings, on_notice=on_notice,
        )
        return self.last_build

    def articles(self) -> list[Article]:
        return self.db.load_all()

    def article(self, article_id: str) -> Article:
        """An article by id or unique id prefix; KeyError names the id when there is none."""
        full_id = self.db.resolve_id(article_id)
        article = self.db.load(full_id) if full_id else None
        if article is None:
            raise KeyError(f"no article with id {article_id!r} (or the prefix matches several)")
        return article

    def quotes(
        self, speaker: str | None = None, article: str | None = None, since: str | None = None,
        until: str | None = None, entity: str | None = None, kind: str | None = None,
    ) -> list[Statement]:
        """Who said what, in date order: filter by speaker (canonical name or as written, part of it), article id
        (or unique prefix), publication date range (ISO, inclusive), speaker entity (id, name or alias) and quote
        kind. A filter of the wrong form, an unknown article or entity raises (FilterError, KeyError)."""
        dates = date_range(since, until)
        check_choice(kind, QUOTE_KINDS, "quote kind")
        article_id = self.article(article).id if article else None
        entity_ids = {e.id for e in self.entity_matches(entity)} if entity else None
        return self.db.quotes(speaker=speaker, article=article_id, since=dates.since, until=dates.until, kind=kind,
                              entity_ids=entity_ids)

    def entities(self) -> list[CanonicalEntity]:
        """One entity per person or organisation across the corpus, most widely reported first."""
        from .corpus import results

        return [results.entity(data) for data in self.db.corpus_result("entities", [])]

    def entity_matches(self, key: str) -> list[CanonicalEntity]:
        """The entities whose id is `key` or whose name or an alias is `key` (case-insensitive); KeyError if none."""
        wanted = key.casefold()
        found = [e for e in self.entities()
                 if e.id == key or any(n.casefold() == wanted for n in (e.name, *e.aliases))]
        if not found:
            raise KeyError(f"no entity with id, name or alias {key!r} (`storyline entities` lists them)")
        return found

    def failures(self) -> list[ReadFailure]:
        return self.db.failures()

    def headers(self) -> list[Article]:
        """Every article's metadata and paragraphs without its extracted items: for listings of a large corpus."""
        return self.db.headers()

    def item_counts(self, kind: str = "quotes") -> dict[str, int]:
        """How many items of one kind (`quotes`, `dates`, `entities`, `sentences`, `removed`) each article has."""
        return self.db.item_counts(kind)

    def search(self, text: str, limit: int = 20, offset: int = 0) -> tuple[int, list[SearchHit]]:
        """Full-text search over the sentences of analysed articles, best (bm25) first: (total matches, hits)."""
        return self.db.search(text, limit=limit, offset=offset)

    def similar_sentences(self, text: str, limit: int = 20, offset: int = 0,
                          floor: float = 0.3) -> tuple[int, list[SearchHit]]:
        """Semantic search: the sentences of analysed articles closest in meaning to `text` (MiniLM embeddings,
        cosine similarity at least `floor`), best first, as (total, hits) with `rank` the negated similarity.
        Sentence vectors come from the embedding cache the corpus stages fill; the query is encoded uncached."""
        import numpy as np

        from .corpus.embed import embed, encode

        found = [(a, i, a.text[s.start:s.end]) for a in self.articles() if a.analysable
                 for i, s in enumerate(a.sentences)]
        if not found or not text.strip():
            return 0, []
        scores = embed([t for _, _, t in found]) @ encode([text])[0]
        ranked = [k for k in np.argsort(-scores, kind="stable") if scores[k] >= floor]
        return len(ranked), [SearchHit(found[k][0].id, found[k][1], found[k][2], found[k][2], -float(scores[k]),
                                       found[k][0].title, found[k][0].published)
                             for k in ranked[offset:offset + limit]]

    def figures(self, kind: str | None = None, since: str | None = None, until: str | None = None,
                entity: str | None = None) -> Any:
        """Every reported count or amount as a pandas DataFrame, one row per figure with its article and offsets.
        `kind`: one of `filters.FIGURE_KINDS`; `since`/`until`: the date the figure speaks for (or, without one, its
        article's publication date); `entity`: figures whose source or sentence names that entity."""
        import pandas as pd

        from .tables import figure_rows

        rows = figure_rows(self, kind=kind, since=since, until=until, entity=entity)
        return pd.DataFrame(rows, columns=list(rows[0]) if rows else figure_columns())

    def series(self) -> list[FigureSeries]:
        """The same measure across articles in date order, with sources, undated figures apart, disagreements."""
        from .corpus import results

        return [results.series(d) for d in self.db.corpus_result("series", [])]

    def timeline(self, since: str | None = None, until: str | None = None,
                 entity: str | None = None) -> list[TimelineEntry]:
        """Dated events in date order (a month or a year before its days), each merged across the articles
        reporting it; `since`/`until` bound the event's date, `entity` keeps events whose sentence names it."""
        from .corpus import results
        from .tables import names_entity

        dates = date_range(since, until)
        entries = [results.timeline_entry(d) for d in self.db.corpus_result("timeline", [])]
        matches = self.entity_matches(entity) if entity else None
        return sorted((e for e in entries if dates.holds(e.date) and (matches is None or names_entity(e.text, matches))),
                      key=lambda e: (e.date, -e.articles))

    def summary(self, sentences: int | None = None) -> list[SummarySentence]:
        """The cited extractive summary and its "what changed" part; a length other than the stored one
        (`sentences`) is computed now (embeddings are cached)."""
        from .corpus import results
        from .corpus.summary import summarise

        if sentences is None:
            return [results.summary_sentence(d) for d in self.db.corpus_result("summary", [])]
        return summarise([a for a in self.articles() if a.analysable], sentences)

    def inconsistencies(self) -> list[Inconsistency]:
        """Figures that disagree for the same period and speakers contradicting themselves, both sides cited."""
        from .corpus import results

        return [results.inconsistency(d) for d in self.db.corpus_result("inconsistencies", [])]

    def corpus_results(self) -> dict[str, Any]:
        from .export import CORPUS_KEYS

        stored = {key: self.db.corpus_result(key) for key in CORPUS_KEYS}
        return {key: value for key, value in stored.items() if value is not None}

    def to_dict(self) -> dict[str, Any]:
        """The whole corpus as the JSON export's object."""
        from .export import corpus_dict

        return corpus_dict(self.articles(), self.corpus_results())

    def table(self, name: str, /, **filters: str | None) -> list[dict[str, Any]]:
        """One table's flat rows (`tables.TABLES`: articles, quotes, figures, entities, timeline), with the
        filters its listing takes; what `export --table` writes and `storyline.open(db)` frames."""
        from .tables import rows

        return rows(self, name, **filters)

    def export(self, fmt: str, out: IO[str] | Path, table: str | None = None) -> None:
        """Write the export: the whole corpus (JSON, JSONL) or one table (`table`; CSV and Parquet default to
        the articles table)."""
        from .export import write

        write(self, fmt, out, table)


def figure_columns() -> list[str]:
    """The columns of `Corpus.figures`, also when no figure matched."""
    import dataclasses

    from .record import Figure

    own = [f.name for f in dataclasses.fields(Figure) if f.name not in ("source", "source_via")]
    return ["article", "source", "published", *own, "given_by", "given_via"]


def build(
    paths: list[str | Path] | str | Path,
    db: str | Path = "storyline.db",
    workers: int = 1,
    settings: dict[str, int | float] | None = None,
    executor: str = "processes",
) -> Corpus:
    """Build (or update) the store `db` from files and folders; returns the corpus, with `last_build` set."""
    corpus = Corpus(db)
    corpus.add([paths] if isinstance(paths, (str, Path)) else list(paths), workers=workers, settings=settings,
               executor=executor)
    return corpus
