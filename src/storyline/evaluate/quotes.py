"""Quote evaluation: the 26 hand-checked seed quotes, and PolNeAR dev against textacy's extractor.

Seeds: a gold quote is found when its text overlaps a direct or mixed quote we extracted, and right when that
quote's canonical speaker (after `canonicalise` over all seed articles) is the gold speaker or one of its entity's
aliases. `not_quotes` count as wrongly extracted when any extracted quote overlaps them.

PolNeAR: every attribution's Content span is a gold quote (one annotator file per text, the first by name). Spans
are compared as sets of word tokens; a prediction matches a gold span when the shared tokens are at least the
threshold times the larger of the two (greedy one-to-one by overlap). Quotes are split into direct and indirect by
their content, the same way for gold and both systems: direct when most of its characters lie inside quotation
marks. A matched quote's speaker is right when the predicted speaker span shares a token with the gold Source.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from ..annotate import annotate, get_nlp
from ..corpus.entities import canonicalise
from ..quotes import extract_quotes
from ..quotes.marks import find_marks
from ..record import Article, RawArticle

TOKEN = re.compile(r"\w+|[^\w\s]")
THRESHOLDS = (0.3, 0.8)


def build_article(paragraphs: list[str], article_id: str = "article") -> Article:
    """An annotated, quote-extracted article straight from clean paragraphs (tests and PolNeAR need no cleaner)."""
    article = Article(id=article_id, source=article_id, content_hash=article_id, paragraphs=paragraphs,
                      language="en", status="ok")
    return extract_quotes(annotate(article))


def _process_seed(path: Path) -> Article:
    """A seed file through the real cleaning stages, then annotation and quotes (the docs are kept for quotes)."""
    from ..pipeline import new_article, prepare

    article = prepare(new_article(RawArticle(source=path.name, text=path.read_text(encoding="utf-8"))))
    article.id = path.name
    if article.analysable:
        article = extract_quotes(annotate(article))
    return article


@dataclass
class SeedQuotesReport:
    """How many seed quotes were found, how many with the right speaker, and which not-quotes slipped in."""

    total: int = 0
    found: int = 0
    right_speaker: int = 0
    not_quotes: int = 0
    wrongly_extracted: int = 0
    problems: list[str] = field(default_factory=list)

    def render(self) -> str:
        lines = [f"seed quotes found: {self.found}/{self.total}",
                 f"found with the right speaker: {self.right_speaker}/{self.total}",
                 f"not-quotes wrongly extracted: {self.wrongly_extracted}/{self.not_quotes}"]
        return "\n".join(lines + [f"  - {p}" for p in self.problems])


def _locate(snippet: str, text: str) -> tuple[int, int] | None:
    """Where a whitespace-folded gold snippet sits in the text."""
    pattern = r"\s+".join(re.escape(w) for w in snippet.split())
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None


def _same_person(gold: str, quote_speaker: str | None, aliases: dict[str, set[str]]) -> bool:
    if quote_speaker is None:
        return False
    names = {quote_speaker.lower()} | {a.lower() for a in aliases.get(quote_speaker, set())}
    return gold.lower() in names


def evaluate_quotes_seeds(gold_path: Path) -> SeedQuotesReport:
    """Score the quote stage and `canonicalise` on the seed articles next to the gold file (`../seeds`)."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    seeds = Path(gold_path).parent.parent / "seeds"
    articles = {name: _process_seed(seeds / name) for name in gold["documents"]}
    entities = canonicalise([a for a in articles.values() if a.analysable])
    aliases = {e.name: set(e.aliases) for e in entities}
    report = SeedQuotesReport(total=len(gold["quotes"]), not_quotes=len(gold["not_quotes"]))
    for item in gold["quotes"]:
        article = articles[item["doc"]]
        where = _locate(item["quote"], article.text)
        hits = [q for q in article.quotes if q.kind in ("direct", "mixed") and where
                and q.start < where[1] and where[0] < q.end]
        if not hits:
            report.problems.append(f"missed: {item['quote'][:60]!r}")
            continue
        report.found += 1
        if any(_same_person(item["speaker"], q.speaker, aliases) for q in hits):
            report.right_speaker += 1
        else:
            report.problems.append(f"speaker {hits[0].speaker!r} for {item['quote'][:50]!r} ({item['speaker']})")
    for item in gold["not_quotes"]:
        article = articles[item["doc"]]
        where = _locate(item["text"], article.text)
        if where and any(q.start < where[1] and where[0] < q.end for q in article.quotes):
            report.wrongly_extracted += 1
            report.problems.append(f"not a quote, extracted: {item['text']!r}")
    return report
