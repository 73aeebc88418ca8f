"""The corpus update's bounded work: what a large story's stages read."""
from __future__ import annotations

import sqlite3

from storyline.corpus.update import stage_members, update_corpus
from storyline.store import Database
from storyline.store.schema import STORY_SCHEMA


class _Store:  # the one thing `stage_members` asks of a Database
    def __init__(self, rows: list[tuple[str, str | None]]) -> None:
        self.conn = sqlite3.connect(":memory:")
        self.conn.executescript(STORY_SCHEMA)
        self.conn.executemany("INSERT INTO story_members VALUES (?, 's1', 'src', ?, x'', '{}')", rows)


def test_a_small_story_gives_its_stages_every_article_in_date_order():
    store = _Store([("b", "2020-01-02"), ("a", "2020-01-03"), ("c", None), ("d", "2020-01-01")])
    assert stage_members(store, "s1") == ["d", "b", "a", "c"]  # undated last


def test_a_large_story_gives_its_stages_an_even_spread_with_its_first_and_latest():
    rows = [(f"a{n:04d}", f"2020-{1 + n // 100:02d}-{1 + n % 28:02d}") for n in range(1000)]
    store = _Store(list(reversed(rows)))  # stored order does not matter
    chosen = stage_members(store, "s1", limit=200)
    ordered = [a for a, _ in sorted(rows, key=lambda r: (r[1], r[0]))]
    assert len(chosen) == len(set(chosen)) == 200
    assert chosen[0] == ordered[0] and chosen[-1] == ordered[-1]
    positions = [ordered.index(a) for a in chosen]
    assert positions == sorted(positions) and max(b - a for a, b in zip(positions, positions[1:])) <= 6
    assert stage_members(store, "s1", limit=200) == chosen  # the same sample every time


def test_the_update_gives_the_connection_its_own_page_cache_back(tmp_path):
    db = Database(tmp_path / "s.db")
    db.conn.execute("PRAGMA cache_size = -5000")
    update_corpus(db)
    assert db.conn.execute("PRAGMA cache_size").fetchone()[0] == -5000


def test_pending_articles_are_settled_in_publication_order_undated_last(tmp_path, monkeypatch):
    """Batches of articles near each other in time touch the same few stories (`update._pending`)."""
    from storyline.corpus import update
    from storyline.record import Article

    db = Database(tmp_path / "s.db")
    days = {"a1": "2021-05-03", "b2": None, "c3": "2019-01-20", "d4": "2021-05-01T08:00:00"}
    db.save([(Article(id=i, source=f"{i}.txt", content_hash=i, status="ok", published=day), None)
             for i, day in days.items()])
    batches: list[list[str]] = []
    monkeypatch.setattr(update, "CHUNK", 2)
    monkeypatch.setattr(update, "story_features", lambda articles: batches.append([a.id for a in articles]) or [])
    update_corpus(db)
    assert batches == [["c3", "d4"], ["a1", "b2"]]
