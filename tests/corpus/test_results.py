"""The story stages' results read one page at a time in SQL: every page equals the same slice of the whole listing
in the order the listings have always had (timeline: date, then most reported, then the larger story's; series: the
larger story's first), totals included, on a small store written here (no pipeline)."""
from __future__ import annotations

import dataclasses
import random

import pytest

from storyline.corpus import results
from storyline.filters import names_entity
from storyline.record import CanonicalEntity, Citation, Disagreement, FigureSeries, SeriesPoint, TimelineEntry
from storyline.store import Database

DATES = ["2021", "2021-03", "2021-03-02", "2021-03-05", "2022-01", "2022-01-20"]
TEXTS = ["Anna Berg opened the bridge.", "Berglund said the works were late.", "Floods closed the road.",
         "Berg, the mayor, spoke.", "The council met."]
STORIES = {"s-b": 5, "s-a": 3, "s-c": 3, "s-d": 1}  # two of the same size: the story id breaks the tie
BERG = CanonicalEntity("e1", "Anna Berg", "PERSON", aliases=["Berg"])


def _entries(rng: random.Random, story: str) -> list[TimelineEntry]:
    return [TimelineEntry(rng.choice(DATES), "day", f"{rng.choice(TEXTS)} ({story} {n})",
                          [Citation(f"{story}-a{k}", k, k + 5, k) for k in range(rng.randrange(3))],
                          rng.randrange(1, 4)) for n in range(12)]


def _point(rng: random.Random, article: str) -> SeriesPoint:
    return SeriesPoint(float(rng.randrange(100)), None, "12 killed", None, rng.choice(DATES), "sentence",
                       Citation(article, 0, 9, 0), "people")


def _series(rng: random.Random, story: str) -> list[FigureSeries]:
    return [FigureSeries(f"measure {n}", rng.choice(["killed", "injured", "money"]),
                         rng.choice(["overall", "incident"]),
                         [_point(rng, f"{story}-a{k}") for k in range(rng.randrange(3))],
                         [_point(rng, f"{story}-u{k}") for k in range(rng.randrange(2))],
                         [Disagreement("2021-03", _point(rng, "x"), _point(rng, "y"))] if n % 3 == 0 else [],
                         "people") for n in range(5)]


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Database, dict[str, list], dict[str, list]]:
    rng = random.Random(7)
    db = Database(tmp_path_factory.mktemp("results") / "s.db")
    timelines = {story: _entries(rng, story) for story in STORIES}
    series = {story: _series(rng, story) for story in STORIES}
    with db.transaction() as conn:
        for story, size in STORIES.items():
            conn.execute("INSERT INTO stories VALUES (?, ?, ?, NULL, NULL, ?, 1, x'')", (story, story, "a", size))
            results.save(conn, story, {"timeline": [dataclasses.asdict(e) for e in timelines[story]],
                                       "series": [dataclasses.asdict(s) for s in series[story]]})
    return db, timelines, series


def _by_size(items: dict[str, list]) -> list:
    """Every story's items, the largest story first (then by id), each story's in its own order."""
    return [item for story in sorted(STORIES, key=lambda s: (-STORIES[s], s)) for item in items[story]]


def _old_timeline(timelines: dict[str, list], since: str | None = None, until: str | None = None,
                  entity: CanonicalEntity | None = None) -> list[TimelineEntry]:
    """The timeline as it was listed before paging in SQL: all read, filtered and sorted in Python."""
    kept = [e for e in _by_size(timelines) if (since is None or e.date >= since[:len(e.date)])
            and (until is None or e.date[:len(until)] <= until) and (entity is None or names_entity(e.text, [entity]))]
    return sorted(kept, key=lambda e: (e.date, -e.articles))


@pytest.mark.parametrize("filters", [{}, {"since": "2021-03-02"}, {"until": "2021-03"},
                                     {"since": "2021-03-03", "until": "2022"}, {"entity": BERG}])
def test_every_timeline_page_is_the_slice_of_the_whole_timeline(stored, filters):
    db, timelines, _ = stored
    expected = _old_timeline(timelines, **filters)
    entities = [filters.pop("entity")] if "entity" in filters else None
    assert results.timeline(db.conn, **filters, entities=entities) == expected
    assert results.count_timeline(db.conn, **filters, entities=entities) == len(expected)
    for limit in (1, 5, 50):
        for offset in range(len(expected) + 2):
            page = results.timeline(db.conn, **filters, entities=entities, limit=limit, offset=offset)
            assert page == expected[offset:offset + limit], (limit, offset)


def test_the_entity_filter_is_a_whole_word_match_and_one_story_s_timeline_is_its_own(stored):
    db, timelines, _ = stored
    named = results.timeline(db.conn, entities=[BERG])
    assert named and not any(e.text.startswith("Berglund") for e in named)  # found by SQL, refused as no word
    assert any(e.text.startswith("Berglund") for e in results.timeline(db.conn))
    one = results.timeline(db.conn, story="s-c")
    assert one == sorted(timelines["s-c"], key=lambda e: (e.date, -e.articles))
    assert results.timeline(db.conn, story="s-c", limit=4, offset=6) == one[6:10]
    assert results.count_timeline(db.conn, story="s-c") == 12


def test_a_deep_timeline_page_walks_the_date_index_and_sorts_within_a_date_only(stored):
    db, _, _ = stored
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    results.timeline(db.conn, limit=3, offset=10)
    db.conn.set_trace_callback(None)
    first, page = statements[0], statements[2]
    plan = " ".join(r[-1] for r in db.conn.execute("EXPLAIN QUERY PLAN " + first))
    assert "COVERING INDEX" in plan and "TEMP B-TREE" not in plan, plan  # no row read to skip the entries before
    plan = " ".join(r[-1] for r in db.conn.execute("EXPLAIN QUERY PLAN " + page))
    assert "timeline_order" in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan  # at most the right part


@pytest.mark.parametrize("filters", [{}, {"kind": "killed"}, {"scope": "incident"},
                                     {"kind": "money", "scope": "overall"}, {"story": "s-a"}])
def test_every_series_page_is_the_slice_of_every_series(stored, filters):
    db, _, series = stored
    expected = [s for s in (series[filters["story"]] if "story" in filters else _by_size(series))
                if s.kind == filters.get("kind", s.kind) and s.scope == filters.get("scope", s.scope)]
    assert results.series(db.conn, **filters) == expected
    assert results.count_series(db.conn, **filters) == len(expected)
    for limit in (1, 3, 50):
        for offset in range(len(expected) + 2):
            assert results.series(db.conn, **filters, limit=limit, offset=offset) == expected[offset:offset + limit]


def test_a_page_reads_the_citations_and_points_of_its_own_items_only(stored):
    db, _, _ = stored
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    results.timeline(db.conn, limit=3, offset=10)
    results.series(db.conn, limit=3, offset=4)
    db.conn.set_trace_callback(None)
    assert len(statements) == 6  # timeline: first date, entries before it, page, citations; series: page, points
