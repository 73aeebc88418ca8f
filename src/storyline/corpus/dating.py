"""Dates for a story's undated articles from its dated ones: a corpus-level resolution, kept in its own table
(`story_date_estimates`) and shown over the article's own estimate when it is loaded, never written into it.

An undated article of a story most likely appeared when the story's other articles did
(`time.estimate.neighbour_span`), within the bounds its own content gives. The estimates of a story are
computed again whenever the story is, so they follow its membership and do not depend on build order.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import date

from ..time.estimate import NeighbourDate, neighbour_span, period_start, within_own


def estimate_story(conn: sqlite3.Connection, story: str) -> int:
    """Replace the story's estimates for its undated articles; how many it wrote."""
    rows = conn.execute("SELECT a.id, a.published, a.published_estimate FROM story_members m "
                        "JOIN articles a ON a.id = m.article WHERE m.story = ? ORDER BY a.id", (story,)).fetchall()
    # an article that moved here from a story not computed yet still has that story's row: its own row goes too
    conn.execute("DELETE FROM story_date_estimates WHERE story = ? OR article IN "
                 "(SELECT article FROM story_members WHERE story = ?)", (story, story))
    span = neighbour_span([NeighbourDate(r[0], day) for r in rows if r[1] and (day := _day(r[1])) is not None])
    written = 0
    for article, published, own in rows:
        if published:
            continue
        estimate = within_own(span, own)  # an undated article is none of the dated ones: one span for them all
        if estimate is None or estimate.value is None:
            continue
        evidence = [{"field": e.field, "text": e.text, "method": e.method} for e in estimate.evidence]
        conn.execute("INSERT INTO story_date_estimates VALUES (?, ?, ?, ?)",
                     (article, story, estimate.value, json.dumps(evidence)))
        written += 1
    return written


def drop(conn: sqlite3.Connection, story: str) -> None:
    conn.execute("DELETE FROM story_date_estimates WHERE story = ?", (story,))


def _day(value: str) -> date | None:
    start = period_start(value[:10])
    return start if start is not None and len(value) >= 10 else None
