import sqlite3

import numpy as np

from storyline.corpus.stories import StoryFeatures, StoryIndex


def _features(article: str, direction: int, keys: dict[str, float]) -> StoryFeatures:
    vector = np.zeros(8, dtype=np.float32)
    vector[direction] = 1.0
    return StoryFeatures(article, f"{article}.txt", "2020-01-01", vector, keys, {}, {k: k[2:] for k in keys})


def test_reset_forgets_every_story_and_the_next_add_assigns_afresh():
    conn = sqlite3.connect(":memory:")
    index = StoryIndex(conn)
    batch = [_features("a", 0, {"e:quake": 1.0}), _features("b", 0, {"e:quake": 1.0}),
             _features("c", 3, {"e:budget": 1.0})]
    first = index.add(batch)
    assert first["a"] == first["b"] != first["c"]
    index.reset()
    assert index.assignment() == {} and index.stories() == []
    assert index.add(batch) == first  # ids derive from each story's first article: the same again


def test_a_day_that_is_not_on_the_calendar_leaves_the_article_undated_for_stories():
    from storyline.corpus.stories.features import article_date
    from storyline.record import Article

    def dated(published: str | None, estimate: str | None = None) -> Article:
        return Article(id="a", source="a", content_hash="a", published=published, published_estimate=estimate)

    assert article_date(dated("2015-02-29")) is None
    assert article_date(dated("2016-02-29T10:00")) == "2016-02-29"


def test_an_estimated_range_never_places_an_article_in_time_for_stories():
    from storyline.corpus.stories.features import article_date
    from storyline.record import Article

    def estimated(estimate: str | None) -> str | None:
        return article_date(Article(id="a", source="a", content_hash="a", published_estimate=estimate))

    assert estimated("1950-06-09/..") is None  # "on or after" a date the text names
    assert estimated("2015-10-13/2015-10-20") is None and estimated("2012-02") is None


def _dated(article: str, day: int, source: str = "wire") -> StoryFeatures:
    vector = np.zeros(8, dtype=np.float32)
    vector[0] = 1.0
    return StoryFeatures(article, source, f"2020-03-{day:02d}", vector, {"e:quake": 1.0, "e:valdez": 0.5},
                         {"t:aftershock": 1.0}, {"e:quake": "Quake", "e:valdez": "Mayor Valdez"})


def _large_story(index: StoryIndex) -> str:
    from storyline.corpus.stories.cluster import SETTLED_SIZE

    batch = [_dated(f"a{n:03d}", 10 + n % 15, source=f"outlet {n % 3}") for n in range(SETTLED_SIZE + 6)]
    ids = set(index.add(batch).values())
    assert len(ids) == 1
    return ids.pop()


def test_a_large_story_takes_new_articles_without_reloading_its_members(monkeypatch):
    from storyline.corpus.stories.cluster import SETTLED_SIZE

    index = StoryIndex(sqlite3.connect(":memory:"))
    story = _large_story(index)
    loaded: list[list[str]] = []
    original = StoryIndex._members
    monkeypatch.setattr(StoryIndex, "_members", lambda self, stories: loaded.append(stories) or original(self, stories))
    statements: list[str] = []
    index.conn.set_trace_callback(statements.append)
    added = index.add([_dated("z001", 20, source="outlet 9"), _dated("z002", 21)])
    index.conn.set_trace_callback(None)
    assert set(added.values()) == {story}  # joined by its sums
    assert all(story not in stories for stories in loaded)  # its members were not read back
    assert not any("count(" in sql for sql in statements)  # nor counted: its counts grow by the new members
    stored = index.story(story)
    assert (stored.articles, stored.sources) == (SETTLED_SIZE + 8, 5)  # outlets 0-2, outlet 9, wire
    assert stored.label.startswith("Quake, Mayor Valdez")
    assert stored.last_date == "2020-03-24"


def test_an_earlier_article_renames_a_large_story_and_its_old_id_leads_there():
    from storyline.corpus.stories.cluster import SETTLED_SIZE

    index = StoryIndex(sqlite3.connect(":memory:"))
    old = _large_story(index)
    new = index.add([_dated("b001", 1)])["b001"]
    assert new != old and index.resolve(old) == new
    assert set(index.assignment().values()) == {new}  # every stored member moved with it
    assert index.story(old).articles == SETTLED_SIZE + 7 and index.story(new).first_date == "2020-03-01"
    assert old in index.retired and new in index.rewritten


def test_a_story_keeps_only_its_heaviest_keys_so_reading_it_does_not_grow_with_its_size():
    from storyline.corpus.stories.index import STORY_KEYS

    index = StoryIndex(sqlite3.connect(":memory:"))
    batch = [StoryFeatures(f"a{n:03d}", "wire", "2020-03-10", np.eye(8, dtype=np.float32)[0],
                           {"e:quake": 1.0, f"e:bystander{n}": 0.1}, {"t:aftershock": 1.0, f"t:word{n}": 0.1})
             for n in range(STORY_KEYS + 50)]
    story = set(index.add(batch).values()).pop()
    keys = dict(index.conn.execute("SELECT key, weight FROM story_keys WHERE story = ?", (story,)).fetchall())
    assert sum(k.startswith("e:") for k in keys) == STORY_KEYS and sum(k.startswith("t:") for k in keys) == STORY_KEYS
    assert keys["e:quake"] == STORY_KEYS + 50 and keys["t:aftershock"] == STORY_KEYS + 50  # the heavy ones stay


def test_a_story_far_away_in_time_is_never_read_for_a_new_article(monkeypatch):
    index = StoryIndex(sqlite3.connect(":memory:"))
    old = StoryFeatures("old", "wire", "2001-03-10", _dated("x", 1).vector, {"e:quake": 1.0}, {"t:aftershock": 1.0})
    recent = _dated("recent", 10)
    stories = index.add([old, recent])
    assert stories["old"] != stories["recent"]
    read = []
    original = StoryIndex._cluster
    monkeypatch.setattr(StoryIndex, "_cluster", lambda self, story: read.append(story) or original(self, story))
    assert index.add([_dated("new", 12)])["new"] == stories["recent"]
    assert read == [stories["recent"]]  # the 2001 story shares its keys but is years away: not read, not scored


def test_the_counts_and_blocking_reads_are_served_by_indexes(tmp_path):
    from storyline.store import Database

    db = Database(tmp_path / "s.db")
    StoryIndex(db.conn)
    plans = [" ".join(row[3] for row in db.conn.execute(f"EXPLAIN QUERY PLAN {sql}", args)) for sql, args in (
        ("SELECT story FROM story_keys WHERE key = ? ORDER BY weight DESC, story LIMIT 50", ("e:x",)),
        ("SELECT count(*), count(DISTINCT source) FROM story_members WHERE story = ?", ("s1",)),
        ("SELECT DISTINCT source FROM story_members WHERE story = ? AND source IN (?, ?)", ("s1", "a", "b")))]
    assert "story_keys_heaviest" in plans[0] and "TEMP B-TREE" not in plans[0]
    assert "COVERING INDEX story_members_sources" in plans[1] and "COVERING INDEX story_members_sources" in plans[2]
    db.close()
