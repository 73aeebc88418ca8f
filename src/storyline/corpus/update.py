"""The one place that updates the corpus layer after articles were stored: stories, then entities, then the story
stages of the stories that changed.

Work is in proportion to what arrived: the articles not yet in a story are described and assigned
(`stories.StoryIndex`), their names resolved block by block (`entities.EntityTables`), and only the stories that
assignment rewrote get their timeline, summary, series and inconsistencies computed again; a story retired by a
merge loses its results. Everything is written in one
transaction, so a crash leaves the previous state and the same build redoes the work: articles that are stored but
in no story are what "pending" means, whatever the build that stored them was doing when it stopped.
"""
from __future__ import annotations

from collections.abc import Callable

from ..store import Database
from . import dating, results
from .entities import EntityTables
from .stages import CorpusStage, run_corpus_stages
from .stories import StoryIndex, story_features

Watch = Callable[[str], None]
CHUNK = 256  # pending articles loaded at a time: memory stays flat however many arrived
# A story's stages read at most this many of its articles, spread evenly over its dates: recomputing a large
# story that one new article joined then costs the same at 200 articles as at 20,000.
STAGE_ARTICLES = 200
# The update's page cache, in KiB (SQLite's default is 2,000): its one transaction re-reads the pages it wrote, and a
# page read from the write-ahead log costs a lookup in every 4,096-frame segment of it, so the cost of a miss grows
# with what the transaction has written. The connection's own size comes back when the update ends.
UPDATE_CACHE_KIB = 262_144


def pending_articles(database: Database) -> list[str]:
    """Ids of the analysed articles that are in no story yet (in id order)."""
    StoryIndex(database.conn)  # the story tables exist from here on (outside a transaction: this commits)
    return _pending(database)


def _pending(database: Database) -> list[str]:
    """The analysed articles without a story, in publication order (undated last), as stories settle them: a
    batch then holds articles near each other in time, which touch the same few stories, instead of a sample of
    the whole span that touches stories everywhere. On 4,000 replicated articles this halves the time of story
    assignment and comes closer to settling all of them at once (BCubed F1 0.97 against 0.93 in id order)."""
    return [row[0] for row in database.conn.execute(
        "SELECT a.id FROM articles a LEFT JOIN story_members m ON m.article = a.id "
        "WHERE a.status = 'ok' AND m.article IS NULL ORDER BY a.published IS NULL, a.published, a.id")]


def update_corpus(database: Database, status: Watch | None = None,
                  stages: list[CorpusStage] | None = None) -> dict[str, str]:
    """Assign pending articles to stories, resolve their entities, and recompute the stories they changed;
    returns the stages that failed."""
    say = status or (lambda text: None)
    index = StoryIndex(database.conn)  # before the transaction: creating their tables commits
    entities = EntityTables(database.conn)
    failures: dict[str, str] = {}
    (before,) = database.conn.execute("PRAGMA cache_size").fetchone()
    database.conn.execute(f"PRAGMA cache_size = -{UPDATE_CACHE_KIB}")
    try:
        _update(database, index, entities, say, stages, failures)
    finally:
        database.conn.execute(f"PRAGMA cache_size = {int(before)}")
    return failures


def _update(database: Database, index: StoryIndex, entities: EntityTables, say: Watch,
            stages: list[CorpusStage] | None, failures: dict[str, str]) -> None:
    with database.transaction():
        pending = _pending(database)
        for start in range(0, len(pending), CHUNK):
            say(f"stories and entities: {start}/{len(pending)} new articles")
            fresh = [a for a in (database.load(i) for i in pending[start:start + CHUNK]) if a is not None]
            index.add(story_features(fresh))
            entities.add(fresh)
        say("entities: settling the names the new articles mention")
        entities.finish()
        rewritten = sorted(index.rewritten)
        for number, story in enumerate(rewritten, 1):
            say(f"stories: {number}/{len(rewritten)}")
            dating.estimate_story(database.conn, story)
            articles = [a for a in (database.load(i) for i in stage_members(database, story)) if a is not None]
            story_run = run_corpus_stages(articles, stages)
            failures.update({f"{name} ({story})": why for name, why in story_run.failures.items()})
            results.save(database.conn, story, story_run.results)
        for story in sorted(index.retired):
            results.drop(database.conn, story)
            dating.drop(database.conn, story)


def stage_members(database: Database, story: str, limit: int | None = None) -> list[str]:
    """The articles a story's stages read: all of them up to `limit`, else `limit` spread evenly over the story
    in (date, id) order, its first and its latest always among them. A function of the story's members alone,
    so the sample does not depend on build order."""
    ids = [r[0] for r in database.conn.execute(
        "SELECT article FROM story_members WHERE story = ? ORDER BY date IS NULL, date, article", (story,))]
    limit = limit or STAGE_ARTICLES
    if len(ids) <= limit:
        return ids
    step = (len(ids) - 1) / (limit - 1)
    return [ids[round(n * step)] for n in range(limit)]
