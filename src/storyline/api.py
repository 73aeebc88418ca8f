"""The one Python API. The CLI, the REST API, the web UI and the report are thin layers over `Corpus`."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .filters import QUOTE_KINDS, FilterError, check_choice, date_range
from .record import (Article, CanonicalEntity, FigureSeries, Inconsistency, Notice, ReadFailure, Statement,
                     SummarySentence, TimelineEntry)
from .store import Database
from .store.database import ArticleFilter, QuoteFilter, SearchHit

if TYPE_CHECKING:  # the build machinery imports spaCy: read-only uses of the API must not pay for it
    from .audit import AuditItem
    from .corpus.stories import Story
    from .positions.group import PositionsMap
    from .positions.group import Statement as PositionStatement
    from .builder import BuildProgress, BuildSummary


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

    def build(
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
        from .builder import build_into

        self.last_build = build_into(
            self.db, paths, workers=workers, executor=executor, progress=progress, on_failure=on_failure,
            settings=settings, on_notice=on_notice,
        )
        return self.last_build

    def articles(self, limit: int | None = None, offset: int = 0, story: str | None = None) -> list[Article]:
        """Whole articles (text and every extracted item): every one in source order, or (with `limit` or `story`)
        one page of the publication-date order."""
        if limit is None and not offset and story is None:
            return self.db.load_all()
        return self.db.load_page(self._article_filter(story=story), limit, offset)

    def article(self, article_id: str) -> Article:
        """An article by id or unique id prefix; KeyError names the id when there is none."""
        article = self.db.load(self.article_id(article_id))
        if article is None:
            raise KeyError(f"no article with id {article_id!r} (or the prefix matches several)")
        return article

    def article_id(self, prefix: str) -> str:
        """The full id of the one article whose id is or starts with `prefix`; KeyError if none or several."""
        full_id = self.db.resolve_id(prefix)
        if full_id is None:
            raise KeyError(f"no article with id {prefix!r} (or the prefix matches several)")
        return full_id

    def quotes(
        self, speaker: str | None = None, article: str | None = None, since: str | None = None,
        until: str | None = None, entity: str | None = None, kind: str | None = None, story: str | None = None,
        limit: int | None = None, offset: int = 0,
    ) -> list[Statement]:
        """Who said what, in date order: filter by speaker (canonical name or as written, part of it), article id
        (or unique prefix), publication date range (ISO, inclusive), speaker entity (id, name or alias), quote
        kind and story; one page of them with `limit`/`offset`. A filter of the wrong form, an unknown article,
        entity or story raises (FilterError, KeyError)."""
        chosen = self._quote_filter(speaker, article, since, until, entity, kind, story)
        return self.db.quotes(chosen, limit, offset)

    def count_quotes(
        self, speaker: str | None = None, article: str | None = None, since: str | None = None,
        until: str | None = None, entity: str | None = None, kind: str | None = None, story: str | None = None,
    ) -> int:
        """How many quotes `quotes` with the same filters lists in all (the total of its pages)."""
        return self.db.count_quotes(self._quote_filter(speaker, article, since, until, entity, kind, story))

    def _quote_filter(self, speaker: str | None, article: str | None, since: str | None, until: str | None,
                      entity: str | None, kind: str | None, story: str | None) -> QuoteFilter:
        dates = date_range(since, until)
        check_choice(kind, QUOTE_KINDS, "quote kind")
        return QuoteFilter(
            speaker=speaker or None, article=self.article_id(article) if article else None, since=dates.since,
            until=dates.until, kind=kind, story=self.story(story).id if story else None,
            entity_ids=tuple(e.id for e in self.entity_matches(entity)) if entity else None)

    # --- stories ------------------------------------------------------------------------------------------------

    def stories(self, limit: int | None = None, offset: int = 0) -> list[Story]:
        """The stories, the largest first (one page with `limit`/`offset`): label (key actors and terms), date
        span, article and source counts."""
        from .corpus.stories import Story

        self._story_index()  # the story tables exist, even in a store built before stories
        return [Story(*row) for row in self.db.conn.execute(
            "SELECT id, label, first_date, last_date, articles, sources FROM stories ORDER BY articles DESC, id "
            "LIMIT ? OFFSET ?", (-1 if limit is None else limit, offset))]

    def count_stories(self) -> int:
        self._story_index()
        return self.db.conn.execute("SELECT count(*) FROM stories").fetchone()[0]

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

    def entities(self, name: str | None = None, label: str | None = None, article: str | None = None,
                 story: str | None = None, limit: int | None = None, offset: int = 0,
                 sample: int | None = None) -> list[CanonicalEntity]:
        """People and organisations across the corpus, most widely reported first (one page with `limit`):
        `name` is part of the name or an alias, `label` PERSON/ORG/GPE, `article` an article that names them
        (id or unique prefix), `story` a story whose articles name them. With `sample`, each carries only its
        first `sample` roles and articles (`role_count`, `article_count` say how many in all): a listing's
        cost then does not grow with how widely its entities are reported."""
        tables = self._entity_tables()
        return tables.entities(tables.find(**self._entity_filters(name, label, article, story), limit=limit,
                                           offset=offset)[1], sample)

    def count_entities(self, name: str | None = None, label: str | None = None, article: str | None = None,
                     story: str | None = None) -> int:
        """How many entities `entities` lists with these filters (for paging)."""
        return self._entity_tables().find(**self._entity_filters(name, label, article, story), limit=0)[0]

    def entity(self, entity_id: str) -> CanonicalEntity:
        """One entity by id; KeyError if there is none."""
        found = self._entity_tables().entities([entity_id])
        if not found:
            raise KeyError(f"no entity with id {entity_id!r} (`storyline entities` lists them)")
        return found[0]

    def entity_matches(self, key: str) -> list[CanonicalEntity]:
        """The entities whose id is `key` or whose name or an alias is `key` (case-insensitive); KeyError if none."""
        tables = self._entity_tables()
        found = tables.entities(tables.find(ids=tables.named(key))[1])
        if not found:
            raise KeyError(f"no entity with id, name or alias {key!r} (`storyline entities` lists them)")
        return found

    def _entity_filters(self, name: str | None, label: str | None, article: str | None,
                        story: str | None) -> dict[str, str | None]:
        return {"name": name, "label": label, "article": self.article(article).id if article else None,
                "story": self.story(story).id if story else None}

    def _entity_tables(self) -> Any:
        from .corpus.entities import EntityTables

        return EntityTables(self.db.conn)

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

    def headers(self, limit: int | None = None, offset: int = 0, *, entity: str | None = None,
                speaker: str | None = None, outlet: str | None = None, status: str | None = None,
                since: str | None = None, until: str | None = None, story: str | None = None,
                ids: list[str] | None = None, duplicate_of: str | None = None,
                with_text: bool = True) -> list[Article]:
        """Articles' metadata (and paragraphs, unless not `with_text`) without their extracted items, in
        publication-date order (undated last), one page with `limit`/`offset`: those that mention `entity` (id,
        name or alias), quote `speaker` (name, part of it), come from `outlet` (case-insensitive), have `status`,
        were published within `since`..`until` (ISO, inclusive), belong to `story`, are among `ids`, are copies of
        the article `duplicate_of`. An unknown entity or story raises KeyError, a malformed date FilterError."""
        chosen = self._article_filter(entity, speaker, outlet, status, since, until, story)
        if ids is not None:
            chosen = dataclasses.replace(chosen, articles=tuple(set(ids).intersection(
                ids if chosen.articles is None else chosen.articles)))
        if duplicate_of:
            chosen = dataclasses.replace(chosen, duplicate_of=duplicate_of)
        return self.db.headers(chosen, limit, offset, with_text=with_text)

    def count_articles(self, *, entity: str | None = None, speaker: str | None = None, outlet: str | None = None,
                       status: str | None = None, since: str | None = None, until: str | None = None,
                       story: str | None = None) -> int:
        """How many articles `headers` with the same filters lists in all (the total of its pages)."""
        return self.db.count_articles(self._article_filter(entity, speaker, outlet, status, since, until, story))

    def _article_filter(self, entity: str | None = None, speaker: str | None = None, outlet: str | None = None,
                        status: str | None = None, since: str | None = None, until: str | None = None,
                        story: str | None = None) -> ArticleFilter:
        dates = date_range(since, until)
        mentioned = None
        if entity:
            groups = [set(e.articles) for e in self.entity_matches(entity)]
            mentioned = tuple(set.intersection(*groups))
        return ArticleFilter(articles=mentioned, speaker=speaker or None, outlet=outlet or None, status=status,
                             since=dates.since, until=dates.until, story=self.story(story).id if story else None)

    def titles(self, articles: list[str]) -> dict[str, str | None]:
        """The title of each of `articles` (ids), for citing them."""
        return self.db.titles(articles)

    def outlets(self, story: str | None = None, limit: int = 20) -> list[tuple[str | None, int]]:
        """(outlet, articles) of the corpus or of one story, most articles first."""
        return self.db.outlets(self._article_filter(story=story), limit)

    def status_counts(self) -> list[tuple[str, int]]:
        """(status, articles): how many articles were analysed, skipped, found duplicates, failed."""
        return self.db.status_counts()

    def speakers(self, story: str | None = None, limit: int = 10) -> list[tuple[str, str | None, int]]:
        """(name, entity id or None, quotes) of the most quoted speakers, of the corpus or of one story."""
        return self.db.speakers(self._quote_filter(None, None, None, None, None, None, story), limit)

    def item_counts(self, kind: str = "quotes", articles: list[str] | None = None) -> dict[str, int]:
        """How many items of one kind (`quotes`, `dates`, `entities`, `sentences`, `removed`) each article (of
        `articles`, a page's ids, or of all) has."""
        return self.db.item_counts(kind, articles)

    def search(self, text: str, limit: int = 20, offset: int = 0,
               story: str | None = None) -> tuple[int, list[SearchHit]]:
        """Full-text search over the sentences of analysed articles (of one story), best (bm25) first:
        (total matches, hits)."""
        return self.db.search(text, limit=limit, offset=offset, story=self.story(story).id if story else None)

    def similar_sentences(self, text: str, limit: int = 20, offset: int = 0, floor: float = 0.3,
                          story: str | None = None) -> tuple[int, list[SearchHit]]:
        """Semantic search: the sentences of analysed articles (of one story) closest in meaning to `text` (MiniLM
        embeddings, cosine similarity at least `floor`), best first, as (total, hits) with `rank` the negated
        similarity; `total` counts the matches among the nearest 1,000 sentences (or more, for a later page).
        Goes through the HNSW index beside the store (corpus.vectors); the query is encoded uncached."""
        from .corpus import vectors

        return vectors.similar(self.db, text, limit, offset, floor, self.story(story).id if story else None)

    def figures(self, kind: str | None = None, since: str | None = None, until: str | None = None,
                entity: str | None = None, story: str | None = None) -> Any:
        """Every reported count or amount as a pandas DataFrame, one row per figure with its article and offsets.
        `kind`: one of `filters.FIGURE_KINDS`; `since`/`until`: the date the figure speaks for (or, without one, its
        article's publication date); `entity`: figures whose source or sentence names that entity."""
        import pandas as pd

        from .tables import figure_rows

        rows = figure_rows(self, kind=kind, since=since, until=until, entity=entity, story=story)
        return pd.DataFrame(rows, columns=list(rows[0]) if rows else figure_columns())

    def series(self, story: str | None = None, kind: str | None = None, scope: str | None = None,
               limit: int | None = None, offset: int = 0) -> list[FigureSeries]:
        """The same measure across a story's articles in date order, with sources, undated figures apart,
        disagreements (every story's series, the largest story first, when no `story`); `kind` and `scope`
        (overall, incident) keep those series, `limit`/`offset` one page of them."""
        return self._results().series(self.db.conn, self._story_id(story), kind, scope, limit, offset)

    def count_series(self, story: str | None = None, kind: str | None = None, scope: str | None = None) -> int:
        """How many series `series` with the same filters lists in all (the total of its pages)."""
        return self._results().count_series(self.db.conn, self._story_id(story), kind, scope)

    def timeline(self, since: str | None = None, until: str | None = None, entity: str | None = None,
                 story: str | None = None, limit: int | None = None, offset: int = 0) -> list[TimelineEntry]:
        """Dated events in date order (a month or a year before its days; on one date the most reported first),
        each merged across the articles of its story reporting it; `since`/`until` bound the event's date,
        `entity` keeps events whose sentence names it, `story` one story's timeline (every story's when None),
        `limit`/`offset` one page of it."""
        dates = date_range(since, until)
        return self._results().timeline(self.db.conn, self._story_id(story), dates.since, dates.until,
                                        self.entity_matches(entity) if entity else None, limit, offset)

    def count_timeline(self, since: str | None = None, until: str | None = None, entity: str | None = None,
                       story: str | None = None) -> int:
        """How many events `timeline` with the same filters lists in all (the total of its pages)."""
        dates = date_range(since, until)
        return self._results().count_timeline(self.db.conn, self._story_id(story), dates.since, dates.until,
                                              self.entity_matches(entity) if entity else None)

    def summary(self, sentences: int | None = None, story: str | None = None) -> list[SummarySentence]:
        """A story's cited extractive summary and its "what changed" part (every story's, largest first, when no
        `story`); a length other than the stored one (`sentences`) is computed now (embeddings are cached)."""
        from .corpus.summary import summarise

        if sentences is None:
            return self._results().summary(self.db.conn, self._story_id(story))
        chosen = set(self.story_articles(story)) if story else None
        return summarise([a for a in self.articles() if a.analysable and (chosen is None or a.id in chosen)],
                         sentences)

    def inconsistencies(self, story: str | None = None) -> list[Inconsistency]:
        """Figures of one story that disagree for the same period and speakers contradicting themselves, both
        sides cited (every story's when no `story`)."""
        return self._results().inconsistencies(self.db.conn, self._story_id(story))

    def _story_id(self, story: str | None) -> str | None:
        return self.story(story).id if story else None

    def _results(self) -> Any:
        from .corpus import results

        return results

    # --- positions ----------------------------------------------------------------------------------------------

    def positions(self, story: str | None = None, actor: str | None = None, target: str | None = None,
                  semantic: bool = False) -> list[PositionStatement]:
        """Who stands where, in date order: one stance statement each (actor canonical through the entity layer,
        target grouped with the same proposal in other articles). `actor`/`target`: part of the canonical or
        written actor, of the target or its group (case-insensitive); `semantic` also groups targets by embedding
        similarity. An unknown story raises KeyError."""
        from .positions.group import canonical_names, statements

        loaded = (self.db.load(i) for i in self.story_articles(story)) if story else iter(self.articles())
        chosen = [a for a in loaded if a is not None and a.analysable]
        found = statements(chosen, canonical_names(self.entities()), self.story_assignment(),
                           _similarity if semantic else None)
        actor_key, target_key = (actor or "").casefold(), (target or "").casefold()
        return [s for s in found
                if actor_key in s.actor.casefold() or actor_key in s.position.actor.casefold()
                if target_key in s.position.target.casefold() or target_key in s.group.casefold()]

    def positions_map(self, story: str | None = None, actor: str | None = None, target: str | None = None,
                      semantic: bool = False) -> PositionsMap:
        """The actors x targets map of `positions` (same filters): each cell the stance over time with its
        evidence, changes of stance flagged, proposals with their backers and opponents."""
        from .positions.group import build_map

        return build_map(self.positions(story=story, actor=actor, target=target, semantic=semantic))

    def corpus_results(self, story: str | None = None) -> dict[str, Any]:
        """Every corpus result as JSON-able lists by name: stories, entities, and the story stages' results (of
        every story, or of `story`)."""
        import dataclasses

        chosen = [self.story(story)] if story else self.stories()
        return {"stories": [dataclasses.asdict(s) | {"article_ids": self.story_articles(s.id)} for s in chosen],
                "entities": [dataclasses.asdict(e) for e in self.entities(story=story)],
                "series": [dataclasses.asdict(s) for s in self.series(story)],
                "timeline": [dataclasses.asdict(e) for e in self.timeline(story=story)],
                "summary": [dataclasses.asdict(s) for s in self.summary(story=story)],
                "inconsistencies": [dataclasses.asdict(i) for i in self.inconsistencies(story)]}

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


def _similarity(texts: list[str]) -> Any:
    """Cosine similarities of the texts' sentence embeddings (cached), for grouping targets."""
    from .embed import embed

    vectors = embed(texts)
    return vectors @ vectors.T


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
    corpus.build([paths] if isinstance(paths, (str, Path)) else list(paths), workers=workers, settings=settings,
               executor=executor)
    return corpus
