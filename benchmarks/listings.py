"""Listing latencies on a large synthetic store (not a test): the articles of a built store replicated N times
(ids, sources, dates and outlets changed; texts and items kept), then each REST listing timed in-process through
the ASGI client, one request at a time, after one warm-up request.

    .venv/bin/python benchmarks/listings.py --seeds seeds.db --out big.db --copies 10000 [--rounds 5]

Sentence vectors are random unit vectors (embedding 200k sentences would take hours on a small machine): the
semantic search timing is the index's and the query encoding's, its answers are meaningless. Stories are not
assigned (no corpus phase), so the stories page lists none.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import statistics
import time
from pathlib import Path

import numpy as np

from storyline.embed import DIMENSIONS
from storyline.record import PARAGRAPH_SEPARATOR
from storyline.store import Database, vectors

URLS = ["/api/articles?limit=50", "/api/articles?limit=50&offset=5000",
        "/api/articles?status=ok&since=2010-01-01&until=2010-12-31", "/api/articles?outlet=outlet%207",
        "/api/quotes?limit=50", "/api/quotes?limit=50&kind=direct&offset=20000", "/api/quotes?since=2010-01-01",
        "/api/search?q=Assad", "/api/search?q=Assad%20talks&mode=semantic", "/"]


def replicate(seeds: Path, out: Path, copies: int) -> None:
    stored = Database(seeds).load_all()
    db = Database(out)
    batch = []
    for i in range(copies):
        article = dataclasses.replace(stored[i % len(stored)])
        digest = hashlib.sha1(str(i).encode()).hexdigest()
        article.id, article.source, article.content_hash, article.raw = digest[:16], f"copy/{i}.txt", digest, None
        article.published, article.outlet = f"{2000 + i % 20}-{1 + i % 12:02d}-{1 + i % 28:02d}", f"Outlet {i % 50}"
        batch.append((article, None))
        if len(batch) == 500:
            db.save(batch)
            batch = []
    db.save(batch)
    _random_vectors(db)
    vectors.update(db)


def _random_vectors(db: Database) -> None:
    rng = np.random.default_rng(0)
    rows = []
    for article, paragraphs in db.conn.execute("SELECT id, paragraphs FROM articles WHERE status = 'ok'").fetchall():
        text = PARAGRAPH_SEPARATOR.join(json.loads(paragraphs))
        for idx, start, end in db.conn.execute('SELECT idx, "start", "end" FROM sentences WHERE article = ?',
                                               (article,)).fetchall():
            vector = rng.standard_normal(DIMENSIONS).astype(np.float32)
            rows.append((article, idx, text[start:end], (vector / np.linalg.norm(vector)).astype(np.float16).tobytes()))
    with db.transaction() as conn:
        conn.executemany("INSERT INTO sentence_vectors (article, sentence, text, vector) VALUES (?, ?, ?, ?)", rows)


def main() -> None:
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, required=True, help="a built store whose articles are replicated")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not args.out.exists():
        start = time.perf_counter()
        replicate(args.seeds, args.out, args.copies)
        print(f"{args.out}: {args.copies} articles in {time.perf_counter() - start:.0f} s")
    client = TestClient(create_app(args.out))
    for url in URLS:
        client.get(url)
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        total = response.json().get("total", "") if url.startswith("/api") else ""
        print(f"{url:60} {response.status_code} total {total!s:>7}  median {statistics.median(times):7.1f} ms"
              f"  max {max(times):7.1f} ms")


if __name__ == "__main__":
    main()
