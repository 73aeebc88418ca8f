"""Startup benchmark (not a test): how long each command takes as a whole process, `--help` and the read-only
listings, beside a bare `python -c pass` in the same run.

    .venv/bin/python benchmarks/startup.py --db seeds.db [--runs 7]

A listing prints through a pipe (no terminal), as in a script. The figure that matters is each command's median
wall time against the 0.5 s aimed for; the bare interpreter's start shows what is Python's own cost on this machine.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

STORYLINE = Path(sys.executable).with_name("storyline")


def _time(command: list[str], runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="A built store (e.g. the seeds).")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.db.exists():
        sys.exit(f"no store at {args.db}: build one first (storyline build ../shared/seeds --db {args.db})")
    db = ["--db", str(args.db)]
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "storyline --help": [str(STORYLINE), "--help"],
        "storyline articles": [str(STORYLINE), "articles", *db],
        "storyline quotes": [str(STORYLINE), "quotes", *db],
        "storyline entities": [str(STORYLINE), "entities", *db],
        "storyline figures": [str(STORYLINE), "figures", *db],
        "storyline timeline": [str(STORYLINE), "timeline", *db],
        "storyline search talks": [str(STORYLINE), "search", "talks", *db],
    }
    print(f"| command | min s | median s | max s |  ({args.runs} runs each)")
    print("| --- | --- | --- | --- |")
    for name, command in commands.items():
        low, mid, high = _time(command, args.runs)
        print(f"| `{name}` | {low:.2f} | {mid:.2f} | {high:.2f} |")


if __name__ == "__main__":
    main()
