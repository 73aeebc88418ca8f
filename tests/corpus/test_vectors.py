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


def _texts(db: Database, query: str, story: str | None = None) -> list[str]:
    return [hit.text for hit in vectors.similar(db, query, 10, 0, 0.3, story)[1]]


def test_the_index_is_saved_beside_the_store_and_extended_as_articles_arrive(tmp_path, monkeypatch):
    db = _store(tmp_path, _article("a", "The river flooded the valley.", "Schools stayed open."))
    assert _texts(db, "river flooded")[0] == "The river flooded the valley."
    path = vectors.index_path(db)
    assert path.is_file() and path.parent == db.path.parent
    built = []
    monkeypatch.setattr(vectors, "_new_index", lambda real=vectors._new_index: built.append(1) or real())
    db.save([(_article("b", "A new bridge crosses the river."), None)])
    vectors.add_missing(db)
    assert "A new bridge crosses the river." in _texts(db, "bridge river")
    assert not built and len(vectors.update(db)) == 3  # extended in place, not rebuilt
    vectors.forget(db)
    assert len(vectors.update(db)) == 3 and not built  # read back from the file


def test_a_missing_index_is_rebuilt_and_a_replaced_article_never_answers(tmp_path):
    db = _store(tmp_path, _article("a", "The mayor opened the bridge."))
    assert _texts(db, "mayor bridge") == ["The mayor opened the bridge."]
    db.save([(_article("a", "The governor closed the harbour."), None)])  # same source, new content
    vectors.add_missing(db)
    assert _texts(db, "mayor bridge") == []
    vectors.forget(db)
    vectors.index_path(db).unlink()
    assert _texts(db, "governor harbour") == ["The governor closed the harbour."]
    assert vectors.index_path(db).is_file()


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
