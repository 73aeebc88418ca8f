"""Cross-document entity coreference on ECB+ (topics 1-35): storyline's entities beside an exact-string baseline.

Which mentions are scored: the gold HUMAN_* and NON_HUMAN_* participant markables in the annotated sentences, and
only those (storyline's own mentions that match no gold markable are not scored). Gold entities are the
CROSS_DOC_COREF chains (one per instance id), then the INTRA_DOC_COREF chains within one document, then each
remaining markable alone.

How storyline is run: each topic's documents (both of its seminal events) are one corpus; every sentence is a
paragraph; the spaCy stage tags names and `entity_mentions` merges them into canonical entities (the quote stage is
not run, so speakers the tagger missed add nothing). A gold markable takes the entity of the storyline mention that
covers its last word (the head of an English noun phrase: `Tara Reid` in `actress Tara Reid`, not in `Tara Reid's
publicist`); a markable no storyline mention covers (pronouns, common nouns: storyline lists names only) is its own
entity. The baseline puts markables with the same lower-cased text in one entity. Both are scored with MUC,
B-cubed, CEAF-e and their CoNLL average.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..annotate import annotate
from ..corpus.entities import entity_mentions
from ..record import Article
from .coreference import b_cubed, ceaf_e, conll_f1, muc
from .ecbplus import Layout, layout, listed_documents

PARTICIPANT = ("HUMAN", "NON_HUMAN")


@dataclass
class GoldMention:
    topic: str
    doc: str
    m_id: str
    text: str
    start: int
    end: int
    head: tuple[int, int]  # the last word's span
    chain: str


@dataclass
class SystemScore:
    muc: float
    b_cubed_precision: float
    b_cubed_recall: float
    b_cubed: float
    ceaf_e: float
    conll: float


@dataclass
class EntityReport:
    topics: int = 0
    documents: int = 0
    mentions: int = 0
    gold_entities: int = 0
    covered: int = 0  # gold mentions a storyline mention covers
    systems: dict[str, SystemScore] = field(default_factory=dict)
    on_names: dict[str, SystemScore] = field(default_factory=dict)  # scored on the covered mentions alone

    def render(self) -> str:
        lines = [f"ECB+ cross-document entity coreference, {self.topics} topics, {self.documents} documents: "
                 f"{self.mentions} gold participant mentions in {self.gold_entities} entities; "
                 f"{self.covered} covered by a storyline name mention"]
        lines += _table("all gold mentions (uncovered ones alone for storyline)", self.systems)
        lines += _table(f"the {self.covered} gold mentions storyline covers (names)", self.on_names)
        return "\n".join(lines)

    def to_json(self) -> dict:
        return asdict(self)


def _table(title: str, systems: dict[str, SystemScore]) -> list[str]:
    lines = [f"{title}:", f"  {'system':<36} {'MUC F1':>7} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'CEAFe':>6} "
                          f"{'CoNLL':>6}"]
    for name, s in systems.items():
        lines.append(f"  {name:<36} {s.muc:7.3f} {s.b_cubed_precision:6.3f} {s.b_cubed_recall:6.3f} "
                     f"{s.b_cubed:6.3f} {s.ceaf_e:6.3f} {s.conll:6.3f}")
    return lines


def gold_mentions(topic: str, path: Path, root: ET.Element, doc: Layout, wanted: set[int]) -> list[GoldMention]:
    """The participant markables of one document in its annotated sentences, each with its gold chain."""
    chain_of: dict[str, str] = {}
    for relation in root.iter("CROSS_DOC_COREF"):
        for source in relation.iter("source"):
            chain_of[source.get("m_id")] = relation.get("note", "")
    for relation in root.iter("INTRA_DOC_COREF"):
        for source in relation.iter("source"):
            chain_of.setdefault(source.get("m_id"), f"{path.name}#{relation.get('r_id')}")
    text = "\n\n".join(doc.paragraphs)
    found = []
    for markable in root.find("Markables") or []:
        anchors = [a.get("t_id") for a in markable.iter("token_anchor") if a.get("t_id") in doc.spans]
        if not markable.tag.startswith(PARTICIPANT) or not anchors or doc.sentence_of[anchors[0]] not in wanted:
            continue
        spans = sorted(doc.spans[t] for t in anchors)
        m_id = markable.get("m_id")
        words = " ".join(text[start:end] for start, end in spans)
        found.append(GoldMention(topic, path.name, m_id, words, spans[0][0], spans[-1][1], spans[-1],
                                 chain_of.get(m_id, f"{path.name}#{m_id}")))
    return found


def _article(path: Path, doc: Layout) -> Article:
    article = Article(id=path.name, source=path.name, content_hash=path.name, paragraphs=doc.paragraphs,
                      language="en", status="ok")
    return annotate(article)


def _storyline(topic: str, articles: list[Article], gold: list[GoldMention]) -> dict[tuple[str, str], str | None]:
    """Each gold mention's storyline entity: that of the mention covering its last word; None when none does."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for article, start, end, entity in entity_mentions(articles):
        spans[article].append((start, end, entity.id))
    found = {}
    for mention in gold:
        head_start, head_end = mention.head
        found[(mention.doc, mention.m_id)] = next((f"{topic}:{entity}" for start, end, entity in spans[mention.doc]
                                    if start < head_end and head_start < end), None)
    return found


def _score(key: dict, response: dict) -> SystemScore:
    b3 = b_cubed(key, response)
    return SystemScore(muc(key, response).f1, b3.precision, b3.recall, b3.f1, ceaf_e(key, response).f1,
                       conll_f1(key, response))


def evaluate_entities(folder: Path, topics: range = range(1, 36)) -> EntityReport:
    """Score storyline's entities and the exact-string baseline on the gold participant mentions of `topics`."""
    by_topic: dict[str, list[tuple[Path, Layout, ET.Element, set[int]]]] = defaultdict(list)
    for topic, path, wanted in listed_documents(folder, topics):
        root = ET.parse(path).getroot()
        by_topic[topic].append((path, layout(root), root, wanted))
    key: dict[tuple[str, str], str] = {}
    predicted: dict[tuple[str, str], str | None] = {}
    text_of: dict[tuple[str, str], str] = {}
    report = EntityReport(topics=len(by_topic))
    for topic, docs in by_topic.items():
        report.documents += len(docs)
        gold = [m for path, doc, root, wanted in docs for m in gold_mentions(topic, path, root, doc, wanted)]
        articles = [_article(path, doc) for path, doc, _, _ in docs]
        for mention in gold:
            ident = (mention.doc, mention.m_id)
            key[ident] = f"{topic}:{mention.chain}"
            text_of[ident] = f"{topic}:string:{mention.text.lower()}"
        predicted.update(_storyline(topic, articles, gold))
    report.mentions, report.gold_entities = len(key), len(set(key.values()))
    report.covered = sum(e is not None for e in predicted.values())
    systems: dict[str, Callable[[tuple[str, str]], str]] = {
        "storyline": lambda m: predicted[m] or f"alone:{m}",
        "exact string (baseline)": lambda m: text_of[m],
        "storyline, other mentions by string": lambda m: predicted[m] or text_of[m],
        "every mention alone": lambda m: f"alone:{m}",
    }
    report.systems = {name: _score(key, {m: system(m) for m in key}) for name, system in systems.items()}
    named = {m: chain for m, chain in key.items() if predicted[m] is not None}
    report.on_names = {name: _score(named, {m: systems[name](m) for m in named})
                       for name in ("storyline", "exact string (baseline)")}
    return report
