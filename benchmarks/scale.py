"""Scale benchmark (not a test): how the corpus phase, an incremental add and the API behave at 1k–64k articles.

    python benchmarks/scale.py [--sizes 1000 4000 16000 64000] [--base 300] [--new 100] [--work DIR] [--json FILE]
    python benchmarks/scale.py --sizes 200 400 800 --base 40 --new 10      # a quick look (minutes)

What it does, and how per-article results are reused:
1. Base: `--base` real articles (a seeded sample of PolNeAR train, with its publication dates and titles from
   `metadata.tsv`, and WikiRef220, whose five topics and noise give real story structure) are written to a JSON
   Lines file in the work folder and built for real with `storyline.build` (one worker): the per-article stages'
   time per article is measured here and extrapolated to each size (n × seconds per article, one core).
2. Stores: a store of n articles is written from scratch with replicas of the base's analysed records
   (`scale_replicas`: names, digits and years changed with same-length substitutions, so every offset stays valid
   and near-duplicate detection does not collapse them; measured Jaccard to the base ≈ 0.2–0.6, under the 0.7
   threshold), stored through `Database.save` (the store's normal write path, with a real MinHash signature each)
   as if the per-article stages had produced them. No spaCy runs here.
3. Corpus phase: `storyline.build([], db=store)`, the public call, which runs the corpus update over every stored
   article not yet in a story, in a fresh process: its time and the process's peak RSS. The replicas' sentence
   vectors are the base's (`scale_embeddings`: the encoder is wrapped, the counts of reused and really encoded
   texts are reported; the base's own vectors come from the base build's embedding cache), so MiniLM does not
   encode millions of look-alike sentences.
4. Add: a copy of the largest store (with its embedding cache) gets `--new` real articles (not in the base) with
   `storyline.build`: their per-article stages run for real, then the corpus update, each timed.
5. API: `storyline serve`'s app over that store on loopback, in a child process; each listing (articles, quotes,
   entities, figures, timeline, stories, story page data, text search, semantic search) is requested in a bounded
   loop (`--requests`, at most `--seconds` each, one client, random pages), after one warm-up request timed
   apart; p50 and p99 are reported.
The growth exponent is the least-squares slope of log(corpus seconds) over log(n). Each step runs in its own
process (`--child`), so peak RSS is per step. The work folder keeps the base store between runs (delete it to
rebuild); the sized stores are written again on each run.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "eval"
TARGETS = {"exponent": 1.1, "add_factor": 1.5, "add_slack_s": 10.0, "p99_ms": 200.0, "rss_mb": 2048.0}


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB (Linux reports KB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


STEP_NAME = re.compile(r"[\d,/]+")


class PhaseClock:
    """A `storyline` progress watcher that notes when each phase starts, for per-phase seconds, and the seconds
    spent under each kind of status line (counts taken out), for the corpus phase's steps."""

    def __init__(self) -> None:
        self.starts: list[tuple[str, float]] = []
        self.steps: dict[str, float] = {}
        self._step: tuple[str, float] | None = None

    def phase(self, name: str, total: int | None, unit: str = "") -> None:
        self.starts.append((name, time.perf_counter()))

    def advance(self, count: int = 1) -> None:
        pass

    def status(self, text: str | None) -> None:
        if text:
            now = time.perf_counter()
            self._close(now)
            self._step = (STEP_NAME.sub("#", text).split(":")[0], now)

    def _close(self, now: float) -> None:
        if self._step:
            name, start = self._step
            self.steps[name] = self.steps.get(name, 0.0) + now - start
            self._step = None

    def seconds(self, end: float) -> dict[str, float]:
        self._close(end)
        marks = self.starts + [("end", end)]
        return {name: later - start for (name, start), (_, later) in zip(marks, marks[1:])}


def timed_build(paths: list[Path], db: Path) -> dict[str, float]:
    """Build `paths` into `db` through the public API; seconds per phase ("articles", "corpus") and counts."""
    import storyline

    clock = PhaseClock()
    with storyline.Corpus(db) as corpus:
        begin = time.perf_counter()
        summary = corpus.build([str(p) for p in paths], progress=clock)
        end = time.perf_counter()
        assigned = len(corpus.story_assignment())
        stories = len(corpus.stories())
    phases = clock.seconds(end)
    return {"total_s": end - begin, "articles_s": phases.get("articles", 0.0),
            "corpus_s": phases.get("corpus", 0.0), "new": summary.new, "assigned": assigned, "stories": stories,
            "steps_s": {name: round(seconds, 1) for name, seconds in clock.steps.items()}}


# --- inputs ---------------------------------------------------------------------------------------------------


def _polnear(folder: Path) -> list[dict]:
    meta = {}
    with open(folder.parent / "metadata.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            meta[row["filename"]] = row
    found = []
    for path in sorted((folder / "text").glob("*.txt")):
        row = meta.get(path.stem, {})
        found.append({"id": f"polnear/{path.stem}", "title": row.get("title"),
                      "published": row.get("publication_date"), "text": path.read_text(encoding="utf-8")})
    return found


def _wikiref(folder: Path) -> list[dict]:
    return [{"id": f"wikiref/{p.name}", "text": p.read_text(encoding="cp1252", errors="replace")}
            for p in sorted(folder.glob("*.txt"))]


def write_inputs(work: Path, base: int, new: int, seed: int = 13) -> tuple[Path, Path]:
    """Two JSON Lines files of real articles, disjoint: the base (replicated) and the new ones (added for real)."""
    pool = _polnear(SHARED / "polnear" / "train") + _wikiref(SHARED / "wikiref220" / "WikiRef220")
    if len(pool) < base + new:
        raise SystemExit(f"only {len(pool)} source articles for --base {base} + --new {new}")
    random.Random(seed).shuffle(pool)
    files = []
    for name, rows in (("base", pool[:base]), ("new", pool[base:base + new])):
        path = work / f"{name}.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps({k: v for k, v in row.items() if v}) + "\n")
        files.append(path)
    return files[0], files[1]


# --- child steps (each in its own process) -------------------------------------------------------------------


def child_base(work: Path) -> dict:
    """The base store, built for real: per-article seconds measured here."""
    db = work / "base.db"
    for stale in work.glob("base.db*"):
        stale.unlink()
    phases = timed_build([work / "base.jsonl"], db)
    return phases | {"per_article_s": phases["articles_s"] / max(1, phases["new"]), "peak_rss_mb": peak_rss_mb()}


def child_store(work: Path, size: int) -> dict:
    """A store of `size` replicas of the base's analysed articles, written through `Database.save`."""
    sys.path.insert(0, str(HERE))
    from scale_embeddings import TranslationWriter
    from scale_replicas import Generation, replicate
    from storyline.corpus.duplicates import signature, to_bytes
    from storyline.store import Database

    folder = work / f"n{size}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    begin = time.perf_counter()
    base_db = Database(work / "base.db")
    base = [a for a in base_db.load_all() if a.analysable]
    store, sidecar = Database(folder / "store.db"), TranslationWriter(folder / "store.translations")
    written, number, jaccard = 0, 0, []
    while written < size:
        generation = Generation(number)
        batch = []
        for article in base[:size - written]:
            replica = replicate(article, generation)
            minhash = signature(replica)
            if number == 1 and len(jaccard) < 50:
                jaccard.append(signature(article).jaccard(minhash))
            batch.append((replica, to_bytes(minhash)))
            sidecar.add(replica, article)
        store.save(batch)
        written += len(batch)
        number += 1
    sidecar.close()
    store.close()
    return {"seconds": time.perf_counter() - begin, "generations": number, "peak_rss_mb": peak_rss_mb(),
            "replica_jaccard_max": max(jaccard, default=0.0),
            "replica_jaccard_mean": sum(jaccard) / len(jaccard) if jaccard else 0.0}


def _reuse_vectors(work: Path, folder: Path) -> bool:
    sys.path.insert(0, str(HERE))
    import scale_embeddings

    return scale_embeddings.install(folder / "store.translations", work / "base.db",
                                    work / "cache-base" / "embeddings.sqlite3")


def child_corpus(work: Path, size: int) -> dict:
    """The corpus phase over a store of replicas, through the public build call with nothing new to read."""
    import scale_embeddings

    folder = work / f"n{size}"
    reused = _reuse_vectors(work, folder)
    phases = timed_build([], folder / "store.db")
    if phases["assigned"] == 0:  # the public call did not see the replicas as pending: say so loudly
        raise SystemExit("storyline.build([]) ran no corpus update over the stored replicas")
    return {"corpus_s": phases["corpus_s"], "total_s": phases["total_s"], "stories": phases["stories"],
            "steps_s": phases["steps_s"],
            "assigned": phases["assigned"], "peak_rss_mb": peak_rss_mb(), "vectors_wrapped": reused,
            **{f"texts_{k}": v for k, v in scale_embeddings.STATS.items()}}


def child_add(work: Path, size: int) -> dict:
    """`--new` real articles added to a copy of the store of `size`: per-article stages, then the corpus update."""
    import scale_embeddings

    source, folder = work / f"n{size}", work / f"n{size}-add"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    with sqlite3.connect(source / "store.db") as old, sqlite3.connect(folder / "store.db") as new:
        old.backup(new)
    shutil.copy(source / "store.translations", folder / "store.translations")
    for index in source.glob("store.db.*.usearch"):  # a grown store has its vector index shards beside it
        shutil.copy(index, folder / index.name)
    if (source / "cache").exists():
        shutil.copytree(source / "cache", folder / "cache")
    _reuse_vectors(work, folder)
    phases = timed_build([work / "new.jsonl"], folder / "store.db")
    return phases | {"peak_rss_mb": peak_rss_mb(), **{f"texts_{k}": v for k, v in scale_embeddings.STATS.items()}}


def child_serve(work: Path, db: Path, port: int) -> None:
    """Serve the store on loopback until killed (the replicas' vectors reused, as in the corpus phase)."""
    import uvicorn

    from storyline.web.app import create_app

    _reuse_vectors(work, db.parent)
    uvicorn.run(create_app(db), host="127.0.0.1", port=port, log_level="warning", access_log=False)


CHILDREN = {"base": child_base, "store": child_store, "corpus": child_corpus, "add": child_add}


def run_child(work: Path, step: str, *args: object, cache: Path | None = None) -> dict:
    """One step in a fresh process (own peak RSS, own embedding cache); its JSON answer."""
    env = os.environ | {"STORYLINE_CACHE": str(cache or work / "cache-base")}
    command = [sys.executable, str(Path(__file__).resolve()), "--child", step, "--work", str(work),
               *map(str, args)]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"step {step} {args} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- report ---------------------------------------------------------------------------------------------------


def slope(sizes: list[int], seconds: list[float]) -> float | None:
    """Least-squares slope of log(seconds) over log(size): the growth exponent."""
    points = [(math.log(n), math.log(s)) for n, s in zip(sizes, seconds) if s > 0]
    if len(points) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else None


def _mark(ok: bool | None) -> str:
    return "–" if ok is None else ("✓" if ok else "✗")


def report(results: dict) -> str:
    """The markdown tables: per size, the add, the API, the targets."""
    base, sizes = results["base"], results["sizes"]
    lines = [f"Base: {base['new']} real articles built in {base['articles_s']:.1f} s of per-article stages "
             f"({base['per_article_s']:.2f} s/article, one worker) + {base['corpus_s']:.1f} s corpus phase; "
             f"peak RSS {base['peak_rss_mb']:.0f} MB.", "",
             "| articles | per-article stages (extrapolated, 1 core) | store written | corpus phase | corpus peak RSS "
             "| stories | store size | vectors reused / encoded |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in sizes:
        lines.append(f"| {row['n']:,} | {row['n'] * base['per_article_s']:,.0f} s | {row['store']['seconds']:.1f} s "
                     f"| {row['corpus']['corpus_s']:.1f} s | {row['corpus']['peak_rss_mb']:.0f} MB "
                     f"| {row['corpus']['stories']:,} | {row['db_mb']:.0f} MB "
                     f"| {row['corpus']['texts_reused']:,} / {row['corpus']['texts_encoded']:,} "
                     f"(+ {row['corpus'].get('texts_base_encoded', 0):,} base) |")
    lines += ["", *_step_table(sizes)]
    exponent = results.get("exponent")
    steps = [f"{a['n']:,}→{b['n']:,}: {slope([a['n'], b['n']], [a['corpus']['corpus_s'], b['corpus']['corpus_s']]):.2f}"
             for a, b in zip(sizes, sizes[1:])]
    lines += ["", f"Corpus phase growth exponent (log-log slope over {len(sizes)} sizes): "
              + (f"{exponent:.2f}" if exponent is not None else "n/a (one size)")
              + (f"; between neighbouring sizes {', '.join(steps)}" if steps else "")
              + ". Fixed costs (imports, model loads) flatten it at small sizes.", ""]
    add = results.get("add")
    if add:
        lines += [f"Adding {add['new']} articles to the {add['n']:,}-article store: per-article stages "
                  f"{add['articles_s']:.1f} s, corpus update {add['corpus_s']:.1f} s, total {add['total_s']:.1f} s; "
                  f"budget 1.5 × {add['articles_s']:.1f} + 10 = {add['budget_s']:.1f} s; peak RSS "
                  f"{add['peak_rss_mb']:.0f} MB.", ""]
    api = results.get("api")
    if api:
        lines += [f"API at {api['n']:,} articles (loopback, one client, ≤ {api['requests']} requests or "
                  f"{api['seconds']:g} s per endpoint):", "",
                  "| endpoint | requests | first (warm-up) ms | p50 ms | p99 ms | errors |",
                  "| --- | ---: | ---: | ---: | ---: | ---: |"]
        for name, row in api["endpoints"].items():
            lines.append(f"| {name} | {row['requests']} | {row['first_ms']:.0f} | {row['p50_ms']:.1f} "
                         f"| {row['p99_ms']:.1f} | {row['errors']} |")
        lines.append("")
    lines += ["| target | goal | measured | |", "| --- | --- | --- | --- |"]
    for name, goal, measured, ok in results["targets"]:
        lines.append(f"| {name} | {goal} | {measured} | {_mark(ok)} |")
    return "\n".join(lines)


def _step_table(sizes: list[dict]) -> list[str]:
    """Seconds per article of each step of the corpus phase (its status lines), per size: where growth is."""
    names = sorted({name for row in sizes for name in row["corpus"].get("steps_s", {})},
                   key=lambda name: -max(row["corpus"].get("steps_s", {}).get(name, 0.0) for row in sizes))
    if not names:
        return []
    lines = ["Corpus phase by step, milliseconds per article:", "",
             "| step | " + " | ".join(f"{row['n']:,}" for row in sizes) + " |",
             "| --- |" + " ---: |" * len(sizes)]
    for name in names:
        cells = [f"{1000 * row['corpus'].get('steps_s', {}).get(name, 0.0) / row['n']:.2f}" for row in sizes]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def targets(results: dict) -> list[tuple[str, str, str, bool | None]]:
    exponent = results.get("exponent")
    add, api = results.get("add"), results.get("api")
    worst_p99 = max((r["p99_ms"] for r in api["endpoints"].values()), default=None) if api else None
    rss = max([results["base"]["peak_rss_mb"]] + [r["corpus"]["peak_rss_mb"] for r in results["sizes"]]
              + ([add["peak_rss_mb"]] if add else []))
    return [
        ("corpus phase exponent", f"≤ {TARGETS['exponent']}", "n/a" if exponent is None else f"{exponent:.2f}",
         None if exponent is None else exponent <= TARGETS["exponent"]),
        ("add to largest store", "≤ 1.5 × stages + 10 s",
         "n/a" if not add else f"{add['total_s']:.1f} s of {add['budget_s']:.1f} s",
         None if not add else add["total_s"] <= add["budget_s"]),
        ("API p99 (worst endpoint)", f"≤ {TARGETS['p99_ms']:.0f} ms",
         "n/a" if worst_p99 is None else f"{worst_p99:.0f} ms", None if worst_p99 is None
         else worst_p99 <= TARGETS["p99_ms"]),
        ("peak RSS (any step)", f"≤ {TARGETS['rss_mb']:.0f} MB", f"{rss:.0f} MB", rss <= TARGETS["rss_mb"]),
    ]


# --- driver ---------------------------------------------------------------------------------------------------


def measure(args: argparse.Namespace) -> dict:
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    write_inputs(work, args.base, args.new)
    stamp = work / "base.stamp"
    wanted = f"{args.base} {args.new}"
    if not (work / "base.db").exists() or not stamp.exists() or stamp.read_text() != wanted:
        print(f"building the base ({args.base} real articles) …", file=sys.stderr)
        (work / "base.json").write_text(json.dumps(run_child(work, "base")))
        stamp.write_text(wanted)
    results: dict = {"base": json.loads((work / "base.json").read_text()), "sizes": []}
    for size in sorted(args.sizes):
        print(f"{size:,} articles: writing replicas, then the corpus phase …", file=sys.stderr)
        cache = work / f"n{size}" / "cache"
        store = run_child(work, "store", size, cache=cache)
        corpus = run_child(work, "corpus", size, cache=cache)
        db_mb = (work / f"n{size}" / "store.db").stat().st_size / 1e6
        results["sizes"].append({"n": size, "store": store, "corpus": corpus, "db_mb": db_mb})
    results["exponent"] = slope([r["n"] for r in results["sizes"]], [r["corpus"]["corpus_s"] for r in results["sizes"]])
    largest = max(args.sizes)
    if args.new:
        print(f"adding {args.new} real articles to the {largest:,}-article store …", file=sys.stderr)
        add = run_child(work, "add", largest, cache=work / f"n{largest}-add" / "cache")
        add |= {"n": largest, "budget_s": TARGETS["add_factor"] * add["articles_s"] + TARGETS["add_slack_s"]}
        results["add"] = add
    if args.requests:
        from scale_api import measure_api

        print(f"timing the API on the {largest:,}-article store …", file=sys.stderr)
        db = work / (f"n{largest}-add" if args.new else f"n{largest}") / "store.db"
        results["api"] = measure_api(work, db, Path(__file__).resolve(), args.requests, args.seconds) | {"n": largest}
    results["targets"] = targets(results)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000, 64000])
    parser.add_argument("--base", type=int, default=300, help="real articles built for real and replicated")
    parser.add_argument("--new", type=int, default=100, help="real articles added to the largest store (0: skip)")
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "storyline-scale")
    parser.add_argument("--requests", type=int, default=200, help="per API endpoint (0: skip the API)")
    parser.add_argument("--seconds", type=float, default=30.0, help="at most, per API endpoint")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("child_args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "serve":
        child_serve(args.work, Path(args.child_args[0]), int(args.child_args[1]))
        return
    if args.child:
        print(json.dumps(CHILDREN[args.child](args.work, *map(int, args.child_args))))
        return
    if min(args.sizes) < 1 or args.base < 1 or args.new < 0 or args.requests < 0:
        parser.error("sizes and --base must be positive; --new and --requests not negative")
    results = measure(args)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
