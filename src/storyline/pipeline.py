"""The order of the per-article stages, and how to run them over many articles.

Two groups of per-article stages sit on either side of the duplicate check (a corpus stage): `PREPARE` cleans and
identifies the language of every article; `ANALYSE` runs the expensive NLP only on articles that are new, English and
not a duplicate. Both groups are pure functions of one article, so `Executor` can map them in a loop, over worker
processes or on Ray without change.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .annotate import annotate
from .clean import clean, detect_language
from .figures import extract_figures
from .positions.stage import extract_positions
from .quotes import extract_quotes
from .record import Article, RawArticle, article_id
from .stages import Stage, check_order, run_stages
from .time import resolve_time

PREPARE: list[Stage] = [clean, detect_language]
ANALYSE: list[Stage] = [annotate, resolve_time, extract_quotes, extract_figures, extract_positions]
check_order(PREPARE + ANALYSE)

T = TypeVar("T")
R = TypeVar("R")


def new_article(raw: RawArticle, source_in_id: bool = False) -> Article:
    """The record a reader's output starts as; `source_in_id` distinguishes an exact duplicate from its original."""
    content_hash = raw.content_hash
    return Article(
        id=article_id(content_hash, raw.source if source_in_id else None),
        source=raw.source,
        content_hash=content_hash,
        raw=raw,
    )


def prepare(article: Article) -> Article:
    return run_stages(article, PREPARE)


def analyse(article: Article) -> Article:
    """Run the NLP stages, then drop the spaCy Docs: corpus stages and the store work on the compact record."""
    if article.analysable:
        article = run_stages(article, ANALYSE)
    article.docs = None
    return article


def process(raw: RawArticle) -> Article:
    """One raw article through every per-article stage: what tests and evaluations use."""
    return analyse(prepare(new_article(raw)))


BACKENDS = ("processes", "ray")


def all_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS has one, so a container's or a job
    scheduler's limit counts): what `storyline build` uses by default."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@dataclass
class Executor:
    """Maps a per-article function over a batch, in order: in this process (workers=1), in a pool of worker
    processes, or as Ray tasks (a local Ray started with `workers` CPUs, or the cluster Ray is already connected to).
    The stages are pure functions of one article, so all three give the same articles."""

    workers: int = 1
    backend: str = "processes"
    _pool: ProcessPoolExecutor | None = None
    _ray_started: bool = False
    _remote: dict[Callable, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ValueError(f"unknown executor {self.backend!r}; choose one of {', '.join(BACKENDS)}")

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        if self.backend == "ray":
            return self._ray_map(func, items)
        if self.workers <= 1:
            return map(func, items)
        if self._pool is None:
            # spawn, not fork: forking a process whose libraries run threads can deadlock the children.
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=get_context("spawn"))
        return self._pool.map(func, items, chunksize=4)

    def describe(self) -> str:
        """Where the stages run, in words, for a status line."""
        if self.backend == "ray":
            return f"on Ray, {self.workers} CPUs"
        return "in this process" if self.workers <= 1 else f"in each of {self.workers} worker processes"

    def _ray_map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        try:
            import ray
        except ImportError:
            raise RuntimeError("the ray executor needs Ray: pip install -e '.[ray]'") from None

        if not ray.is_initialized():
            ray.init(num_cpus=self.workers, include_dashboard=False, log_to_driver=False, configure_logging=False)
            self._ray_started = True
        remote = self._remote.setdefault(func, ray.remote(func))
        return iter(ray.get([remote.remote(item) for item in items]))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        if self._ray_started:
            import ray

            ray.shutdown()
            self._ray_started = False
