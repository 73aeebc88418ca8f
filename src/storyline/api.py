"""The one Python API. The CLI, the REST API, the web UI and the report are thin layers over `Corpus`."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .filters import QUOTE_KINDS, FilterError, check_choice, date_range, names_entity
from .record import (Article, CanonicalEntity, FigureSeries, Inconsistency, Notice, ReadFailure, Statement,
                     SummarySentence, TimelineEntry)
from .store import Database
from .store.database import SearchHit

if TYPE_CHECKING:  # the build machinery imports spaCy: read-only uses of the API must not pay for it
    from .audit import AuditItem
    from .corpus.stories import Story
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
        until: str | None = None, entity: str | None = None, kind: str | None = None, story: str | None = None,
    ) -> list[Statement]:
        """Who said what, in date order: filter by speaker (canonical name or as written, part of it), article id
        (or unique prefix), publication date range (ISO, inclusive), speaker entity (id, name or alias), quote
        kind and story. A filter of the wrong form, an unknown article, entity or story raises (FilterError,
        KeyError)."""
        dates = date_range(since, until)
        check_choice(kind, QUOTE_KINDS, "quote kind")
        article_id = self.article(article).id if article else None
        entity_ids = {e.id for e in self.entity_matches(entity)} if entity else None
        return self.db.quotes(speaker=speaker, article=article_id, since=dates.since, until=dates.until, kind=kind,
                              entity_ids=entity_ids, story=self.story(story).id if story else None)

    # --- stories ------------------------------------------------------------------------------------------------

    def stories(self) -> list[Story]:
        """Every story, the largest first: label (key actors and terms), date span, article and source counts."""
        return self._story_index().stories()

    def story(self, key: str) -> Story:
        """A story by id (an id a merge retired leads to the story it joined); KeyError if there is none."""
        found = self._story_index().story(key)
        if found is None:
            raise KeyError(f"no story with id {key!r} (`storyline stories` lists them)")
        return found

    def story_articles(self, key: str) -> list[str]:
        """The ids of a story's articles."""
        return [row[0] for row in self.db.conn.execute(
            "SELECT article FROM story_members WHERE story = ? ORDER BY date, article", (self.story(key).id,))]

    def story_assignment(self) -> dict[str, str]:
        """Article id -> story id, for every article in a story."""
        return self._story_index().assignment()

    def _story_index(self) -> Any:
        from .corpus.stories import StoryIndex

        return StoryIndex(self.db.conn)

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

    def audit(self, size: int, seed: int, kinds: list[str] | None = None) -> list[AuditItem]:
        """`size` random extractions of each kind (`audit.AUDIT_KINDS`: quote, entity, figure, date, or those in
        `kinds`) with their evidence, the same for the same seed and corpus; FilterError on an unknown kind."""
        from .audit import AUDIT_KINDS, sample

        for kind in kinds or []:
            check_choice(kind, AUDIT_KINDS, "audit kind")
        if size < 1:
            raise FilterError(f"sample size: expected a positive number, got {size}")
        return sample(self.articles(), self.entities(), size, seed, kinds or AUDIT_KINDS)

    def failures(self) -> list[ReadFailure]:
        return self.db.failures()

    def headers(self) -> list[Article]:
        """Every article's metadata and paragraphs without its extracted items: for listings of a large corpus."""
        return self.db.headers()

    def item_counts(self, kind: str = "quotes") -> dict[str, int]:
        """How many items of one kind (`quotes`, `dates`, `entities`, `sentences`, `removed`) each article has."""
        return self.db.item_counts(kind)

    def search(self, text: str, limit: int = 20, offset: int = 0,
               story: str | None = None) -> tuple[int, list[SearchHit]]:
        """Full-text search over the sentences of analysed articles (of one story), best (bm25) first:
        (total matches, hits)."""
        return self.db.search(text, limit=limit, offset=offset, story=self.story(story).id if story else None)

    def similar_sentences(self, text: str, limit: int = 20, offset: int = 0, floor: float = 0.3,
                          story: str | None = None) -> tuple[int, list[SearchHit]]:
        """Semantic search: the sentences of analysed articles closest in meaning to `text` (MiniLM embeddings,
        cosine similarity at least `floor`), best first, as (total, hits) with `rank` the negated similarity.
        Sentence vectors come from the embedding cache the corpus stages fill; the query is encoded uncached."""
        import numpy as np

        from .corpus.embed import embed, encode

        members = set(self.story_articles(story)) if story else None
        found = [(a, i, a.text[s.start:s.end]) for a in self.articles()
                 if a.analysable and (members is None or a.id in members) for i, s in enumerate(a.sentences)]
        if not found or not text.strip():
            return 0, []
        scores = embed([t for _, _, t in found]) @ encode([text])[0]
        ranked = [k for k in np.argsort(-scores, kind="stable") if scores[k] >= floor]
        return len(ranked), [SearchHit(found[k][0].id, found[k][1], found[k][2], found[k][2], -float(scores[k]),
                                       found[k][0].title, found[k][0].published)
                             for k in ranked[offset:offset + limit]]

    def figures(self, kind: str | None = None, since: str | None = None, until: str | None = None,
                entity: str | None = None, story: str | None = None) -> Any:
        """Every reported count or amount as a pandas DataFrame, one row per figure with its article and offsets.
        `kind`: one of `filters.FIGURE_KINDS`; `since`/`until`: the date the figure speaks for (or, without one, its
        article's publication date); `entity`: figures whose source or sentence names that entity."""
        import pandas as pd

        from .tables import figure_rows

        rows = figure_rows(self, kind=kind, since=since, until=until, entity=entity, story=story)
        return pd.DataFrame(rows, columns=list(rows[0]) if rows else figure_columns())

    def series(self, story: str | None = None) -> list[FigureSeries]:
        """The same measure across a story's articles in date order, with sources, undated figures apart,
        disagreements (every story's series when no `story`)."""
        from .corpus import results

        return [results.series(d) for d in self._story_result("series", story)]

    def timeline(self, since: str | None = None, until: str | None = None, entity: str | None = None,
                 story: str | None = None) -> list[TimelineEntry]:
        """Dated events in date order (a month or a year before its days), each merged across the articles of its
        story reporting it; `since`/`until` bound the event's date, `entity` keeps events whose sentence names it,
        `story` one story's timeline (every story's when None)."""
        from .corpus import results

        dates = date_range(since, until)
        entries = [results.timeline_entry(d) for d in self._story_result("timeline", story)]
        matches = self.entity_matches(entity) if entity else None
        return sorted((e for e in entries if dates.holds(e.date) and (matches is None or names_entity(e.text, matches))),
                      key=lambda e: (e.date, -e.articles))

    def summary(self, sentences: int | None = None, story: str | None = None) -> list[SummarySentence]:
        """A story's cited extractive summary and its "what changed" part (every story's, largest first, when no
        `story`); a length other than the stored one (`sentences`) is computed now (embeddings are cached)."""
        from .corpus import results
        from .corpus.summary import summarise

        if sentences is None:
            return [results.summary_sentence(d) for d in self._story_result("summary", story)]
        chosen = set(self.story_articles(story)) if story else None
        return summarise([a for a in self.articles() if a.analysable and (chosen is None or a.id in chosen)],
                         sentences)

    def inconsistencies(self, story: str | None = None) -> list[Inconsistency]:
        """Figures of one story that disagree for the same period and speakers contradicting themselves, both
        sides cited (every story's when no `story`)."""
        from .corpus import results

        return [results.inconsistency(d) for d in self._story_result("inconsistencies", story)]

    def _story_result(self, name: str, story: str | None) -> list[Any]:
        self._story_index()  # the story tables exist, even in a store built before stories
        return self.db.story_result(name, self.story(story).id if story else None)

    def corpus_results(self, story: str | None = None) -> dict[str, Any]:
        """Every corpus result as JSON-able lists by name: stories, entities, and the story stages' results (of
        every story, or of `story`)."""
        import dataclasses

        chosen = [self.story(story)] if story else self.stories()
        members = set(self.story_articles(story)) if story else None
        return {"stories": [dataclasses.asdict(s) | {"article_ids": self.story_articles(s.id)} for s in chosen],
                "entities": [e for e in self.db.corpus_result("entities", [])
                             if members is None or members.intersection(e["articles"])],
                **{name: self._story_result(name, story) for name in ("series", "timeline", "summary",
                                                                     "inconsistencies")}}

    def to_dict(self, story: str | None = None) -> dict[str, Any]:
        """The whole corpus (or one story of it) as the JSON export's object."""
        from .export import corpus_dict

        members = set(self.story_articles(story)) if story else None
        articles = [a for a in self.articles() if members is None or a.id in members]
        return corpus_dict(articles, self.corpus_results(story), self.story_assignment())

    def table(self, name: str, /, **filters: str | None) -> list[dict[str, Any]]:
        """One table's flat rows (`tables.TABLES`: articles, quotes, figures, entities, timeline), with the
        filters its listing takes; what `export --table` writes and `storyline.open(db)` frames."""
        from .tables import rows

        return rows(self, name, **filters)

    def export(self, fmt: str, out: IO[str] | Path, table: str | None = None, story: str | None = None) -> None:
        """Write the export: the whole corpus (JSON, JSONL) or one table (`table`; CSV and Parquet default to
        the articles table), of every story or of `story`."""
        from .export import write

        write(self, fmt, out, table, story)


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
