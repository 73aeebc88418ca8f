"""The one Python API. The CLI, the REST API, the web UI and the report are thin layers over `Corpus`."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from . import export
from .ingest import BuildSummary, Progress, ingest
from .record import (Article, CanonicalEntity, FigureSeries, Inconsistency, ReadFailure, Statement,
                     SummarySentence, TimelineEntry)
from .store import Database
from .store.database import SearchHit


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
        progress: Progress | None = None,
        on_failure: Callable[[ReadFailure], None] | None = None,
        settings: dict[str, int | float] | None = None,
        executor: str = "processes",
    ) -> BuildSummary:
        """Read, analyse and store what is new or changed under `paths` (`settings`: see `storyline settings`;
        `executor`: "processes" or "ray", used with `workers`)."""
        self.last_build = ingest(
            self.db, paths, workers=workers, executor=executor, progress=progress, on_failure=on_failure,
            settings=settings,
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
        self, speaker: str | None = None, article: str | None = None, since: str | None = None
    ) -> list[Statement]:
        """Who said what, in date order: filter by speaker (canonical name or as written), article id prefix, and
        publication date (ISO, inclusive)."""
        return self.db.quotes(speaker=speaker, article=article, since=since)

    def entities(self) -> list[CanonicalEntity]:
        """One entity per person or organisation across the corpus, most widely reported first."""
        from .corpus import results

        return [results.entity(data) for data in self.db.corpus_result("entities", [])]

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

    def figures(self, kind: str | None = None) -> Any:
        """Every reported count or amount as a pandas DataFrame, one row per figure with its article and offsets
        (`kind`: killed, injured, displaced, refugees, detained, air_raids, targets, troops, money, other)."""
        import dataclasses

        import pandas as pd

        from .record import Figure

        rows = [{"article": a.id, "published": a.published, **dataclasses.asdict(f)}
                for a in self.articles() for f in a.figures if kind is None or f.kind == kind]
        columns = ["article", "published", *(f.name for f in dataclasses.fields(Figure))]
        return pd.DataFrame(rows, columns=columns)

    def series(self) -> list[FigureSeries]:
        """The same measure across articles in date order, with sources, undated figures apart, disagreements."""
        from .corpus import results

        return [results.series(d) for d in self.db.corpus_result("series", [])]

    def timeline(self) -> list[TimelineEntry]:
        """Dated events, each merged across the articles reporting it, most widely reported first."""
        from .corpus import results

        return [results.timeline_entry(d) for d in self.db.corpus_result("timeline", [])]

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
        stored = {key: self.db.corpus_result(key) for key in export.CORPUS_KEYS}
        return {key: value for key, value in stored.items() if value is not None}

    def to_dict(self) -> dict[str, Any]:
        """The whole corpus as the JSON export's object."""
        return export.corpus_dict(self.articles(), self.corpus_results())

    def export(self, fmt: str, out: IO[str] | Path) -> None:
        export.write(self.articles(), self.corpus_results(), fmt, out)

    def report(self, out: Path) -> Path:
        from .report import write_report

        return write_report(self, out)


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
