"""`storyline eval tls DIR --one-store DB`: every collection built into one store, as a user's mixed folder would be.

The collections' documents (sources `COLLECTION/InputDocs/…`, read by the Timeline17 reader so that they are
detokenised and dated) go through the per-article pipeline into one store, then the corpus update assigns stories
online, as `storyline build` does (on a reused store every article is assigned afresh, so a re-run measures the
current assignment without analysing anything again). The stories are scored with BCubed
against the topics (a topic is the collection name before its first `_`: collections of one topic from several
outlets are one story). Each topic's story is the largest story whose articles are mostly that topic's; its
timeline is scored against the gold timelines of the topic's collections exactly as the per-collection run scores
them, and beside it the per-collection figures are computed from the same analysed articles (so the two differ only
in which articles the timeline is built from). A third run, "as stored", builds the timeline from the articles the
story's stored results are computed from (`corpus.update.stage_members`: past 200 articles, 200 spread over its
dates), so the cost of that bound is measured, not assumed.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..corpus.stories import StoryIndex
from ..corpus.update import pending_articles, stage_members, update_corpus
from ..read.timeline17 import collections, read_collection, read_timeline
from ..record import Article, RawArticle
from ..store.database import Database
from .bcubed import BCubed, bcubed
from .tls import COLUMNS, TimelineScore, analyse_into, predict
from .tls_rouge import score_timeline


def topic_of(collection: str) -> str:
    """The topic a Timeline17 collection is about: its name before the first `_` (`bpoil_bbc` -> `bpoil`)."""
    return collection.split("_", 1)[0].lower()


def mixed_articles(folder: Path, every: int = 1) -> Iterator[RawArticle]:
    """Every collection's documents (or every `every`-th of each, in path order), each source prefixed with its
    collection so that sources stay unique."""
    for collection in collections(folder):
        for number, raw in enumerate(read_collection(collection)):
            if number % every == 0:
                yield replace(raw, source=f"{collection.name}/{raw.source}")


@dataclass
class OneStoreBuild:
    analysed: int
    articles: int
    analysed_seconds: float
    corpus_seconds: float


def build_one_store(folder: Path, db: Database, workers: int = 1, every: int = 1) -> OneStoreBuild:
    """Analyse what the store lacks, then assign every article to a story afresh (a reused store's earlier stories
    are forgotten) and run the corpus update, as a build of the whole folder would."""
    began = time.perf_counter()
    analysed = analyse_into(db, mixed_articles(folder, every), workers)
    middle = time.perf_counter()
    index = StoryIndex(db.conn)
    with db.transaction():
        index.reset()
    if pending_articles(db):
        update_corpus(db)
    done = time.perf_counter()
    count = db.conn.execute("SELECT COUNT(*) FROM articles WHERE status = 'ok'").fetchone()[0]
    return OneStoreBuild(analysed, count, middle - began, done - middle)


@dataclass
class TopicResult:
    topic: str
    story: str | None
    story_articles: int
    topic_articles: int
    one_store: list[TimelineScore] = field(default_factory=list)
    per_collection: list[TimelineScore] = field(default_factory=list)
    as_stored: list[TimelineScore] = field(default_factory=list)


@dataclass
class OneStoreReport:
    build: OneStoreBuild
    clustering: BCubed
    stories: int
    topics: list[TopicResult] = field(default_factory=list)

    def render(self) -> str:
        lines = [f"one store: {self.build.articles} articles ({self.build.analysed} analysed in this run, "
                 f"{self.build.analysed_seconds:.0f} s), corpus update {self.build.corpus_seconds:.0f} s; "
                 f"{self.stories} stories",
                 f"stories against the topics: BCubed P {self.clustering.precision:.3f} "
                 f"R {self.clustering.recall:.3f} F1 {self.clustering.f1:.3f}"]
        head = f"{'topic: story articles / topic articles':<44}{'run':>16}" + "".join(f"{c:>14}" for c in COLUMNS)
        lines.append(head)
        for topic in self.topics:
            label = f"{topic.topic}: {topic.story_articles} / {topic.topic_articles}"
            for name, scores in (("one store", topic.one_store), ("as stored", topic.as_stored),
                                 ("per collection", topic.per_collection)):
                lines.append(f"{label:<44}{name:>16}" + "".join(f"{_mean(scores, c):>14.3f}" for c in COLUMNS))
        for name, attribute in (("one store", "one_store"), ("as stored", "as_stored"),
                                ("per collection", "per_collection")):
            scores = [s for t in self.topics for s in getattr(t, attribute)]
            lines.append(f"{'mean over ' + str(len(scores)) + ' timelines':<44}{name:>16}"
                         + "".join(f"{_mean(scores, c):>14.3f}" for c in COLUMNS))
        return "\n".join(lines)


def _mean(scores: list[TimelineScore], column: str) -> float:
    return sum(s.scores[column] for s in scores) / len(scores) if scores else 0.0


def evaluate_one_store(folder: Path, db_path: Path, workers: int = 1, every: int = 1) -> OneStoreReport:
    """Build (or reuse) the one store at `db_path`, score its stories and each topic's story timeline."""
    db = Database(db_path)
    try:
        build = build_one_store(folder, db, workers, every)
        articles = [a for a in db.load_all() if a.analysable]
        from ..api import Corpus

        assignment = Corpus(db).story_assignment()
        collection_of = {a.id: a.source.split("/", 1)[0] for a in articles}
        gold = {a: topic_of(c) for a, c in collection_of.items()}
        predicted = {a: assignment.get(a, a) for a in gold}
        report = OneStoreReport(build, bcubed(predicted, gold), len(set(predicted.values())))
        by_id = {a.id: a for a in articles}
        for topic in sorted(set(gold.values())):
            story = topic_story(predicted, gold, topic)
            stored = [by_id[a] for a in stage_members(db, story) if a in by_id] if story else []
            report.topics.append(_topic(folder, topic, story, predicted, gold, collection_of, by_id, stored))
    finally:
        db.close()
    return report


def topic_story(predicted: dict[str, str], gold: dict[str, str], topic: str) -> str | None:
    """The topic's story: the largest story more than half of whose articles are the topic's (None if none is)."""
    sizes = Counter(predicted.values())
    mostly = Counter(predicted[a] for a, t in gold.items() if t == topic and a in predicted)
    owned = [s for s, n in mostly.items() if n * 2 > sizes[s]]
    return max(owned, key=lambda s: (sizes[s], s), default=None)


def _topic(folder: Path, topic: str, story: str | None, predicted: dict[str, str], gold: dict[str, str],
           collection_of: dict[str, str], by_id: dict[str, Article], stored: list[Article]) -> TopicResult:
    """The topic's story and the three runs' scores on the gold timelines of the topic's collections."""
    members = [by_id[a] for a, s in predicted.items() if s == story]
    result = TopicResult(topic, story, len(members), sum(1 for t in gold.values() if t == topic))
    for collection in collections(folder):
        if topic_of(collection.name) != topic:
            continue
        own = [by_id[a] for a, c in collection_of.items() if c == collection.name]
        for path in sorted((collection / "timelines").glob("*.txt")):
            timeline = read_timeline(path)
            if not timeline:
                continue
            for pool, scores in ((members, result.one_store), (stored, result.as_stored),
                                 (own, result.per_collection)):
                timeline_pred, per_date = predict(pool, timeline)
                scores.append(TimelineScore(collection.name, path.stem, len(timeline), per_date,
                                            score_timeline(timeline_pred, timeline)))
    return result
