"""Benchmark: `storyline build` against bare `nlp.pipe` of the same spaCy model on the same texts.

    python benchmarks/build_vs_spacy.py ../shared/eval/polnear/train/text [--limit N] [--workers N] [--foundation]

Prints articles/s for both, the ratio (goal: storyline >= 0.8x bare spaCy) and peak memory. `--foundation` times
the build with only the foundation's stages (read, clean, language, spaCy, duplicates, store), without the time,
quote and figure stages and the corpus stages, to show what each layer costs. Not a test: timings depend on the
machine; run it on a quiet one.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import storyline
import storyline.api  # import outside the timings, as the model load is
from storyline import corpus, pipeline
from storyline.annotate import annotate, get_nlp


def bare_spacy(texts: list[str]) -> float:
    nlp = get_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - start


def storyline_build(folder: Path, workers: int) -> tuple[float, storyline.BuildSummary]:
    with tempfile.TemporaryDirectory() as scratch:
        start = time.perf_counter()
        corpus = storyline.build(folder, db=Path(scratch) / "bench.db", workers=workers)
        elapsed = time.perf_counter() - start
        summary = corpus.last_build
        corpus.close()
    return elapsed, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder of .txt articles, e.g. polnear/train/text")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N files (0: all)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--foundation", action="store_true", help="only the foundation's stages")
    args = parser.parse_args()
    if args.foundation:
        pipeline.ANALYSE[:] = [annotate]
        corpus.CORPUS_STAGES[:] = []
    if not args.folder.is_dir():
        sys.exit(f"skipped: {args.folder} is not a folder")
    files = sorted(args.folder.glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    with tempfile.TemporaryDirectory() as scratch:
        subset = Path(scratch)
        for file in files:
            (subset / file.name).symlink_to(file.resolve())
        texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
        get_nlp()  # load the model outside both timings
        build_seconds, summary = storyline_build(subset, args.workers)
        build_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before bare spaCy's batches
        spacy_seconds = bare_spacy(texts)
    words = sum(len(t.split()) for t in texts)
    spacy_rate, build_rate = len(files) / spacy_seconds, len(files) / build_seconds
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(files)} articles, {words} words; storyline: {summary.line()}")
    print(f"bare nlp.pipe    : {spacy_seconds:7.1f} s  {spacy_rate:6.1f} articles/s")
    stages = "foundation stages" if args.foundation else "all stages"
    print(f"storyline build  : {build_seconds:7.1f} s  {build_rate:6.1f} articles/s  (workers={args.workers}, {stages})")
    print(f"ratio            : {build_rate / spacy_rate:.2f}x bare spaCy")
    print(f"peak RSS         : {build_peak_mb:.0f} MB after the build, {peak_mb:.0f} MB after bare nlp.pipe")


if __name__ == "__main__":
    main()
