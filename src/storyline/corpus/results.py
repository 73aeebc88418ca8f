"""The story stages' results as relational tables, one row per timeline entry, citation, summary sentence, figure
series, point and inconsistency, keyed by story and rank, with the indexes their listings use.

`save` replaces one story's rows (in the caller's transaction); the readers give typed records back, for one story
or for every story (the largest first), so a listing never parses a blob and a date filter is a WHERE clause.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from ..record import (Citation, Disagreement, FigureSeries, Inconsistency, SeriesPoint, SummarySentence,
                      TimelineEntry)

TABLES = ("timeline_entries", "timeline_citations", "summary_sentences", "figure_series", "series_points",
          "inconsistencies")


def drop(conn: sqlite3.Connection, story: str) -> None:
    for table in TABLES:
        conn.execute(f"DELETE FROM {table} WHERE story = ?", (story,))


def save(conn: sqlite3.Connection, story: str, results: dict[str, list[dict[str, Any]]]) -> None:
    """Replace the rows of the stages in `results` (stage name -> JSON-able records) for one story; a stage that
    failed is absent from `results` and keeps its rows."""
    writers = {"timeline": _save_timeline, "summary": _save_summary, "series": _save_series,
               "inconsistencies": _save_inconsistencies}
    for name, items in results.items():
        writers[name](conn, story, items)


def _cite(c: dict[str, Any]) -> tuple:
    return c["article"], c["start"], c["end"], c.get("sentence")


def _save_timeline(conn: sqlite3.Connection, story: str, items: list[dict[str, Any]]) -> None:
    conn.execute("DELETE FROM timeline_entries WHERE story = ?", (story,))
    conn.execute("DELETE FROM timeline_citations WHERE story = ?", (story,))
    conn.executemany("INSERT INTO timeline_entries VALUES (?, ?, ?, ?, ?, ?)",
                     [(story, r, e["date"], e["precision"], e["text"], e["articles"]) for r, e in enumerate(items)])
    conn.executemany("INSERT INTO timeline_citations VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(story, r, n, *_cite(c)) for r, e in enumerate(items) for n, c in enumerate(e["citations"])])


def _save_summary(conn: sqlite3.Connection, story: str, items: list[dict[str, Any]]) -> None:
    conn.execute("DELETE FROM summary_sentences WHERE story = ?", (story,))
    conn.executemany("INSERT INTO summary_sentences VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [(story, r, s["part"], s["text"], s.get("published"), *_cite(s["citation"]))
                      for r, s in enumerate(items)])


def _point_row(story: str, series: int, part: str, n: int, p: dict[str, Any], period: str | None = None) -> tuple:
    return (story, series, part, n, period, p["value"], p["qualifier"], p["text"], p["source"], p["as_of"],
            p["as_of_via"], p.get("counted"), *_cite(p["citation"]))


def _save_series(conn: sqlite3.Connection, story: str, items: list[dict[str, Any]]) -> None:
    conn.execute("DELETE FROM figure_series WHERE story = ?", (story,))
    conn.execute("DELETE FROM series_points WHERE story = ?", (story,))
    conn.executemany("INSERT INTO figure_series VALUES (?, ?, ?, ?, ?, ?)",
                     [(story, r, s["measure"], s["kind"], s["scope"], s.get("counted")) for r, s in enumerate(items)])
    rows = []
    for r, s in enumerate(items):
        rows += [_point_row(story, r, "point", n, p) for n, p in enumerate(s["points"])]
        rows += [_point_row(story, r, "undated", n, p) for n, p in enumerate(s["undated"])]
        for n, d in enumerate(s["disagreements"]):
            rows += [_point_row(story, r, "first", n, d["first"], d["period"]),
                     _point_row(story, r, "second", n, d["second"], d["period"])]
    conn.executemany(f"INSERT INTO series_points VALUES ({', '.join('?' * 16)})", rows)


def _save_inconsistencies(conn: sqlite3.Connection, story: str, items: list[dict[str, Any]]) -> None:
    conn.execute("DELETE FROM inconsistencies WHERE story = ?", (story,))
    conn.executemany(f"INSERT INTO inconsistencies VALUES ({', '.join('?' * 14)})",
                     [(story, r, i["kind"], i["description"], i["first_text"], i["second_text"],
                       *_cite(i["first"]), *_cite(i["second"])) for r, i in enumerate(items)])


# --- reads ----------------------------------------------------------------------------------------------------


def timeline(conn: sqlite3.Connection, story: str | None = None, since: str | None = None,
             until: str | None = None) -> list[TimelineEntry]:
    """Timeline entries of one story (or every story's), in each story's order; `since`/`until` (ISO prefixes)
    keep entries whose date overlaps the range (a month or a year counts when any of it does)."""
    where, args = ["1=1"], []
    if story:
        where.append("t.story = ?")
        args.append(story)
    if since:
        where.append("t.date >= substr(?, 1, length(t.date))")
        args.append(since)
    if until:
        where.append("substr(t.date, 1, length(?)) <= ?")
        args += [until, until]
    rows = conn.execute(f"SELECT t.story, t.rank, t.date, t.precision, t.text, t.articles FROM timeline_entries t "
                        f"LEFT JOIN stories s ON s.id = t.story WHERE {' AND '.join(where)} "
                        "ORDER BY s.articles DESC, t.story, t.rank", args).fetchall()
    entries = []
    for story_id, rank, date, precision, text, articles in rows:
        citations = [Citation(*c) for c in conn.execute(
            'SELECT article, start, "end", sentence FROM timeline_citations WHERE story = ? AND rank = ? ORDER BY n',
            (story_id, rank))]
        entries.append(TimelineEntry(date, precision, text, citations, articles))
    return entries


def summary(conn: sqlite3.Connection, story: str | None = None) -> list[SummarySentence]:
    clause, args = ("WHERE t.story = ?", [story]) if story else ("", [])
    return [SummarySentence(r[0], Citation(*r[3:]), r[1], r[2]) for r in conn.execute(
        f'SELECT t.text, t.part, t.published, t.article, t.start, t."end", t.sentence FROM summary_sentences t '
        f"LEFT JOIN stories s ON s.id = t.story {clause} ORDER BY s.articles DESC, t.story, t.rank", args)]


def series(conn: sqlite3.Connection, story: str | None = None) -> list[FigureSeries]:
    clause, args = ("WHERE t.story = ?", [story]) if story else ("", [])
    found = []
    for story_id, rank, measure, kind, scope, counted in conn.execute(
            f"SELECT t.story, t.rank, t.measure, t.kind, t.scope, t.counted FROM figure_series t "
            f"LEFT JOIN stories s ON s.id = t.story {clause} ORDER BY s.articles DESC, t.story, t.rank", args):
        parts: dict[str, list[tuple[str | None, SeriesPoint]]] = {"point": [], "undated": [], "first": [],
                                                                  "second": []}
        for row in conn.execute(
                'SELECT part, period, value, qualifier, text, source, as_of, as_of_via, counted, article, start, '
                '"end", sentence FROM series_points WHERE story = ? AND series = ? ORDER BY part, n',
                (story_id, rank)):
            point = SeriesPoint(row[2], row[3], row[4], row[5], row[6], row[7], Citation(*row[9:]), row[8])
            parts[row[0]].append((row[1], point))
        disagreements = [Disagreement(period or "", first, second)
                         for (period, first), (_, second) in zip(parts["first"], parts["second"])]
        found.append(FigureSeries(measure, kind, scope, [p for _, p in parts["point"]],
                                  [p for _, p in parts["undated"]], disagreements, counted))
    return found


def inconsistencies(conn: sqlite3.Connection, story: str | None = None) -> list[Inconsistency]:
    clause, args = ("WHERE t.story = ?", [story]) if story else ("", [])
    return [Inconsistency(r[0], r[1], Citation(*r[4:8]), Citation(*r[8:12]), r[2], r[3]) for r in conn.execute(
        "SELECT t.kind, t.description, t.first_text, t.second_text, t.first_article, t.first_start, t.first_end, "
        "t.first_sentence, t.second_article, t.second_start, t.second_end, t.second_sentence "
        f"FROM inconsistencies t LEFT JOIN stories s ON s.id = t.story {clause} "
        "ORDER BY s.articles DESC, t.story, t.rank", args)]
