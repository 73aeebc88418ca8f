"""Table definitions derived from the record dataclasses, so a field added to a record is a column in the store.

The schema version is a hash of the generated DDL: a database written by another version of storyline is detected
on open instead of failing later on a missing column.
"""
from __future__ import annotations

import dataclasses
import hashlib

from ..record import Article, Entity, Figure, Position, Quote, Removed, Sentence, TimeExpression

# Lists on an Article that are stored one row per item, in a table of their own, in order.
ITEM_TABLES: dict[str, type] = {
    "sentences": Sentence,
    "entities": Entity,
    "quotes": Quote,
    "dates": TimeExpression,
    "removed": Removed,
    "figures": Figure,
    "positions": Position,
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
    ]
    statements += [_item_table_ddl(name, record) for name, record in ITEM_TABLES.items()]
    statements += SEARCH_DDL
    statements += BANDS_DDL
    return statements


# Full-text search over sentences (SQLite FTS5, bm25-ranked): one row per stored sentence, written by
# `Database.save`; the trigger drops an article's rows when the article is replaced or deleted.
SEARCH_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentence_search USING fts5("
    "text, article UNINDEXED, sentence UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');",
    "CREATE TRIGGER IF NOT EXISTS sentence_search_delete AFTER DELETE ON articles "
    "BEGIN DELETE FROM sentence_search WHERE article = old.id; END;",
]


# Near-duplicate lookup without loading every signature: each original's MinHash signature cut into LSH bands
# (`Database.save`), so a new article's candidates are the stored articles sharing one of its band keys.
LSH_BANDS = 32
BANDS_DDL = [
    "CREATE TABLE IF NOT EXISTS minhash_bands (key BLOB NOT NULL, "
    "article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE);",
    "CREATE INDEX IF NOT EXISTS minhash_bands_key ON minhash_bands(key);",
    "CREATE INDEX IF NOT EXISTS minhash_bands_article ON minhash_bands(article);",
]


def band_keys(signature: bytes, bands: int = LSH_BANDS) -> list[bytes]:
    """The LSH band keys of a signature: its bytes cut into `bands` equal slices, each led by its band number
    (two articles that agree on every value of one band are candidates)."""
    width = len(signature) // bands
    return [bytes([band]) + signature[band * width:(band + 1) * width] for band in range(bands)]


def schema_version() -> str:
    return hashlib.sha256("\n".join(ddl()).encode()).hexdigest()[:12]
