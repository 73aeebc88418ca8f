"""Semantic search over the store's sentences through an HNSW vector index (usearch), so that a query reads a few
hundred vectors, not every one.

Each sentence of an analysed article has a row in `sentence_vectors` (its text and MiniLM vector, float16), written
by `add_missing` as articles arrive (the build calls it; a query calls it too, for a store built before this
table existed) and dropped with its article. The HNSW index over those rows is a file beside the store
(`<store>.<token>.vectors.usearch`), keyed by the row id, which only grows: rows added since the file was written are
added to it in memory (and the file saved again), so the index is updated incrementally, never rebuilt per query.
A missing or unreadable file, or one holding more rows since deleted than `STALE_SHARE` of its entries, is rebuilt
from the table. Ids the index still holds but the table no longer has (a replaced article's) are dropped from
answers by the SQL that fetches the hits.

A query takes the `CANDIDATES` nearest sentences (more when a later page is asked for): `total` counts those at
least `floor` similar. Within a story, a story of up to `EXACT_STORY` sentences is compared exactly over its own
vectors (read by the story's members, so the cost follows the story, not the corpus); a larger one searches the
index for more neighbours, in proportion to its share of the corpus, and keeps its own.
"""
from __future__ import annotations

import json
import os
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..embed import DIMENSIONS, embed, encode
from ..record import PARAGRAPH_SEPARATOR
from ..store.database import Database, SearchHit

CANDIDATES = 1000
EXACT_STORY = 20_000
STALE_SHARE = 0.2
MAX_NEIGHBOURS = 100_000
EMBED_BATCH = 256  # articles embedded and stored per transaction


def index_path(db: Database) -> Path:
    """The index file beside the store, named with a token the store keeps, so that a store made anew under the
    same name never reads an older store's index (whose row ids would mean other sentences)."""
    row = db.conn.execute("SELECT value FROM meta WHERE key = 'vector_index'").fetchone()
    if row is None:
        with db.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('vector_index', ?)", (uuid.uuid4().hex[:12],))
        row = db.conn.execute("SELECT value FROM meta WHERE key = 'vector_index'").fetchone()
    return db.path.with_name(f"{db.path.name}.{row[0]}.vectors.usearch")


def add_missing(db: Database, on_status: Any = None) -> int:
    """Embed and store the sentences of analysed articles that have no vectors yet; how many were added."""
    added = 0
    while pending := [r[0] for r in db.conn.execute(
            "SELECT a.id FROM articles a WHERE a.status = 'ok' "
            "AND NOT EXISTS (SELECT 1 FROM sentence_vectors v WHERE v.article = a.id) "
            "AND EXISTS (SELECT 1 FROM sentences s WHERE s.article = a.id) LIMIT ?", (EMBED_BATCH,))]:
        if on_status:
            on_status(f"sentence vectors: {added:,} sentences so far")
        rows = []
        for article in pending:
            rows += _sentences(db, article)
        vectors = embed([text for _, _, text in rows]).astype(np.float16)
        with db.transaction() as conn:
            conn.executemany("INSERT INTO sentence_vectors (article, sentence, text, vector) VALUES (?, ?, ?, ?)",
                             [(a, i, t, v.tobytes()) for (a, i, t), v in zip(rows, vectors)])
        added += len(rows)
    return added


def _sentences(db: Database, article: str) -> list[tuple[str, int, str]]:
    (paragraphs,) = db.conn.execute("SELECT paragraphs FROM articles WHERE id = ?", (article,)).fetchone()
    text = PARAGRAPH_SEPARATOR.join(json.loads(paragraphs))
    return [(article, idx, text[start:end]) for idx, start, end in db.conn.execute(
        'SELECT idx, "start", "end" FROM sentences WHERE article = ? ORDER BY idx', (article,))]


@dataclass
class _Loaded:
    index: Any
    newest: int  # the largest row id the index holds (rows above it are added on the next query)


_LOCK = threading.Lock()
_OPEN: dict[Path, _Loaded] = {}


def update(db: Database) -> Any:
    """The store's HNSW index, brought up to date with `sentence_vectors` (loaded, rebuilt or extended), and
    saved beside the store when it changed. Shared by every connection of this process to the same store."""
    with _LOCK:
        path = index_path(db)
        loaded = _OPEN.get(path) or _load(db, path)
        newest = db.conn.execute("SELECT coalesce(max(id), 0) FROM sentence_vectors").fetchone()[0]
        if newest > loaded.newest:
            _extend(db, loaded, newest)
            _save(loaded.index, path)
        _OPEN[path] = loaded
        return loaded.index


def forget(db: Database) -> None:
    """Drop this process' copy of the store's index (tests, and a store deleted under a running process)."""
    with _LOCK:
        _OPEN.pop(index_path(db), None)


def _new_index() -> Any:
    from usearch.index import Index

    # Half the default insertion effort: adding stays cheap on a small machine; searches look wider instead.
    return Index(ndim=DIMENSIONS, metric="ip", dtype="f16", connectivity=16, expansion_add=64,
                 expansion_search=128)


def _load(db: Database, path: Path) -> _Loaded:
    """The saved index if it is readable and mostly live; otherwise one built afresh from the table."""
    from usearch.index import Index

    rows, newest = db.conn.execute("SELECT count(*), coalesce(max(id), 0) FROM sentence_vectors").fetchone()
    try:
        index = Index.restore(str(path)) if path.is_file() else None
    except (RuntimeError, ValueError, OSError):
        index = None
    if index is not None and len(index) and len(index) - rows <= STALE_SHARE * len(index):
        held = int(np.max(index.keys)) if len(index) else 0
        if held <= newest:
            return _Loaded(index, held)
    loaded = _Loaded(_new_index(), 0)
    if newest:
        _extend(db, loaded, newest)
        _save(loaded.index, path)
    return loaded


def _extend(db: Database, loaded: _Loaded, newest: int, batch: int = 50_000) -> None:
    """Add the table's rows with ids above what the index holds, up to `newest`, in batches."""
    while loaded.newest < newest:
        rows = db.conn.execute("SELECT id, vector FROM sentence_vectors WHERE id > ? AND id <= ? ORDER BY id "
                               "LIMIT ?", (loaded.newest, newest, batch)).fetchall()
        if not rows:
            break
        keys = np.array([r[0] for r in rows], dtype=np.uint64)
        loaded.index.add(keys, _matrix([r[1] for r in rows]))
        loaded.newest = int(keys[-1])


def _save(index: Any, path: Path) -> None:
    """Write the index beside the store through a temporary file, so a reader never sees half a file."""
    partial = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        index.save(str(partial))
        os.replace(partial, path)
    except OSError:  # a read-only folder: the index lives in memory for this process
        partial.unlink(missing_ok=True)


def _matrix(blobs: list[bytes]) -> np.ndarray:
    return np.frombuffer(b"".join(blobs), dtype=np.float16).reshape(len(blobs), DIMENSIONS).astype(np.float32)


def similar(db: Database, text: str, limit: int, offset: int, floor: float,
            story: str | None = None) -> tuple[int, list[SearchHit]]:
    """The sentences closest in meaning to `text` (of one story), best first: (total at least `floor` similar
    among the candidates, this page's hits with `rank` the negated cosine similarity)."""
    if not text.strip():
        return 0, []
    if db.conn.execute("SELECT 1 FROM sentence_vectors LIMIT 1").fetchone() is None:
        add_missing(db)
    query = encode([text])[0]
    wanted = max(CANDIDATES, offset + limit)
    ranked = _story_neighbours(db, query, story, wanted) if story else _neighbours(db, query, wanted)
    ranked = [(key, score) for key, score in ranked if score >= floor]
    live = _live(db, [key for key, _ in ranked])
    ranked = [(key, score) for key, score in ranked if key in live]
    return len(ranked), _hits(db, ranked[offset:offset + limit])


def _neighbours(db: Database, query: np.ndarray, count: int) -> list[tuple[int, float]]:
    index = update(db)
    if not len(index):
        return []
    with _LOCK:
        found = index.search(query, min(count, len(index)))
    return [(int(k), 1.0 - float(d)) for k, d in zip(found.keys, found.distances)]


def _story_neighbours(db: Database, query: np.ndarray, story: str, count: int) -> list[tuple[int, float]]:
    """A small story compared exactly over its own vectors; a large one through the index, over-fetched."""
    size = db.conn.execute("SELECT count(*) FROM story_members m JOIN sentence_vectors v ON v.article = m.article "
                           "WHERE m.story = ?", (story,)).fetchone()[0]
    if size <= EXACT_STORY:
        rows = db.conn.execute("SELECT v.id, v.vector FROM story_members m JOIN sentence_vectors v "
                               "ON v.article = m.article WHERE m.story = ? ORDER BY v.id", (story,)).fetchall()
        if not rows:
            return []
        scores = _matrix([r[1] for r in rows]) @ query
        order = np.argsort(-scores, kind="stable")[:count]
        return [(int(rows[k][0]), float(scores[k])) for k in order]
    everything = db.conn.execute("SELECT count(*) FROM sentence_vectors").fetchone()[0]
    fetched = _neighbours(db, query, min(MAX_NEIGHBOURS, count * max(1, everything // size) * 2))
    members = _members(db, [key for key, _ in fetched], story)
    return [(key, score) for key, score in fetched if key in members][:count]


def _members(db: Database, keys: list[int], story: str) -> set[int]:
    return {r[0] for r in db.conn.execute(
        "SELECT v.id FROM sentence_vectors v JOIN story_members m ON m.article = v.article AND m.story = ? "
        "WHERE v.id IN (SELECT value FROM json_each(?))", (story, json.dumps(keys)))}


def _live(db: Database, keys: list[int]) -> set[int]:
    return {r[0] for r in db.conn.execute(
        "SELECT id FROM sentence_vectors WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(keys),))}


def _hits(db: Database, ranked: list[tuple[int, float]]) -> list[SearchHit]:
    rows = {r[0]: r[1:] for r in db.conn.execute(
        "SELECT v.id, v.article, v.sentence, v.text, a.title, a.published FROM sentence_vectors v "
        "JOIN articles a ON a.id = v.article WHERE v.id IN (SELECT value FROM json_each(?))",
        (json.dumps([key for key, _ in ranked]),))}
    return [SearchHit(article, sentence, text, text, -score, title, published)
            for key, score in ranked for article, sentence, text, title, published in [rows[key]]]
