"""`storyline eval tls DIR`: timeline summarisation on Timeline17-style collections, scored as the field scores it.

Each collection is one story: its input documents go through the normal per-article pipeline (prepare and
analyse, as a build runs them), kept in a store per collection under the cache folder so a re-run only reads them
back. For each gold timeline the story's timeline is built with the gold's number of dates and its average number
of sentences per date (rounded), within the gold's first and last date (news-tls's setting), and scored with the
metrics of `tls_rouge` (tilse's concat, agreement and align+ m:1 ROUGE-1/2 F, date F1); the figures are averaged
over the gold timelines. `--out` writes each prediction as `OUT/COLLECTION/NAME.txt` in tilse's text format.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..corpus.tls import summarise_timeline
from ..executor import Executor
from ..pipeline import process
from ..read.timeline17 import Timeline, collections, format_timeline, read_collection, read_timeline
from ..record import Article, RawArticle
from ..store.database import Database, SchemaMismatch
from .tls_rouge import score_timeline

PUBLISHED = {"news-tls DATEWISE": {"align+ m:1 R1": 0.120, "align+ m:1 R2": 0.035, "date F1": 0.544},
             "news-tls CLUST": {"align+ m:1 R1": 0.082, "align+ m:1 R2": 0.020, "date F1": 0.407}}
SAVE_EVERY = 50
COLUMNS = ("concat R1", "concat R2", "agreement R1", "agreement R2", "align+ m:1 R1", "align+ m:1 R2", "date F1")


@dataclass
class TimelineScore:
    collection: str
    name: str
    dates: int
    per_date: int
    scores: dict[str, float]


@dataclass
class TlsReport:
    timelines: list[TimelineScore] = field(default_factory=list)
    articles: int = 0
    analysed_seconds: float = 0.0
    timeline_seconds: float = 0.0

    def mean(self, column: str) -> float:
        return sum(t.scores[column] for t in self.timelines) / len(self.timelines) if self.timelines else 0.0

    def render(self) -> str:
        head = f"{'timeline':<44}" + "".join(f"{c:>14}" for c in COLUMNS)
        lines = [head]
        for t in self.timelines:
            label = f"{t.collection}/{t.name} ({t.dates}x{t.per_date})"
            lines.append(f"{label:<44}" + "".join(f"{t.scores[c]:>14.3f}" for c in COLUMNS))
        lines.append(f"{'mean over ' + str(len(self.timelines)) + ' timelines':<44}"
                     + "".join(f"{self.mean(c):>14.3f}" for c in COLUMNS))
        for system, figures in PUBLISHED.items():
            lines.append(f"{system + ' (published)':<44}"
                         + "".join(f"{figures[c]:>14.3f}" if c in figures else f"{'-':>14}" for c in COLUMNS))
        lines.append(f"{self.articles} articles; pipeline (or cache) {self.analysed_seconds:.0f} s, "
                     f"timelines {self.timeline_seconds:.0f} s")
        return "\n".join(lines)


def cache_folder() -> Path:
    base = Path(os.environ.get("STORYLINE_CACHE") or Path.home() / ".cache" / "storyline")
    return base / "tls"


def evaluate_tls(folder: Path, out: Path | None = None, cache: Path | None = None, workers: int = 1,
                 only: list[str] | None = None) -> TlsReport:
    """Every gold timeline of every collection under `folder` (or only those named), scored; predictions to `out`."""
    report = TlsReport()
    for collection in collections(folder):
        if only and collection.name not in only:
            continue
        began = time.perf_counter()
        articles = analysed_collection(collection, cache or cache_folder(), workers)
        report.articles += len(articles)
        report.analysed_seconds += time.perf_counter() - began
        began = time.perf_counter()
        for path in sorted((collection / "timelines").glob("*.txt")):
            gold = read_timeline(path)
            if not gold:
                continue
            predicted, per_date = predict(articles, gold)
            if out is not None:
                target = out / collection.name / path.name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(format_timeline(predicted), encoding="utf-8")
            report.timelines.append(TimelineScore(collection.name, path.stem, len(gold), per_date,
                                                  score_timeline(predicted, gold)))
        report.timeline_seconds += time.perf_counter() - began
    return report


def predict(articles: list[Article], gold: Timeline) -> tuple[Timeline, int]:
    """The field's standard setting: the gold's number of dates, its mean sentences a date, its span."""
    per_date = max(1, round(sum(len(s) for s in gold.values()) / len(gold)))
    entries = summarise_timeline(articles, dates=len(gold), per_date=per_date,
                                 start=min(gold).isoformat(), end=max(gold).isoformat())
    predicted: Timeline = {}
    for entry in entries:
        predicted.setdefault(date.fromisoformat(entry.date), []).append(entry.text)
    return predicted, per_date


def analysed_collection(collection: Path, cache: Path, workers: int = 1) -> list[Article]:
    """The collection's analysed articles, from its cache store where the same source with the same content was
    analysed before; the rest through the pipeline and into the store."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{collection.name}.sqlite3"
    try:
        db = Database(path)
    except SchemaMismatch:
        path.unlink()
        db = Database(path)
    try:
        analyse_into(db, read_collection(collection), workers)
        return [a for a in db.load_all() if a.analysable]
    finally:
        db.close()


def analyse_into(db: Database, raws: Iterable[RawArticle], workers: int = 1) -> int:
    """Put `raws` (one per content) through the per-article pipeline into `db`, skipping a source already stored
    with the same content, saving every SAVE_EVERY articles so an interrupted run resumes; how many were analysed."""
    unique = list({raw.content_hash: raw for raw in raws}.values())
    todo = [raw for raw in unique if (stored := db.stored_article(raw.source)) is None
            or stored.content_hash != raw.content_hash]
    executor = Executor(workers=workers)
    try:
        for begin in range(0, len(todo), SAVE_EVERY):
            db.save((a, None) for a in executor.map(process, todo[begin:begin + SAVE_EVERY]))
    finally:
        executor.close()
    return len(todo)
