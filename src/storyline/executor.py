"""Where per-article functions run: in this process, in a pool of worker processes, or as Ray tasks.

Work streams: the caller submits tasks while fewer than `capacity` are in flight and takes results as they finish,
in whatever order they finish, so a worker never waits for a batch's slowest article or for the caller storing the
last results (a barrier per batch left most cores idle at each batch's tail). Each task times itself in the worker,
so the executor knows how busy its workers were: `utilisation`.
"""
from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

BACKENDS = ("processes", "ray")
# Tasks in flight per worker: enough that each worker has its next article queued while the caller stores results
# (a spaCy article takes ~0.1 s, storing a batch a few ms), few enough that little is lost or held in memory.
PER_WORKER = 4


def all_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS has one, so a container's or a job
    scheduler's limit counts): what `storyline build` uses by default."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def timed(func: Callable[[T], R], item: T) -> tuple[R, float]:
    """Run `func(item)` in the worker and say how long it took there: the busy time behind `utilisation`."""
    start = time.perf_counter()
    result = func(item)
    return result, time.perf_counter() - start


# What worker processes import once, before any of them starts: the stages and their libraries (spaCy, thinc, torch).
PRELOAD = ["storyline.pipeline"]


def _worker_context() -> BaseContext:
    """Worker processes forked from a fork server that imported the stages' libraries once, so a worker starts in
    milliseconds instead of importing them itself (seconds each, all at once on a machine with many cores). Not a
    plain fork of this process: forking a process whose libraries run threads can deadlock the children; the fork
    server is a fresh single-threaded process. Spawn where there is no fork server (Windows, macOS's default)."""
    if "forkserver" not in get_all_start_methods():
        return get_context("spawn")
    context = get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def one_thread_each() -> None:
    """In a worker process: its libraries compute on one thread. The workers are the parallelism; torch's default
    of a thread per core in every worker oversubscribes the cores (measured: two workers on two cores built slower
    than one)."""
    os.environ["STORYLINE_THREADS"] = "1"


@dataclass
class Executor:
    """Runs tasks in this process (workers=1), in a pool of worker processes, or as Ray tasks (a local Ray started
    with `workers` CPUs, or the cluster Ray is already connected to). The stages are pure functions of one article,
    so all three give the same articles, whatever order the tasks finish in."""

    workers: int = 1
    backend: str = "processes"
    busy_seconds: float = 0.0
    _pool: ProcessPoolExecutor | None = None
    _ray_started: bool = False
    _ray_task: Any = None
    _slots: int | None = None
    _tickets: Iterator[int] = field(default_factory=lambda: iter(range(1 << 62)))
    _in_flight: dict[int, Any] = field(default_factory=dict)  # ticket -> Future, Ray ObjectRef, or None (done here)
    _done_here: list[tuple[int, tuple[Any, float]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ValueError(f"unknown executor {self.backend!r}; choose one of {', '.join(BACKENDS)}")

    @property
    def in_process(self) -> bool:
        return self.backend == "processes" and self.workers <= 1

    @property
    def slots(self) -> int:
        """How many tasks can run at once: the workers, or the CPUs of the Ray cluster this process joined."""
        if self._slots is None:
            self._slots = 1 if self.in_process else self.workers
            if self.backend == "ray":
                ray = self._ray()
                self._slots = max(1, int(ray.cluster_resources().get("CPU", self.workers)))
        return self._slots

    @property
    def capacity(self) -> int:
        """How many tasks to keep in flight, so that no worker waits for its next one."""
        return 1 if self.in_process else self.slots * PER_WORKER

    @property
    def in_flight(self) -> int:
        """Tasks submitted whose results the caller has not taken yet."""
        return len(self._in_flight)

    def submit(self, func: Callable[[T], R], item: T) -> int:
        """Start `func(item)`; returns the ticket its result comes back with from `results`."""
        ticket = next(self._tickets)
        if self.in_process:
            self._done_here.append((ticket, timed(func, item)))
            self._in_flight[ticket] = None
        elif self.backend == "ray":
            self._in_flight[ticket] = self._remote().remote(func, item)
        else:
            self._in_flight[ticket] = self._process_pool().submit(timed, func, item)
        return ticket

    def results(self) -> list[tuple[int, Any]]:
        """(ticket, result) of every task finished by now, in the order they finished; waits while none has."""
        if not self._in_flight:
            return []
        if self.in_process:
            finished, self._done_here = self._done_here, []
        elif self.backend == "ray":
            finished = self._ray_results()
        else:
            finished = self._pool_results()
        out = []
        for ticket, (result, seconds) in finished:
            del self._in_flight[ticket]
            self.busy_seconds += seconds
            out.append((ticket, result))
        return out

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """`func` over `items`, yielded in input order, streaming with at most `capacity` tasks in flight (for
        callers that need no more than a map; the build streams with `submit` and `results`)."""
        iterator, order, arrived = iter(items), deque(), {}
        exhausted = False
        while True:
            while not exhausted and self.in_flight < self.capacity and len(order) < 4 * self.capacity:
                try:
                    order.append(self.submit(func, next(iterator)))
                except StopIteration:
                    exhausted = True
            if not order:
                return
            if order[0] not in arrived:
                arrived.update(self.results())
            while order and order[0] in arrived:
                yield arrived.pop(order.popleft())

    def utilisation(self, wall_seconds: float) -> float | None:
        """Busy time of the workers over the time they were there for (`wall_seconds` × workers); None before any
        task ran."""
        if not self.busy_seconds or wall_seconds <= 0:
            return None
        return min(1.0, self.busy_seconds / (wall_seconds * self.slots))

    def describe(self) -> str:
        """Where the stages run, in words, for a status line."""
        if self.backend == "ray":
            return f"on Ray, {self.workers} CPUs"
        return "in this process" if self.workers <= 1 else f"in each of {self.workers} worker processes"

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        if self._ray_started:
            import ray

            ray.shutdown()
            self._ray_started = False
        self._in_flight.clear()
        self._done_here.clear()

    # --- the two kinds of workers -------------------------------------------------------------------------------

    def _process_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_worker_context(),
                                             initializer=one_thread_each)
        return self._pool

    def _pool_results(self) -> list[tuple[int, tuple[Any, float]]]:
        tickets = {future: ticket for ticket, future in self._in_flight.items()}
        done, _ = wait(tickets, return_when=FIRST_COMPLETED)
        finished: list[Future] = sorted(done, key=tickets.__getitem__)
        return [(tickets[future], future.result()) for future in finished]

    def _ray(self) -> Any:
        try:
            import ray
        except ImportError:
            raise RuntimeError("the ray executor needs Ray: pip install -e '.[ray]'") from None
        if not ray.is_initialized():
            ray.init(num_cpus=self.workers, include_dashboard=False, log_to_driver=False, configure_logging=False)
            self._ray_started = True
        return ray

    def _remote(self) -> Any:
        if self._ray_task is None:
            self._ray_task = self._ray().remote(timed)
        return self._ray_task

    def _ray_results(self) -> list[tuple[int, tuple[Any, float]]]:
        ray = self._ray()
        tickets = {ref: ticket for ticket, ref in self._in_flight.items()}
        refs = list(tickets)
        ready, rest = ray.wait(refs, num_returns=1)
        if rest:  # and whatever else is ready by now, without waiting
            ready += ray.wait(rest, num_returns=len(rest), timeout=0)[0]
        return list(zip((tickets[ref] for ref in ready), ray.get(ready)))
