"""Semantic search over the store's sentences through an HNSW vector index (usearch), so that a query reads a few
hundred vectors, not every one.

Each sentence of an analysed article has a row in `sentence_vectors` (its text and MiniLM vector, float16), written
by `add_missing` as articles arrive (the build calls it; a query calls it too, for a store built before this
table existed) and dropped with its article. The HNSW index over those rows lives in files beside the store
(`<store>.<token>.vectors.<shard>.usearch`), keyed by the row id, which only grows; shard k holds the rows with ids in
the k-th run of `SHARD_ROWS`. Rows added since a shard was written are added to it (and the file saved again), so
the index is updated incrementally, never rebuilt per query; a complete shard is saved and then memory-mapped, so a
process holds at most one shard in memory, not the whole index (at 64k articles the one-file index was 2.3 GB).
A missing or unreadable shard, or one holding more rows since deleted than `STALE_SHARE` of its entries (estimated
from a sample of its keys), is rebuilt
from its range of the table. Ids a shard still holds but the table no longer has (a replaced article's) are dropped
from answers by the SQL that fetches the hits.

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
# Row ids per index shard. Only the shard being extended is held in memory (a vector with its graph is about 0.9 KB
# on disk and 1.6 KB in memory: some 210 MB a shard); complete shards are memory-mapped from their files, so memory
# stays flat as the store grows. 2^18 held the add to 64k over 2 GB.
SHARD_ROWS = 2**17
STALE_SAMPLE = 1000  # keys of a shard looked up to estimate how many of its rows were deleted
EMBED_BATCH = 256  # articles embedded and stored per transaction


def index_prefix(db: Database) -> Path:
    """Where the store's index files go: beside the store, named with a token the store keeps, so that a store made
    anew under the same name never reads an older store's index (whose row ids would mean other sentences)."""
    row = db.conn.execute("SELECT value FROM meta WHERE key = 'vector_index'").fetchone()
    if row is None:
        with db.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('vector_index', ?)", (uuid.uuid4().hex[:12],))
        row = db.conn.execute("SELECT value FROM meta WHERE key = 'vector_index'").fetchone()
    return db.path.with_name(f"{db.path.name}.{row[0]}.vectors")


def shard_path(prefix: Path, shard: int) -> Path:
    """The file of shard `shard`: the rows with ids from `shard * SHARD_ROWS + 1` to `(shard + 1) * SHARD_ROWS`."""
    return prefix.with_name(f"{prefix.name}.{shard:05d}.usearch")


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
class _Shard:
    index: Any
    newest: int  # the largest row id it holds (rows of its range above it are added on the next update)
    viewed: bool  # memory-mapped read-only from its file, not held in this process's memory


_LOCK = threading.Lock()
_OPEN: dict[Path, dict[int, _Shard]] = {}


def update(db: Database) -> list[Any]:
    """The store's HNSW shards, brought up to date with `sentence_vectors` (opened, rebuilt or extended, one at a
    time), each saved beside the store when it changed. Shared by every connection of this process to the same
    store."""
    with _LOCK:
        prefix = index_prefix(db)
        newest = db.conn.execute("SELECT coalesce(max(id), 0) FROM sentence_vectors").fetchone()[0]
        shards = _OPEN.get(prefix)
        if shards is None:
            shards = _OPEN[prefix] = {}
            prefix.with_name(prefix.name + ".usearch").unlink(missing_ok=True)  # the one-file index of old stores
            first = 0
        else:
            first = max((s.newest for s in shards.values()), default=0) // SHARD_ROWS
        for shard in range(first, newest // SHARD_ROWS + 1):
            _bring_up(db, prefix, shards, shard, newest)
        return [s.index for _, s in sorted(shards.items()) if len(s.index)]


def forget(db: Database) -> None:
    """Drop this process' copies of the store's shards (tests, and a store deleted under a running process)."""
    with _LOCK:
        _OPEN.pop(index_prefix(db), None)


def _new_index() -> Any:
    from usearch.index import Index

    # Half the default insertion effort: adding stays cheap on a small machine; searches look wider instead.
    return Index(ndim=DIMENSIONS, metric="ip", dtype="f16", connectivity=16, expansion_add=64,
                 expansion_search=128)


def _bring_up(db: Database, prefix: Path, shards: dict[int, _Shard], shard: int, newest: int) -> None:
    """Shard `shard` opened (from its file if readable and mostly live, else rebuilt from the table) and holding
    every row of its range up to `newest`. A complete shard is saved and then only mapped, so a process holds at
    most one shard in memory however large the store grows."""
    low, high = shard * SHARD_ROWS + 1, min((shard + 1) * SHARD_ROWS, newest)
    if shard not in shards:
        opened = _open_file(db, shard_path(prefix, shard), low, high)
        if opened is None and not _has_rows(db, low, high):
            return
        shards[shard] = opened or _Shard(_new_index(), low - 1, False)
    held = shards[shard]
    if held.newest >= high:
        return
    if held.viewed:  # mapped read-only: read into memory to extend (another process may have saved more of it)
        held = shards[shard] = _held_in_memory(shard_path(prefix, shard), low)
    _extend(db, held, high)
    saved = _save(held.index, shard_path(prefix, shard))
    if saved and high == (shard + 1) * SHARD_ROWS:
        shards[shard] = _open_file(db, shard_path(prefix, shard), low, high) or held


def _open_file(db: Database, path: Path, low: int, high: int) -> _Shard | None:
    """A shard's file mapped read-only, if it is readable, holds nothing above `high` and at most `STALE_SHARE` of
    its entries are rows since deleted; otherwise None (it is rebuilt)."""
    from usearch.index import Index

    try:
        index = Index.restore(str(path), view=True) if path.is_file() else None
    except (RuntimeError, ValueError, OSError):
        index = None
    if index is None or not len(index):
        return None
    keys = np.asarray(index.keys, dtype=np.uint64)
    if int(keys.max()) > high or int(keys.min()) < low or _dead_share(db, keys) > STALE_SHARE:
        return None
    return _Shard(index, int(keys.max()), True)


def _dead_share(db: Database, keys: np.ndarray) -> float:
    """The share of a shard's entries whose rows were since deleted, estimated from `STALE_SAMPLE` of its keys
    spread evenly (counting its live rows would read the shard's whole range of the table: seconds at 64k)."""
    sample = sorted({int(k) for k in keys[::max(1, len(keys) // STALE_SAMPLE)]})
    return 1.0 - len(_live(db, sample)) / len(sample)


def _held_in_memory(path: Path, low: int) -> _Shard:
    from usearch.index import Index

    try:
        index = Index.restore(str(path))
    except (RuntimeError, ValueError, OSError):
        index = None
    if index is None or not len(index):
        return _Shard(_new_index(), low - 1, False)
    return _Shard(index, int(np.max(index.keys)), False)


def _has_rows(db: Database, low: int, high: int) -> bool:
    return db.conn.execute("SELECT 1 FROM sentence_vectors WHERE id BETWEEN ? AND ? LIMIT 1",
                           (low, high)).fetchone() is not None


def _extend(db: Database, shard: _Shard, newest: int, batch: int = 50_000) -> None:
    """Add the table's rows with ids above what the shard holds, up to `newest`, in batches."""
    while shard.newest < newest:
        rows = db.conn.execute("SELECT id, vector FROM sentence_vectors WHERE id > ? AND id <= ? ORDER BY id "
                               "LIMIT ?", (shard.newest, newest, batch)).fetchall()
        if not rows:
            shard.newest = newest
            break
        keys = np.array([r[0] for r in rows], dtype=np.uint64)
        shard.index.add(keys, _matrix([r[1] for r in rows]))
        shard.newest = int(keys[-1])


def _save(index: Any, path: Path) -> bool:
    """Write a shard beside the store through a temporary file, so a reader never sees half a file; whether it
    was written (a read-only folder keeps it in this process's memory)."""
    partial = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        index.save(str(partial))
        os.replace(partial, path)
        return True
    except OSError:
        partial.unlink(missing_ok=True)
        return False


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
    """The `count` nearest rows over every shard: each shard's nearest, merged by distance."""
    found: list[tuple[float, int]] = []
    for index in update(db):
        with _LOCK:
            matches = index.search(query, min(count, len(index)))
        found += zip(matches.distances.tolist(), matches.keys.tolist())
    return [(int(key), 1.0 - float(distance)) for distance, key in sorted(found)[:count]]


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
