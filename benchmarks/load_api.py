"""Load benchmark for the REST API (not a test): serve a store with `storyline serve` on loopback in a child
process, drive the article, quotes and search endpoints and the stories and story pages from client threads for a bounded time each, and report
requests/s and latency percentiles per endpoint.

    .venv/bin/python benchmarks/load_api.py --db storyline.db [--seconds 10] [--clients 4]

Each endpoint is warmed by one request first (the sentence model loads, the vector index opens), then measured
on its own (one after the other), so the figures do not mix. Requests cycle through
a few article and quote filters, every article id, search terms made from the corpus' own entity names (full text,
then semantic) and the largest stories.
"""
from __future__ import annotations

import argparse
import itertools
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

import storyline


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(db: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "storyline", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/articles?limit=1", timeout=1).raise_for_status()
            return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def _targets(db: Path) -> dict[str, Callable[[], Iterator[str]]]:
    with storyline.Corpus(db) as corpus:
        ids = [a.id for a in corpus.headers(with_text=False)]
        names = [e.name for e in corpus.entities()][:20] or ["said"]
        speakers = [e.name for e in corpus.entities() if e.label == "PERSON"][:5]
        stories = [s.id for s in corpus.stories(20)]
    quote_filters = ["", "kind=direct", "since=2000-01-01"] + [f"speaker={s}" for s in speakers]
    article_filters = ["", "status=ok", "since=2000-01-01", "offset=2&limit=2"] + [f"speaker={s}" for s in speakers]
    return {
        "GET /api/articles": lambda: itertools.cycle(f"/api/articles?limit=50&{f}" for f in article_filters),
        "GET /api/articles/{id}": lambda: itertools.cycle(f"/api/articles/{i}" for i in ids),
        "GET /api/quotes": lambda: itertools.cycle(f"/api/quotes?limit=50&{f}" for f in quote_filters),
        "GET /api/search?q=": lambda: itertools.cycle(f"/api/search?q={n}" for n in names),
        "GET /api/search?mode=semantic": lambda: itertools.cycle(f"/api/search?mode=semantic&q={n}" for n in names),
        "GET / (stories page)": lambda: itertools.cycle(["/"]),
        "GET /stories/{id} (story page)": lambda: itertools.cycle(f"/stories/{s}" for s in stories),
    }


def _drive(base: str, urls: Callable[[], Iterator[str]], seconds: float, clients: int) -> tuple[list[float], int]:
    """Latencies (seconds) of every request the clients completed within `seconds`, and the count of errors."""
    latencies: list[float] = []
    errors = [0]
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def client() -> None:
        mine, failed = [], 0
        with httpx.Client(base_url=base, timeout=30) as http:
            for url in urls():
                if time.monotonic() >= stop:
                    break
                start = time.perf_counter()
                response = http.get(url)
                mine.append(time.perf_counter() - start)
                failed += response.status_code != 200
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=10.0, help="per endpoint")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client threads (keep-alive)")
    args = parser.parse_args()
    port = _free_port()
    targets = _targets(args.db)
    server = _serve(args.db, port)
    try:
        print(f"{args.db}: {args.clients} clients, {args.seconds:g} s per endpoint, loopback port {port}")
        print(f"{'endpoint':30} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
        for name, urls in targets.items():
            httpx.get(f"http://127.0.0.1:{port}{next(urls())}", timeout=300)  # warm: models load, indexes open
            latencies, errors = _drive(f"http://127.0.0.1:{port}", urls, args.seconds, args.clients)
            print(f"{name:30} {len(latencies):9d} {len(latencies) / args.seconds:8.1f} "
                  f"{_percentile(latencies, 0.5) * 1000:8.1f} {_percentile(latencies, 0.99) * 1000:8.1f} {errors:7d}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
