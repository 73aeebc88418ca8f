"""The story stages' results as relational tables, one row per timeline entry, citation, summary sentence, figure
series, point and inconsistency, keyed by story and rank, with the indexes their listings use.

`save` replaces one story's rows (in the caller's transaction); the readers give typed records back, for one story
or for every story (the largest first), so a listing never parses a blob and a date filter is a WHERE clause.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..filters import names_entity
from ..record import (CanonicalEntity, Citation, Disagreement, FigureSeries, Inconsistency, SeriesPoint,
                      SummarySentence, TimelineEntry)

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


# A timeline's order: by date (a month or a year before its days), the most reported first on one date, then as
# each story lists its entries, the larger story first (the index `timeline_order` serves the first two keys).
_TIMELINE_ORDER = "t.date, t.articles DESC, s.articles DESC, t.story, t.rank"


def _timeline_where(story: str | None, since: str | None, until: str | None,
                    entities: list[CanonicalEntity] | None) -> tuple[str, list[Any]]:
    """The WHERE clause of a timeline listing: `since`/`until` keep entries whose date overlaps the range (each
    also as a bound the date index serves); `entities` keeps texts containing one of their names (the whole-word
    check is `names_entity`'s, in Python)."""
    where: list[str] = []
    args: list[Any] = []
    if story:
        where.append("t.story = ?")
        args.append(story)
    if since:
        where += ["t.date >= substr(?, 1, 4)", "t.date >= substr(?, 1, length(t.date))"]
        args += [since, since]
    if until:
        where += ["t.date < ?", "substr(t.date, 1, length(?)) <= ?"]
        args += [until + "\uffff", until, until]
    if entities is not None:
        where.append("EXISTS (SELECT 1 FROM json_each(?) n WHERE instr(t.text, n.value) > 0)")
        args.append(json.dumps(sorted(_names(entities))))
    return " AND ".join(where) or "1", args


def _names(entities: list[CanonicalEntity]) -> set[str]:
    return {n for e in entities for n in (e.name, *e.aliases) if n}


def timeline(conn: sqlite3.Connection, story: str | None = None, since: str | None = None,
             until: str | None = None, entities: list[CanonicalEntity] | None = None, limit: int | None = None,
             offset: int = 0) -> list[TimelineEntry]:
    """Timeline entries of one story (or every story's) in timeline order, one page with `limit`/`offset`
    (paged in SQL, citations read for the page's entries only); `since`/`until` (ISO prefixes) keep entries
    whose date overlaps the range (a month or a year counts when any of it does), `entities` those whose text
    names one of them (`names_entity`)."""
    where, args = _timeline_where(story, since, until, entities)
    if entities is None and offset and limit is not None:  # the walk starts at the page's first date
        start, start_args, offset = _from_date(conn, where, args, offset)
        where, args = f"{start} AND {where}", [*start_args, *args]
    sql = (f"SELECT t.story, t.rank, t.date, t.precision, t.text, t.articles FROM timeline_entries t "
           f"LEFT JOIN stories s ON s.id = t.story WHERE {where} ORDER BY {_TIMELINE_ORDER}")
    if entities is None:
        rows = conn.execute(sql + " LIMIT ? OFFSET ?", (*args, -1 if limit is None else limit, offset)).fetchall()
    else:  # the names were found in SQL; the whole-word check, and so the page, in Python
        rows = [r for r in conn.execute(sql, args) if names_entity(r[4], entities)]
        rows = rows[offset:] if limit is None else rows[offset:offset + limit]
    cited = _citations(conn, [(r[0], r[1]) for r in rows])
    return [TimelineEntry(date, precision, text, cited.get((story_id, rank), []), articles)
            for story_id, rank, date, precision, text, articles in rows]


def _from_date(conn: sqlite3.Connection, where: str, args: list[Any], offset: int) -> tuple[str, list[Any], int]:
    """(condition, its arguments, the offset that remains) that start a timeline page's walk at the date of its
    first entry: the entries before it are skipped on the date index, without reading a row or joining its
    story, which the full order needs only within one date."""
    found = conn.execute(f"SELECT t.date FROM timeline_entries t WHERE {where} ORDER BY t.date LIMIT 1 OFFSET ?",
                         (*args, offset)).fetchone()
    if found is None:
        return "0", [], 0  # past the end
    before = conn.execute(f"SELECT count(*) FROM timeline_entries t WHERE {where} AND t.date < ?",
                          (*args, found[0])).fetchone()[0]
    return "t.date >= ?", [found[0]], offset - before


def count_timeline(conn: sqlite3.Connection, story: str | None = None, since: str | None = None,
                   until: str | None = None, entities: list[CanonicalEntity] | None = None) -> int:
    """How many entries `timeline` lists with the same filters (the total of its pages)."""
    where, args = _timeline_where(story, since, until, entities)
    if entities is None:
        return conn.execute(f"SELECT count(*) FROM timeline_entries t WHERE {where}", args).fetchone()[0]
    return sum(names_entity(r[0], entities) for r in conn.execute(
        f"SELECT t.text FROM timeline_entries t WHERE {where}", args))


def _citations(conn: sqlite3.Connection, keys: list[tuple[str, int]]) -> dict[tuple[str, int], list]:
    """(story, rank) -> its citations in order, for the entries `keys` only, in one query."""
    found: dict[tuple[str, int], list[Citation]] = {}
    for story, rank, *citation in conn.execute(
            f'SELECT c.story, c.rank, c.article, c.start, c."end", c.sentence FROM json_each(?) k '
            "CROSS JOIN timeline_citations c ON c.story = json_extract(k.value, '$[0]') "
            "AND c.rank = json_extract(k.value, '$[1]') ORDER BY k.key, c.n", (json.dumps(keys),)):
        found.setdefault((story, rank), []).append(Citation(*citation))
    return found


def summary(conn: sqlite3.Connection, story: str | None = None) -> list[SummarySentence]:
    clause, args = ("WHERE t.story = ?", [story]) if story else ("", [])
    return [SummarySentence(r[0], Citation(*r[3:]), r[1], r[2]) for r in conn.execute(
        f'SELECT t.text, t.part, t.published, t.article, t.start, t."end", t.sentence FROM summary_sentences t '
        f"LEFT JOIN stories s ON s.id = t.story {clause} ORDER BY s.articles DESC, t.story, t.rank", args)]


def _series_where(story: str | None, kind: str | None, scope: str | None) -> tuple[str, list[Any]]:
    chosen = {"t.story": story, "t.kind": kind, "t.scope": scope}
    return " AND ".join(f"{column} = ?" for column, value in chosen.items() if value) or "1", \
        [value for value in chosen.values() if value]


def series(conn: sqlite3.Connection, story: str | None = None, kind: str | None = None, scope: str | None = None,
           limit: int | None = None, offset: int = 0) -> list[FigureSeries]:
    """Figure series of one story (or every story's, the largest story first), of one `kind` and `scope` when
    given, one page with `limit`/`offset` (paged in SQL, points read for the page's series only)."""
    where, args = _series_where(story, kind, scope)
    rows = conn.execute(
        f"SELECT t.story, t.rank, t.measure, t.kind, t.scope, t.counted FROM figure_series t "
        f"LEFT JOIN stories s ON s.id = t.story WHERE {where} ORDER BY s.articles DESC, t.story, t.rank "
        "LIMIT ? OFFSET ?", (*args, -1 if limit is None else limit, offset)).fetchall()
    points = _points(conn, [(r[0], r[1]) for r in rows])
    found = []
    for story_id, rank, measure, kind_, scope_, counted in rows:
        parts = points.get((story_id, rank), {})
        disagreements = [Disagreement(period or "", first, second)
                         for (period, first), (_, second) in zip(parts.get("first", []), parts.get("second", []))]
        found.append(FigureSeries(measure, kind_, scope_, [p for _, p in parts.get("point", [])],
                                  [p for _, p in parts.get("undated", [])], disagreements, counted))
    return found


def count_series(conn: sqlite3.Connection, story: str | None = None, kind: str | None = None,
                 scope: str | None = None) -> int:
    """How many series `series` lists with the same filters."""
    where, args = _series_where(story, kind, scope)
    return conn.execute(f"SELECT count(*) FROM figure_series t WHERE {where}", args).fetchone()[0]


def _points(conn: sqlite3.Connection,
            keys: list[tuple[str, int]]) -> dict[tuple[str, int], dict[str, list[tuple[str | None, SeriesPoint]]]]:
    """(story, series) -> part -> its (period, point) in order, for the series `keys` only, in one query."""
    found: dict[tuple[str, int], dict[str, list[tuple[str | None, SeriesPoint]]]] = {}
    for row in conn.execute(
            "SELECT p.story, p.series, p.part, p.period, p.value, p.qualifier, p.text, p.source, p.as_of, "
            'p.as_of_via, p.counted, p.article, p.start, p."end", p.sentence FROM json_each(?) k '
            "CROSS JOIN series_points p ON p.story = json_extract(k.value, '$[0]') "
            "AND p.series = json_extract(k.value, '$[1]') ORDER BY k.key, p.part, p.n", (json.dumps(keys),)):
        point = SeriesPoint(row[4], row[5], row[6], row[7], row[8], row[9], Citation(*row[11:]), row[10])
        found.setdefault((row[0], row[1]), {}).setdefault(row[2], []).append((row[3], point))
    return found


def inconsistencies(conn: sqlite3.Connection, story: str | None = None) -> list[Inconsistency]:
    clause, args = ("WHERE t.story = ?", [story]) if story else ("", [])
    return [Inconsistency(r[0], r[1], Citation(*r[4:8]), Citation(*r[8:12]), r[2], r[3]) for r in conn.execute(
        "SELECT t.kind, t.description, t.first_text, t.second_text, t.first_article, t.first_start, t.first_end, "
        "t.first_sentence, t.second_article, t.second_start, t.second_end, t.second_sentence "
        f"FROM inconsistencies t LEFT JOIN stories s ON s.id = t.story {clause} "
        "ORDER BY s.articles DESC, t.story, t.rank", args)]
