"""Check the plain-text cleaner against the hand-made gold for the seed articles.

The gold (`seeds.json`) gives per document the expected metadata (null where the article does not say), a snippet
that must open the body and one that must close it, snippets that must be gone, and pairs that must end up in one
paragraph (a sentence the page broke). Snippets are compared with whitespace folded, as the gold was written.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..clean.text import clean_text
from ..record import Article, RawArticle, article_id

METADATA_FIELDS = ("title", "subtitle", "published", "url", "outlet")


@dataclass
class Check:
    """One comparison of the cleaner's output with the gold."""

    doc: str
    section: str
    expected: str | None
    got: str | None
    ok: bool


@dataclass
class SeedsReport:
    """All checks over the seed documents, with a per-section table for people."""

    checks: list[Check] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(check.ok for check in self.checks)

    @property
    def total(self) -> int:
        return len(self.checks)

    @property
    def failures(self) -> list[Check]:
        return [check for check in self.checks if not check.ok]

    def render(self) -> str:
        """A per-section summary, then every failed check with what was expected and what came out."""
        sections: dict[str, list[Check]] = {}
        for check in self.checks:
            sections.setdefault(check.section, []).append(check)
        width = max((len(name) for name in sections), default=7)
        lines = [f"{'section':<{width}}  passed  total"]
        for name, checks in sections.items():
            lines.append(f"{name:<{width}}  {sum(c.ok for c in checks):>6}  {len(checks):>5}")
        lines.append(f"{'all':<{width}}  {self.passed:>6}  {self.total:>5}")
        for check in self.failures:
            lines.append(f"FAIL {check.doc} {check.section}: expected {check.expected!r}, got {_short(check.got)!r}")
        return "\n".join(lines)


def _short(text: str | None, limit: int = 120) -> str | None:
    return text if text is None or len(text) <= limit else text[:limit] + "…"


def fold(text: str | None) -> str | None:
    """Whitespace folded to single spaces, as the gold snippets are written."""
    return None if text is None else re.sub(r"\s+", " ", text).strip()


def clean_file(path: Path) -> Article:
    """Clean one seed file as plain text (bytes decoded as UTF-8)."""
    text = path.read_bytes().decode("utf-8")
    raw = RawArticle(source=str(path), text=text, encoding="utf-8")
    return clean_text(Article(id=article_id(raw.content_hash), source=raw.source, content_hash=raw.content_hash,
                              raw=raw))


def check_metadata(doc: str, gold: dict, article: Article) -> list[Check]:
    checks = []
    for name in METADATA_FIELDS:
        expected, got = fold(gold.get(name)), fold(getattr(article, name))
        checks.append(Check(doc, name, expected, got, expected == got))
    return checks


def check_body(doc: str, gold: dict, paragraphs: list[str]) -> list[Check]:
    """Body edges, dropped snippets and rejoined pairs."""
    first = paragraphs[0] if paragraphs else None
    last = paragraphs[-1] if paragraphs else None
    checks = [
        Check(doc, "body_first", gold["body_first"], first, first is not None and gold["body_first"] in first),
        Check(doc, "body_last", gold["body_last"], last, last is not None and gold["body_last"] in last),
    ]
    for snippet in gold.get("must_drop", []):
        holder = next((p for p in paragraphs if fold(snippet) in p), None)
        checks.append(Check(doc, "must_drop", snippet, holder, holder is None))
    for left, right in gold.get("must_join", []):
        holder = next((p for p in paragraphs if fold(left) in p and fold(right) in p), None)
        checks.append(Check(doc, "must_join", f"{left} … {right}", holder, holder is not None))
    return checks


def evaluate_seeds(gold_path: Path, seeds_dir: Path | None = None) -> SeedsReport:
    """Clean every gold document and compare with the gold, section by section."""
    gold_path = Path(gold_path)
    if not gold_path.is_file():
        raise FileNotFoundError(f"seeds gold not found: {gold_path}")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    seeds_dir = Path(seeds_dir) if seeds_dir is not None else gold_path.parent.parent / "seeds"
    report = SeedsReport()
    for doc, expected in gold["documents"].items():
        if not (seeds_dir / doc).is_file():
            report.checks.append(Check(doc, "file", str(seeds_dir / doc), None, False))
            continue
        article = clean_file(seeds_dir / doc)
        paragraphs = [fold(p) or "" for p in article.paragraphs]
        report.checks.extend(check_metadata(doc, expected, article))
        report.checks.extend(check_body(doc, expected, paragraphs))
    return report
