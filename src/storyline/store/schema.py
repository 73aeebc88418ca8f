"""Table definitions derived from the record dataclasses, so a field added to a record is a column in the store.

The schema version is a hash of the generated DDL: a database written by another version of storyline is detected
on open instead of failing later on a missing column.
"""
from __future__ import annotations

import dataclasses
import hashlib

from ..record import Article, Entity, Figure, Quote, Removed, Sentence, TimeExpression

# Lists on an Article that are stored one row per item, in a table of their own, in order.
ITEM_TABLES: dict[str, type] = {
    "sentences": Sentence,
    "entities": Entity,
    "quotes": Quote,
    "dates": TimeExpression,
    "removed": Removed,
    "figures": Figure,
}

# Article fields stored as JSON text, and columns the store adds; `docs` (spaCy objects) is never stored.
JSON_COLUMNS = ("paragraphs", "evidence")
STORE_COLUMNS = ("minhash", "added_at")
ARTICLE_SCALARS = tuple(
    f.name for f in dataclasses.fields(Article)
    if f.name not in ITEM_TABLES and f.name not in JSON_COLUMNS and f.name not in ("raw", "docs")
)
ARTICLE_COLUMNS = (*ARTICLE_SCALARS, *JSON_COLUMNS, "raw", *STORE_COLUMNS)
_NOT_NULL = {"id": "TEXT PRIMARY KEY", "source": "TEXT NOT NULL", "content_hash": "TEXT NOT NULL",
             "status": "TEXT NOT NULL", "paragraphs": "TEXT NOT NULL", "evidence": "TEXT NOT NULL",
             "raw": "BLOB", "minhash": "BLOB", "added_at": "TEXT NOT NULL"}

_SQL_TYPES = {int: "INTEGER", "int": "INTEGER", "int | None": "INTEGER", float: "REAL", "float": "REAL",
              "float | None": "REAL"}


def _column_type(field: dataclasses.Field) -> str:
    return _SQL_TYPES.get(field.type, "TEXT")


def item_columns(record: type) -> list[str]:
    return [f.name for f in dataclasses.fields(record)]


def _item_table_ddl(name: str, record: type) -> str:
    columns = ", ".join(f'"{f.name}" {_column_type(f)}' for f in dataclasses.fields(record))
    return (
        f"CREATE TABLE IF NOT EXISTS {name} (article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, "
        f"idx INTEGER NOT NULL, {columns}, PRIMARY KEY (article, idx));"
    )


def ddl() -> list[str]:
    statements = [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);",
        "CREATE TABLE IF NOT EXISTS articles ("
        + ", ".join(f'"{name}" {_NOT_NULL.get(name, "TEXT")}' for name in ARTICLE_COLUMNS) + ");",
        "CREATE INDEX IF NOT EXISTS articles_source ON articles(source);",
        "CREATE INDEX IF NOT EXISTS articles_content ON articles(content_hash);",
        "CREATE TABLE IF NOT EXISTS failures (source TEXT PRIMARY KEY, reason TEXT NOT NULL, at TEXT NOT NULL);",
        "CREATE TABLE IF NOT EXISTS corpus (name TEXT PRIMARY KEY, data TEXT NOT NULL);",
        # The story-scope corpus stages' results (corpus.stages), one row per story and stage.
        "CREATE TABLE IF NOT EXISTS story_results (story TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL, "
        "PRIMARY KEY (story, name));",
    ]
    statements += [_item_table_ddl(name, record) for name, record in ITEM_TABLES.items()]
    statements += SEARCH_DDL
    return statements + QUERY_DDL


# Indexes the paginated listings need (articles in date order, filtered by status, outlet, speaker entity), and
# the sentence vectors semantic search indexes (store.vectors): added to an existing store by `upgrades`.
QUERY_DDL = [
    "CREATE INDEX IF NOT EXISTS articles_by_date ON articles(published IS NULL, published, id);",
    "CREATE INDEX IF NOT EXISTS articles_published ON articles(published);",
    "CREATE INDEX IF NOT EXISTS articles_status ON articles(status, published);",
    "CREATE INDEX IF NOT EXISTS articles_outlet ON articles(lower(outlet));",
    "CREATE INDEX IF NOT EXISTS quotes_speaker_entity ON quotes(speaker_entity);",
    # One row per sentence of an analysed article: its text and MiniLM vector (float16). The id only grows
    # (AUTOINCREMENT), so the vector index file beside the store can key its entries by it.
    "CREATE TABLE IF NOT EXISTS sentence_vectors (id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, sentence INTEGER NOT NULL, "
    "text TEXT NOT NULL, vector BLOB NOT NULL);",
    "CREATE INDEX IF NOT EXISTS sentence_vectors_article ON sentence_vectors(article, sentence);",
]


# Full-text search over sentences (SQLite FTS5, bm25-ranked): one row per stored sentence, written by
# `Database.save`; the trigger drops an article's rows when the article is replaced or deleted.
SEARCH_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentence_search USING fts5("
    "text, article UNINDEXED, sentence UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');",
    "CREATE TRIGGER IF NOT EXISTS sentence_search_delete AFTER DELETE ON articles "
    "BEGIN DELETE FROM sentence_search WHERE article = old.id; END;",
]


def schema_version(statements: list[str] | None = None) -> str:
    return hashlib.sha256("\n".join(ddl() if statements is None else statements).encode()).hexdigest()[:12]


def upgrades() -> dict[str, list[str]]:
    """Schema versions an existing store can be brought to this one from, each with the statements that do it
    (only additions: tables and indexes, made with IF NOT EXISTS, so running them twice is harmless)."""
    return {schema_version(ddl()[:-len(QUERY_DDL)]): QUERY_DDL}
