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

# Article fields stored as JSON text, and columns the store adds; `docs` (spaCy objects) is never stored, nor
# `embeddings` (the sentence vectors go to `sentence_vectors`).
JSON_COLUMNS = ("paragraphs", "evidence")
STORE_COLUMNS = ("minhash", "added_at")
ARTICLE_SCALARS = tuple(
    f.name for f in dataclasses.fields(Article)
    if f.name not in ITEM_TABLES and f.name not in JSON_COLUMNS and f.name not in ("raw", "docs", "embeddings")
)
ARTICLE_COLUMNS = (*ARTICLE_SCALARS, *JSON_COLUMNS, "raw", *STORE_COLUMNS)
_NOT_NULL = {"id": "TEXT PRIMARY KEY", "source": "TEXT NOT NULL", "content_hash": "TEXT NOT NULL",
             "status": "TEXT NOT NULL", "paragraphs": "TEXT NOT NULL", "evidence": "TEXT NOT NULL",
             "raw": "BLOB", "minhash": "BLOB", "added_at": "TEXT NOT NULL"}

_SQL_TYPES = {int: "INTEGER", "int": "INTEGER", "int | None": "INTEGER", float: "REAL", "float": "REAL",
              "float | None": "REAL", "bool": "INTEGER"}


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
    statements += CORPUS_DDL
    return statements + QUERY_DDL


# Indexes the paginated listings need (articles in date order, filtered by status and outlet), and the sentence
# vectors semantic search indexes (corpus.vectors).
QUERY_DDL = [
    "CREATE INDEX IF NOT EXISTS articles_by_date ON articles(published IS NULL, published, id);",
    "CREATE INDEX IF NOT EXISTS articles_published ON articles(published);",
    "CREATE INDEX IF NOT EXISTS articles_status ON articles(status, published);",
    "CREATE INDEX IF NOT EXISTS articles_outlet ON articles(lower(outlet));",
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


# The corpus layer's tables (written by storyline.corpus, created with every store so that any query may join
# them): story membership and its blocking keys (corpus.stories), canonical entities and speaker resolutions
# (corpus.entities), the story stages' results (corpus.results).
STORY_SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, label TEXT NOT NULL, first_article TEXT NOT NULL, first_date TEXT, last_date TEXT,
    articles INTEGER NOT NULL, sources INTEGER NOT NULL, centroid BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS story_members (
    article TEXT PRIMARY KEY, story TEXT NOT NULL, source TEXT NOT NULL, date TEXT, vector BLOB NOT NULL,
    keys TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members (story);
CREATE TABLE IF NOT EXISTS story_keys (story TEXT NOT NULL, key TEXT NOT NULL, weight REAL NOT NULL,
    PRIMARY KEY (story, key));
CREATE INDEX IF NOT EXISTS story_keys_key ON story_keys (key, weight DESC);
CREATE TABLE IF NOT EXISTS story_merges (old TEXT PRIMARY KEY, new TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS stories_by_size ON stories (articles DESC, id);
"""
ENTITY_SCHEMA = """
CREATE TABLE IF NOT EXISTS entity_mentions (
    article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL,
    block TEXT NOT NULL, first TEXT NOT NULL, name TEXT NOT NULL, role TEXT, published TEXT,
    entity TEXT, via TEXT NOT NULL, PRIMARY KEY (article, start, "end", label));
CREATE INDEX IF NOT EXISTS entity_mentions_block ON entity_mentions (block, via);
CREATE INDEX IF NOT EXISTS entity_mentions_entity ON entity_mentions (entity, article);
CREATE TABLE IF NOT EXISTS canonical_entities (
    id TEXT PRIMARY KEY, block TEXT NOT NULL, name TEXT NOT NULL, label TEXT NOT NULL,
    articles INTEGER NOT NULL, mentions INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS entities_rank ON canonical_entities (articles DESC, name);
CREATE INDEX IF NOT EXISTS entities_block ON canonical_entities (block);
CREATE TABLE IF NOT EXISTS entity_aliases (entity TEXT NOT NULL, alias TEXT NOT NULL, label TEXT NOT NULL,
    uses INTEGER NOT NULL, PRIMARY KEY (entity, alias, label));
CREATE INDEX IF NOT EXISTS entity_aliases_alias ON entity_aliases (alias COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS entity_articles (entity TEXT NOT NULL, article TEXT NOT NULL,
    PRIMARY KEY (entity, article));
CREATE INDEX IF NOT EXISTS entity_articles_article ON entity_articles (article);
CREATE TABLE IF NOT EXISTS entity_places (entity TEXT NOT NULL, place TEXT NOT NULL, PRIMARY KEY (entity, place));
CREATE TABLE IF NOT EXISTS entity_heads (entity TEXT NOT NULL, head TEXT NOT NULL, PRIMARY KEY (entity, head));
CREATE TABLE IF NOT EXISTS surname_targets (block TEXT PRIMARY KEY, entity TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS quote_speakers (
    article TEXT NOT NULL, idx INTEGER NOT NULL, entity TEXT, block TEXT, via TEXT NOT NULL,
    PRIMARY KEY (article, idx));
CREATE INDEX IF NOT EXISTS quote_speakers_entity ON quote_speakers (entity);
CREATE INDEX IF NOT EXISTS quote_speakers_block ON quote_speakers (block, via);
CREATE TABLE IF NOT EXISTS description_candidates (
    article TEXT NOT NULL, idx INTEGER NOT NULL, rank INTEGER NOT NULL, entity TEXT NOT NULL,
    places TEXT NOT NULL, heads TEXT NOT NULL, PRIMARY KEY (article, idx, rank));
CREATE INDEX IF NOT EXISTS description_candidates_entity ON description_candidates (entity);
"""
RESULTS_SCHEMA = """
CREATE TABLE IF NOT EXISTS timeline_entries (story TEXT NOT NULL, rank INTEGER NOT NULL, date TEXT NOT NULL,
    precision TEXT NOT NULL, text TEXT NOT NULL, articles INTEGER NOT NULL, PRIMARY KEY (story, rank));
CREATE INDEX IF NOT EXISTS timeline_entries_date ON timeline_entries (date);
CREATE TABLE IF NOT EXISTS timeline_citations (story TEXT NOT NULL, rank INTEGER NOT NULL, n INTEGER NOT NULL,
    article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence INTEGER,
    PRIMARY KEY (story, rank, n));
CREATE INDEX IF NOT EXISTS timeline_citations_article ON timeline_citations (article);
CREATE TABLE IF NOT EXISTS summary_sentences (story TEXT NOT NULL, rank INTEGER NOT NULL, part TEXT NOT NULL,
    text TEXT NOT NULL, published TEXT, article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    sentence INTEGER, PRIMARY KEY (story, rank));
CREATE TABLE IF NOT EXISTS figure_series (story TEXT NOT NULL, rank INTEGER NOT NULL, measure TEXT NOT NULL,
    kind TEXT NOT NULL, scope TEXT NOT NULL, counted TEXT, PRIMARY KEY (story, rank));
CREATE INDEX IF NOT EXISTS figure_series_kind ON figure_series (kind, scope);
CREATE TABLE IF NOT EXISTS series_points (story TEXT NOT NULL, series INTEGER NOT NULL, part TEXT NOT NULL,
    n INTEGER NOT NULL, period TEXT, value REAL NOT NULL, qualifier TEXT, text TEXT NOT NULL, source TEXT,
    as_of TEXT, as_of_via TEXT, counted TEXT, article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    sentence INTEGER, PRIMARY KEY (story, series, part, n));
CREATE INDEX IF NOT EXISTS series_points_article ON series_points (article);
CREATE TABLE IF NOT EXISTS inconsistencies (story TEXT NOT NULL, rank INTEGER NOT NULL, kind TEXT NOT NULL,
    description TEXT NOT NULL, first_text TEXT NOT NULL, second_text TEXT NOT NULL,
    first_article TEXT NOT NULL, first_start INTEGER NOT NULL, first_end INTEGER NOT NULL, first_sentence INTEGER,
    second_article TEXT NOT NULL, second_start INTEGER NOT NULL, second_end INTEGER NOT NULL,
    second_sentence INTEGER, PRIMARY KEY (story, rank));
"""
# Indexes that serve the listings' and the corpus update's orders, kept out of `ddl()` (and so out of the schema
# version): an index changes no column, so a store built before one was added gets it when it is opened
# (`Database`), not a rebuild.
LISTING_INDEXES = {
    # blocking's order (weight, then story): a key's heaviest stories are read without sorting its many ties
    "story_keys_heaviest": "CREATE INDEX IF NOT EXISTS story_keys_heaviest ON story_keys (key, weight DESC, story);",
    # covering: a settled story's article and source counts come from the index alone
    "story_members_sources": "CREATE INDEX IF NOT EXISTS story_members_sources ON story_members (story, source);",
    "timeline_order": "CREATE INDEX IF NOT EXISTS timeline_order ON timeline_entries (date, articles DESC);",
    # an article's statements (of a kind) counted without reading a quote row: deep quote pages and totals
    "quotes_statements": "CREATE INDEX IF NOT EXISTS quotes_statements ON quotes (article, statement, kind);",
    "entities_order": "CREATE INDEX IF NOT EXISTS entities_order ON canonical_entities (articles DESC, name, id);",
}
# A story's estimate of when each of its undated articles appeared (corpus.dating).
DATING_SCHEMA = """CREATE TABLE IF NOT EXISTS story_date_estimates (article TEXT PRIMARY KEY, story TEXT NOT NULL,
    value TEXT NOT NULL, evidence TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS story_date_estimates_story ON story_date_estimates (story);
"""
CORPUS_DDL = [statement.strip() + ";" for script in (STORY_SCHEMA, ENTITY_SCHEMA, RESULTS_SCHEMA, DATING_SCHEMA)
              for statement in script.split(";") if statement.strip()]


def schema_version() -> str:
    return hashlib.sha256("\n".join(ddl()).encode()).hexdigest()[:12]
