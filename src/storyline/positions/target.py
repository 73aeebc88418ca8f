"""Where a stance predicate's target lies, phrased as the article phrases it.

The target is the object region right of the predicate: from its particle's object ("calls *for* …"), its direct
object or its complement clause, to the right edge of those dependents. Conditions, means clauses set off by a comma
and coordinated clauses are left out. The region is read as a span, not as one subtree, because the parser often
hangs the clause of a nested proposal on the outer verb ("back calls for Assad to step down": "step" under "back").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import CONDITION_MARKS, NOUN_PARTICLES, PARTICLE_ONLY, PROTECTIONS, REASON_PARTICLES, REASON_VERBS

OBJECT_DEPS = frozenset(("dobj", "prep", "xcomp", "ccomp", "advcl", "dative", "attr", "pcomp", "oprd", "acomp",
                         "pobj", "prt", "obj"))
MAX_TOKENS = 30
# Subordinate clauses that end a target ("… talks *as* activists reported …").
CLAUSE_BREAKS = frozenset(("as", "because", "while", "although", "though", "after", "before", "when", "since",
                           "whereas"))
_TRAILING = frozenset((",", ".", ";", ":", "—", "–", "-", "\u201d", "\u201c", '"', "'", ")", "("))


@dataclass
class Region:
    """The target's tokens [start, end) in the Doc and the token that heads it (checked for a nested stance)."""

    start: int
    end: int
    head: Token

    def text(self, doc: Doc) -> str:
        return doc[self.start:self.end].text.strip()


def particle(token: Token) -> Token | None:
    """The particle a particle-only verb or a stance noun reads its target through ("call *for*", "rejection *of*")."""
    wanted = PARTICLE_ONLY.get(token.lemma_.lower()) if token.pos_ in ("VERB", "AUX") else NOUN_PARTICLES
    if not wanted:
        return None
    for child in token.rights:
        if child.dep_ in ("prep", "prt", "dative") and child.lower_ in wanted:
            return child
    following = token.i + 1 < len(token.doc) and token.nbor(1)
    return following if following and following.lower_ in wanted else None


def verb_region(verb: Token, bound: int | None = None) -> Region | None:
    """The target region of a verb predicate, None when it has no object."""
    lemma = verb.lemma_.lower()
    if lemma in PROTECTIONS:
        source = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "from"), None)
        if source is not None:
            return _after(source, bound)
    if lemma in PARTICLE_ONLY:
        found = particle(verb)
        return _after(found, bound, verb) if found is not None else None
    if lemma in REASON_VERBS:
        reason = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in REASON_PARTICLES), None)
        if reason is not None and any(c.dep_ in ("dobj", "dative") for c in verb.rights):
            return _after(reason, bound)
    objects = [c for c in verb.rights if _is_object(c)]
    if any(c.dep_ != "prep" for c in objects):  # "backed the plan on Monday": a prep after an object is an adjunct
        objects = [c for c in objects if c.dep_ != "prep"]
    if not objects:
        return None
    end = max(c.right_edge.i for c in objects) + 1
    head = objects[0]
    start = head.left_edge.i if head.dep_ not in ("prep", "prt") else head.i + 1
    return _clip(verb.doc, Region(start, min(end, bound or end), head))


def noun_region(noun: Token, bound: int | None = None) -> Region | None:
    """The target region of a stance noun: what follows its particle ("rejection *of* calls for …")."""
    found = particle(noun)
    if found is None:
        return None
    return _after(found, bound, noun)


def _after(prep: Token, bound: int | None, owner: Token | None = None) -> Region | None:
    """The region after a particle: its object's subtree, stretched to `bound` (the outer predicate's region end)
    and to the owner's own complements further right ("called on Assad *to end the conflict*")."""
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp", "dobj")]
    start = prep.i + 1
    if start >= len(prep.doc):
        return None
    end = max([prep.right_edge.i + 1] + [c.right_edge.i + 1 for c in objects])
    if owner is not None:
        end = max([end] + [c.right_edge.i + 1 for c in owner.rights
                           if c.i > prep.i and _is_object(c) and c.dep_ != "prep"])
    if bound is not None:
        nested_noun = owner is not None and owner.pos_ in ("NOUN", "PROPN")  # its phrase is the outer region
        end = max(end, bound) if nested_noun else min(end, bound)
    head = objects[0] if objects else prep.doc[start]
    return _clip(prep.doc, Region(start, end, head))


def _is_object(child: Token) -> bool:
    if child.dep_ not in OBJECT_DEPS:
        return False
    if child.dep_ == "advcl":  # "…to step down" (mark for/to) yes; "…if the opposition joins" no: a condition
        marks = {m.lower_ for m in child.children if m.dep_ == "mark"}
        return bool(marks & {"for", "to"})
    return not _after_comma(child)


def _after_comma(child: Token) -> bool:
    """A dependent set off by a comma ("…, saying …") is not part of the object."""
    start = child.left_edge.i
    return start > 0 and child.doc[start - 1].text == "," and child.dep_ in ("advcl", "ccomp", "xcomp")


def _clip(doc: Doc, region: Region) -> Region | None:
    """Drop leading particles and trailing punctuation; stop at a condition, a dash or a semicolon; bound the
    length."""
    start, end = region.start, min(region.end, region.start + MAX_TOKENS, region.head.sent.end)
    for index in range(start, end):
        token = doc[index]
        if index > start and (token.text in (";", "\u2014", "(") or (
                token.lower_ in CONDITION_MARKS | CLAUSE_BREAKS and token.dep_ == "mark" and token.head.dep_ == "advcl")
                or (token.lower_ == "only" and index + 1 < len(doc) and doc[index + 1].lower_ == "if")):
            end = index
            break
    while end > start and doc[end - 1].text in _TRAILING:
        end -= 1
    while start < end and doc[start].dep_ in ("prep", "mark", "aux") and doc[start].lower_ in ("for", "of", "on",
                                                                                               "to", "that"):
        start += 1
    if end <= start:
        return None
    return Region(start, end, region.head)
