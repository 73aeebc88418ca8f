"""The one place that updates the corpus layer after articles were stored: stories, then the corpus-wide stages,
then the story stages of the stories that changed.

Work is in proportion to what arrived: the articles not yet in a story are described and assigned
(`stories.StoryIndex`), and only the stories that assignment rewrote get their timeline, summary, series and
inconsistencies computed again; a story retired by a merge loses its results. Everything is written in one
transaction, so a crash leaves the previous state and the same build redoes the work: articles that are stored but
in no story are what "pending" means, whatever the build that stored them was doing when it stopped.
"""
from __future__ import annotations

import json
from collections.abc import Callable

from ..record import Article
from ..store import Database
from .stages import CorpusStage, in_scope, run_corpus_stages, updated_items
from .stories import StoryIndex, story_features

Watch = Callable[[str], None]


def pending_articles(database: Database) -> list[str]:
    """Ids of the analysed articles that are in no story yet (in id order)."""
    StoryIndex(database.conn)  # the story tables exist from here on (outside a transaction: this commits)
    return _pending(database)


def _pending(database: Database) -> list[str]:
    return [row[0] for row in database.conn.execute(
        "SELECT a.id FROM articles a LEFT JOIN story_members m ON m.article = a.id "
        "WHERE a.status = 'ok' AND m.article IS NULL ORDER BY a.id")]


def update_corpus(database: Database, status: Watch | None = None,
                  stages: list[CorpusStage] | None = None) -> dict[str, str]:
    """Assign pending articles to stories and recompute what they changed; returns the stages that failed."""
    say = status or (lambda text: None)
    index = StoryIndex(database.conn)  # before the transaction: creating its tables commits
    failures: dict[str, str] = {}
    with database.transaction():
        say("stories: assigning new articles")
        fresh = [a for a in (database.load(i) for i in _pending(database)) if a is not None]
        if fresh:
            index.add(story_features(fresh))
        say("corpus: loading the analysed articles")
        everyone = [a for a in database.load_all() if a.analysable]
        run = run_corpus_stages(everyone, in_scope("corpus", stages), on_stage=lambda n: say(f"corpus: {n}"))
        failures.update(run.failures)
        _save_corpus_results(database, run.results, everyone, stages)
        members = _members(database, sorted(index.rewritten))
        by_id = {a.id: a for a in everyone}
        for number, story in enumerate(sorted(index.rewritten), 1):
            say(f"stories: {number}/{len(index.rewritten)}")
            articles = [by_id[i] for i in members.get(story, []) if i in by_id]
            story_run = run_corpus_stages(articles, in_scope("story", stages))
            failures.update({f"{name} ({story})": why for name, why in story_run.failures.items()})
            _save_story_results(database, story, story_run.results)
        _drop_story_results(database, sorted(index.retired))
    return failures


def _members(database: Database, stories: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for story in stories:
        found[story] = [r[0] for r in database.conn.execute(
            "SELECT article FROM story_members WHERE story = ? ORDER BY article", (story,))]
    return found


def _save_corpus_results(database: Database, results: dict, articles: list[Article],
                         stages: list[CorpusStage] | None) -> None:
    database.conn.executemany("INSERT OR REPLACE INTO corpus VALUES (?, ?)",
                              [(name, json.dumps(data)) for name, data in results.items()])
    database.replace_items(articles, updated_items(stages))


def _save_story_results(database: Database, story: str, results: dict) -> None:
    database.conn.executemany("INSERT OR REPLACE INTO story_results VALUES (?, ?, ?)",
                              [(story, name, json.dumps(data)) for name, data in results.items()])


def _drop_story_results(database: Database, stories: list[str]) -> None:
    database.conn.executemany("DELETE FROM story_results WHERE story = ?", [(s,) for s in stories])
