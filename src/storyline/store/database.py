"""`Database` owns the SQLite file: schema, transactions, and the conversion between rows and records.

Nothing else in storyline writes SQL. Every write goes through `transaction()`, so a build that fails half way leaves
the articles stored before it untouched.
"""
from __future__ import annotations

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

from ..record import Article, Evidence, Notice, Quote, RawArticle, ReadFailure, Statement
from .schema import ARTICLE_COLUMNS, ARTICLE_SCALARS, ITEM_TABLES, band_keys, ddl, item_columns, schema_version


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
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self._open_schema()
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
        for index, (entity, name) in self.speakers(article_id).items():
            quote = article.quotes[index]
            quote.speaker, quote.speaker_entity = name, entity
        return article

    def speakers(self, article_id: str) -> dict[int, tuple[str, str]]:
        """The corpus layer's speaker resolution of an article's quotes (quote index -> entity id, canonical
        name), shown over the quotes as extracted, never written into them; none before the first corpus update."""
        if not self._has_table("quote_speakers"):
            return {}
        return {r[0]: (r[1], r[2]) for r in self.conn.execute(
            "SELECT q.idx, q.entity, e.name FROM quote_speakers q JOIN canonical_entities e ON e.id = q.entity "
            "WHERE q.article = ?", (article_id,))}

    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 (name,)).fetchone() is not None

    def quotes(
        self, speaker: str | None = None, article: str | None = None, since: str | None = None,
        until: str | None = None, kind: str | None = None, entity_ids: Iterable[str] | None = None,
        story: str | None = None,
    ) -> list[Statement]:
        """Quotes in date order; `speaker` matches the canonical name, or the text as written where no name was
        resolved (`Putin` must not pick up `Putin's spokesman Dmitry Peskov`), case-insensitively; `article` is an
        id prefix; `since` / `until` (ISO prefixes, inclusive) keep quotes from articles published in that range;
        `kind` is the quote kind; `entity_ids` keeps quotes whose resolved speaker is one of those entities;
        `story` those from that story's articles."""
        columns = [f"q.{_quoted(c)}" for c in item_columns(Quote)]
        resolved = self._has_table("quote_speakers")
        if resolved:  # the corpus layer's resolution stands in for the speaker as the article named it
            at = {c: i for i, c in enumerate(item_columns(Quote))}
            columns[at["speaker"]] = "COALESCE(e.name, q.speaker)"
            columns[at["speaker_entity"]] = "r.entity"
        sql = (f"SELECT q.article, a.published, a.title, {', '.join(columns)} FROM quotes q "
               "JOIN articles a ON a.id = q.article")
        if resolved:
            sql += (" LEFT JOIN quote_speakers r ON r.article = q.article AND r.idx = q.idx "
                    "LEFT JOIN canonical_entities e ON e.id = r.entity")
        params: list[Any] = []
        if story:
            sql += " JOIN story_members m ON m.article = q.article AND m.story = ?"
            params.append(story)
        sql += " WHERE 1=1"
        if speaker:
            name = "COALESCE(e.name, q.speaker)" if resolved else "q.speaker"
            sql += f" AND ({name} LIKE ? ESCAPE '\\' OR ({name} IS NULL AND q.speaker_text LIKE ? ESCAPE '\\'))"
            params += [f"%{_like_escape(speaker)}%"] * 2
        if article:
            sql += " AND q.article LIKE ? ESCAPE '\\'"
            params.append(_like_prefix(article))
        if since:
            sql += " AND a.published >= ?"
            params.append(since)
        if until:
            sql += " AND substr(a.published, 1, ?) <= ?"
            params += [len(until), until]
        if kind:
            sql += " AND q.kind = ?"
            params.append(kind)
        if entity_ids is not None:
            wanted = sorted(set(entity_ids))
            sql += f" AND {'r.entity' if resolved else 'q.speaker_entity'} IN ({', '.join('?' * len(wanted))})"
            params += wanted
        sql += " ORDER BY a.published IS NULL, a.published, q.article, q.idx"
        return [Statement(r[0], r[1], r[2], Quote(*r[3:])) for r in self.conn.execute(sql, params)]

    def load_all(self) -> list[Article]:
        return [a for a in (self.load(i) for i in self.article_ids()) if a is not None]

    def headers(self) -> list[Article]:
        """Every article's own fields without its extracted items: a listing that stays cheap on a large store."""
        rows = self.conn.execute("SELECT * FROM articles ORDER BY source, id")
        return [_article_from_row(row, False) for row in rows]

    def item_counts(self, table: str) -> dict[str, int]:
        """Items per article in one of the item tables (`quotes`, `dates`, …), for listings."""
        if table not in ITEM_TABLES:
            raise ValueError(f"no item table {table!r}")
        return dict(self.conn.execute(f"SELECT article, count(*) FROM {table} GROUP BY article").fetchall())

    def search(self, text: str, limit: int = 20, offset: int = 0,
               story: str | None = None) -> tuple[int, list[SearchHit]]:
        """Sentences matching the words of `text` (all of them; "quoted phrases" and trailing * prefixes kept),
        best first by bm25, with the total count; `story` keeps that story's articles. User text never reaches
        FTS5 syntax unquoted."""
        match = fts_query(text)
        if not match:
            return 0, []
        within, args = ("JOIN story_members m ON m.article = s.article AND m.story = ? ", [story]) if story else ("", [])
        total = self.conn.execute(f"SELECT count(*) FROM sentence_search s {within}WHERE sentence_search MATCH ?",
                                  (*args, match)).fetchone()[0]
        rows = self.conn.execute(
            "SELECT s.article, s.sentence, s.text, snippet(sentence_search, 0, ?, ?, '…', 24), s.rank, "
            f"a.title, a.published FROM sentence_search s JOIN articles a ON a.id = s.article {within}"
            "WHERE sentence_search MATCH ? ORDER BY s.rank, s.article, s.sentence LIMIT ? OFFSET ?",
            (MARK_START, MARK_END, *args, match, limit, offset),
        ).fetchall()
        return total, [SearchHit(*row) for row in rows]


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


def _quoted(name: str) -> str:
    return f'"{name}"'


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_prefix(prefix: str) -> str:
    return _like_escape(prefix) + "%"


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
