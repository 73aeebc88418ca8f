"""Benchmark: `storyline build` against bare `nlp.pipe` of the same spaCy model on the same texts, at the same number
of processes: one, and every core.

    python benchmarks/build_vs_spacy.py ../shared/eval/polnear/train/text [--limit N] [--workers N ...]
                                        [--rounds R] [--articles-only] [--foundation]

For each worker count (default: 1 and every core this process may run on) it times a fresh `storyline build` of
the texts with `workers=N` and bare `nlp.pipe(texts, n_process=N)`, alternating which goes first from round to
round so that a machine shared with other work slows both alike; it prints each side's articles/s, their ratio per
round (the figure to quote: absolute speeds depend on the load), the build's articles phase alone (the per-article
stages, which is what runs on the workers; the rest is reading inputs and the corpus stages), and how busy the
build kept its workers. Each build gets an empty embedding cache, as a first build does. `--articles-only` stops
each build after its articles phase (no corpus stages: they run once, in the driver, after the workers are done),
to compare what the workers do with what spaCy does, at less cost. `--foundation` times the build with only the
foundation's stages (read, clean, language, spaCy, duplicates, store), without the time, quote and figure stages and
the corpus stages (it changes the stages in this process only: with `--workers 1`). Not a test: timings depend on
the machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import storyline
import storyline.api  # import outside the timings, as the model load is
from storyline import builder, corpus, pipeline
from storyline.annotate import annotate, get_nlp
from storyline.executor import all_cores


class PhaseClock:
    """A build's progress listener that notes when each phase starts, to time the articles phase on its own."""

    def __init__(self) -> None:
        self.starts: dict[str, float] = {}

    def phase(self, name: str, total: int | None, unit: str = "") -> None:
        self.starts[name] = time.perf_counter()

    def advance(self, count: int = 1) -> None:
        pass

    def status(self, text: str | None) -> None:
        pass

    def seconds(self, name: str, end: float) -> float:
        later = [start for start in self.starts.values() if start > self.starts[name]]
        return min(later, default=end) - self.starts[name]


@dataclass
class Round:
    spacy_seconds: float
    build_seconds: float
    articles_seconds: float  # the build's articles phase alone
    utilisation: float | None
    line: str


def bare_spacy(texts: list[str], processes: int) -> float:
    nlp = get_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=processes):
        pass
    return time.perf_counter() - start


def storyline_build(folder: Path, workers: int) -> tuple[float, float, storyline.BuildSummary]:
    """Seconds for the whole build and for its articles phase, with the build's summary."""
    clock = PhaseClock()
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["STORYLINE_CACHE"] = str(Path(scratch) / "cache")  # a first build: no embedding cached
        start = time.perf_counter()
        built = storyline.Corpus(Path(scratch) / "bench.db")
        summary = built.build([folder], workers=workers, progress=clock)
        end = time.perf_counter()
        built.close()
    return end - start, clock.seconds("articles", end), summary


def measure(folder: Path, texts: list[str], workers: int, spacy_first: bool) -> Round:
    if spacy_first:
        spacy_seconds = bare_spacy(texts, workers)
    build_seconds, articles_seconds, summary = storyline_build(folder, workers)
    if not spacy_first:
        spacy_seconds = bare_spacy(texts, workers)
    return Round(spacy_seconds, build_seconds, articles_seconds, summary.utilisation, summary.line())


def report(count: int, workers: int, rounds: list[Round]) -> None:
    print(f"workers={workers}: {rounds[-1].line}")
    for number, r in enumerate(rounds, 1):
        print(f"  round {number}: bare nlp.pipe {count / r.spacy_seconds:6.2f} articles/s | storyline build "
              f"{count / r.build_seconds:6.2f} articles/s, articles phase {count / r.articles_seconds:6.2f} | "
              f"ratio {r.spacy_seconds / r.build_seconds:.2f}x (articles phase "
              f"{r.spacy_seconds / r.articles_seconds:.2f}x) | workers busy "
              + (f"{r.utilisation:.0%}" if r.utilisation is not None else "-"))
    ratios = [r.spacy_seconds / r.build_seconds for r in rounds]
    phase_ratios = [r.spacy_seconds / r.articles_seconds for r in rounds]
    print(f"  median ratio {statistics.median(ratios):.2f}x bare spaCy (articles phase "
          f"{statistics.median(phase_ratios):.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder of .txt articles, e.g. polnear/train/text")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N files (0: all)")
    parser.add_argument("--workers", type=int, nargs="+", default=None,
                        help="worker counts to compare at (default: 1 and every core)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds per worker count")
    parser.add_argument("--articles-only", action="store_true", help="stop each build before the corpus stages")
    parser.add_argument("--foundation", action="store_true", help="only the foundation's stages")
    args = parser.parse_args()
    if args.articles_only:
        builder.update_corpus, builder.pending_articles = (lambda database, status=None: {}), (lambda database: [])
    if args.foundation:
        if args.workers != [1]:
            sys.exit("--foundation changes the stages in this process only: run it with --workers 1")
        pipeline.ANALYSE[:] = [annotate]
        corpus.CORPUS_STAGES[:] = []
    if not args.folder.is_dir():
        sys.exit(f"skipped: {args.folder} is not a folder")
    files = sorted(args.folder.glob("*.txt"))[: args.limit or None]
    counts = args.workers or sorted({1, all_cores()})
    with tempfile.TemporaryDirectory() as scratch:
        subset = Path(scratch)
        for file in files:
            (subset / file.name).symlink_to(file.resolve())
        texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
        get_nlp()  # load the model outside every timing
        words = sum(len(t.split()) for t in texts)
        stages = "foundation" if args.foundation else "all per-article" if args.articles_only else "all"
        print(f"{len(files)} articles, {words} words, {stages} stages")
        for workers in counts:
            rounds = [measure(subset, texts, workers, spacy_first=n % 2 == 0) for n in range(args.rounds)]
            report(len(files), workers, rounds)


if __name__ == "__main__":
    main()
