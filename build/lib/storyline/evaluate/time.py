"""The time stage measured: the seeds' gold dates, TempEval-3 (with a peer), and publication dates on HTML pages.

Every data path is an argument; the callers skip cleanly when it is absent. The TempEval-3 scoring follows the
task's convention: span precision/recall/F1 strict (same offsets) and relaxed (any overlap, one-to-one), then
attribute F1 over relaxed matches (a value is right only on a matched span: P over system spans, R over gold)
and type accuracy over matched spans.
"""
from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..annotate import annotate
from ..record import Article, RawArticle, article_id
from ..time import resolve_time
from ..time.timeml import GoldTimex, TimemlDocument, read_timeml
from .common import fold, process_seeds, ratio

def analysed(article: Article) -> Article:
    """Annotation then the time stage, whatever the pipeline's current stage list is."""
    return resolve_time(annotate(article))


# ---------------------------------------------------------------- seeds


@dataclass
class SeedDate:
    doc: str
    evidence: str
    gold: str
    found: list[str]  # values carried by the evidence sentence(s): expressions, then sentence dates

    @property
    def right(self) -> bool:
        return any(value_matches(v, self.gold) for v in self.found)


@dataclass
class SeedsTimeReport:
    dates: list[SeedDate] = field(default_factory=list)
    published: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # doc, gold, ours

    @property
    def dates_right(self) -> int:
        return sum(d.right for d in self.dates)

    @property
    def published_right(self) -> int:
        return sum(gold == ours for _, gold, ours in self.published)

    def render(self) -> str:
        lines = [f"seed dates: {self.dates_right}/{len(self.dates)} evidence sentences carry the gold value"]
        for d in self.dates:
            mark = "ok  " if d.right else "MISS"
            lines.append(f"  {mark} {d.doc[:12]} gold {d.gold:<10} found {d.found}  «{d.evidence[:50]}»")
        lines.append(f"seed publication dates: {self.published_right}/{len(self.published)} equal to gold")
        for doc, gold, ours in self.published:
            lines.append(f"  {'ok  ' if gold == ours else 'MISS'} {doc[:12]} gold {gold} ours {ours}")
        return "\n".join(lines)


def value_matches(value: str | None, gold: str) -> bool:
    """Equal, or the same day with a time of day added ("2015-10-13TNI" carries "2015-10-13")."""
    return value is not None and (value == gold or value.startswith(gold + "T"))


def _evidence_values(article: Article, evidence: str) -> list[str]:
    text = article.text
    folded_evidence = fold(evidence)
    values: list[str] = []
    for index, sentence in enumerate(article.sentences):
        if folded_evidence not in fold(text[sentence.start: sentence.end]):
            continue
        values += [d.value for d in article.dates if d.sentence == index and d.value]
        if sentence.date:
            values.append(sentence.date)
    return values


def evaluate_time_seeds(gold_path: Path) -> SeedsTimeReport:
    """The seeds' gold dates (each evidence sentence must carry the value) and their publication dates."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    articles = process_seeds(Path(gold_path))
    report = SeedsTimeReport()
    for item in gold["dates"]:
        found = _evidence_values(articles[item["doc"]], item["evidence"])
        report.dates.append(SeedDate(item["doc"], item["evidence"], item["value"], found))
    for name, document in gold["documents"].items():
        report.published.append((name, document.get("published"), articles[name].published))
    return report


# ---------------------------------------------------------------- TempEval-3


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    type: str
    value: str | None


@dataclass
class TimexScores:
    """TempEval-3 counts for one system."""

    name: str
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_right: int = 0
    type_right: int = 0
    seconds: float = 0.0

    def span_prf(self, matched: int) -> tuple[float, float, float]:
        p, r = ratio(matched, self.system), ratio(matched, self.gold)
        return p, r, ratio(2 * p * r, p + r)

    @property
    def value_f1(self) -> float:
        return self.span_prf(self.value_right)[2]

    @property
    def type_accuracy(self) -> float:
        return ratio(self.type_right, self.relaxed)

    def add(self, gold: list[GoldTimex], predicted: list[Predicted]) -> None:
        self.gold += len(gold)
        self.system += len(predicted)
        exact = {(p.start, p.end) for p in predicted}
        self.strict += sum((g.start, g.end) in exact for g in gold)
        used: set[int] = set()
        for g in gold:
            match = next((i for i, p in enumerate(predicted)
                          if i not in used and p.start < g.end and g.start < p.end), None)
            if match is None:
                continue
            used.add(match)
            self.relaxed += 1
            self.value_right += predicted[match].value == g.value
            self.type_right += predicted[match].type == g.type


@dataclass
class TimemlReport:
    documents: int
    systems: list[TimexScores]
    # storyline's scores per sub-folder (TimeBank, AQUAINT) when the folder has them: tuned and held-out apart
    parts: list[TimexScores] = field(default_factory=list)

    def render(self) -> str:
        title = f"TempEval-3 ({self.documents} docs)"
        rows = [f"{title:<28}" + "".join(f"{s.name:>14}" for s in self.systems)]
        for label, getter in (
            ("strict span P", lambda s: s.span_prf(s.strict)[0]),
            ("strict span R", lambda s: s.span_prf(s.strict)[1]),
            ("strict span F1", lambda s: s.span_prf(s.strict)[2]),
            ("relaxed span P", lambda s: s.span_prf(s.relaxed)[0]),
            ("relaxed span R", lambda s: s.span_prf(s.relaxed)[1]),
            ("relaxed span F1", lambda s: s.span_prf(s.relaxed)[2]),
            ("value F1", lambda s: s.value_f1),
            ("type accuracy (matched)", lambda s: s.type_accuracy),
        ):
            rows.append(f"{label:<28}" + "".join(f"{getter(s):>14.3f}" for s in self.systems))
        rows.append(f"{'gold / system timexes':<28}" + "".join(f"{f'{s.gold}/{s.system}':>14}" for s in self.systems))
        rows.append(f"{'seconds':<28}" + "".join(f"{s.seconds:>14.1f}" for s in self.systems))
        if self.parts:
            rows.append("storyline by sub-folder:")
            for part in self.parts:
                rows.append(
                    f"  {part.name:<16} value F1 {part.value_f1:.3f}  relaxed span F1 "
                    f"{part.span_prf(part.relaxed)[2]:.3f}  strict span F1 {part.span_prf(part.strict)[2]:.3f}"
                    f"  type accuracy {part.type_accuracy:.3f}  gold/system {part.gold}/{part.system}")
        return "\n".join(rows)


def timeml_article(document: TimemlDocument) -> tuple[Article, list[int]]:
    """An Article of the document's paragraphs, published on its creation time, and each paragraph's offset in
    the document text (to map predictions back onto the gold)."""
    pieces = document.paragraphs()
    article = Article(
        id=document.name, source=document.name, content_hash=document.name, paragraphs=[p for _, p in pieces],
        published=document.creation_time, language="en", status="ok",
    )
    return article, [start for start, _ in pieces]


def storyline_timexes(document: TimemlDocument) -> list[Predicted]:
    article, origins = timeml_article(document)
    article = analysed(article)
    starts = article.paragraph_starts()
    predicted = []
    for expression in article.dates:
        paragraph = max(i for i, s in enumerate(starts) if s <= expression.start)
        shift = origins[paragraph] - starts[paragraph]
        predicted.append(Predicted(expression.start + shift, expression.end + shift, expression.type, expression.value))
    return predicted


def dateparser_timexes(document: TimemlDocument) -> list[Predicted]:
    """The peer: dateparser's `search_dates` relative to the creation time, located back in the text in order."""
    from dateparser.search import search_dates

    base = datetime.fromisoformat(document.creation_time) if document.creation_time else None
    settings = {"RELATIVE_BASE": base} if base else {}
    predicted, cursor = [], 0
    for start, paragraph in document.paragraphs():
        found = search_dates(paragraph, languages=["en"], settings=settings) or []
        cursor = 0
        for text, when in found:
            at = paragraph.find(text, cursor)
            if at < 0:
                continue
            cursor = at + len(text)
            predicted.append(Predicted(start + at, start + cursor, "DATE", when.date().isoformat()))
    return predicted


def _timeml_files(folder: Path) -> list[tuple[str, Path]]:
    """Every .tml file under `folder` (recursively, sorted by path), with the sub-folder it lies in ("" for files
    directly in `folder`): pass TBAQ-cleaned for all of it, or TBAQ-cleaned/TimeBank for one part."""
    files = []
    for path in sorted(folder.rglob("*.tml")):
        relative = path.relative_to(folder).parts
        files.append((relative[0] if len(relative) > 1 else "", path))
    return files


def evaluate_timeml(tbaq_dir: Path, limit: int | None = None, peer: bool = True) -> TimemlReport:
    """storyline and dateparser on TempEval-3's TBAQ documents (`limit` takes the first N, for development);
    storyline is also scored per sub-folder, so TimeBank and AQUAINT are reported apart."""
    files = _timeml_files(Path(tbaq_dir))[:limit]
    documents = [read_timeml(path) for _, path in files]
    if not documents:
        raise FileNotFoundError(f"no .tml files under {tbaq_dir}")
    systems: list[tuple[TimexScores, Callable[[TimemlDocument], list[Predicted]]]] = [
        (TimexScores("storyline"), storyline_timexes)
    ]
    if peer:
        systems.append((TimexScores("dateparser"), dateparser_timexes))
    names = sorted({part for part, _ in files if part})
    parts = {name: TimexScores(name) for name in names}
    for scores, run in systems:
        started = time.perf_counter()
        for (part, _), document in zip(files, documents):
            predicted = run(document)
            scores.add(document.timexes, predicted)
            if run is storyline_timexes and part in parts:
                parts[part].add(document.timexes, predicted)
        scores.seconds = time.perf_counter() - started
    return TimemlReport(len(documents), [s for s, _ in systems], list(parts.values()))


# ---------------------------------------------------------------- publication dates on HTML pages


@dataclass
class PubdateReport:
    pages: int
    storyline_right: int
    htmldate_right: int
    htmldate_original_right: int
    misses: list[tuple[str, str, str | None, str | None]]  # url, gold, storyline, htmldate

    def render(self) -> str:
        lines = [
            f"publication date, {self.pages} pages with a gold date (exact day)",
            f"  storyline (clean_html + time stage): {ratio(self.storyline_right, self.pages):.3f}"
            f" ({self.storyline_right}/{self.pages})",
            f"  htmldate alone (find_date defaults): {ratio(self.htmldate_right, self.pages):.3f}"
            f" ({self.htmldate_right}/{self.pages})",
            f"  htmldate alone (original_date=True): {ratio(self.htmldate_original_right, self.pages):.3f}"
            f" ({self.htmldate_original_right}/{self.pages})",
        ]
        for url, gold, ours, theirs in self.misses:
            lines.append(f"  gold {gold} storyline {ours} htmldate {theirs}  {url[:70]}")
        return "\n".join(lines)


def storyline_pubdate(html: str, url: str) -> str | None:
    """storyline's HTML path: the cleaner (metadata, date lines) then the time stage (URL paths)."""
    from ..clean.html import clean_html

    raw = RawArticle(source=url, html=html, url=url)
    article = Article(id=article_id(raw.content_hash), source=url, content_hash=raw.content_hash, raw=raw)
    article = clean_html(article)
    article.language, article.status = "en", "ok"
    return analysed(article).published


def _htmldate(html: str, original: bool = False) -> str | None:
    import htmldate

    try:
        return htmldate.find_date(html, original_date=original)
    except Exception:  # the reference is scored as it behaves: a crash is a wrong date
        return None


def evaluate_pubdate(trafilatura_dir: Path) -> PubdateReport:
    """Exact-day publication-date accuracy of storyline's HTML path beside htmldate, on pages with a gold date."""
    folder = Path(trafilatura_dir)
    gold = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    pages = right = reference = original = 0
    misses = []
    for url, item in gold.items():
        path = folder / "html" / f"{item['file']}.gz"
        if not item.get("date") or not path.is_file():
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        ours, theirs = storyline_pubdate(html, url), _htmldate(html)
        pages += 1
        right += ours == item["date"]
        reference += theirs == item["date"]
        original += _htmldate(html, original=True) == item["date"]
        if ours != item["date"]:
            misses.append((url, item["date"], ours, theirs))
    return PubdateReport(pages, right, reference, original, misses)
