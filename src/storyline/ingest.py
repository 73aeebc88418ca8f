"""Ingest: read files, run the per-article stages, check duplicates, store, then run the corpus stages.

Work streams in batches, so a folder of any size runs in bounded memory, and each batch is stored in one
transaction: a crash loses at most the batch in flight, never what was stored before.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from .corpus import CORPUS_STAGES, run_corpus_stages, updated_items
from .corpus.duplicates import THRESHOLD, DuplicateIndex, signature, to_bytes
from .pipeline import Executor, analyse, new_article, prepare
from .read import DEFAULT_MAX_BYTES, read_paths
from .record import Article, RawArticle, ReadFailure
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
    """What a build did, for the closing line and `--strict`."""

    read: int = 0
    new: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped: int = 0
    failures: list[ReadFailure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        return (
            f"read {self.read}, new {self.new}, unchanged {self.unchanged}, duplicates {self.duplicates}, "
            f"skipped {self.skipped}, failed {self.failed}"
        )


Progress = Callable[[str], None]


def ingest(
    database: Database,
    paths: Iterable[str | Path],
    workers: int = 1,
    executor: str = "processes",
    progress: Progress | None = None,
    on_failure: Callable[[ReadFailure], None] | None = None,
    settings: dict[str, int | float] | None = None,
) -> BuildSummary:
    """Add what is new or changed under `paths` to `database`; see the module docstring.

    `settings` overrides the defaults of `SETTINGS` by name."""
    values = {row.name: row.default for row in SETTINGS} | (settings or {})
    summary = BuildSummary()
    index = DuplicateIndex(database.minhashes(), threshold=values[THRESHOLD.name])
    seen: dict[str, str] = {}  # content hash -> id of the original, within this build
    runner = Executor(workers, executor)
    try:
        articles = read_paths(paths, max_bytes=int(values[MAX_FILE_MB.name] * 1_000_000))
        for batch in _batches(articles, int(values[BATCH_SIZE.name])):
            fresh = _triage(batch, database, summary, on_failure, index)
            prepared = list(runner.map(prepare, [_start(raw, database, seen) for raw in fresh]))
            signatures = [_check_near_duplicate(article, index) for article in prepared]
            analysed = list(runner.map(analyse, prepared))
            database.save(zip(analysed, signatures))
            for article in analysed:
                _count(article, summary, on_failure)
                if progress:
                    progress(article.source)
    finally:
        runner.close()
        database.record_failures(summary.failures)
    if summary.new or summary.duplicates or not database.has_corpus_results():
        for name, reason in update_corpus(database).items():
            failure = ReadFailure(f"corpus stage {name}", reason)
            summary.failures.append(failure)
            if on_failure:
                on_failure(failure)
    return summary


def update_corpus(database: Database) -> dict[str, str]:
    """Run the corpus stages over every analysed article and store their results (one transaction); returns the
    stages that failed, with why."""
    if not CORPUS_STAGES:
        return {}
    articles = [article for article in database.load_all() if article.analysable]
    run = run_corpus_stages(articles)
    database.save_corpus(run.results, articles, updated_items())
    return run.failures


def _batches(items: Iterator, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _triage(
    batch: list[RawArticle | ReadFailure],
    database: Database,
    summary: BuildSummary,
    on_failure: Callable[[ReadFailure], None] | None,
    index: DuplicateIndex,
) -> list[RawArticle]:
    """Count failures and unchanged sources; return the raw articles that need processing.

    A source whose content changed leaves the duplicate index, so its new version is not taken for a copy of the
    old one it replaces."""
    fresh = []
    for item in batch:
        if isinstance(item, ReadFailure):
            summary.failures.append(item)
            if on_failure:
                on_failure(item)
            continue
        summary.read += 1
        stored = database.stored_article(item.source)
        if stored is not None and stored.content_hash == item.content_hash and stored.status != FAILED:
            summary.unchanged += 1
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


def _count(article: Article, summary: BuildSummary, on_failure: Callable[[ReadFailure], None] | None) -> None:
    if article.status == FAILED:
        failure = ReadFailure(article.source, article.status_reason or "failed")
        summary.failures.append(failure)
        if on_failure:
            on_failure(failure)
    elif article.status == "duplicate":
        summary.duplicates += 1
    elif article.status == "skipped":
        summary.skipped += 1
    else:
        summary.new += 1
