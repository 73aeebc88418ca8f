"""Positions across articles: actors by canonical entity, targets grouped when they are the same proposal, and the
map per story (actors x targets, each cell the stance over time with its evidence, changes flagged).

Nothing here writes to the store: the canonical name of an actor is looked up at query time in the corpus entity
layer (names and aliases), so a rebuilt entity layer changes the map without a rebuild of the positions.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..record import Article, CanonicalEntity, Position

STANCES = ("for", "against", "conditional", "neutral")
# Words a target's grouping key leaves out: articles, possessives, the call-for wrapper and function words.
_FILLER = frozenset(("a", "an", "the", "of", "for", "to", "on", "in", "its", "his", "her", "their", "our", "any",
                     "all", "some", "this", "that", "these", "those", "be", "s", "calls", "call", "and", "by",
                     "with", "from", "at", "as", "would", "will", "could"))
_WORD = re.compile(r"[\w-]+")
JACCARD = 0.6


@dataclass
class Statement:
    """One stance statement with what is needed to cite and group it."""

    article: str
    source: str
    story: str | None
    published: str | None
    title: str | None
    actor: str  # the canonical name where the entity layer knows the actor, else as written
    position: Position
    evidence: str
    group: str = ""  # the target group's label (the most frequent phrasing)

    def row(self) -> dict:
        """The flat row of the positions table (`storyline export --table positions`)."""
        p = self.position
        return {"article": self.article, "source": self.source, "story": self.story, "actor": self.actor,
                "actor_as_written": p.actor, "target": p.target, "target_group": self.group, "stance": p.stance,
                "condition": p.condition, "date": p.date or self.published, "evidence": self.evidence,
                "cue": p.cue, "via": p.via, "sentence": p.sentence, "start": p.start, "end": p.end}


@dataclass
class Cell:
    """One actor's stance on one target over time; `changes` says where it moved ("against (2012-02-08) -> for
    (2015-10-16)")."""

    actor: str
    target: str
    statements: list[Statement] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)

    @property
    def stance(self) -> str:
        """The latest stance (what the actor said last)."""
        return self.statements[-1].position.stance if self.statements else "neutral"


@dataclass
class Proposal:
    target: str
    backers: list[str] = field(default_factory=list)
    opponents: list[str] = field(default_factory=list)
    conditional: list[str] = field(default_factory=list)


@dataclass
class PositionsMap:
    actors: list[str]
    targets: list[str]
    cells: list[Cell]
    proposals: list[Proposal]

    def cell(self, actor: str, target: str) -> Cell | None:
        return next((c for c in self.cells if c.actor == actor and c.target == target), None)


def canonical_names(entities: Iterable[CanonicalEntity]) -> Callable[[str], str]:
    """A function from an actor as written to its canonical name (names, aliases and a person's surname alone)."""
    index: dict[str, str] = {}
    surnames: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            index.setdefault(_name_key(name), entity.name)
        if entity.label == "PERSON" and " " in entity.name:
            surnames[_name_key(entity.name.split()[-1])].add(entity.name)

    def canonical(written: str) -> str:
        key = _name_key(written)
        if key in index:
            return index[key]
        found = surnames.get(key)
        return next(iter(found)) if found and len(found) == 1 else written.strip()

    return canonical


def _name_key(name: str) -> str:
    name = re.sub(r"['\u2019]s$", "", name.strip()).casefold()
    return re.sub(r"^the\s+", "", name)


def target_key(text: str) -> frozenset[str]:
    """The content words of a target, the grouping key ("calls for Assad's ouster" ~ "Assad's ouster")."""
    words = [w.casefold() for w in _WORD.findall(text.replace("\u2019", "'").replace("'s", ""))]
    return frozenset(w.rstrip("s") if len(w) > 3 else w for w in words if w not in _FILLER)


def group_targets(targets: list[str], similar: Callable[[list[str]], list[list[float]]] | None = None,
                  floor: float = 0.8) -> dict[str, str]:
    """Each target -> its group's label. Targets group when their content words overlap (Jaccard at least 0.6) or,
    with `similar` (an embedding similarity matrix), when their similarity is at least `floor`; the label is the
    most frequent phrasing, the shortest among equals."""
    distinct = sorted(set(targets))
    keys = [target_key(t) for t in distinct]
    parent = list(range(len(distinct)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    matrix = similar(distinct) if similar is not None and len(distinct) > 1 else None
    for i in range(len(distinct)):
        for j in range(i + 1, len(distinct)):
            union = keys[i] | keys[j]
            overlap = len(keys[i] & keys[j]) / len(union) if union else 1.0
            if overlap >= JACCARD or (matrix is not None and matrix[i][j] >= floor):
                parent[root(j)] = root(i)
    counts = defaultdict(int)
    for target in targets:
        counts[target] += 1
    members: dict[int, list[str]] = defaultdict(list)
    for index, target in enumerate(distinct):
        members[root(index)].append(target)
    labels = {}
    for group in members.values():
        label = min(group, key=lambda t: (-counts[t], len(t), t))
        labels.update(dict.fromkeys(group, label))
    return labels


def statements(articles: Iterable[Article], canonical: Callable[[str], str], stories: dict[str, str],
               similar: Callable[[list[str]], list[list[float]]] | None = None) -> list[Statement]:
    """Every stance statement of the articles, in date order, actors canonical and targets grouped."""
    found = []
    for article in articles:
        text = article.text
        for position in article.positions:
            found.append(Statement(article.id, article.source, stories.get(article.id), article.published,
                                   article.title, canonical(position.actor), position,
                                   text[position.start:position.end]))
    labels = group_targets([s.position.target for s in found], similar)
    for statement in found:
        statement.group = labels[statement.position.target]
    return sorted(found, key=lambda s: (s.position.date or s.published or "", s.article, s.position.start))


def build_map(found: list[Statement]) -> PositionsMap:
    """The actors x targets map of these statements, changes of stance flagged, proposals with backers and
    opponents. Neutral statements are cited in their cell but never count as a change."""
    cells: dict[tuple[str, str], Cell] = {}
    for statement in found:
        key = (statement.actor, statement.group)
        cells.setdefault(key, Cell(*key)).statements.append(statement)
    for cell in cells.values():
        cell.changes = _changes(cell.statements)
    proposals: dict[str, Proposal] = {}
    for (actor, target), cell in cells.items():
        proposal = proposals.setdefault(target, Proposal(target))
        {"for": proposal.backers, "against": proposal.opponents, "conditional": proposal.conditional}.get(
            cell.stance, []).append(actor)
    actors = sorted({a for a, _ in cells}, key=lambda a: (-sum(1 for k in cells if k[0] == a), a))
    first = {}
    for statement in found:
        first.setdefault(statement.group, statement.position.date or statement.published or "")
    targets = sorted({t for _, t in cells}, key=lambda t: (-sum(1 for k in cells if k[1] == t), first[t], t))
    ranked = sorted(proposals.values(), key=lambda p: -(len(p.backers) + len(p.opponents) + len(p.conditional)))
    return PositionsMap(actors, targets, list(cells.values()), ranked)


def _changes(found: list[Statement]) -> list[str]:
    changes, last = [], None
    for statement in found:
        stance = statement.position.stance
        if stance == "neutral":
            continue
        date = statement.position.date or statement.published or "undated"
        if last is not None and stance != last[0]:
            changes.append(f"was {last[0]} ({last[1]}), now {stance} ({date})")
        last = (stance, date)
    return changes


def render(found: PositionsMap, evidence: bool = True) -> str:
    """The map as text: per target, each actor's stance over time (with its evidence sentences unless not
    `evidence`), changes of stance flagged with "!"."""
    lines = []
    for target in found.targets:
        lines.append(f"{target}")
        for cell in (c for c in found.cells if c.target == target):
            history = " -> ".join(f"{s.position.stance} ({s.position.date or s.published or 'undated'})"
                                  for s in cell.statements)
            lines.append(f"  {cell.actor}: {history}")
            for statement in cell.statements if evidence else []:
                lines.append(f"    \u201c{statement.evidence.strip()}\u201d [{statement.article}]")
            lines += [f"    ! {change}" for change in cell.changes]
    return "\n".join(lines)
