"""Benchmark: what each per-article stage costs, and the quote stage's share of per-article time.

    python benchmarks/stage_costs.py ../shared/eval/polnear/dev/text [--limit N] [--rules-only]

Every text goes through the real per-article stages one by one (clean, language, spaCy, time, quotes, figures),
each timed; the model is loaded before the clock starts. Prints seconds per stage and what the quote stage adds to
the time of all the others, and to spaCy's alone. `--rules-only` runs the quote stage without its attribution tagger, to show what
the tagger costs. Not a test: timings depend on the machine; run it on a quiet one.
"""
from __future__ import annotations

import argparse
from contextlib import nullcontext
import sys
import time
from collections import defaultdict
from pathlib import Path

from storyline import pipeline
from storyline.annotate import get_nlp
from storyline.quotes import learned
from storyline.record import RawArticle


def stage_seconds(files: list[Path]) -> dict[str, float]:
    """Seconds spent in each per-article stage over the files, in pipeline order."""
    spent: dict[str, float] = defaultdict(float)
    for path in files:
        article = pipeline.new_article(RawArticle(source=path.name, text=path.read_text(encoding="utf-8")))
        for stage in pipeline.PREPARE + pipeline.ANALYSE:
            if stage in pipeline.ANALYSE and not article.analysable:
                break
            started = time.perf_counter()
            article = stage(article)
            spent[stage.name] += time.perf_counter() - started
    return dict(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder of .txt articles, e.g. polnear/dev/text")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N files (0: all)")
    parser.add_argument("--rules-only", action="store_true", help="the quote stage without its tagger")
    args = parser.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"skipped: {args.folder} is not a folder")
    files = sorted(args.folder.glob("*.txt"))[: args.limit or None]
    get_nlp(), learned.load_tagger()  # loading the models is not per-article time
    with learned.rules_only() if args.rules_only else nullcontext():
        spent = stage_seconds(files)
    others = sum(seconds for name, seconds in spent.items() if name != "quotes")
    for name, seconds in spent.items():
        print(f"{name:<10} {seconds:7.2f} s")
    print(f"{len(files)} texts: the quote stage adds {100 * spent['quotes'] / others:.1f} % to the other per-article"
          f" stages ({100 * spent['quotes'] / spent['annotate']:.1f} % to spaCy's alone)")


if __name__ == "__main__":
    main()
