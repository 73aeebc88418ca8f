"""The semantic search index beside the store: built once, extended as articles arrive, rebuilt when missing,
story-filtered, never answering with a replaced article's sentences. A bag-of-words stand-in for the sentence model
keeps these tests fast and exact."""
from __future__ import annotations

import re
import zlib

import numpy as np
import pytest

from storyline.embed import DIMENSIONS
from storyline.store.schema import STORY_SCHEMA as SCHEMA
from storyline.record import Article, RawArticle, Sentence
from storyline.corpus import vectors
from storyline.store import Database


def _bag(texts: list[str]) -> np.ndarray:
    rows = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for row, text in zip(rows, texts):
        for word in re.findall(r"\w+", text.lower()):
            row[zlib.crc32(word.encode()) % DIMENSIONS] += 1
        row /= max(float(np.linalg.norm(row)), 1e-9)
    return rows


@pytest.fixture(autouse=True)
def bag_of_words(monkeypatch):
    monkeypatch.setattr(vectors, "embed", _bag)
    monkeypatch.setattr(vectors, "encode", _bag)


def _article(source: str, *sentences: str) -> Article:
    text = " ".join(sentences)
    raw = RawArticle(source=source, text=text)
    spans, start = [], 0
    for sentence in sentences:
        spans.append(Sentence(start, start + len(sentence), 0, None))
        start += len(sentence) + 1
    return Article(id=raw.content_hash[:16], source=source, content_hash=raw.content_hash, title=source,
                   status="ok", paragraphs=[text], sentences=spans)


def _store(tmp_path, *articles: Article) -> Database:
    db = Database(tmp_path / "s.db")
    db.save([(a, None) for a in articles])
    vectors.add_missing(db)
    return db


def _size(shards: list) -> int:
    return sum(len(index) for index in shards)


def _texts(db: Database, query: str, story: str | None = None) -> list[str]:
    return [hit.text for hit in vectors.similar(db, query, 10, 0, 0.3, story)[1]]


def test_the_index_is_saved_beside_the_store_and_extended_as_articles_arrive(tmp_path, monkeypatch):
    db = _store(tmp_path, _article("a", "The river flooded the valley.", "Schools stayed open."))
    assert _texts(db, "river flooded")[0] == "The river flooded the valley."
    path = vectors.shard_path(vectors.index_prefix(db), 0)
    assert path.is_file() and path.parent == db.path.parent
    built = []
    monkeypatch.setattr(vectors, "_new_index", lambda real=vectors._new_index: built.append(1) or real())
    db.save([(_article("b", "A new bridge crosses the river."), None)])
    vectors.add_missing(db)
    assert "A new bridge crosses the river." in _texts(db, "bridge river")
    assert not built and _size(vectors.update(db)) == 3  # extended in place, not rebuilt
    vectors.forget(db)
    assert _size(vectors.update(db)) == 3 and not built  # read back from the file


def test_a_missing_index_is_rebuilt_and_a_replaced_article_never_answers(tmp_path):
    db = _store(tmp_path, _article("a", "The mayor opened the bridge."))
    assert _texts(db, "mayor bridge") == ["The mayor opened the bridge."]
    db.save([(_article("a", "The governor closed the harbour."), None)])  # same source, new content
    vectors.add_missing(db)
    assert _texts(db, "mayor bridge") == []
    vectors.forget(db)
    vectors.shard_path(vectors.index_prefix(db), 0).unlink()
    assert _texts(db, "governor harbour") == ["The governor closed the harbour."]
    assert vectors.shard_path(vectors.index_prefix(db), 0).is_file()


def test_search_within_a_story_keeps_its_articles(tmp_path, monkeypatch):
    first, second = _article("a", "Floods hit the valley."), _article("b", "Floods hit the coast.")
    db = _store(tmp_path, first, second)
    db.conn.executescript(SCHEMA)
    db.conn.executemany("INSERT INTO story_members VALUES (?, ?, '', NULL, x'', '{}')",
                        [(first.id, "s1"), (second.id, "s2")])
    assert sorted(_texts(db, "floods")) == ["Floods hit the coast.", "Floods hit the valley."]
    assert _texts(db, "floods", story="s2") == ["Floods hit the coast."]
    monkeypatch.setattr(vectors, "EXACT_STORY", 0)  # a story too large to compare exactly: through the index
    assert _texts(db, "floods", story="s1") == ["Floods hit the valley."]


def test_the_page_and_total_count_matches_at_least_the_floor(tmp_path):
    db = _store(tmp_path, _article("a", *[f"Report number {i} about floods." for i in range(7)], "Unrelated text."))
    total, first = vectors.similar(db, "floods report", 3, 0, 0.3)
    _, rest = vectors.similar(db, "floods report", 10, 3, 0.3)
    assert total == 7 and len(first) == 3 and len(rest) == 4
    assert [h.rank for h in first + rest] == sorted(h.rank for h in first + rest)


def test_the_index_is_split_in_shards_of_which_only_the_open_one_is_held_in_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(vectors, "SHARD_ROWS", 4)
    db = _store(tmp_path, _article("a", *[f"Dam report {i} on the river." for i in range(6)]),
                _article("b", *[f"Harbour note {i} about ships." for i in range(5)]))
    prefix = vectors.index_prefix(db)
    vectors.update(db)
    shards = vectors._OPEN[prefix]
    assert sorted(shards) == [0, 1, 2] and [s.viewed for _, s in sorted(shards.items())] == [True, True, False]
    assert all(vectors.shard_path(prefix, k).is_file() for k in shards)
    assert "Harbour note 4 about ships." in _texts(db, "harbour note ships")  # found in the last shard
    assert "Dam report 0 on the river." in _texts(db, "dam report river")  # and in the first
    total, _ = vectors.similar(db, "dam report river", 20, 0, 0.3)
    assert total == 6
    db.save([(_article("c", "Harbour pilots strike.", "Ships wait at anchor."), None)])
    vectors.add_missing(db)
    vectors.update(db)
    assert sorted(shards) == [0, 1, 2, 3] and shards[2].viewed and not shards[3].viewed
    vectors.forget(db)
    assert _size(vectors.update(db)) == 13 and all(s.viewed for s in vectors._OPEN[prefix].values())


def test_a_store_whose_old_one_file_index_is_left_beside_it_loses_it(tmp_path):
    db = _store(tmp_path, _article("a", "The river flooded the valley."))
    legacy = vectors.index_prefix(db).with_name(vectors.index_prefix(db).name + ".usearch")
    legacy.write_bytes(b"old")
    vectors.forget(db)
    assert _texts(db, "river flooded") == ["The river flooded the valley."] and not legacy.exists()


def test_a_shard_whose_rows_were_mostly_replaced_is_rebuilt(tmp_path, monkeypatch):
    db = _store(tmp_path, _article("a", *[f"Old line {i} about the dam." for i in range(5)]))
    vectors.update(db)
    db.save([(_article("a", "A new line about the harbour."), None)])  # same source: the old rows go
    vectors.add_missing(db)
    vectors.forget(db)
    built = []
    monkeypatch.setattr(vectors, "_new_index", lambda real=vectors._new_index: built.append(1) or real())
    assert _size(vectors.update(db)) == 1 and built  # five of six entries dead: rebuilt from the table
