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
from ..quotes.polnear import annotated_texts, read_attributions, text_paragraphs
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
    """Score the quote stage and `canonicalise` on the seed articles next to the gold file (`../seeds`): the quotes
    shown (statements), since the gold holds what a reader would sign."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    seeds = Path(gold_path).parent.parent / "seeds"
    articles = {name: _process_seed(seeds / name) for name in gold["documents"]}
    entities = canonicalise([a for a in articles.values() if a.analysable])
    aliases = {e.name: set(e.aliases) for e in entities}
    report = SeedQuotesReport(total=len(gold["quotes"]), not_quotes=len(gold["not_quotes"]))
    for item in gold["quotes"]:
        article = articles[item["doc"]]
        where = _locate(item["quote"], article.text)
        hits = [q for q in article.statements() if q.kind in ("direct", "mixed") and where
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
        if where and any(q.start < where[1] and where[0] < q.end for q in article.statements()):
            report.wrongly_extracted += 1
            report.problems.append(f"not a quote, extracted: {item['text']!r}")
    return report


@dataclass
class Span:
    """A quote content span and its speaker span, as character offsets into one PolNeAR text."""

    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]
    speaker: tuple[int, int] | None = None
    kind: str = "indirect"


@dataclass
class Scores:
    """Precision, recall and F1 at one overlap threshold, with speaker accuracy on the matched quotes."""

    predicted: int = 0
    gold: int = 0
    matched_predicted: int = 0
    matched_gold: int = 0
    speaker_checked: int = 0
    speaker_right: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_checked if self.speaker_checked else 0.0


@dataclass
class PolnearReport:
    """Scores per system, kind (all, direct, indirect) and overlap threshold, on the same texts."""

    texts: int = 0
    peer_refused: int = 0  # texts textacy would not process (unbalanced quotation marks): no quotes from it
    scores: dict[tuple[str, str, float], Scores] = field(default_factory=dict)

    def get(self, system: str, kind: str, threshold: float) -> Scores:
        return self.scores.setdefault((system, kind, threshold), Scores())

    def render(self) -> str:
        lines = [f"PolNeAR: {self.texts} texts; match = shared tokens >= threshold x the larger span; textacy"
                 f" refused {self.peer_refused} texts (odd quotation marks in every paragraph)",
                 f"{'system':<10} {'kind':<9} {'overlap':>7} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}"
                 f" {'speaker':>8}"]
        for (system, kind, threshold), s in sorted(self.scores.items()):
            lines.append(f"{system:<10} {kind:<9} {threshold:>7.1f} {s.gold:>5} {s.predicted:>5} {s.precision:>6.3f}"
                         f" {s.recall:>6.3f} {s.f1:>6.3f} {s.speaker_accuracy:>8.3f}")
        return "\n".join(lines)


def _tokens(text: str, pieces: tuple[tuple[int, int], ...]) -> set[int]:
    """Word tokens of a (possibly discontinuous) span, named by their start offset."""
    found: set[int] = set()
    for start, end in pieces:
        found.update(start + m.start() for m in TOKEN.finditer(text[start:end]) if m.group().isalnum())
    return found


def _overlap(a: set[int], b: set[int]) -> float:
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def _direct_share(start: int, end: int, marks: list[tuple[int, int]]) -> float:
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in marks)
    return inside / max(1, end - start)


def _read_gold(ann: Path) -> list[Span]:
    """The Content spans of every attribution in a brat file, each with its Source span if any."""
    gold = []
    for attribution in read_attributions(ann):
        pieces, source = attribution.get("Content"), attribution.get("Source")
        if pieces:
            speaker = (source[0][0], source[-1][1]) if source else None
            gold.append(Span(pieces[0][0], pieces[-1][1], pieces, speaker))
    return gold


class _OffsetMap:
    """From offsets in `Article.text` back to offsets in the file the paragraphs came from."""

    def __init__(self, article_starts: list[int], file_starts: list[int]) -> None:
        self.article_starts, self.file_starts = article_starts, file_starts

    def __call__(self, offset: int) -> int:
        index = max(0, bisect_right(self.article_starts, offset) - 1)
        return self.file_starts[index] + offset - self.article_starts[index]


def _joined(spans: list[Span], text: str) -> list[Span]:
    """PolNeAR annotates `"A," he said. "B."` as one attribution with a discontinuous content: consecutive direct
    quotes of one speaker with no paragraph break between them are scored as one, for both systems alike."""
    joined: list[Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if (last is not None and span.speaker is not None and span.speaker == last.speaker
                and last.kind == span.kind == "direct" and last.end <= span.start
                and "\n" not in text[last.end:span.start]):
            joined[-1] = Span(last.start, span.end, last.pieces + span.pieces, last.speaker, "direct")
        else:
            joined.append(span)
    return joined


def _ours(article: Article, to_file: _OffsetMap) -> list[Span]:
    spans = []
    for quote in article.quotes:
        speaker = None
        if quote.speaker_start is not None and quote.speaker_end is not None:
            speaker = (to_file(quote.speaker_start), to_file(max(quote.speaker_start, quote.speaker_end - 1)) + 1)
        start, end = to_file(quote.start), to_file(quote.end - 1) + 1
        spans.append(Span(start, end, ((start, end),), speaker))
    return spans


def _paragraph_docs(doc) -> list[tuple[int, object]]:
    """The whole-text Doc cut at blank lines: (character offset of the piece, the piece as its own Doc)."""
    pieces, start = [], 0
    for token in list(doc) + [None]:
        if token is None or (token.is_space and "\n\n" in token.text):
            end = len(doc) if token is None else token.i
            if end > start:
                pieces.append((doc[start].idx, doc[start:end].as_doc()))
            start = end + 1
    return pieces


def _triples(doc) -> list[tuple[int, object]] | None:
    """textacy's triples with the offset to add; where it refuses the whole text (an odd number of quotation
    marks), it is given each paragraph it accepts, so that one stray mark does not cost it the article."""
    from textacy.extract.triples import direct_quotations

    try:
        return [(0, t) for t in direct_quotations(doc)]
    except ValueError:
        found = []
        for offset, piece in _paragraph_docs(doc):
            try:
                found.extend((offset, t) for t in direct_quotations(piece))
            except ValueError:
                continue
        return found or None


def _textacy(article: Article, to_file: _OffsetMap) -> list[Span] | None:
    """textacy's `direct_quotations` on the same article text, parsed whole by the same spaCy model."""
    triples = _triples(get_nlp()(article.text))
    if triples is None:
        return None
    spans = []
    for offset, triple in triples:
        start = to_file(offset + triple.content.start_char)
        end = to_file(offset + triple.content.end_char - 1) + 1
        speaker = None
        if triple.speaker:
            first, last = triple.speaker[0], triple.speaker[-1]
            speaker = (to_file(offset + first.idx), to_file(offset + last.idx + len(last) - 1) + 1)
        spans.append(Span(start, end, ((start, end),), speaker))
    return spans


def _score(report: PolnearReport, system: str, text: str, gold: list[Span], predicted: list[Span]) -> None:
    """Greedy one-to-one matching per threshold; counts per kind (all, direct, indirect)."""
    gold_tokens = [_tokens(text, g.pieces) for g in gold]
    pred_tokens = [_tokens(text, p.pieces) for p in predicted]
    pairs = sorted(((_overlap(g, p), i, j) for i, g in enumerate(gold_tokens) for j, p in enumerate(pred_tokens)),
                   reverse=True)
    for threshold in THRESHOLDS:
        used_gold: set[int] = set()
        used_pred: set[int] = set()
        for overlap, i, j in pairs:
            if overlap < threshold:
                break
            if i in used_gold or j in used_pred:
                continue
            used_gold.add(i)
            used_pred.add(j)
            for kind in ("all", gold[i].kind):
                _score_speaker(report.get(system, kind, threshold), text, gold[i], predicted[j])
        for kind in ("all", "direct", "indirect"):
            scores = report.get(system, kind, threshold)
            scores.gold += sum(1 for g in gold if kind in ("all", g.kind))
            scores.matched_gold += sum(1 for i in used_gold if kind in ("all", gold[i].kind))
            scores.predicted += sum(1 for p in predicted if kind in ("all", p.kind))
            scores.matched_predicted += sum(1 for j in used_pred if kind in ("all", predicted[j].kind))


def _score_speaker(scores: Scores, text: str, gold: Span, predicted: Span) -> None:
    if gold.speaker is None:
        return
    scores.speaker_checked += 1
    if predicted.speaker and _tokens(text, (gold.speaker,)) & _tokens(text, (predicted.speaker,)):
        scores.speaker_right += 1


def _classify(spans: list[Span], marks: list[tuple[int, int]]) -> list[Span]:
    for span in spans:
        share = sum(_direct_share(s, e, marks) * (e - s) for s, e in span.pieces) / max(
            1, sum(e - s for s, e in span.pieces))
        span.kind = "direct" if share >= 0.5 else "indirect"
    return spans


def evaluate_quotes_polnear(dev_dir: Path, limit: int | None = None, peer: bool = True) -> PolnearReport:
    """Score our quotes and textacy's `direct_quotations` on the PolNeAR texts under `dev_dir`."""
    dev_dir = Path(dev_dir)
    report = PolnearReport()
    for text_path, ann in annotated_texts(dev_dir)[:limit]:
        text = text_path.read_text(encoding="utf-8")
        paragraphs, file_starts = text_paragraphs(text)
        article = build_article(paragraphs, text_path.stem)
        to_file = _OffsetMap(article.paragraph_starts(), file_starts)
        marks = [(to_file(m.outer_start), to_file(max(m.outer_start, m.outer_end - 1)) + 1)
                 for m in find_marks(article.paragraphs, article.paragraph_starts())]
        gold = _classify(_read_gold(ann), marks)
        report.texts += 1
        _score(report, "storyline", text, gold, _joined(_classify(_ours(article, to_file), marks), text))
        if peer:
            theirs = _textacy(article, to_file)
            report.peer_refused += theirs is None
            _score(report, "textacy", text, gold, _joined(_classify(theirs or [], marks), text))
    return report
