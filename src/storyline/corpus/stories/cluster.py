"""How articles group into stories: the score of an article against a story, and a deterministic partition.

The score adds the cosine of the article's title-and-lead vector to the story's centroid, the overlap of their
salient entity keys and of their key terms, and takes off for the time between the article and the story's span.
Entity keys carry the weight that tells two events of one kind apart (two earthquakes read alike, but not in the
same places); the vector carries what names do not. Candidates come only through blocking: stories sharing one of
the article's keys (each key capped to its heaviest stories) and not too far away in time.

`partition` settles a set of articles in (date, id) order and then merges clusters that the evidence links, so the
same set gives the same stories whatever order it arrived in.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from typing import Any

import numpy as np

from .features import StoryFeatures

W_VECTOR, W_KEYS, W_TERMS, W_TIME = 1.0, 0.6, 0.3, 0.4
# Join the best story at or above THRESHOLD, else start one; two stories whose centroids score MERGE_THRESHOLD
# (both ways) are one. Both were 0.9; these were chosen with `storyline eval stories` and `storyline eval tls
# --one-store` from the grid 0.7/0.8/0.9 each: on ECB+ 1-35 sub-topics (the two events of a topic are two stories)
# BCubed F1 0.854 -> 0.874 (precision 0.843 -> 0.832), WikiRef220 0.790 -> 0.856, a quarter of Timeline17-dev
# 0.788 (0.8/0.8) -> 0.823. Merging at 0.7 lumps the two events of an ECB+ topic (precision 0.77).
THRESHOLD = 0.7
MERGE_THRESHOLD = 0.8
TIME_SCALE_DAYS = 30.0
MAX_GAP_DAYS = 120  # blocking: a story this far from the article's date is no candidate
KEY_CAP = 50  # blocking: per key, only its heaviest stories
# A stored story this large is settled: new articles join its sums, its members stay put. 32 scores as 64 did on
# ECB+ and WikiRef220 (`storyline eval stories`) and re-reads half as many members per touched story; 16 lowers
# ECB+ sub-topics from BCubed F1 0.857 to 0.830.
SETTLED_SIZE = 32
BLOCK_KEYS = 8  # blocking: the article's heaviest keys that are looked up


@dataclass(frozen=True)
class Settled:
    """A stored story of `SETTLED_SIZE` articles or more, standing in a partition by its running sums: its members
    are not loaded or moved again, so adding to a large story costs what the new articles cost."""

    story: str
    founder: StoryFeatures  # its first article (only `article` and `date` are used: for its order)
    articles: int
    sources: int


@dataclass
class Cluster:
    """A story being settled: its members and the running sums its score needs. `settled` are the stored large
    stories it stands for (their members are in the sums, not in `members`)."""

    members: list[StoryFeatures] = field(default_factory=list)
    vector: np.ndarray | None = None
    keys: Counter = field(default_factory=Counter)
    terms: Counter = field(default_factory=Counter)
    first: str | None = None
    last: str | None = None
    settled: list[Settled] = field(default_factory=list)
    _derived: dict[str, Any] = field(default_factory=dict, repr=False)  # derived values, cleared on change

    def add(self, item: StoryFeatures) -> None:
        self.members.append(item)
        self.vector = item.vector.astype(np.float64) if self.vector is None else self.vector + item.vector
        self.keys.update(item.keys)
        self.terms.update(item.terms)
        self._derived.clear()
        if item.date:
            self.first = min(self.first or item.date, item.date)
            self.last = max(self.last or item.date, item.date)

    def absorb(self, other: Cluster) -> None:
        if not other.settled:
            for item in other.members:
                self.add(item)
            return
        self.members.extend(other.members)
        self.vector = other.vector if self.vector is None else self.vector + other.vector
        self.keys.update(other.keys)
        self.terms.update(other.terms)
        self._derived.clear()
        self.first = min(filter(None, (self.first, other.first)), default=None)
        self.last = max(filter(None, (self.last, other.last)), default=None)
        self.settled.extend(other.settled)

    @property
    def founder(self) -> StoryFeatures:
        """The first article (by date, then id) of the whole story, loaded members and settled parts alike."""
        return min([*self.members, *(s.founder for s in self.settled)], key=lambda f: f.order)

    @property
    def centroid(self) -> np.ndarray:
        """The unit mean vector, kept until the cluster changes (it is scored against many articles)."""
        if "centroid" not in self._derived:
            norm = float(np.linalg.norm(self.vector))
            self._derived["centroid"] = self.vector / norm if norm else self.vector
        return self._derived["centroid"]

    def norm(self, part: str) -> float:
        """The Euclidean norm of `keys` or `terms`, kept until the cluster changes (a large story has hundreds)."""
        if part not in self._derived:
            self._derived[part] = math.sqrt(sum(w * w for w in getattr(self, part).values()))
        return self._derived[part]


def sparse_cosine(a: dict[str, float], b: dict[str, float], b_norm: float | None = None,
                  a_norm: float | None = None) -> float:
    """Cosine of two sparse weight vectors; the norms, when given, save recomputing those of a large cluster's
    hundreds of weights for every comparison."""
    common = a.keys() & b.keys()  # the intersection runs over the smaller of the two, in C
    if not common:
        return 0.0
    dot = math.fsum(a[k] * b[k] for k in common)  # exactly rounded: the same whatever order a set iterates in
    if not dot:
        return 0.0
    a_norm = a_norm if a_norm is not None else math.sqrt(sum(w * w for w in a.values()))
    b_norm = b_norm if b_norm is not None else math.sqrt(sum(w * w for w in b.values()))
    return dot / (a_norm * b_norm)


def days(a: str, b: str) -> int:
    return abs(_ordinal(a) - _ordinal(b))


@lru_cache(maxsize=1 << 16)
def _ordinal(day: str) -> int:
    return Date.fromisoformat(day).toordinal()


def gap(first: str | None, last: str | None, other_first: str | None, other_last: str | None) -> int | None:
    """Days between two date spans (0 when they overlap); None when either is undated."""
    if not (first and last and other_first and other_last):
        return None
    if other_first > last:
        return days(last, other_first)
    if first > other_last:
        return days(other_last, first)
    return 0


def score(vector: np.ndarray, keys: dict, terms: dict, span: tuple, cluster: Cluster,
          norms: tuple[float, float] | None = None) -> float:
    """How well something with this vector, keys, terms and date span fits `cluster` (higher: better); `norms`
    are those of `keys` and `terms` when known."""
    key_norm, term_norm = norms or (None, None)
    value = (W_VECTOR * float(vector @ cluster.centroid)
             + W_KEYS * sparse_cosine(keys, cluster.keys, cluster.norm("keys"), key_norm)
             + W_TERMS * sparse_cosine(terms, cluster.terms, cluster.norm("terms"), term_norm))
    apart = gap(*span, cluster.first, cluster.last)
    return value - (W_TIME * min(apart / TIME_SCALE_DAYS, 1.0) if apart else 0.0)


def mutual(one: Cluster, other: Cluster) -> float:
    """How well two clusters fit each other: the lower of their scores both ways."""
    return min(score(one.centroid, one.keys, one.terms, (one.first, one.last), other,
                     (one.norm("keys"), one.norm("terms"))),
               score(other.centroid, other.keys, other.terms, (other.first, other.last), one,
                     (other.norm("keys"), other.norm("terms"))))


def blocking_keys(keys: dict[str, float], terms: dict[str, float]) -> list[str]:
    """The keys an article is looked up by: its heaviest entity keys and terms."""
    ranked = sorted({**keys, **terms}.items(), key=lambda kv: (-kv[1], kv[0]))
    return [k for k, _ in ranked[:BLOCK_KEYS]]


def partition(items: list[StoryFeatures], settled: list[Cluster] | None = None) -> list[Cluster]:
    """Stories of `items`: each in (date, id) order joins its best candidate at or above THRESHOLD or starts a
    cluster; then linked clusters merge. `settled` are large stored stories (by their sums) the items may join.
    Candidates come through an in-memory key index, as in the store."""
    clusters: list[Cluster] = list(settled or [])
    index: dict[str, Counter] = defaultdict(Counter)  # key -> cluster -> weight
    for number, cluster in enumerate(clusters):
        for key, weight in {**cluster.keys, **cluster.terms}.items():
            index[key][number] += weight
    for item in sorted(items, key=lambda f: f.order):
        span = (item.date, item.date)
        best, best_score = None, THRESHOLD
        for c in _candidates(index, blocking_keys(item.keys, item.terms), span, clusters):
            value = score(item.vector, item.keys, item.terms, span, clusters[c])
            if value >= best_score:
                best, best_score = c, value
        if best is None:
            clusters.append(Cluster())
            best = len(clusters) - 1
        clusters[best].add(item)
        for key, weight in {**item.keys, **item.terms}.items():
            index[key][best] += weight
    return _merge(clusters, index)


def _candidates(index: dict[str, Counter], keys: list[str], span: tuple, clusters: list[Cluster]) -> list[int]:
    found: set[int] = set()
    for key in keys:
        found.update(_heaviest_holders(index[key]))
    return sorted(c for c in found if _near(span, clusters[c]))


def _heaviest_holders(holders: Counter) -> list[int]:
    """The `KEY_CAP` clusters that hold a key most heavily (ties by number), as blocking caps a key in the store."""
    return [c for c, _ in heapq.nsmallest(KEY_CAP, holders.items(), key=lambda kv: (-kv[1], kv[0]))]


def _near(span: tuple, cluster: Cluster) -> bool:
    return near_in_time(span, cluster.first, cluster.last)


def near_in_time(span: tuple, first: str | None, last: str | None) -> bool:
    """Whether a date span is at most `MAX_GAP_DAYS` from the span `first`..`last` (an undated one is near any)."""
    apart = gap(*span, first, last)
    return apart is None or apart <= MAX_GAP_DAYS


def _merge(clusters: list[Cluster], index: dict[str, Counter]) -> list[Cluster]:
    """Merge, best-linked first, every two clusters whose own scores (both ways) reach MERGE_THRESHOLD. A cluster
    is compared with the heaviest holders of its blocking keys only, so a batch's merging costs in proportion to
    its clusters, not to the square of those sharing a common key."""
    alive = dict(enumerate(clusters))
    owner = list(range(len(clusters)))

    def find(c: int) -> int:
        while owner[c] != c:
            c = owner[c]
        return c

    holders: dict[str, list[int]] = {}  # a key's heaviest clusters, as numbered before merging

    def near_by(key: str) -> list[int]:
        if key not in holders:
            holders[key] = _heaviest_holders(index[key])
        return holders[key]

    examine = sorted(alive)
    while examine:  # after the first pass, only the clusters that grew: two unchanged ones still score as before
        grown = set()
        for c in examine:
            if c not in alive:
                continue
            one = alive[c]
            keys = blocking_keys(dict(one.keys), dict(one.terms))
            near = {find(o) for key in keys for o in near_by(key)} - {c}
            span = (one.first, one.last)
            linked = [(mutual(one, alive[o]), o) for o in sorted(near) if o in alive and _near(span, alive[o])]
            best = max(linked, default=None)
            if best and best[0] >= MERGE_THRESHOLD:
                keep, gone = min(c, best[1]), max(c, best[1])
                alive[keep].absorb(alive.pop(gone))
                owner[gone] = keep
                grown.add(keep)
        examine = sorted(grown & alive.keys())
    return [alive[c] for c in sorted(alive)]
