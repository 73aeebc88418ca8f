"""Ingest: read files, run the per-article stages, check duplicates, store, then run the corpus stages.

Work streams: a bounded number of articles is in flight on the workers at any time, so a folder of any size runs
in bounded memory and every worker stays busy; results are stored as they come back, in batches of one transaction
each: a crash loses at most the articles in flight and the batch not yet stored, never what was stored before.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .corpus.update import pending_articles, update_corpus
from .corpus.duplicates import THRESHOLD, DuplicateIndex, from_bytes, signature, to_bytes
from .executor import Executor
from .pipeline import analyse, new_article, prepare
from .progress import Progress, Silent
from .read import DEFAULT_MAX_BYTES, read_paths
from .read.count import count_items
from .record import Article, Notice, RawArticle, ReadFailure
from .settings import Setting
from .stages import FAILED
from .store import Database

MAX_FILE_MB = Setting(
    "max_file_mb", DEFAULT_MAX_BYTES / 1_000_000,
    "Largest article read, in MB (a file, a JSONL line or a WARC record; gzip counted decompressed). A larger "
    "one fails with its size as the reason.",
)
BATCH_SIZE = Setting("batch_size", 32, "Articles stored per transaction, as they come back from the workers.")
SETTINGS = (MAX_FILE_MB, BATCH_SIZE, THRESHOLD)


@dataclass
class BuildSummary:
    """What a build did, for the closing line and `--strict`; `notices` are the inputs skipped, cut or decoded."""

    read: int = 0
    new: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    workers: int = 1
    utilisation: float | None = None  # workers' busy time / (articles phase's wall time x workers); None: no work

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        counts = (f"read {self.read}, new {self.new}, unchanged {self.unchanged}, duplicates {self.duplicates}, "
                  f"skipped {self.skipped}, failed {self.failed}")
        if self.utilisation is None:
            return counts
        return f"{counts}; {self.workers} worker{'s' * (self.workers != 1)} {self.utilisation:.0%} busy"


BuildProgress = Progress  # the name the API and the CLI know it by


@dataclass
class _Reporter:
    """Counts each failure and notice into the summary and passes it on to the caller's callbacks."""

    summary: BuildSummary
    on_failure: Callable[[ReadFailure], None] | None = None
    on_notice: Callable[[Notice], None] | None = None

    def failure(self, failure: ReadFailure) -> None:
        self.summary.failures.append(failure)
        if self.on_failure:
            self.on_failure(failure)

    def notice(self, notice: Notice) -> None:
        self.summary.notices.append(notice)
        if self.on_notice:
            self.on_notice(notice)


def build_into(
    database: Database,
    paths: Iterable[str | Path],
    workers: int = 1,
    executor: str = "processes",
    progress: BuildProgress | None = None,
    on_failure: Callable[[ReadFailure], None] | None = None,
    settings: dict[str, int | float] | None = None,
    on_notice: Callable[[Notice], None] | None = None,
) -> BuildSummary:
    """Add what is new or changed under `paths` to `database`; see the module docstring.

    `settings` overrides the defaults of `SETTINGS` by name; `progress` hears of three phases: counting the
    inputs, the articles (one step per input item), and the corpus stages (one step each)."""
    values = {row.name: row.default for row in SETTINGS} | (settings or {})
    watch = progress or Silent()
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    report = _Reporter(BuildSummary(), on_failure, on_notice)
    summary = report.summary
    index = DuplicateIndex(database, threshold=values[THRESHOLD.name])
    watch.phase("counting inputs", None)
    total = count_items(paths)
    watch.advance(total)
    runner = Executor(workers, executor)
    watch.phase("articles", total, "articles")
    flow = _Flow(database, runner, report, index, watch, int(values[BATCH_SIZE.name]))
    start = time.perf_counter()
    try:
        flow.run(read_paths(paths, max_bytes=int(values[MAX_FILE_MB.name] * 1_000_000)))
    finally:
        summary.workers = runner.slots
        summary.utilisation = runner.utilisation(time.perf_counter() - start)
        runner.close()
        database.record_failures(summary.failures)
    if summary.new or summary.duplicates or pending_articles(database):
        watch.phase("corpus", None)
        for name, reason in update_corpus(database, watch.status).items():
            report.failure(ReadFailure(f"corpus stage {name}", reason))
        watch.status(None)
    _index_sentences(database, watch)
    return summary


def _index_sentences(database: Database, watch: Progress) -> None:
    """Embed the new articles' sentences and add them to the semantic search index beside the store, so a
    query never waits for them (corpus.vectors)."""
    from .corpus import vectors

    vectors.add_missing(database, watch.status)  # a store built before the embed stage, or replicas without vectors
    vectors.update(database)  # the embed stage stored the new vectors with their articles: the index takes them now
    watch.status(None)


@dataclass
class _Flow:
    """Streams the articles through the executor: reads and triages inputs while fewer than the executor's capacity
    are in flight, checks near-duplicates in input order (so the first of two copies stays the original, however
    the workers finish), sends the rest to analysis at once, and stores results in batches as they come back, in
    any order: no worker waits for a batch's slowest article."""

    database: Database
    runner: Executor
    report: _Reporter
    index: DuplicateIndex
    watch: BuildProgress
    batch_size: int
    seen: dict[str, str] = field(default_factory=dict)  # content hash -> id of the original, within this build
    order: deque[tuple[int, str | None]] = field(default_factory=deque)  # (prepare ticket, id it replaces), input order
    prepared: dict[int, tuple[Article, bytes | None]] = field(default_factory=dict)  # waiting for those before them
    analysing: dict[int, bytes | None] = field(default_factory=dict)  # analysis ticket -> signature to store
    ready: list[tuple[Article, bytes | None]] = field(default_factory=list)
    started: bool = False

    def run(self, items: Iterator[RawArticle | ReadFailure | Notice]) -> None:
        items = iter(items)
        exhausted = False
        while True:
            while not exhausted and self._room():
                item = next(items, None)
                exhausted = item is None
                if item is not None:
                    self._take(item)
            if not self.runner.in_flight:
                break
            for ticket, article in self.runner.results():
                self._arrived(ticket, article)
        self._store()

    def _room(self) -> bool:
        """Whether to start another article: the workers lack queued work, and what waits in order is bounded."""
        return self.runner.in_flight < self.runner.capacity and len(self.order) < 4 * self.runner.capacity

    def _take(self, item: RawArticle | ReadFailure | Notice) -> None:
        fresh, replaces = _triage(item, self.database, self.report)
        if not fresh:
            self.watch.advance()
            return
        if not self.started:
            self.started = True
            self.watch.status(f"loading the spaCy model ({self.runner.describe()})")
        article = _start(item, self.database, self.seen)
        self.order.append((self.runner.submit(prepare_and_sign, article), replaces))

    def _arrived(self, ticket: int, result: Any) -> None:
        if ticket in self.analysing:
            self._done(result, self.analysing.pop(ticket))
            return
        self.prepared[ticket] = result
        while self.order and self.order[0][0] in self.prepared:
            first, replaces = self.order.popleft()
            article, signed = self.prepared.pop(first)
            if replaces is not None:  # a changed source's old version is no original for its new one
                self.index.discard(replaces)
            signature = _check_near_duplicate(article, signed, self.index)
            if article.analysable:
                self.analysing[self.runner.submit(analyse, article)] = signature
            else:
                self._done(analyse(article), signature)

    def _done(self, article: Article, signature: bytes | None) -> None:
        self.watch.status(None)
        _count(article, self.report)
        self.watch.advance()
        self.ready.append((article, signature))
        if len(self.ready) >= self.batch_size:
            self._store()

    def _store(self) -> None:
        if self.ready:
            self.database.save(self.ready)
            self.ready = []


def _triage(item: RawArticle | ReadFailure | Notice, database: Database,
            report: _Reporter) -> tuple[bool, str | None]:
    """Count a failure, notice or unchanged source; say whether the item needs processing and the id of the
    stored version it replaces (which leaves the duplicate index, so that the new version of a changed source is not
    taken for a copy of the old one)."""
    if isinstance(item, ReadFailure):
        report.failure(item)
        return False, None
    if isinstance(item, Notice):  # not a regular file: skipped unread
        report.summary.skipped += 1
        report.notice(item)
        return False, None
    report.summary.read += 1
    stored = database.stored_article(item.source)
    if stored is not None and stored.content_hash == item.content_hash and stored.status != FAILED:
        report.summary.unchanged += 1
        return False, None
    return True, stored.id if stored is not None else None


def _start(raw: RawArticle, database: Database, seen: dict[str, str]) -> Article:
    """A new record; an exact copy of stored or earlier content is linked to its original right away."""
    content_hash = raw.content_hash
    original = seen.get(content_hash) or database.original_with_content(content_hash, raw.source)
    if original is None:
        article = new_article(raw)
        seen[content_hash] = article.id
        return article
    article = new_article(raw, source_in_id=True)
    article.duplicate_of, article.duplicate_kind = original, "exact"
    return article


def prepare_and_sign(article: Article) -> tuple[Article, bytes | None]:
    """The cheap stages and the article's MinHash signature, in the worker: the driver, which checks every article
    in turn, keeps only the index look-up (what it does per article bounds how many workers a build can use)."""
    article = prepare(article)
    return article, to_bytes(signature(article)) if article.paragraphs and article.duplicate_of is None else None


def _check_near_duplicate(article: Article, signed: bytes | None, index: DuplicateIndex) -> bytes | None:
    """Mark a near-duplicate of an indexed article; index an original. Returns the signature to store."""
    if article.duplicate_of is not None:
        article.status, article.status_reason = "duplicate", f"exact copy of {article.duplicate_of}"
        return None
    if signed is None:  # no paragraphs
        return None
    minhash = from_bytes(signed)
    original = index.original_of(minhash)
    if original is not None and original != article.id:
        article.duplicate_of, article.duplicate_kind = original, "near"
        article.status, article.status_reason = "duplicate", f"near-duplicate of {original}"
        return None
    index.add(article.id, minhash)
    return signed


def _count(article: Article, report: _Reporter) -> None:
    """Count an analysed article into the summary; what the reader did to it and why it was skipped are notices."""
    for notice in article.raw.notices if article.raw else []:
        report.notice(notice)
    if article.status == FAILED:
        report.failure(ReadFailure(article.source, article.status_reason or "failed"))
    elif article.status == "duplicate":
        report.summary.duplicates += 1
    elif article.status == "skipped":
        report.summary.skipped += 1
        report.notice(Notice(article.source, "skipped", article.status_reason or "not analysed"))
    else:
        report.summary.new += 1
