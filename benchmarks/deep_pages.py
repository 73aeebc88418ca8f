"""Deep-page latencies of the REST listings on a built store (not a test): each listing asked for `requests`
random pages (`limit=50`, offset uniform over its total) in-process through the ASGI client, one at a time, after
one warm-up request; p50 and p99 per listing in ms. What `scale_api.py` asks over HTTP, without the server.

    PYTHONPATH=src .venv/bin/python benchmarks/deep_pages.py STORE.db [--requests 40] [--seed 0]

The store is opened as it is (a store built before an index was added gets it on this open).
"""
from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

LISTINGS = ("articles", "quotes", "entities", "figures", "timeline", "stories")
PAGE = 50


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", nargs="*", default=LISTINGS, help="listings to time")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    client = TestClient(create_app(args.store))
    print(f"{'listing':<10} {'total':>8} {'warm-up':>9} {'p50 ms':>8} {'p99 ms':>8}")
    for listing in args.only:
        start = time.perf_counter()
        total = client.get(f"/api/{listing}", params={"limit": 1}).raise_for_status().json()["total"]
        warm = (time.perf_counter() - start) * 1000
        timings = []
        for _ in range(args.requests):
            params = {"limit": PAGE, "offset": rng.randrange(max(1, total))}
            start = time.perf_counter()
            client.get(f"/api/{listing}", params=params).raise_for_status()
            timings.append((time.perf_counter() - start) * 1000)
        print(f"{listing:<10} {total:>8} {warm:>9.0f} {_percentile(timings, 0.5):>8.0f} "
              f"{_percentile(timings, 0.99):>8.0f}", flush=True)


if __name__ == "__main__":
    main()
