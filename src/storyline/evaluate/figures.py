"""Figure evaluation on the seeds' gold: each gold figure must be extracted from its evidence with the right kind,
value, qualifier and source; each `not_figures` snippet (money in boilerplate) must yield no figure.

The seeds go through every per-article stage, cleaning included, so a figure that only the boilerplate holds is
measured as the reader would meet it. A gold kind `aid_usd` is a figure of kind `money` in USD: the gold names
the currency inside the kind, storyline keeps it in `currency`. A vague quantity ("dozens") is gold with `value`
null and its `lower_bound` (24): it matches only a figure kept as words with that bound, and a gold 24 never
matches "dozens".
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..record import Article, Figure
from .common import locate, process_seeds


@dataclass
class FiguresReport:
    """Gold figures found and fully right, and the not-figures wrongly extracted, with what went wrong."""

    total: int = 0
    found: int = 0
    right: int = 0
    not_figures: int = 0
    wrongly_extracted: int = 0
    problems: list[str] = field(default_factory=list)

    def render(self) -> str:
        lines = [f"seed figures found: {self.found}/{self.total}",
                 f"kind, value, qualifier and source right: {self.right}/{self.total}",
                 f"not-figures wrongly extracted: {self.wrongly_extracted}/{self.not_figures}"]
        return "\n".join(lines + [f"  - {p}" for p in self.problems])


def evaluate_figures(gold_path: Path, seeds: Path | None = None) -> FiguresReport:
    """Run the seeds (`seeds`, default `../seeds` beside the gold folder) and score their figures."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    articles = process_seeds(gold_path, seeds)
    report = FiguresReport()
    for item in gold.get("figures", []):
        article = articles[item["doc"]]
        report.total += 1
        _score(report, article, item)
    for item in gold.get("not_figures", []):
        article = articles[item["doc"]]
        report.not_figures += 1
        span = locate(item["text"], article.text)
        if span and any(f.start < span[1] and span[0] < f.end for f in article.figures):
            report.wrongly_extracted += 1
            report.problems.append(f"{item['doc']}: not a figure, extracted: {item['text']!r}")
    return report


def _score(report: FiguresReport, article: Article, item: dict[str, Any]) -> None:
    span = locate(item["evidence"], article.text)
    candidates = [f for f in article.figures if span and span[0] <= f.start < span[1]]
    figure = next((f for f in candidates if _same_value(f, item)), None)
    if figure is None:
        value = item["value"] if item.get("value") is not None else f"at least {item.get('lower_bound')}, vague"
        report.problems.append(f"{item['doc']}: not found {item['evidence']!r} (value {value})")
        return
    report.found += 1
    wrong = wrong_fields(figure, item)
    if wrong:
        report.problems.append(f"{item['doc']}: {item['evidence']!r}: " + "; ".join(wrong))
    else:
        report.right += 1


def _same_value(figure: Figure, item: dict[str, Any]) -> bool:
    if item.get("value") is None:
        return figure.value is None and figure.lower_bound == item.get("lower_bound")
    return figure.value == item["value"]


def wrong_fields(figure: Figure, item: dict[str, Any]) -> list[str]:
    """The fields where the extracted figure differs from the gold item, as 'field: got X, gold Y'."""
    kind, currency = _gold_kind(item["kind"])
    checks = [("kind", figure.kind, kind), ("qualifier", figure.qualifier, item.get("qualifier")),
              ("source", _norm(figure.source), _norm(item.get("source")))]
    if currency:
        checks.append(("currency", figure.currency, currency))
    return [f"{name}: got {got!r}, gold {want!r}" for name, got, want in checks if got != want]


def _gold_kind(kind: str) -> tuple[str, str | None]:
    match = re.fullmatch(r"(?:aid|money)_([a-z]{3})", kind)
    return ("money", match.group(1).upper()) if match else (kind, None)


def _norm(source: str | None) -> str | None:
    return re.sub(r"^the\s+", "", source.strip().lower()) if source else None


