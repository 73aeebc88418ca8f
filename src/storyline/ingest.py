"""Ingest: read files, run the per-article stages, check duplicates, store, then run the corpus stages.

Work streams in batches, so a folder of any size runs in bounded memory, and each batch is stored in one
transaction: a crash loses at most the batch in flight, never what was stored before.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from .corpus.update import pending_articles, update_corpus
from .corpus.duplicates import THRESHOLD, DuplicateIndex, signature, to_bytes
from .pipeline import Executor, analyse, new_article, prepare
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
BATCH_SIZE = Setting("batch_size", 32, "Articles per batch; each batch is stored in one transaction.")
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

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        return (
            f"read {self.read}, new {self.new}, unchanged {self.unchanged}, duplicates {self.duplicates}, "
            f"skipped {self.skipped}, failed {self.failed}"
        )


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


def ingest(
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
    seen: dict[str, str] = {}  # content hash -> id of the original, within this build
    watch.phase("counting inputs", None)
    total = count_items(paths)
    watch.advance(total)
    runner = Executor(workers, executor)
    watch.phase("articles", total, "articles")
    try:
        articles = read_paths(paths, max_bytes=int(values[MAX_FILE_MB.name] * 1_000_000))
        for number, batch in enumerate(_batches(articles, int(values[BATCH_SIZE.name]))):
            fresh = _triage(batch, database, report, index)
            watch.advance(len(batch) - len(fresh))
            prepared = list(runner.map(prepare, [_start(raw, database, seen) for raw in fresh]))
            signatures = [_check_near_duplicate(article, index) for article in prepared]
            if number == 0 and prepared:
                watch.status(f"loading the spaCy model ({runner.describe()})")
            analysed = []
            for article in runner.map(analyse, prepared):
                watch.status(None)
                analysed.append(article)
                _count(article, report)
                watch.advance()
            database.save(zip(analysed, signatures))
    finally:
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
    query never waits for them (store.vectors)."""
    from .store import vectors

    if vectors.add_missing(database, watch.status):
        vectors.update(database)
    watch.status(None)


def _batches(items: Iterator, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _triage(batch: list[RawArticle | ReadFailure | Notice], database: Database, report: _Reporter,
            index: DuplicateIndex) -> list[RawArticle]:
    """Count failures, notices and unchanged sources; return the raw articles that need processing.

    A source whose content changed leaves the duplicate index, so its new version is not taken for a copy of the
    old one it replaces."""
    fresh = []
    for item in batch:
        if isinstance(item, ReadFailure):
            report.failure(item)
            continue
        if isinstance(item, Notice):  # not a regular file: skipped unread
            report.summary.skipped += 1
            report.notice(item)
            continue
        report.summary.read += 1
        stored = database.stored_article(item.source)
        if stored is not None and stored.content_hash == item.content_hash and stored.status != FAILED:
            report.summary.unchanged += 1
            continue
        if stored is not None:
            index.discard(stored.id)
        fresh.append(item)
    return fresh


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


def _check_near_duplicate(article: Article, index: DuplicateIndex) -> bytes | None:
    """Mark a near-duplicate of an indexed article; index an original. Returns the signature to store."""
    if article.duplicate_of is not None:
        article.status, article.status_reason = "duplicate", f"exact copy of {article.duplicate_of}"
        return None
    if not article.paragraphs:
        return None
    minhash = signature(article)
    original = index.original_of(minhash)
    if original is not None and original != article.id:
        article.duplicate_of, article.duplicate_kind = original, "near"
        article.status, article.status_reason = "duplicate", f"near-duplicate of {original}"
        return None
    index.add(article.id, minhash)
    return to_bytes(minhash)


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
