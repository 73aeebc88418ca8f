"""storyline's HTML path against bare trafilatura on trafilatura's own evaluation pages.

The data (`evaldata.json` plus `html/*.gz`) is trafilatura's snippet benchmark: per page, snippets that must be
in the extracted text (`with`), snippets that must not (`without`, boilerplate), and the gold title and date.
Scoring follows trafilatura's evaluation: whitespace-folded substring matching, a present `with` snippet is a
true positive, a present `without` snippet a false positive, a crash a full miss. Both systems get the same
pages; storyline reads them with its own reader (so its encoding detection is part of what is measured) and
runs `clean_html`, including the paragraph boilerplate filter, whose extra removals can only cost recall here.
"""
from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import htmldate
import trafilatura

from ..clean.html import clean_html
from ..read import read_file
from ..pipeline import new_article
from ..record import RawArticle
from .common import fold, ratio



@dataclass
class Extraction:
    """What one system made of one page."""

    text: str | None
    title: str | None
    date: str | None


@dataclass
class PageResult:
    """One page's outcome for one system: the snippets it got wrong and its metadata against the gold."""

    url: str
    missed: list[str] = field(default_factory=list)
    leaked: list[str] = field(default_factory=list)
    title: str | None = None
    gold_title: str | None = None
    date: str | None = None
    gold_date: str | None = None
    error: str | None = None

    @property
    def title_right(self) -> bool:
        return fold(self.title) == fold(self.gold_title)

    @property
    def date_right(self) -> bool:
        return self.date == self.gold_date


@dataclass
class SystemScores:
    """Accumulated counts for one system, with trafilatura's derived scores."""

    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    seconds: float = 0.0
    pages: list[PageResult] = field(default_factory=list)

    @property
    def with_present(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def without_absent(self) -> float:
        return ratio(self.tn, self.tn + self.fp)

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return self.with_present

    @property
    def f1(self) -> float:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def title_rate(self) -> float:
        return ratio(sum(p.title_right for p in self.pages), len(self.pages))

    @property
    def date_rate(self) -> float:
        return ratio(sum(p.date_right for p in self.pages), len(self.pages))


@dataclass
class TrafilaturaReport:
    """storyline and bare trafilatura on the same pages, plus bare htmldate's date rate for reference."""

    pages: int
    storyline: SystemScores
    trafilatura: SystemScores
    htmldate_date_rate: float

    def render(self) -> str:
        """A plain-text table, storyline beside trafilatura."""
        rows = [
            ("`with` snippets present", "with_present"),
            ("`without` snippets absent", "without_absent"),
            ("snippet precision", "precision"),
            ("snippet recall", "recall"),
            ("snippet F1", "f1"),
            ("title exact match", "title_rate"),
            ("date exact match", "date_rate"),
        ]
        lines = [f"trafilatura-eval: {self.pages} pages", f"{'measure':<28}{'storyline':>11}{'trafilatura':>13}"]
        for label, attribute in rows:
            ours, theirs = getattr(self.storyline, attribute), getattr(self.trafilatura, attribute)
            lines.append(f"{label:<28}{ours:>11.3f}{theirs:>13.3f}")
        lines.append(f"{'seconds':<28}{self.storyline.seconds:>11.1f}{self.trafilatura.seconds:>13.1f}")
        lines.append(f"(bare htmldate.find_date defaults: date exact match {self.htmldate_date_rate:.3f})")
        return "\n".join(lines)


def evaluate_trafilatura(eval_dir: Path) -> TrafilaturaReport:
    """Score both systems on every page of `eval_dir`; raises FileNotFoundError if the data is not there."""
    eval_dir = Path(eval_dir)
    gold_path = eval_dir / "evaldata.json"
    if not gold_path.is_file():
        raise FileNotFoundError(f"no evaldata.json in {eval_dir}: the trafilatura evaluation data is absent")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    ours, theirs = SystemScores("storyline"), SystemScores("trafilatura")
    dates_right = 0
    for url, item in gold.items():
        path = eval_dir / "html" / f"{item['file']}.gz"
        if not path.is_file():
            continue
        score_page(ours, url, item, lambda: storyline_extraction(path))
        data = path.read_bytes()
        score_page(theirs, url, item, lambda: trafilatura_extraction(data))
        dates_right += _bare_htmldate(data) == item.get("date")
    return TrafilaturaReport(len(ours.pages), ours, theirs, ratio(dates_right, len(ours.pages)))


def score_page(scores: SystemScores, url: str, item: dict, run: Callable[[], Extraction]) -> PageResult:
    """Run one system on one page and add its counts; an exception counts as nothing extracted."""
    result = PageResult(url, gold_title=item.get("title"), gold_date=item.get("date"))
    started = time.perf_counter()
    try:
        extraction = run()
    except Exception as error:  # a crash is scored as a full miss, as trafilatura's evaluation does
        extraction, result.error = Extraction(None, None, None), f"{type(error).__name__}: {error}"
    scores.seconds += time.perf_counter() - started
    text = fold(extraction.text) if extraction.text else ""
    result.missed = [w for w in item["with"] if fold(w) not in text]
    result.leaked = [w for w in item["without"] if text and fold(w) in text]
    result.title, result.date = extraction.title, extraction.date
    scores.tp += len(item["with"]) - len(result.missed)
    scores.fn += len(result.missed)
    scores.fp += len(result.leaked)
    scores.tn += len(item["without"]) - len(result.leaked)
    scores.pages.append(result)
    return result


def storyline_extraction(path: Path) -> Extraction:
    """storyline's own path: its reader (decoding included), then the HTML cleaner."""
    raws = [item for item in read_file(path, str(path)) if isinstance(item, RawArticle)]
    if not raws:
        return Extraction(None, None, None)
    article = clean_html(new_article(raws[0]))
    return Extraction(article.text, article.title, article.published)


def trafilatura_extraction(data: bytes) -> Extraction:
    """Bare trafilatura as its own benchmark runs it (gzip-decompressed bytes, tables on, comments off)."""
    html = gzip.decompress(data)
    text = trafilatura.extract(html, include_comments=False, include_tables=True, include_formatting=False)
    metadata = trafilatura.extract_metadata(html)
    return Extraction(text, metadata.title if metadata else None, metadata.date if metadata else None)


def _bare_htmldate(data: bytes) -> str | None:
    try:
        return htmldate.find_date(gzip.decompress(data))
    except Exception:  # bare reference only: a failure is a wrong date
        return None




if __name__ == "__main__":  # python -m storyline.evaluate.trafilatura /path/to/trafilatura-eval
    import sys

    print(evaluate_trafilatura(Path(sys.argv[1])).render())
