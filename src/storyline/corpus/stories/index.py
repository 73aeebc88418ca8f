"""Stories as relational tables on a given SQLite connection, updated online.

`StoryIndex.add` takes a batch of `StoryFeatures`. Each new article is looked up by its heaviest keys in the
indexed `story_keys` table (each key capped to its heaviest stories, stories too far away in time dropped); the
stories that score near the threshold are the ones it touches. The batch and the members of the touched stories are
then re-settled from scratch by `partition`, in (date, id) order, so the stories a set of articles forms do not
depend on the order they were added in, and the work done is in proportion to the batch and the stories it
touches, never the corpus. A story's id is derived from its first article (by date, then id); when re-settling
retires an id (two stories merged, or an earlier article now leads the story), `story_merges` records the id it
went to, and `resolve` follows that chain. The index writes in the caller's transaction and never commits.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from ...store.schema import STORY_SCHEMA
from .cluster import (KEY_CAP, SETTLED_SIZE, THRESHOLD, Cluster, Settled, blocking_keys, near_in_time, partition,
                      score)
from .features import StoryFeatures

TOUCH_MARGIN = 0.15  # a story scoring this close under the threshold is re-settled with the batch
TOUCH_CANDIDATES = 64  # the stories sharing most of an article's blocking keys are the ones scored
LABEL_KEYS, LABEL_TERMS = 3, 2
# A story keeps its heaviest entity keys and terms, this many of each: what blocking looks up and scoring compares.
# The light tail of a large story's keys (a name one replica of it mentioned) would grow with every article and
# make reading and rewriting the story cost in proportion to its size.
STORY_KEYS = 200
LABEL_SAMPLE = 64  # a settled story's readable names come from this many of its members (by id) and the new ones



@dataclass
class _BatchReads:
    """What one batch reads of the stored stories, kept for the batch: its articles are near each other in time
    and share keys, so they look up the same keys and stories. Exact, because nothing is written until every
    article of the batch has been looked up."""

    holders: dict[str, list[str]] = field(default_factory=dict)  # key -> its heaviest stories
    spans: dict[str, tuple] = field(default_factory=dict)  # story -> (first date, last date)
    clusters: dict[str, Cluster | None] = field(default_factory=dict)  # story -> its sums


def story_id(first_article: str) -> str:
    return "s" + hashlib.sha1(first_article.encode()).hexdigest()[:11]


@dataclass
class Story:
    """A story as stored: its readable label (key actors and terms), date span and counts."""

    id: str
    label: str
    first_date: str | None
    last_date: str | None
    articles: int
    sources: int


class StoryIndex:
    """Online story assignment over the `stories`, `story_members`, `story_keys` and `story_merges` tables."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.executescript(STORY_SCHEMA)
        # What `add` changed since this index was opened: the stories written anew (their results need
        # recomputing) and the ids retired by a merge (their results go).
        self.rewritten: set[str] = set()
        self.retired: set[str] = set()

    def add(self, batch: list[StoryFeatures]) -> dict[str, str]:
        """Assign every article of `batch` (already stored ones are left as they are); their story ids."""
        known = {row[0] for row in self._rows("SELECT article FROM story_members", ())} if len(batch) > 500 else None
        fresh = {f.article: f for f in batch
                 if (f.article not in known if known is not None else not self._member(f.article))}
        batch_reads = _BatchReads()  # what the batch reads of the stored stories, read once
        touched = sorted({s for f in fresh.values() for s in self._touched(f, batch_reads)})
        counts = {s: (n, sources) for s, n, sources in self._rows(
            f"SELECT id, articles, sources FROM stories WHERE id IN ({_marks(touched)})", touched)}
        large = {s for s in touched if counts.get(s, (0,))[0] >= SETTLED_SIZE}
        small = [s for s in touched if s not in large]
        settled = [self._settled(s, *counts[s], batch_reads.clusters.get(s)) for s in sorted(large)]
        written = self._replace(touched, partition(self._members(small) + list(fresh.values()), settled))
        gone = set(touched) - written  # an id written earlier in this session can be retired by a later batch
        self.rewritten = (self.rewritten - gone) | written
        self.retired = (self.retired | gone) - written
        return {f.article: self.story_of(f.article) for f in batch}

    def reset(self) -> None:
        """Forget every story (ids included), so the next update assigns every article afresh: for evaluations
        that re-run assignment over analysed articles they keep. Writes in the caller's transaction."""
        for table in ("stories", "story_members", "story_keys", "story_merges"):
            self.conn.execute(f"DELETE FROM {table}")

    def _member(self, article: str) -> bool:
        return self.conn.execute("SELECT 1 FROM story_members WHERE article = ?", (article,)).fetchone() is not None

    def _touched(self, item: StoryFeatures, reads: _BatchReads) -> list[str]:
        """Stored stories the article could join: found through its keys, scored, kept when near the threshold."""
        shared: Counter = Counter()
        for key in blocking_keys(item.keys, item.terms):
            if key not in reads.holders:
                reads.holders[key] = [r[0] for r in self._rows(
                    "SELECT story FROM story_keys WHERE key = ? ORDER BY weight DESC, story LIMIT ?", (key, KEY_CAP))]
            shared.update(reads.holders[key])
        near = sorted(self._near(item.date, sorted(shared), reads.spans), key=lambda s: (-shared[s], s))
        kept = []
        for story in sorted(near[:TOUCH_CANDIDATES]):
            if story not in reads.clusters:
                reads.clusters[story] = self._cluster(story)
            cluster = reads.clusters[story]
            if cluster is not None and score(item.vector, item.keys, item.terms, (item.date, item.date),
                                             cluster) >= THRESHOLD - TOUCH_MARGIN:
                kept.append(story)
        return kept

    def _near(self, day: str | None, stories: list[str], spans: dict[str, tuple]) -> list[str]:
        """Of `stories`, those within `MAX_GAP_DAYS` of `day` (all of them for an undated article, and the undated
        ones always), by their spans alone (`spans`: those read already): a story far away in time is never read
        or scored."""
        unread = [story for story in stories if story not in spans]
        for story, first, last in self._rows(
                f"SELECT id, first_date, last_date FROM stories WHERE id IN ({_marks(unread)})", unread):
            spans[story] = (first, last)
        return [story for story in stories if story in spans and near_in_time((day, day), *spans[story])]

    def _cluster(self, story: str) -> Cluster | None:
        """A stored story by its sums (centroid, key and term weights, span), its members not loaded."""
        row = self.conn.execute("SELECT centroid, first_date, last_date FROM stories WHERE id = ?", (story,)).fetchone()
        if row is None:
            return None
        cluster = Cluster(vector=np.frombuffer(row[0], dtype=np.float64).copy(), first=row[1], last=row[2])
        for key, weight in self._rows("SELECT key, weight FROM story_keys WHERE story = ?", (story,)):
            (cluster.keys if key.startswith("e:") else cluster.terms)[key] = weight
        return cluster

    def _settled(self, story: str, articles: int, sources: int, read: Cluster | None) -> Cluster:
        """A large stored story as a partition takes it: its sums (`read` already, or read now), and its founder
        for its id."""
        cluster = read or self._cluster(story)
        founder, date = self.conn.execute(
            "SELECT s.first_article, m.date FROM stories s JOIN story_members m ON m.article = s.first_article "
            "WHERE s.id = ?", (story,)).fetchone()
        founding = StoryFeatures(founder, "", date, np.zeros(0, dtype=np.float32))
        cluster.settled.append(Settled(story, founding, articles, sources))
        return cluster

    def _members(self, stories: list[str]) -> list[StoryFeatures]:
        found = []
        for story in stories:
            for article, source, date, vector, keys in self._rows(
                    "SELECT article, source, date, vector, keys FROM story_members WHERE story = ?", (story,)):
                data = json.loads(keys)
                found.append(StoryFeatures(article, source, date, np.frombuffer(vector, dtype=np.float32).copy(),
                                           data["keys"], data["terms"], data["names"]))
        return found

    def _replace(self, old: list[str], clusters: list[Cluster]) -> set[str]:
        """Write the re-settled stories over the touched ones; retired ids point to their founder's new story.
        A settled story's members stay as they are (moved to another id only when its story's id changes)."""
        founders = dict(self._rows(f"SELECT id, first_article FROM stories WHERE id IN ({_marks(old)})", old))
        for table, column in (("stories", "id"), ("story_keys", "story")):
            self.conn.execute(f"DELETE FROM {table} WHERE {column} IN ({_marks(old)})", old)
        story_of, settled_to = {}, {}
        for cluster in clusters:
            sid = story_id(cluster.founder.article)
            story_of.update({f.article: sid for f in cluster.members})
            settled_to.update({part.story: sid for part in cluster.settled})
            self._write_story(sid, cluster)
        for story in old:
            new = settled_to.get(story) or story_of[founders[story]]
            if new != story:
                self.conn.execute("INSERT OR REPLACE INTO story_merges VALUES (?, ?)", (story, new))
        written = set(story_of.values()) | set(settled_to.values())
        self.conn.execute(f"DELETE FROM story_merges WHERE old IN ({_marks(list(written))})", list(written))
        return written

    def _write_story(self, sid: str, cluster: Cluster) -> None:
        members = cluster.members
        counts = self._counts(cluster)  # before the members move: a settled story's counts are its own plus theirs
        for part in cluster.settled:
            if part.story != sid:
                self.conn.execute("UPDATE story_members SET story = ? WHERE story = ?", (sid, part.story))
        self.conn.executemany(
            "INSERT OR REPLACE INTO story_members VALUES (?, ?, ?, ?, ?, ?)",
            [(f.article, sid, f.source, f.date, np.asarray(f.vector, dtype=np.float32).tobytes(),
              json.dumps({"keys": f.keys, "terms": f.terms, "names": f.names}, sort_keys=True)) for f in members])
        articles, sources = counts or self.conn.execute(
            "SELECT count(*), count(DISTINCT source) FROM story_members WHERE story = ?", (sid,)).fetchone()
        self.conn.execute("INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          (sid, label(cluster, self._sample_names(sid) if cluster.settled else []),
                           cluster.founder.article, cluster.first, cluster.last, articles, sources,
                           cluster.vector.astype(np.float64).tobytes()))
        self.conn.executemany("INSERT INTO story_keys VALUES (?, ?, ?)",
                              [(sid, k, w) for part in (cluster.keys, cluster.terms) for k, w in _heaviest(part)])

    def _counts(self, cluster: Cluster) -> tuple[int, int] | None:
        """(articles, sources) of a story as it will be written, without counting a settled story's members: its
        stored counts plus the new members and those of their sources it did not have (a settled story grows with
        every batch, and counting its rows each time cost in proportion to its size). None when two settled
        stories merge (rare): then the stored rows are counted."""
        new_sources = {f.source for f in cluster.members}
        if not cluster.settled:
            return len(cluster.members), len(new_sources)
        if len(cluster.settled) > 1:
            return None
        part = cluster.settled[0]
        known = {r[0] for r in self._rows(
            f"SELECT DISTINCT source FROM story_members WHERE story = ? AND source IN ({_marks(list(new_sources))})",
            [part.story, *new_sources])} if new_sources else set()
        return part.articles + len(cluster.members), part.sources + len(new_sources - known)

    def _sample_names(self, story: str) -> list[dict[str, str]]:
        """Readable names of a bounded sample of a settled story's stored members, for its label."""
        return [json.loads(r[0])["names"] for r in self._rows(
            "SELECT keys FROM story_members WHERE story = ? ORDER BY article LIMIT ?", (story, LABEL_SAMPLE))]

    def resolve(self, story: str) -> str | None:
        """The current id of a story id, following merges; None for an id never issued."""
        seen = set()
        while story not in seen:
            seen.add(story)
            if self.conn.execute("SELECT 1 FROM stories WHERE id = ?", (story,)).fetchone():
                return story
            row = self.conn.execute("SELECT new FROM story_merges WHERE old = ?", (story,)).fetchone()
            if row is None:
                return None
            story = row[0]
        return None

    def story_of(self, article: str) -> str | None:
        row = self.conn.execute("SELECT story FROM story_members WHERE article = ?", (article,)).fetchone()
        return row[0] if row else None

    def story(self, story: str) -> Story | None:
        sid = self.resolve(story)
        row = sid and self.conn.execute(
            "SELECT id, label, first_date, last_date, articles, sources FROM stories WHERE id = ?", (sid,)).fetchone()
        return Story(*row) if row else None

    def stories(self) -> list[Story]:
        """Every story, largest first."""
        return [Story(*r) for r in self._rows("SELECT id, label, first_date, last_date, articles, sources FROM "
                                               "stories ORDER BY articles DESC, id", ())]

    def assignment(self) -> dict[str, str]:
        """Article id -> story id, for every article assigned."""
        return dict(self._rows("SELECT article, story FROM story_members", ()))

    def _rows(self, sql: str, args: tuple | list) -> list[tuple]:
        return self.conn.execute(sql, args).fetchall()


def label(cluster: Cluster, stored_names: list[dict[str, str]] | None = None) -> str:
    """The story's key actors and terms, by weight, in their most used readable form (among its members, or for
    a settled story a sample of them: `stored_names`)."""
    forms: dict[str, Counter] = {}
    for names in [*(item.names for item in cluster.members), *(stored_names or [])]:
        for key, name in names.items():
            forms.setdefault(key, Counter())[name] += 1
    actors = [k for k, _ in sorted(cluster.keys.items(), key=lambda kv: (-kv[1], kv[0]))[:LABEL_KEYS]]
    terms = [k for k, _ in sorted(cluster.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:LABEL_TERMS]]
    readable = [max(forms[k].items(), key=lambda kv: (kv[1], kv[0]))[0] if k in forms else k[2:]
                for k in actors + terms]
    return ", ".join(readable) or "(untitled)"


def _heaviest(weights: dict[str, float], count: int = STORY_KEYS) -> list[tuple[str, float]]:
    return sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:count]


def _marks(values: list) -> str:
    return ",".join("?" * len(values))
