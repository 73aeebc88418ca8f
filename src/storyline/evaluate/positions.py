"""Positions evaluation: BASIL-style folders (speaker-target-polarity triples beside a lexicon baseline) and the
seeds' positions gold (recall, stance accuracy, and what storyline reports beyond the list).

BASIL: gold triples are the phrase-level annotations of quotes whose speaker is a named person (a name of two or
more capitalised words whose surname a PERSON entity of the article contains); a system's triples are its stances
whose actor is such a person and whose target phrase mentions an entity, one triple per entity mentioned, `for` and
`conditional` read as pos and `against` as neg (neutral says nothing). Names match after canonicalisation: case,
underscores and possessives folded, a surname matching a full name. Precision and recall count whole triples;
polarity accuracy is over the gold speaker-target pairs a system found at all.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..annotate import annotate
from ..positions.baseline import lexicon_triples
from ..positions.group import target_key
from ..positions.stage import extract_positions
from ..quotes import extract_quotes
from ..record import Article
from .common import fold, process_seeds, ratio

Triple = tuple[str, str, str]  # speaker key, target key, "pos" | "neg"
_POLARITY = {"for": "pos", "conditional": "pos", "against": "neg"}
_WORD = re.compile(r"[\w-]+")


def name_key(name: str) -> str:
    """A name folded to its last word ("Donald_Trump", "Trump's", "Mr. Trump" -> "trump")."""
    words = _WORD.findall(re.sub(r"['\u2019]s\b", "", name.replace("_", " ")).casefold())
    return words[-1] if words else ""


@dataclass
class Scores:
    name: str
    predicted: int = 0
    correct: int = 0
    gold: int = 0
    recalled: int = 0
    pairs_found: int = 0
    polarity_right: int = 0

    def line(self) -> str:
        p, r = ratio(self.correct, self.predicted), ratio(self.recalled, self.gold)
        f = ratio(2 * p * r, p + r)
        return (f"{self.name:<22} {self.predicted:>9} {p:>9.3f} {r:>7.3f} {f:>6.3f} {self.pairs_found:>6} "
                f"{ratio(self.polarity_right, self.pairs_found):>9.3f}")


@dataclass
class BasilReport:
    articles: int = 0
    systems: list[Scores] = field(default_factory=list)

    def render(self) -> str:
        gold = self.systems[0].gold if self.systems else 0
        lines = [f"{self.articles} articles, {gold} gold speaker-target-polarity triples (named-person speakers)",
                 f"{'system':<22} {'predicted':>9} {'precision':>9} {'recall':>7} {'F1':>6} {'pairs':>6} "
                 f"{'pol. acc.':>9}"]
        return "\n".join(lines + [s.line() for s in self.systems])


def basil_articles(folder: Path) -> list[tuple[str, list[str], list[dict]]]:
    """(article id, paragraphs, phrase-level annotations) for every annotated article of a BASIL-style folder."""
    found = []
    for annotation in sorted((folder / "annotations").glob("*/*_ann.json")):
        name = annotation.name.removesuffix("_ann.json")
        path = folder / "articles" / annotation.parent.name / f"{name}.json"
        if not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(s.strip() for s in p if s.strip()) for p in data.get("body-paragraphs", [])]
        phrases = json.loads(annotation.read_text(encoding="utf-8")).get("phrase-level-annotations", [])
        found.append((name, [p for p in paragraphs if p], phrases))
    return found


def named_people(article: Article) -> set[str]:
    """Surname keys of the PERSON entities of the article."""
    return {name_key(e.text) for e in article.entities if e.label == "PERSON"}


def _is_named(name: str, people: set[str]) -> bool:
    words = [w for w in re.split(r"[_\s]+", name.strip()) if w]
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and name_key(name) in people


def gold_triples(phrases: list[dict], people: set[str]) -> set[Triple]:
    return {(name_key(p["speaker"]), name_key(p["target"]), p["polarity"]) for p in phrases
            if p.get("quote") == "yes" and p.get("polarity") in ("pos", "neg") and p.get("target")
            and _is_named(p.get("speaker", ""), people)}


def storyline_triples(article: Article) -> list[tuple[str, str, str, str]]:
    """(speaker, target entity, polarity, evidence) for each stance of a person on a target naming an entity."""
    found = []
    text = article.text
    for position in article.positions:
        polarity = _POLARITY.get(position.stance)
        if polarity is None:
            continue
        for entity in article.entities:
            if position.target_start <= entity.start and entity.end <= position.target_end:
                found.append((position.actor, entity.text, polarity, text[position.start:position.end]))
    return found


def _score(scores: Scores, predicted: list[tuple[str, str, str, str]], gold: set[Triple], people: set[str]) -> None:
    triples = {(name_key(s), name_key(t), p) for s, t, p, _ in predicted
               if name_key(s) in people and name_key(s) != name_key(t)}
    scores.gold += len(gold)
    scores.predicted += len(triples)
    scores.correct += len(triples & gold)
    scores.recalled += len(gold & triples)
    said: dict[tuple[str, str], set[str]] = defaultdict(set)
    for speaker, target, polarity in triples:
        said[(speaker, target)].add(polarity)
    for speaker, target, polarity in gold:
        if (speaker, target) in said:
            scores.pairs_found += 1
            scores.polarity_right += said[(speaker, target)] == {polarity}


def evaluate_basil(folder: Path, out: Path | None = None, limit: int | None = None) -> BasilReport:
    """Score storyline's positions and the lexicon baseline on every annotated article (the first `limit`)."""
    report = BasilReport()
    ours, baseline = Scores("storyline positions"), Scores("lexicon baseline (VADER)")
    lines = []
    for name, paragraphs, phrases in basil_articles(folder)[:limit]:
        article = Article(id=name, source=name, content_hash=name, paragraphs=paragraphs, language="en", status="ok")
        article = extract_positions(extract_quotes(annotate(article)))
        people = named_people(article)
        gold = gold_triples(phrases, people)
        predicted = storyline_triples(article)
        _score(ours, predicted, gold, people)
        _score(baseline, lexicon_triples(article), gold, people)
        report.articles += 1
        lines += [{"article": name, "speaker": s, "target": t, "polarity": p, "evidence": e}
                  for s, t, p, e in predicted]
    report.systems = [ours, baseline]
    if out is not None:
        with out.open("w", encoding="utf-8") as stream:
            stream.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    return report


@dataclass
class SeedsPositionsReport:
    total: int = 0
    found: int = 0
    right_stance: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def render(self) -> str:
        lines = [f"gold positions {self.total}, found {self.found} (recall {ratio(self.found, self.total):.3f}), "
                 f"right stance {self.right_stance} (stance accuracy {ratio(self.right_stance, self.found):.3f})"]
        lines += ["missed:"] + [f"  {m}" for m in self.missed]
        lines += [f"reported beyond the list ({len(self.extra)}), for a person to judge:"]
        return "\n".join(lines + [f"  {e}" for e in self.extra])


def _words(text: str) -> set[str]:
    return set(target_key(text))


def _same_actor(gold: str, actor: str) -> bool:
    """Same actor after canonicalisation: a shared name word ("Vladimir Putin" ~ "Putin", "Syrian rebels" ~
    "rebels")."""
    return bool(_words(gold) & _words(actor))


def _same_target(gold: str, target: str) -> bool:
    """A target that means the same: at least a third of the shorter one's content words shared."""
    a, b = _words(gold), _words(target)
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= 1 / 3


def evaluate_seed_positions(gold_path: Path, seeds_dir: Path | None = None) -> SeedsPositionsReport:
    """Each gold position is found when a stance of the same article cites the sentence holding its evidence,
    with the same actor and a target that means the same; its stance is then right or not."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["positions"]
    articles = process_seeds(gold_path, seeds_dir)
    report, used = SeedsPositionsReport(total=len(gold)), set()
    for item in gold:
        article = articles.get(item["article"])
        text = article.text if article else ""
        evidence = fold(item["evidence"]).replace("\u2019", "'")
        candidates = [(i, p) for i, p in enumerate(article.positions if article else [])
                      if evidence in fold(text[p.start:p.end]).replace("\u2019", "'")
                      and _same_actor(item["actor"], p.actor) and _same_target(item["target"], p.target)]
        if not candidates:
            report.missed.append(f"{item['article'][:3]} {item['actor']} {item['stance']} {item['target']}")
            continue
        report.found += 1
        right = [c for c in candidates if c[1].stance == item["stance"]]
        report.right_stance += bool(right)
        used.add((item["article"], (right or candidates)[0][0]))
    for name, article in articles.items():
        for index, p in enumerate(article.positions):
            if (name, index) not in used:
                report.extra.append(f"{name[:3]} {p.actor} {p.stance} {p.target!r} ({p.cue})")
    return report
