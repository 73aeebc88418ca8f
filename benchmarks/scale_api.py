"""The scale benchmark's API step: serve a store on loopback in a child process and time each listing.

One client, sequential requests (latency, not throughput: `load_api.py` measures throughput), a bounded loop per
endpoint: at most `requests` requests or `seconds` seconds, after one warm-up request timed apart (a first request
may fill a cache or load a model). Listings are asked for random pages across their whole length, so a deep page
costs what it costs; the story page and the searches cycle through story ids and entity names the API itself lists.
"""
from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import httpx

PAGE = 50
LISTINGS = ("articles", "quotes", "entities", "figures", "timeline", "stories")
WARM_UP_TIMEOUT_S = 600.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(work: Path, db: Path, script: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = os.environ | {"STORYLINE_CACHE": str(db.parent / "cache")}
    log = open(db.parent / "server.log", "w")  # a pipe nobody reads would stall the server once full
    server = subprocess.Popen([sys.executable, str(script), "--child", "serve", "--work", str(work), str(db),
                               str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: see {log.name}")
        try:
            httpx.get(f"{base}/api/stories?limit=1", timeout=2)
            return server, base
        except httpx.HTTPError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the server did not start")


def _total(http: httpx.Client, listing: str) -> int:
    response = http.get(f"/api/{listing}", params={"limit": 1}, timeout=WARM_UP_TIMEOUT_S)
    return int(response.json().get("total", 0)) if response.status_code == 200 else 0


def _url_makers(http: httpx.Client, rng: random.Random) -> dict[str, Callable[[], tuple[str, dict]]]:
    """Each endpoint's next URL: random pages of the listings, story pages and searches by the API's own names."""
    makers: dict[str, Callable[[], tuple[str, dict]]] = {}
    for listing in LISTINGS:
        total = _total(http, listing)
        makers[f"GET /api/{listing}"] = (lambda listing=listing, total=total: (
            f"/api/{listing}", {"limit": PAGE, "offset": rng.randrange(max(1, total))}))
    stories = http.get("/api/stories", params={"limit": 500}, timeout=WARM_UP_TIMEOUT_S).json().get("items", [])
    ids = [s["id"] for s in stories] or ["none"]
    makers["GET /api/stories/{id}"] = lambda: (f"/api/stories/{quote(rng.choice(ids), safe='')}", {})
    entities = http.get("/api/entities", params={"limit": 200}, timeout=WARM_UP_TIMEOUT_S).json().get("items", [])
    names = [e["name"] for e in entities] or ["said"]
    makers["GET /api/search (text)"] = lambda: ("/api/search", {"q": rng.choice(names)})
    makers["GET /api/search (semantic)"] = lambda: ("/api/search", {"mode": "semantic", "q": rng.choice(names)})
    return makers


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def _get(http: httpx.Client, next_url: Callable[[], tuple[str, dict]]) -> tuple[float, bool]:
    """One request: its latency in ms and whether it failed (a status other than 200, or no answer)."""
    path, params = next_url()
    start = time.perf_counter()
    try:
        failed = http.get(path, params=params, timeout=WARM_UP_TIMEOUT_S).status_code != 200
    except httpx.HTTPError:
        failed = True
    return (time.perf_counter() - start) * 1000, failed


def _time(http: httpx.Client, next_url: Callable[[], tuple[str, dict]], requests: int, seconds: float) -> dict:
    first_ms, errors = _get(http, next_url)
    latencies = []
    stop = time.monotonic() + seconds
    while len(latencies) < requests and time.monotonic() < stop:
        latency, failed = _get(http, next_url)
        latencies.append(latency)
        errors += failed
    return {"requests": len(latencies), "first_ms": first_ms, "p50_ms": _percentile(latencies, 0.5),
            "p99_ms": _percentile(latencies, 0.99), "errors": errors}


def measure_api(work: Path, db: Path, script: Path, requests: int, seconds: float) -> dict:
    """p50/p99 per endpoint over the store at `db`, served by `script --child serve` on loopback."""
    server, base = _serve(work, db, script)
    try:
        with httpx.Client(base_url=base) as http:
            makers = _url_makers(http, random.Random(7))
            endpoints = {name: _time(http, make, requests, seconds) for name, make in makers.items()}
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"endpoints": endpoints, "requests": requests, "seconds": seconds}
