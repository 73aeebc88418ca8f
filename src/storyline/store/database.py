"""`Database` owns the SQLite file: schema, transactions, and the conversion between rows and records.

Nothing else in storyline writes SQL. Every write goes through `transaction()`, so a build that fails half way leaves
the articles stored before it untouched.
"""
from __future__ import annotations

import bisect
import dataclasses
import json
import re
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

from ..record import Article, Evidence, Notice, Quote, RawArticle, ReadFailure, Statement
from .schema import (ARTICLE_COLUMNS, ARTICLE_SCALARS, ITEM_TABLES, LISTING_INDEXES, band_keys, ddl, item_columns,
                     schema_version)


@dataclass(frozen=True)
class StoredKey:
    """Identity of a stored article: enough to tell whether a source changed since it was stored."""

    id: str
    content_hash: str
    status: str


class StoreError(RuntimeError):
    """The store cannot be used: the message names the file and the reason."""


class SchemaMismatch(StoreError):
    """The database was written by a storyline with another schema."""


class Database:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        # the quote listing's running sums per filter, with the store version they were read at (`_quote_sums`)
        self._quote_sum_cache: dict[tuple, tuple[tuple[int, int], tuple[list[str], list[int], list[int]]]] = {}
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self._open_schema()
            self._add_listing_indexes()
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: not a usable storyline store ({error})") from error

    def _open_schema(self) -> None:
        has_meta = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
        ).fetchone()
        if has_meta:
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None or row[0] != schema_version():
                found = row[0] if row else "none"
                raise SchemaMismatch(
                    f"{self.path}: schema {found} differs from this storyline's {schema_version()}; "
                    "build into a new --db file"
                )
            return
        with self.transaction():
            for statement in ddl():
                self.conn.execute(statement)
            self.conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (schema_version(),))

    def _add_listing_indexes(self) -> None:
        """Create the listing indexes this store lacks (one built by an older storyline); a store this process may
        not write keeps working without them, only slower."""
        present = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        missing = [sql for name, sql in LISTING_INDEXES.items() if name not in present]
        if not missing:
            return
        try:
            with self.transaction():
                for statement in missing:
                    self.conn.execute(statement)
        except sqlite3.OperationalError:  # read-only file or folder
            pass

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- what is already stored -------------------------------------------------------------------------------

    def stored_article(self, source: str) -> StoredKey | None:
        row = self.conn.execute(
            "SELECT id, content_hash, status FROM articles WHERE source = ?", (source,)
        ).fetchone()
        return StoredKey(row[0], row[1], row[2]) if row else None

    def original_with_content(self, content_hash: str, other_than: str) -> str | None:
        """Id of a stored article with this exact content, under another source than `other_than` (whose stored
        version a rebuild replaces), that is not itself a duplicate."""
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ? AND source != ? AND duplicate_of IS NULL "
            "ORDER BY added_at LIMIT 1",
            (content_hash, other_than),
        ).fetchone()
        return row[0] if row else None

    def near_signatures(self, keys: list[bytes]) -> list[tuple[str, bytes]]:
        """(id, signature) of the stored originals that share one of these LSH band keys (`schema.band_keys`):
        the near-duplicate candidates of a new article, found by index, never by reading every signature."""
        if not keys:
            return []
        return self.conn.execute(
            "SELECT DISTINCT a.id, a.minhash FROM minhash_bands b JOIN articles a ON a.id = b.article "
            f"WHERE b.key IN ({', '.join('?' * len(keys))}) AND a.duplicate_of IS NULL AND a.minhash IS NOT NULL "
            "ORDER BY a.added_at, a.id", keys).fetchall()

    # --- writes -------------------------------------------------------------------------------------------------

    def save(self, articles: Iterable[tuple[Article, bytes | None]]) -> None:
        """Store articles (each with its MinHash signature) in one transaction, replacing a changed source."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.transaction() as conn:
            for article, signature in articles:
                conn.execute("DELETE FROM articles WHERE source = ? OR id = ?", (article.source, article.id))
                conn.execute("DELETE FROM failures WHERE source = ?", (article.source,))
                conn.execute(
                    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})",
                    _article_row(article, signature, now),
                )
                for table, record in ITEM_TABLES.items():
                    _insert_items(conn, table, record, article.id, getattr(article, table))
                _index_sentences(conn, article)
                _store_vectors(conn, article)
                if signature is not None and article.duplicate_of is None:
                    conn.executemany("INSERT INTO minhash_bands VALUES (?, ?)",
                                     [(key, article.id) for key in band_keys(signature)])

    def record_failures(self, failures: Iterable[ReadFailure]) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO failures VALUES (?, ?, ?)", [(f.source, f.reason, now) for f in failures]
            )

    # --- reads --------------------------------------------------------------------------------------------------

    def failures(self) -> list[ReadFailure]:
        return [ReadFailure(r["source"], r["reason"]) for r in self.conn.execute("SELECT * FROM failures ORDER BY source")]

    def count_failures(self) -> int:
        return self.conn.execute("SELECT count(*) FROM failures").fetchone()[0]

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY source, id")]

    def resolve_id(self, prefix: str) -> str | None:
        """The article id that starts with `prefix`, if exactly one does (users type short ids)."""
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2", (_like_prefix(prefix),)
        ).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def load(self, article_id: str, with_raw: bool = False) -> Article | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        article = _article_from_row(row, with_raw)
        for table, record in ITEM_TABLES.items():
            columns = item_columns(record)
            rows = self.conn.execute(
                f"SELECT {', '.join(map(_quoted, columns))} FROM {table} WHERE article = ? ORDER BY idx",
                (article_id,),
            )
            setattr(article, table, [record(*r) for r in rows])
        for index, entity, name in self.conn.execute(
                "SELECT r.idx, r.entity, e.name FROM quote_speakers r JOIN canonical_entities e ON e.id = r.entity "
                "WHERE r.article = ?", (article_id,)):
            # the corpus layer's speaker resolution, shown over the quote as extracted, never written into it
            quote = article.quotes[index]
            quote.speaker, quote.speaker_entity = name, entity
        estimate = self.conn.execute("SELECT value, evidence FROM story_date_estimates WHERE article = ?",
                                     (article_id,)).fetchone()
        if estimate is not None and article.published is None:  # the story's estimate, over the article's own
            article.published_estimate = estimate[0]
            article.evidence = article.evidence + [
                Evidence(**e) for e in json.loads(estimate[1])]
        return article

    def quotes(self, filters: QuoteFilter | None = None, limit: int | None = None,
               offset: int = 0) -> list[Statement]:
        """Quotes in date order (then article, then position), one page of them when `limit` is given."""
        columns = item_columns(Quote)
        chosen = filters or QuoteFilter()
        joins, where, params = _quote_where(chosen)
        # Without a selective filter, walk the articles in date order (their index) and each one's quotes (the
        # primary key), so a page stops after its rows; SQLite's own choice would sort every quote first. A deep
        # page starts at its first article, found from per-article counts, instead of walking every quote before.
        broad = chosen.story is None and chosen.entity_ids is None and chosen.article is None
        if broad and limit is not None and offset and chosen.speaker is None:
            pages, skipped = self._quote_page_articles(chosen, offset, offset + limit)
            where += " AND q.article IN (SELECT value FROM json_each(?))"
            params = [*params, json.dumps(pages)]
            broad, offset = False, offset - skipped
        articles_first = "articles a CROSS JOIN quotes q ON q.article = a.id" if broad else \
            "quotes q JOIN articles a ON a.id = q.article"
        rows = self.conn.execute(
            f"SELECT q.article, a.published, a.title, {', '.join(_resolved_column(c) for c in columns)} "
            f"FROM {articles_first} {joins} WHERE {where} "
            "ORDER BY a.published IS NULL, a.published, a.id, q.idx LIMIT ? OFFSET ?",
            (*params, -1 if limit is None else limit, offset))
        return [Statement(r[0], r[1], r[2], Quote(*r[3:])) for r in rows]

    def _quote_page_articles(self, chosen: QuoteFilter, first: int, end: int) -> tuple[list[str], int]:
        """The articles (in listing order) whose statements fall within positions `first`..`end` of the date-ordered
        quote listing a filter on dates and kind keeps, and how many statements come before the first of them:
        two binary searches in the listing's running sums (`_quote_sums`)."""
        ids, starts, ends = self._quote_sums(chosen)
        low, high = bisect.bisect_right(ends, first), bisect.bisect_left(starts, end)
        return ids[low:high], starts[low] if low < len(ids) else 0

    def _quote_sums(self, chosen: QuoteFilter) -> tuple[list[str], list[int], list[int]]:
        """For each article with statements the filter keeps, in listing order: its id and the positions its
        statements start and end at. A running sum of per-article counts (each a range of the `quotes_statements`
        index, no quote row read), computed once per filter and store version: a deep page of a large store is
        then two binary searches, not a pass over every article."""
        version = (self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes)
        key = (chosen.kind, chosen.since, chosen.until)
        cached = self._quote_sum_cache.get(key)
        if cached is not None and cached[0] == version:
            return cached[1]
        dated, params = _dates(chosen.since, chosen.until)
        kind = " AND q.kind = ?" if chosen.kind else ""
        rows = self.conn.execute(
            "WITH counted AS MATERIALIZED (SELECT a.id, a.published IS NULL AS undated, a.published, "
            f"(SELECT count(*) FROM quotes q WHERE q.article = a.id AND q.statement = 1{kind}) AS n "
            f"FROM articles a WHERE {' AND '.join(dated) or '1'}), "
            "ranged AS (SELECT id, n, sum(n) OVER (ORDER BY undated, published, id ROWS UNBOUNDED PRECEDING) AS upto "
            "FROM counted) SELECT id, upto - n, upto FROM ranged WHERE n > 0 ORDER BY upto",
            ([chosen.kind] if chosen.kind else []) + params).fetchall()
        sums = ([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
        if len(self._quote_sum_cache) >= 16:
            self._quote_sum_cache.clear()
        self._quote_sum_cache[key] = (version, sums)
        return sums

    def count_quotes(self, filters: QuoteFilter | None = None) -> int:
        chosen = filters or QuoteFilter()
        joins, where, params = _quote_where(chosen)
        if chosen.since or chosen.until:  # only the dates need the articles: the dated ones, then their quotes
            joins = "articles a CROSS JOIN quotes q ON q.article = a.id " + joins
        else:
            joins = "quotes q " + joins
        return self.conn.execute(f"SELECT count(*) FROM {joins} WHERE {where}", params).fetchone()[0]

    def load_all(self) -> list[Article]:
        return [a for a in (self.load(i) for i in self.article_ids()) if a is not None]

    def load_page(self, filters: ArticleFilter | None = None, limit: int | None = None,
                  offset: int = 0) -> list[Article]:
        """Whole articles (items included) of one page of the date-ordered listing."""
        ids = [a.id for a in self.headers(filters, limit, offset, with_text=False)]
        return [a for a in (self.load(i) for i in ids) if a is not None]

    def headers(self, filters: ArticleFilter | None = None, limit: int | None = None, offset: int = 0,
                with_text: bool = True) -> list[Article]:
        """Articles' own fields without their extracted items (and without their text unless `with_text`), in
        publication-date order (undated last, then by id): a listing that stays cheap on a large store."""
        joins, where, params = _article_where(filters or ArticleFilter())
        text = "a.paragraphs" if with_text else "'[]' AS paragraphs"
        rows = self.conn.execute(
            f"SELECT {', '.join('a.' + _quoted(c) for c in ARTICLE_SCALARS)}, {text}, a.evidence, NULL AS raw "
            f"FROM articles a {joins} WHERE {where} ORDER BY a.published IS NULL, a.published, a.id "
            "LIMIT ? OFFSET ?", (*params, -1 if limit is None else limit, offset))
        return [_article_from_row(row, False) for row in rows]

    def count_articles(self, filters: ArticleFilter | None = None) -> int:
        joins, where, params = _article_where(filters or ArticleFilter())
        return self.conn.execute(f"SELECT count(*) FROM articles a {joins} WHERE {where}", params).fetchone()[0]

    def titles(self, articles: Iterable[str]) -> dict[str, str | None]:
        """Title of each of `articles` (the ones a page cites), by id."""
        return dict(self.conn.execute("SELECT id, title FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                                      (json.dumps(sorted(set(articles))),)).fetchall())

    def outlets(self, filters: ArticleFilter | None = None, limit: int = 20) -> list[tuple[str | None, int]]:
        """The outlets of the articles a filter keeps, with their article counts, most articles first."""
        joins, where, params = _article_where(filters or ArticleFilter())
        return [tuple(r) for r in self.conn.execute(
            f"SELECT a.outlet, count(*) AS n FROM articles a {joins} WHERE {where} GROUP BY a.outlet "
            "ORDER BY n DESC, a.outlet LIMIT ?", (*params, limit))]

    def status_counts(self) -> list[tuple[str, int]]:
        return [tuple(r) for r in self.conn.execute(
            "SELECT status, count(*) FROM articles GROUP BY status ORDER BY count(*) DESC, status")]

    def speakers(self, filters: QuoteFilter | None = None, limit: int = 10) -> list[tuple[str, str | None, int]]:
        """(name, entity id, quotes) of the most quoted speakers among the quotes a filter keeps: by entity where
        the speaker was resolved to one, else by the name as resolved or written."""
        joins, where, params = _quote_where(filters or QuoteFilter())
        return [tuple(r) for r in self.conn.execute(
            f"SELECT coalesce({_RESOLVED_NAME}, q.speaker_text) AS name, {_RESOLVED_ENTITY} AS entity, "
            f"count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article {joins} "
            f"WHERE {where} AND coalesce({_RESOLVED_NAME}, q.speaker_text) IS NOT NULL "
            f"GROUP BY coalesce(entity, coalesce({_RESOLVED_NAME}, q.speaker_text)) "
            "ORDER BY n DESC, name LIMIT ?", (*params, limit))]

    def item_counts(self, table: str, articles: Iterable[str] | None = None) -> dict[str, int]:
        """Items per article in one of the item tables (`quotes`, `dates`, …), of `articles` (a page's ids) or of
        every article."""
        if table not in ITEM_TABLES:
            raise ValueError(f"no item table {table!r}")
        shown = "statement = 1" if table == "quotes" else "1"  # the quotes shown are statements
        if articles is None:
            return dict(self.conn.execute(
                f"SELECT article, count(*) FROM {table} WHERE {shown} GROUP BY article").fetchall())
        return dict(self.conn.execute(
            f"SELECT article, count(*) FROM {table} WHERE {shown} AND article IN (SELECT value FROM json_each(?)) "
            "GROUP BY article", (json.dumps(sorted(set(articles))),)).fetchall())

    def search(self, text: str, limit: int = 20, offset: int = 0,
               story: str | None = None) -> tuple[int, list[SearchHit]]:
        """Sentences matching the words of `text` (all of them; "quoted phrases" and trailing * prefixes kept),
        best first by bm25 (ties by article and sentence, so the order does not depend on build order), with the
        total count; `story` keeps that story's articles. User text never reaches FTS5 syntax unquoted.

        In steps, because a common word matches tens of thousands of sentences: FTS5 ranks every match from its
        index alone and keeps the page's worth (`_ranked`); only those, and the matches tied with the last of
        them, are read for their article and sentence (to order ties), and only the page's hits get a snippet and
        a title. Sorting every match by article and sentence read each one's row: 300 ms a name on a cold cache at
        64k articles."""
        match = fts_query(text)
        if not match:
            return 0, []
        within, args = ("JOIN story_members m ON m.article = s.article AND m.story = ? ", [story]) if story else ("", [])
        total = self.conn.execute(f"SELECT count(*) FROM sentence_search s {within}WHERE sentence_search MATCH ?",
                                  (*args, match)).fetchone()[0]
        if limit <= 0:
            return total, []
        ranks = self._ranked(match, within, args, offset + limit)
        placed = self.conn.execute(
            "SELECT rowid, article, sentence, text FROM sentence_search "
            "WHERE rowid IN (SELECT value FROM json_each(?))", (json.dumps(list(ranks)),)).fetchall()
        page = sorted(placed, key=lambda row: (ranks[row[0]], row[1], row[2]))[offset:offset + limit]
        articles = {a: (title, day) for a, title, day in self.conn.execute(
            "SELECT id, title, published FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted({row[1] for row in page})),))}
        return total, [SearchHit(article, sentence, text, self._snippet(match, rowid), ranks[rowid],
                                 *articles.get(article, (None, None))) for rowid, article, sentence, text in page]

    def _ranked(self, match: str, within: str, args: list, count: int) -> dict[int, float]:
        """rowid -> bm25 rank of the best `count` matches, and of every match tied with the last of them (copies of
        a sentence tie, and which of them a page shows is decided by article and sentence, not by rowid)."""
        best = self.conn.execute(f"SELECT s.rowid, s.rank FROM sentence_search s {within}WHERE sentence_search "
                                 "MATCH ? ORDER BY s.rank LIMIT ?", (*args, match, count + 1)).fetchall()
        if len(best) <= count or best[count][1] != best[count - 1][1]:
            return dict(best[:count])
        return dict(self.conn.execute(
            f"SELECT id, r FROM (SELECT s.rowid AS id, s.rank AS r FROM sentence_search s {within}"
            "WHERE sentence_search MATCH ?) WHERE r <= ?", (*args, match, best[count - 1][1])).fetchall())

    def _snippet(self, match: str, rowid: int) -> str:
        row = self.conn.execute("SELECT snippet(sentence_search, 0, ?, ?, '…', 24) FROM sentence_search "
                                "WHERE sentence_search MATCH ? AND rowid = ?", (MARK_START, MARK_END, match, rowid))
        return row.fetchone()[0]


@dataclass(frozen=True)
class ArticleFilter:
    """What an article listing keeps (None: no condition). `articles`: these ids only (an entity's articles);
    `speaker`: quotes this speaker (as `QuoteFilter.speaker`); `outlet` case-insensitively; `since`/`until`: ISO
    prefixes, inclusive, on the publication date; `story`: a story's (current) id; `duplicate_of`: the copies of
    that article."""

    articles: tuple[str, ...] | None = None
    speaker: str | None = None
    outlet: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    story: str | None = None
    duplicate_of: str | None = None


@dataclass(frozen=True)
class QuoteFilter:
    """What a quote listing keeps: `speaker` matches the canonical name, or the text as written where no name was
    resolved (`Putin` must not pick up `Putin's spokesman Dmitry Peskov`), case-insensitively, part of it;
    `article` an id prefix; `since`/`until` (ISO prefixes, inclusive) the article's publication date; `kind` the
    quote kind; `entity_ids` the resolved speaker; `story` a story's (current) id."""

    speaker: str | None = None
    article: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    entity_ids: tuple[str, ...] | None = None
    story: str | None = None


# A quote's speaker as the corpus layer resolved it (quote_speakers, canonical_entities), else as its article
# named it: the stored quote keeps what the article said, the listings show the resolution.
_RESOLVED_ENTITY = "(SELECT r.entity FROM quote_speakers r WHERE r.article = q.article AND r.idx = q.idx)"
_RESOLVED_NAME = ("coalesce((SELECT e.name FROM quote_speakers r JOIN canonical_entities e ON e.id = r.entity "
                  "WHERE r.article = q.article AND r.idx = q.idx), q.speaker)")
_SPEAKER = (f"({_RESOLVED_NAME} LIKE ? ESCAPE '\\' "
            f"OR ({_RESOLVED_NAME} IS NULL AND q.speaker_text LIKE ? ESCAPE '\\'))")


def _resolved_column(name: str) -> str:
    return {"speaker": _RESOLVED_NAME, "speaker_entity": _RESOLVED_ENTITY}.get(name, f"q.{_quoted(name)}")


def _dates(since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    """Publication-date conditions that an index on `published` serves: a string starting with the `until` prefix
    sorts before `until` + U+FFFF."""
    where, params = [], []
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("a.published < ?")
        params.append(until + "\uffff")
    return where, params


def _story_join(story: str | None, column: str) -> tuple[str, list[Any]]:
    return (f"JOIN story_members m ON m.article = {column} AND m.story = ?", [story]) if story else ("", [])


def _article_where(f: ArticleFilter) -> tuple[str, str, list[Any]]:
    """(joins, WHERE clause, parameters) for an article listing over `articles a`."""
    joins, params = _story_join(f.story, "a.id")
    where, values = _dates(f.since, f.until)
    if f.articles is not None:
        where.append("a.id IN (SELECT value FROM json_each(?))")
        values.append(json.dumps(sorted(set(f.articles))))
    if f.speaker:
        where.append(f"EXISTS (SELECT 1 FROM quotes q WHERE q.article = a.id AND {_SPEAKER})")
        values += [f"%{like_escape(f.speaker)}%"] * 2
    if f.outlet:
        where.append("lower(a.outlet) = lower(?)")
        values.append(f.outlet)
    if f.status:
        where.append("a.status = ?")
        values.append(f.status)
    if f.duplicate_of:
        where.append("a.duplicate_of = ?")
        values.append(f.duplicate_of)
    return joins, " AND ".join(where) or "1", params + values


def _quote_where(f: QuoteFilter) -> tuple[str, str, list[Any]]:
    """(joins, WHERE clause, parameters) for a quote listing over `quotes q JOIN articles a`."""
    joins, params = _story_join(f.story, "q.article")
    where, values = ["q.statement = 1"], []  # attributions of actions or perceptions are kept, never listed
    if f.speaker:
        where.append(_SPEAKER)
        values += [f"%{like_escape(f.speaker)}%"] * 2
    if f.article:
        where.append("q.article LIKE ? ESCAPE '\\'")
        values.append(_like_prefix(f.article))
    dated, dated_values = _dates(f.since, f.until)
    where += dated
    values += dated_values
    if f.kind:
        where.append("q.kind = ?")
        values.append(f.kind)
    if f.entity_ids is not None:
        where.append("EXISTS (SELECT 1 FROM quote_speakers r WHERE r.article = q.article AND r.idx = q.idx "
                     "AND r.entity IN (SELECT value FROM json_each(?)))")
        values.append(json.dumps(sorted(set(f.entity_ids))))
    return joins, " AND ".join(where) or "1", params + values


# Private-use characters that delimit the matched words in `SearchHit.snippet` (never found in cleaned text).
MARK_START, MARK_END = "\ue000", "\ue001"


@dataclass(frozen=True)
class SearchHit:
    """A sentence that matched a full-text search: where it is, its text, a snippet with the matches marked by
    MARK_START/MARK_END, and its bm25 rank (lower is better)."""

    article: str
    sentence: int
    text: str
    snippet: str
    rank: float
    title: str | None
    published: str | None


_FTS_TOKEN = re.compile(r'"([^"]*)"|([^\W_]+)(\*?)')


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression of quoted terms and phrases from free text; empty when it has no words."""
    terms = []
    for match in _FTS_TOKEN.finditer(text):
        phrase, word, star = match.groups()
        words = re.findall(r"[^\W_]+", phrase) if phrase is not None else [word]
        if words:
            terms.append('"' + " ".join(words) + '"' + ("*" if star else ""))
    return " ".join(terms)


def _index_sentences(conn: sqlite3.Connection, article: Article) -> None:
    text = article.text
    conn.executemany("INSERT INTO sentence_search (text, article, sentence) VALUES (?, ?, ?)",
                     [(text[s.start:s.end], article.id, index) for index, s in enumerate(article.sentences)])


def _store_vectors(conn: sqlite3.Connection, article: Article) -> None:
    """The sentence vectors the `embed` stage computed (as float16), for semantic search; an article without them
    gets them from `corpus.vectors.add_missing`."""
    if article.embeddings is None or not article.sentences:
        return
    vectors = np.frombuffer(article.embeddings.sentences, dtype=np.float32).reshape(len(article.sentences), -1)
    text = article.text
    conn.executemany("INSERT INTO sentence_vectors (article, sentence, text, vector) VALUES (?, ?, ?, ?)",
                     [(article.id, i, text[s.start:s.end], v.astype(np.float16).tobytes())
                      for i, (s, v) in enumerate(zip(article.sentences, vectors))])


def _quoted(name: str) -> str:
    return f'"{name}"'


def like_escape(text: str) -> str:
    """`text` as a literal inside a LIKE pattern written with ESCAPE '\\'."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_prefix(prefix: str) -> str:
    return like_escape(prefix) + "%"


def _insert_items(conn: sqlite3.Connection, table: str, record: type, article_id: str, items: list) -> None:
    columns = item_columns(record)
    conn.executemany(
        f"INSERT INTO {table} (article, idx, {', '.join(map(_quoted, columns))}) "
        f"VALUES (?, ?, {', '.join('?' * len(columns))})",
        [(article_id, index, *dataclasses.astuple(item)) for index, item in enumerate(items)],
    )


def _article_row(article: Article, signature: bytes | None, now: str) -> tuple:
    raw = zlib.compress(json.dumps(dataclasses.asdict(article.raw)).encode()) if article.raw else None
    evidence = json.dumps([dataclasses.asdict(e) for e in article.evidence])
    values = {
        **{name: getattr(article, name) for name in ARTICLE_SCALARS},
        "paragraphs": json.dumps(article.paragraphs),
        "evidence": evidence,
        "raw": raw,
        "minhash": signature,
        "added_at": now,
    }
    return tuple(values[name] for name in ARTICLE_COLUMNS)


def _article_from_row(row: sqlite3.Row, with_raw: bool) -> Article:
    article = Article(**{name: row[name] for name in ARTICLE_SCALARS})
    article.paragraphs = json.loads(row["paragraphs"])
    article.evidence = [Evidence(**e) for e in json.loads(row["evidence"])]
    if with_raw and row["raw"] is not None:
        fields = json.loads(zlib.decompress(row["raw"]))
        fields["notices"] = [Notice(**n) for n in fields.get("notices", [])]
        article.raw = RawArticle(**fields)
    return article
