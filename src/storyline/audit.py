"""Random samples of what storyline extracted, each with its evidence, for a person to judge.

Gold sets say how a stage does on the data it was built on; a careful reader checking random extractions on new
data says whether an analyst can trust it. `sample` draws N items of each kind (quote, entity merge, figure, date)
from a corpus, the same items for the same seed and corpus, each with the article id, the sentence that says it and
the character offsets, so the judge reads the claim beside its source without opening the article.
"""
from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .record import Article, CanonicalEntity, Figure, Quote, TimeExpression

AUDIT_KINDS = ("quote", "entity", "figure", "date")
MAX_EVIDENCE_CHARS = 700


@dataclass(frozen=True)
class AuditItem:
    """One extraction to judge: what storyline shows (`claim`), its parts (`detail`), and where it is said."""

    kind: str
    key: str  # stable id of the item: "ARTICLE:START-END" (an entity's id for a merge)
    claim: str
    detail: str
    article: str
    start: int
    end: int
    evidence: str  # the sentence(s) holding the item, or one mention per form for an entity merge


def sample(articles: Iterable[Article], entities: Iterable[CanonicalEntity], size: int, seed: int,
           kinds: Iterable[str] = AUDIT_KINDS) -> list[AuditItem]:
    """Up to `size` random items of each kind in `kinds`, kind by kind in AUDIT_KINDS order. Candidates are sorted
    by key before drawing, so the sample depends only on the corpus and the seed, not on load order."""
    analysed = sorted((a for a in articles if a.analysable), key=lambda a: a.id)
    makers: dict[str, Callable[[], list[AuditItem]]] = {
        "quote": lambda: [_quote(a, q) for a in analysed for q in a.statements()],
        "entity": lambda: _merges(analysed, entities),
        "figure": lambda: [_figure(a, f) for a in analysed for f in a.figures],
        "date": lambda: [_date(a, d) for a in analysed for d in a.dates if _calendar(d)],
    }
    chosen: list[AuditItem] = []
    wanted = set(kinds)
    for kind in AUDIT_KINDS:
        if kind in wanted:
            candidates = sorted(makers[kind](), key=lambda item: item.key)
            rng = random.Random(f"{seed}:{kind}")
            chosen.extend(sorted(rng.sample(candidates, min(size, len(candidates))), key=lambda item: item.key))
    return chosen


def _key(article: Article, start: int, end: int) -> str:
    return f"{article.id}:{start:07d}-{end:07d}"


def sentence_text(article: Article, start: int, end: int) -> str:
    """The whole sentences of `article` covering characters start..end, cut to MAX_EVIDENCE_CHARS."""
    covering = [s for s in article.sentences if s.start < max(end, start + 1) and s.end > start]
    if covering:
        start, end = min(start, covering[0].start), max(end, covering[-1].end)
    text = " ".join(article.text[start:end].split())
    return text if len(text) <= MAX_EVIDENCE_CHARS else text[:MAX_EVIDENCE_CHARS - 1] + "…"


def _quote(article: Article, quote: Quote) -> AuditItem:
    points = [p for p in (quote.start, quote.end, quote.cue_start, quote.speaker_start, quote.speaker_end)
              if p is not None]
    speaker = quote.speaker or quote.speaker_text or "(no speaker)"
    detail = f"speaker: {speaker} ({quote.speaker_via or 'none'}); kind: {quote.kind}; cue: {quote.cue or '-'}"
    return AuditItem("quote", _key(article, quote.start, quote.end), quote.as_said(), detail, article.id,
                     quote.start, quote.end, sentence_text(article, min(points), max(points)))


def _figure(article: Article, figure: Figure) -> AuditItem:
    if figure.value is None:
        value = f"vague, at least {figure.lower_bound:g}" if figure.lower_bound is not None else "vague"
    else:
        value = f"{figure.value:g}" + (f"-{figure.value_high:g}" if figure.value_high is not None else "")
    parts = [f"kind: {figure.kind}", f"value: {value}", f"qualifier: {figure.qualifier or '-'}",
             f"counted: {figure.counted or '-'}", f"source: {figure.source or '-'}",
             f"as of: {figure.as_of or '-'} ({figure.as_of_via or '-'})"]
    return AuditItem("figure", _key(article, figure.start, figure.end), figure.text, "; ".join(parts), article.id,
                     figure.start, figure.end, sentence_text(article, figure.start, figure.end))


def _calendar(expression: TimeExpression) -> bool:
    """Only expressions that place something on the calendar: what the timeline and the figures' dates use."""
    return expression.type in ("DATE", "TIME") and bool(expression.value) and expression.value[:1].isdigit()


def _date(article: Article, expression: TimeExpression) -> AuditItem:
    published = article.published or (f"estimated {article.published_estimate}" if article.published_estimate
                                       else "undated")
    sentence = (article.sentences[expression.sentence]
                if expression.sentence is not None and expression.sentence < len(article.sentences) else None)
    parts = [f"value: {expression.value}", f"anchor: {expression.anchor or 'absolute'}", f"article: {published}",
             f"sentence dated: {sentence.date if sentence else '-'}"]
    return AuditItem("date", _key(article, expression.start, expression.end), expression.text, "; ".join(parts),
                     article.id, expression.start, expression.end,
                     sentence_text(article, expression.start, expression.end))


def _merges(articles: list[Article], entities: Iterable[CanonicalEntity]) -> list[AuditItem]:
    """Entities that join more than one written form: each form shown with its first mention as evidence."""
    by_id = {a.id: a for a in articles}
    items = []
    for entity in entities:
        forms = sorted(set(entity.aliases) | {entity.name})
        if len(forms) < 2:
            continue
        mentions = [_first_mention(form, entity.articles, by_id) for form in forms]
        found = [m for m in mentions if m is not None]
        article, start, end = found[0][:3] if found else ("", 0, 0)
        evidence = " | ".join(f"{form!r} in {m[0][:10]}@{m[1]}: {m[3]}"
                              for form, m in zip(forms, mentions) if m is not None)
        items.append(AuditItem("entity", entity.id, f"{entity.name} ({entity.label})",
                               f"forms: {', '.join(forms)}; articles: {len(entity.articles)}", article, start, end,
                               evidence[:MAX_EVIDENCE_CHARS * 2]))
    return items


def _first_mention(form: str, article_ids: list[str],
                   by_id: dict[str, Article]) -> tuple[str, int, int, str] | None:
    for article_id in sorted(article_ids):
        article = by_id.get(article_id)
        for mention in article.entities if article else []:
            if mention.text == form:
                return article.id, mention.start, mention.end, sentence_text(article, mention.start, mention.end)
    return None
