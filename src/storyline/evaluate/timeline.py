"""Timeline and summary evaluation.

Seeds: every gold date (`dates` in the seeds gold) must be in the timeline: an entry citing the gold evidence's
sentence at the gold value. The summary must be 100 % traceable (each sentence's text is its article's text at the
cited offsets), take nothing from removed boilerplate, and hold no two near-duplicate sentences.

ECB+ (topics 1-35): the timeline's "same event" merging, run per topic over the annotated sentences of all its
documents (both sub-topics: two real events of one kind). Two sentences of different documents are the same event
in the gold when they share an action mention chain (CROSS_DOC_COREF); predicted when `merge` puts them in one
group. ECB+ gives no publication dates, so dates take no part (every pair counts as date-compatible): this
measures the text side of the merging. Pairwise precision and recall over cross-document sentence pairs.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..embed import embed
from ..corpus.overlap import NEAR_DUPLICATE, word_overlap
from ..corpus.summary import summarise
from ..corpus.timeline import EventMention, build_timeline, entity_key, merge
from ..record import Article
from .common import locate, process_seeds
from .ecbplus import listed_documents


@dataclass
class SeedStoryReport:
    dates: int = 0
    dates_found: int = 0
    summary: int = 0
    traceable: int = 0
    boilerplate: int = 0
    near_duplicates: int = 0
    problems: list[str] = field(default_factory=list)

    def render(self) -> str:
        lines = [f"gold dated events in the timeline at their date: {self.dates_found}/{self.dates}",
                 f"summary sentences traceable: {self.traceable}/{self.summary}",
                 f"summary sentences from boilerplate: {self.boilerplate}",
                 f"summary near-duplicate pairs: {self.near_duplicates}"]
        return "\n".join(lines + [f"  - {p}" for p in self.problems])


def evaluate_seed_story(gold_path: Path, seeds: Path | None = None) -> SeedStoryReport:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    articles = process_seeds(gold_path, seeds)
    analysed = [a for a in articles.values() if a.analysable]
    report = SeedStoryReport()
    _score_dates(report, gold.get("dates", []), articles, build_timeline(analysed))
    _score_summary(report, analysed)
    return report


def _score_dates(report: SeedStoryReport, dates: list[dict], articles: dict[str, Article], entries: list) -> None:
    for item in dates:
        report.dates += 1
        article = articles[item["doc"]]
        span = locate(item["evidence"], article.text)
        cited = [e for e in entries for c in e.citations
                 if span and c.article == article.id and c.start <= span[0] < c.end]
        if any(e.date == item["value"] for e in cited):
            report.dates_found += 1
        else:
            got = ", ".join(e.date for e in cited) or "no entry"
            report.problems.append(f"{item['doc']}: {item['evidence']!r} gold {item['value']}, timeline: {got}")


def _score_summary(report: SeedStoryReport, articles: list[Article]) -> None:
    by_id = {a.id: a for a in articles}
    items = summarise(articles)
    report.summary = len(items)
    for item in items:
        article = by_id[item.citation.article]
        if article.text[item.citation.start:item.citation.end] == item.text:
            report.traceable += 1
        if any(item.text in r.text or r.text in item.text for r in article.removed if len(r.text) > 20):
            report.boilerplate += 1
    vectors = embed([i.text for i in items])
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if float(vectors[i] @ vectors[j]) >= NEAR_DUPLICATE or word_overlap(items[i].text, items[j].text) >= 0.6:
                report.near_duplicates += 1
                report.problems.append(f"near-duplicates: {items[i].text[:60]!r} / {items[j].text[:60]!r}")


@dataclass
class EcbReport:
    topics: int = 0
    sentences: int = 0
    gold_pairs: int = 0
    predicted_pairs: int = 0
    correct_pairs: int = 0

    def render(self) -> str:
        p = self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 0.0
        r = self.correct_pairs / self.gold_pairs if self.gold_pairs else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return (f"ECB+ same-event merging, {self.topics} topics, {self.sentences} annotated sentences: "
                f"pairwise precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f} "
                f"({self.correct_pairs} right of {self.predicted_pairs} predicted, {self.gold_pairs} gold pairs)")


@dataclass
class EcbSentence:
    topic: str
    doc: str
    index: int
    text: str
    chains: set[str]


def evaluate_ecbplus(folder: Path, topics: range = range(1, 36)) -> EcbReport:
    """Pairwise same-event precision/recall of the timeline merging on the ECB+ topics present in `folder`."""
    from ..annotate import get_nlp

    sentences = read_ecbplus(folder, topics)
    nlp = get_nlp()
    entities = [{entity_key(e.text) for e in doc.ents} for doc in nlp.pipe((s.text for s in sentences),
                                                                          batch_size=64)]
    vectors = embed([s.text for s in sentences])
    report = EcbReport(sentences=len(sentences))
    by_topic: dict[str, list[int]] = defaultdict(list)
    for i, sentence in enumerate(sentences):
        by_topic[sentence.topic].append(i)
    for rows in by_topic.values():
        report.topics += 1
        mentions = [EventMention(sentences[i].doc, sentences[i].index, 0, 0, sentences[i].text, None, entities[i])
                    for i in rows]
        _score_topic(report, [sentences[i] for i in rows], merge(mentions, vectors[rows]))
    return report


def _score_topic(report: EcbReport, sentences: list[EcbSentence], groups: list[list[int]]) -> None:
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    for i in range(len(sentences)):
        for j in range(i + 1, len(sentences)):
            if sentences[i].doc == sentences[j].doc:
                continue
            gold = bool(sentences[i].chains & sentences[j].chains)
            predicted = group_of[i] == group_of[j]
            report.gold_pairs += gold
            report.predicted_pairs += predicted
            report.correct_pairs += gold and predicted


def read_ecbplus(folder: Path, topics: range) -> list[EcbSentence]:
    """The annotated sentences (ECBplus_coreference_sentences.csv) with the action chains each mentions."""
    found = []
    for topic, path, wanted in listed_documents(folder, topics):
        found += _document_sentences(topic, path, wanted)
    return found


def _document_sentences(topic: str, path: Path, wanted: set[int]) -> list[EcbSentence]:
    root = ET.parse(path).getroot()
    tokens = {t.get("t_id"): t for t in root.iter("token")}
    words = _sentence_words(root)
    action_sentence = {}
    for markable in root.find("Markables") or []:
        anchors = [a.get("t_id") for a in markable.iter("token_anchor")]
        if markable.tag.startswith("ACTION") and anchors and anchors[0] in tokens:
            action_sentence[markable.get("m_id")] = int(tokens[anchors[0]].get("sentence", "0"))
    chains: dict[int, set[str]] = defaultdict(set)
    for relation in root.iter("CROSS_DOC_COREF"):
        for source in relation.iter("source"):
            if source.get("m_id") in action_sentence:
                chains[action_sentence[source.get("m_id")]].add(relation.get("note", ""))
    return [EcbSentence(topic, path.name, index, _detokenise(words[index]), chains[index])
            for index in sorted(wanted) if index in words]


@dataclass
class EcbDocument:
    """One ECB+ document as plain text: `subtopic` is its topic and `ecb` or `ecbplus` (the two real events)."""

    name: str
    topic: str
    subtopic: str
    text: str


def read_ecbplus_documents(folder: Path, topics: range | None = None) -> list[EcbDocument]:
    """Every document of the given topics (all the topic folders there are, by default), whole, one sentence a
    paragraph (the first is usually the headline)."""
    found = []
    present = sorted(int(p.name) for p in (folder / "ECB+").iterdir() if p.is_dir() and p.name.isdigit())
    for topic in topics if topics is not None else present:
        for path in sorted((folder / "ECB+" / str(topic)).glob("*.xml")):
            words = _sentence_words(ET.parse(path).getroot())
            text = "\n\n".join(_detokenise(words[i]) for i in sorted(words))
            kind = "ecbplus" if path.stem.endswith("ecbplus") else "ecb"
            found.append(EcbDocument(path.name, str(topic), f"{topic}_{kind}", text))
    return found


def _sentence_words(root: ET.Element) -> dict[int, list[str]]:
    words: dict[int, list[str]] = defaultdict(list)
    for token in root.iter("token"):
        words[int(token.get("sentence", "0"))].append(token.text or "")
    return words


def _detokenise(words: list[str]) -> str:
    text = " ".join(words)
    return re.sub(r" ([.,;:!?%)'])|([($]) ", lambda m: m.group(1) or m.group(2), text).replace(" n't", "n't")
