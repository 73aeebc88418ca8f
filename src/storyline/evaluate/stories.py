"""`storyline eval stories`: story assignment scored with BCubed, beside a TF-IDF average-link baseline.

The documents go through the real build (`storyline.build` into a temporary store: reading, cleaning, analysis,
then online story assignment by the corpus update); each article's story is read back with
`Corpus.story_assignment()`. An exact or near duplicate, which the build keeps out of the stories, counts in its
original's story; an article the build could not analyse counts as a story of its own.

- WikiRef220: the gold cluster is the file name without its number. The 35 articles of the small topics are built
  with the rest (they are noise a real folder has too) and scored two ways: "all 220", each small topic its own
  class (an article of a one-article topic is right only alone), and "5 topics", scoring only the 185 articles of
  the five large topics (the noise still shapes the clusters they are in, but its own placement is not scored).
- ECB+ topics 1–35: all documents in one store; scored at topic level (33 classes: the release has no topics 15 and 17) and at sub-topic level (the
  `ecb` and `ecbplus` files of a topic are two different real events of one kind: 66 classes).

The baseline is the classic one: TF-IDF (sublinear tf, English stop words) of the same cleaned article texts,
cosine distance, average-link agglomerative clustering cut at a distance threshold. We have only topics 1–35, so
on ECB+ the threshold is chosen by 5-fold leave-topics-out: for each fold (topic number mod 5) the threshold that
gives the best BCubed F1 on the other folds' documents is used for that fold's documents (the dendrogram is of all
documents together, as storyline sees them all together), at each level separately; the figure is over the held-out
documents. Elsewhere (WikiRef, another folder) the baseline uses the threshold chosen on all of ECB+ 1–35 at topic
level — the one a user would carry over. storyline's own thresholds are fixed in `corpus/stories`, tuned on
neither set's figures.
"""
from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .bcubed import BCubed, bcubed

THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(4, 20))  # candidate distance thresholds, 0.20 … 0.95
FOLDS = 5
# The baseline's threshold when ECB+ is not given: what `best_threshold` chose on ECB+ 1–35 at topic level.
DEFAULT_THRESHOLD = 0.90
_NUMBER = re.compile(r"(?:\s*\(\d+\)|\.\d+)$")


@dataclass
class Scored:
    """One gold clustering of one set: storyline and the baseline, and how the baseline's threshold was set."""

    name: str
    storyline: BCubed
    baseline: BCubed
    stories: int
    baseline_clusters: int
    threshold: str

    def as_dict(self) -> dict:
        return {"set": self.name, "storyline": self.storyline.as_dict(), "baseline": self.baseline.as_dict(),
                "stories": self.stories, "baseline_clusters": self.baseline_clusters,
                "baseline_threshold": self.threshold}


@dataclass
class StoriesReport:
    rows: list[Scored] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def render(self) -> str:
        head = (f"{'set':<34}{'items':>6}{'stories':>9}{'P':>7}{'R':>7}{'F1':>7}   "
                f"{'baseline':>8}{'P':>7}{'R':>7}{'F1':>7}  threshold")
        lines = [head]
        for r in self.rows:
            s, b = r.storyline, r.baseline
            lines.append(f"{r.name:<34}{s.items:>6}{r.stories:>9}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}   "
                         f"{r.baseline_clusters:>8}{b.precision:>7.3f}{b.recall:>7.3f}{b.f1:>7.3f}  {r.threshold}")
        return "\n".join(lines + self.notes)

    def as_dict(self) -> dict:
        return {"sets": [r.as_dict() for r in self.rows], "notes": self.notes}


@dataclass
class Built:
    """Documents built into a store: each document's story and cleaned text, keyed by the document's name."""

    story: dict[str, str]
    text: dict[str, str]
    seconds: float


def build_documents(documents: dict[str, str], workers: int = 1, keep: Path | None = None) -> Built:
    """Write `documents` (name -> plain text) to a folder and build it into a store, both temporary, or both
    under `keep` (a kept store is reused: articles analysed before are not analysed again, and every article is
    assigned to a story afresh, by the same online update a build runs)."""
    with tempfile.TemporaryDirectory(prefix="storyline-stories-") as tmp:
        base = keep or Path(tmp)
        folder = base / "docs"
        folder.mkdir(parents=True, exist_ok=True)
        files = {_as_text(name): name for name in documents}
        for file, name in files.items():
            target = folder / file
            if not target.exists() or target.read_text(encoding="utf-8") != documents[name]:
                target.write_text(documents[name], encoding="utf-8")
        built = build_folder(folder, base / "store.db", workers)
    return Built({files[f]: s for f, s in built.story.items()}, {files[f]: t for f, t in built.text.items()},
                 built.seconds)


def _as_text(name: str) -> str:
    """The file name a document is written under: plain text, which the build reads as such."""
    return name if name.endswith(".txt") else name + ".txt"


def build_folder(folder: Path, db: Path, workers: int = 1) -> Built:
    """Build `folder` into the store `db` through `storyline.build`; stories and texts by file name."""
    import time

    from ..api import build
    from ..corpus.stories import StoryIndex
    from ..store import Database

    if db.exists():
        kept = Database(db)
        try:
            index = StoryIndex(kept.conn)
            with kept.transaction():
                index.reset()
        finally:
            kept.close()
    began = time.perf_counter()
    corpus = build([folder], db=db, workers=workers)
    try:
        seconds = time.perf_counter() - began
        assignment = corpus.story_assignment()
        headers = corpus.headers()
    finally:
        corpus.close()
    by_id = {a.id: a for a in headers}
    story, text = {}, {}
    for article in headers:
        original, seen = article, {article.id}
        while original.duplicate_of in by_id and original.duplicate_of not in seen:
            original = by_id[original.duplicate_of]
            seen.add(original.id)
        name = Path(article.source).name
        story[name] = assignment.get(original.id, "alone:" + article.id)
        text[name] = original.text or article.text
    return Built(story, text, seconds)


def wikiref_cluster(name: str) -> str:
    """WikiRef220's gold cluster: the file name without `.txt` and its number (`ParisAttacks2015 (3).txt`,
    `samsung.galaxy.s5.7.txt`)."""
    return _NUMBER.sub("", name.removesuffix(".txt"))


def read_wikiref(folder: Path) -> dict[str, str]:
    """name -> text of every WikiRef article (cp1252, as distributed); `folder` or its `WikiRef220/` inside."""
    inner = folder / "WikiRef220"
    folder = inner if inner.is_dir() else folder
    return {p.name: p.read_bytes().decode("cp1252", errors="replace") for p in sorted(folder.glob("*.txt"))
            if p.name.lower() != "readme.txt"}


# --- the baseline ------------------------------------------------------------------------------------------------

def dendrogram(texts: list[str]) -> np.ndarray:
    """Average-link merges of the texts' TF-IDF vectors under cosine distance (scipy's linkage matrix)."""
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(texts)
    distance = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    return linkage(squareform(distance, checks=False), method="average")


def cut(tree: np.ndarray, names: list[str], threshold: float) -> dict[str, str]:
    from scipy.cluster.hierarchy import fcluster

    return {n: f"c{c}" for n, c in zip(names, fcluster(tree, t=threshold, criterion="distance"))}


def best_threshold(tree: np.ndarray, names: list[str], gold: dict[str, str]) -> float:
    """The candidate threshold with the best BCubed F1 on the items of `gold` (ties: the smaller threshold)."""
    return max(THRESHOLDS, key=lambda t: (bcubed(cut(tree, names, t), gold).f1, -t))


def cross_validated(tree: np.ndarray, names: list[str], gold: dict[str, str],
                    fold_of: Callable[[str], int]) -> tuple[dict[str, str], list[float]]:
    """Each fold's items clustered at the threshold chosen on the other folds; clusters are kept apart per fold
    so each fold is scored on its own (the thresholds chosen, by fold)."""
    predicted: dict[str, str] = {}
    chosen = []
    for fold in range(FOLDS):
        train = {n: g for n, g in gold.items() if fold_of(n) != fold}
        threshold = best_threshold(tree, names, train)
        chosen.append(threshold)
        labels = cut(tree, names, threshold)
        predicted.update({n: f"{fold}:{labels[n]}" for n in gold if fold_of(n) == fold})
    return predicted, chosen


# --- the sets ------------------------------------------------------------------------------------------------------

def score_ecbplus(folder: Path, report: StoriesReport, workers: int = 1, keep: Path | None = None) -> float:
    """ECB+ (the topics in `folder`) at topic and sub-topic level; returns the topic-level threshold chosen on all
    of them."""
    from .timeline import read_ecbplus_documents

    documents = read_ecbplus_documents(folder)
    built = build_documents({d.name: d.text for d in documents}, workers, keep)
    names = sorted(built.story)
    tree = dendrogram([built.text[n] for n in names])
    topic_of = {d.name: d.topic for d in documents}
    for level, gold in (("topics", topic_of), ("sub-topics", {d.name: d.subtopic for d in documents})):
        predicted, chosen = cross_validated(tree, names, gold, lambda n: int(topic_of[n]) % FOLDS)
        report.rows.append(Scored(f"ECB+ {len(set(topic_of.values()))} {level}", bcubed(built.story, gold), bcubed(predicted, gold),
                                  len(set(built.story.values())), len(set(predicted.values())),
                                  "5-fold by topic: " + ", ".join(f"{t:.2f}" for t in chosen)))
    report.notes.append(f"ECB+: {len(documents)} documents built in {built.seconds:.0f} s")
    return best_threshold(tree, names, topic_of)


def score_wikiref(folder: Path, report: StoriesReport, threshold: float | None, workers: int = 1,
                  keep: Path | None = None) -> None:
    """WikiRef220 (or a folder of the same layout): all articles, and only the five large topics."""
    documents = read_wikiref(folder)
    built = build_documents(documents, workers, keep)
    names = sorted(built.story)
    used = threshold if threshold is not None else DEFAULT_THRESHOLD
    baseline = cut(dendrogram([built.text[n] for n in names]), names, used)
    gold = {n: wikiref_cluster(n) for n in names}
    sizes = {c: sum(1 for g in gold.values() if g == c) for c in set(gold.values())}
    large = {n: c for n, c in gold.items() if sizes[c] > 5}
    how = (f"{used:.2f} (chosen on the ECB+ topics given)" if threshold is not None
           else f"{used:.2f} (fixed: chosen on ECB+ 1-35 topics)")
    for label, scored in ((f"{folder.name} all {len(gold)}", gold),
                          (f"{folder.name} {len(set(large.values()))} large topics", large)):
        report.rows.append(Scored(label, bcubed(built.story, scored), bcubed(baseline, scored),
                                  len(set(built.story.values())), len(set(baseline.values())), how))
    report.notes.append(f"{folder.name}: {len(documents)} articles built in {built.seconds:.0f} s")
