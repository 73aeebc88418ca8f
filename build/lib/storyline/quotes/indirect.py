"""Reported speech: a cue verb with a subject and a clause (`Lavrov said Assad wants…`, `X accused Y of Z`,
`X called for Y`, `…, a source said`) or `according to X`. The content is the complement's span in the parse, so
it holds on either side of the cue. Besides clauses, a cue's object, `to`-infinitive or prepositional object counts
where the lemma's pattern in `cues.PATTERNS` allows it (`denounced the plan`, `vowed to fight`, `spoke about X`);
so do nominal cues with a possessor (`his call for a ban`), stance adjectives (`is critical of X`), passives with an
agent (`was first reported by X`) and headline labels (`Poll: …`)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .cues import ADJECTIVES, NOMINAL, PATTERNS, SAYING, STANCE, according_to, cue_candidates, cue_subject, is_cue

# Verbs whose `to`-infinitive complement is what was said or meant (`urged X to`, `vowed to`).
XCOMP_CUES = frozenset("""
urge vow promise pledge threaten ask tell warn call order demand want plan intend hope expect decide refuse
agree offer propose
""".split())
# Headline labels before a colon that name no source (`Update: …`, `Watch: …`).
NOT_SOURCES = frozenset("""
update watch video photos photo related editor note read listen exclusive breaking live analysis opinion
correction transcript q a background context summary highlights takeaway takeaways pros cons details facts timeline
""".split())
# What a sentence opening `In …,` reports the findings of (`In a CBS News poll, …`), and the nouns whose possessor
# is the source (`In his view, …`, `in Forbes' words`); venues (`In an interview, X …`) are not sources.
SOURCE_NOUNS = frozenset("""
poll polls survey surveys study studies report reports analysis estimate estimates projection projections forecast
census data tally count average ranking index audit review assessment findings
""".split())
VIEW_NOUNS = frozenset("view views mind words opinion estimation eyes judgment judgement assessment telling".split())
# Cues whose direct object is seldom what was said (`told reporters`, `maintained a lead`, `charged $5`,
# `challenged Smith`, `continued his push`): on PolNeAR train fewer than a third of their objects were attributed
# content.
NO_OBJECT_CONTENT = frozenset({"tell", "ask", "add", "say", "maintain", "charge", "challenge", "welcome", "continue"})
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
EDGE_PUNCT = set(",.:;\"'\u201c\u201d\u2018\u2019\u00ab\u00bb-\u2014\u2013()") | {"''", "``"}


@dataclass
class Attribution:
    """One reported statement in a paragraph Doc: cue token, subject head, content token range [start, end)."""

    cue: Token
    subject: Token
    start: int
    end: int
    according: bool = False


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].text in EDGE_PUNCT:
        start += 1
    while end > start and doc[end - 1].text in EDGE_PUNCT:
        end -= 1
    return start, end


def _complement(verb: Token) -> tuple[int, int] | None:
    """Token range of what the cue verb reports, from its dependents."""
    children = list(verb.children)
    clauses = [c for c in children if c.dep_ == "ccomp"]
    clauses += _subject_taken_for_object(children, clauses)
    lemma = verb.lemma_.lower()
    if not clauses and lemma in XCOMP_CUES:
        clauses = [c for c in children if c.dep_ == "xcomp"]
        objects = [c for c in children if c.dep_ in ("dobj", "dative") and c.i < verb.i + 4]
        if clauses and objects:
            clauses = objects + clauses
    if not clauses and lemma in ("accuse", "blame", "criticize", "criticise", "praise", "call", "warn", "urge"):
        preps = [c for c in children if c.dep_ == "prep" and c.lower_ in ("of", "for", "on", "against", "over")]
        objects = [c for c in children if c.dep_ == "dobj"]
        clauses = objects + preps if preps else []
    if not clauses and lemma in ("ask", "wonder", "question"):
        clauses = [c for c in children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)]
    if not clauses and (lemma in SAYING or lemma in STANCE) and lemma not in NO_OBJECT_CONTENT:
        clauses = [c for c in children if c.dep_ in ("dobj", "oprd")]
    if not clauses:
        clauses = _noun_clause(verb, children)
    if not clauses:
        clauses = _by_pattern(verb, lemma, children)
    if not clauses and verb.dep_ == "parataxis":
        return verb.head.left_edge.i, verb.head.right_edge.i + 1
    if not clauses and _as_aside(verb, lemma, children):
        return _outside(verb)
    if not clauses:
        return None
    if any(c.dep_ == "dobj" for c in clauses):  # `described her as likable`: the `as` phrase goes with the object
        clauses += [c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i > clauses[-1].i]
    return min(c.left_edge.i for c in clauses), max(_clause_end(c) for c in clauses)


def _subject_taken_for_object(children: list[Token], clauses: list[Token]) -> list[Token]:
    """`They state [their goal] [is to expand …]`: a clause with no subject of its own right after the cue's object
    is a misparse; the object is the clause's subject and part of what was said."""
    objects = [c for c in children if c.dep_ == "dobj"]
    for clause in clauses:
        if any(c.dep_ in SUBJECT_DEPS for c in clause.children):
            continue
        before = [o for o in objects if o.right_edge.i + 1 == clause.left_edge.i]
        if before:
            return before
    return []


def _as_aside(verb: Token, lemma: str, children: list[Token]) -> bool:
    """`as X said` / `as he told reporters`: an `as` clause whose cue has nothing of its own to report; `as rebels
    continue to gain ground` and `as the economy shows signs of recovery` report nothing."""
    if verb.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ == "as" for m in children):
        return False
    own = [c for c in children if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "dobj" and lemma not in NO_OBJECT_CONTENT)]
    return not own


def _clause_end(clause: Token) -> int:
    """Where a complement ends: before a second cue of the same speaker that the parser hung on it as a
    conjunct (`said the plan works and predicted that…`): that one reports a statement of its own."""
    for child in clause.rights:
        if child.dep_ == "conj" and is_cue(child) and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            before = [t for t in clause.doc[clause.left_edge.i:child.left_edge.i]]
            while before and (before[-1].dep_ == "cc" or before[-1].is_punct):
                before.pop()
            if before:
                return before[-1].i + 1
    return clause.right_edge.i + 1


def _by_pattern(verb: Token, lemma: str, children: list[Token]) -> list[Token]:
    """The complement the learned `PATTERNS` allow for this lemma: a `to`-infinitive (with the object before it),
    a direct object (with its predicate, `called X a liar`), or the object of one preposition."""
    wanted = PATTERNS.get(lemma)
    if not wanted:
        return []
    if "xcomp" in wanted:
        clauses = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i]
        if clauses:
            return [c for c in children if c.dep_ in ("dobj", "dative") and c.i < clauses[0].i] + clauses
    if "dobj" in wanted or "oprd" in wanted:
        objects = [c for c in children if c.dep_ in ("dobj", "oprd") and c.i > verb.i and
                   ("dobj" in wanted or any(o.dep_ == "oprd" for o in children))]
        if objects and not (len(objects) == 1 and objects[0].pos_ == "PRON" and objects[0].lower_ in ("it", "this")):
            return objects
    for child in children:
        if child.dep_ == "prep" and child.i > verb.i and f"prep:{child.lower_}" in wanted:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                return objects
    return []


def _opens_clause(clause: Token) -> bool:
    """A complement clause: opened by `that`/`whether`/`if`, or a `to`-infinitive."""
    first = clause.left_edge
    return first.lower_ in ("that", "whether", "if") and first.dep_ == "mark" or (
        first.lower_ == "to" and first.dep_ == "aux" and first.head.i == clause.i)


def _noun_clause(verb: Token, children: list[Token]) -> list[Token]:
    """`expressed concern that…`, `says in a statement that…`: the clause hangs on the cue's object noun."""
    nouns = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
    nouns += [g for c in children if c.dep_ == "prep" and c.i > verb.i for g in c.children if g.dep_ == "pobj"]
    for noun in nouns:
        if noun.pos_ != "NOUN":
            continue
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i and _opens_clause(c)]
        if clauses and noun.dep_ == "dobj" and verb.lemma_.lower() == "say":
            return [noun]  # `said Western refusal to act has …`: a misparse; the object heads the clause said
        if clauses:
            return clauses[:1]
    return []


def _nominal(token: Token) -> Attribution | None:
    """`Trump's call for a ban`, `her view that…`, `his decision to run`: a cue noun with a possessor."""
    preps = NOMINAL.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
    if preps is None:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    for child in token.children:
        if child.dep_ in ("acl", "ccomp") and child.i > token.i and _opens_clause(child):
            return Attribution(token, owner, child.left_edge.i, child.right_edge.i + 1)
    for child in token.children:
        if child.dep_ == "prep" and child.i > token.i and child.lower_ in preps:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                return Attribution(token, owner, objects[0].left_edge.i, objects[0].right_edge.i + 1)
    return None


def _stance_adjective(token: Token) -> Attribution | None:
    """`X is critical of Y`, `X was eager to run`, `X is confident that…`: the copula's subject holds the content."""
    relations = ADJECTIVES.get(token.lemma_.lower()) if token.pos_ == "ADJ" and token.dep_ == "acomp" else None
    if relations is None:
        return None
    subject = cue_subject(token.head)
    if subject is None or subject.i > token.i:
        return None
    for child in token.children:
        if child.i < token.i:
            continue
        if child.dep_ in ("xcomp", "ccomp") and child.dep_ in relations:
            return Attribution(token, subject, child.left_edge.i, child.right_edge.i + 1)
        if child.dep_ == "prep" and child.lower_ in relations:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                return Attribution(token, subject, objects[0].left_edge.i, objects[0].right_edge.i + 1)
    return None


def _passive_with_agent(token: Token) -> Attribution | None:
    """`The meeting was first reported by Politico`: a cue in the passive, its agent the source and its subject
    what was reported."""
    if token.tag_ != "VBN" or not is_cue(token):
        return None
    subjects = [c for c in token.children if c.dep_ == "nsubjpass" and c.i < token.i]
    agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if len(subjects) != 1 or not agents or subjects[0].pos_ == "PRON" or \
            any(c.dep_ in ("ccomp", "xcomp") for c in token.children):
        return None
    return Attribution(token, agents[0], subjects[0].left_edge.i, subjects[0].right_edge.i + 1)


def _outside(verb: Token) -> tuple[int, int]:
    """`As X explained, A` / `A, as X said`: the rest of the main clause, on the far side of the cue's clause."""
    head = verb.head
    if verb.i < head.i:
        return verb.right_edge.i + 1, head.right_edge.i + 1
    return head.left_edge.i, verb.left_edge.i


def _parenthetical(subject: Token, verb: Token) -> bool:
    """`This campaign, he says, is different`: the cue and its subject sit inside the content, between commas."""
    first = min(subject.left_edge.i, verb.i)
    return abs(subject.i - verb.i) <= 3 and first > 0 and verb.doc[first - 1].is_punct


def _colon_headline(doc: Doc) -> Attribution | None:
    """`Trump: Megyn Kelly Is No Different`: a name, a colon, and what the named one said (headline style)."""
    colon = next((t for t in doc[:5] if t.text == ":"), None)
    if colon is None or colon.i == 0 or colon.i + 2 >= len(doc):
        return None
    prefix = doc[:colon.i]
    if not all(t.is_title or t.pos_ == "PROPN" or t.text in ("'s", "\u2019s", ".") for t in prefix):
        return None
    if prefix[-1].lower_ in NOT_SOURCES:
        return None
    if not any(e.label_ in ("PERSON", "ORG", "NORP", "GPE") for e in prefix.ents) and (
            len(prefix) > 4 or prefix[-1].pos_ not in ("NOUN", "PROPN")):
        return None
    head = prefix[-1] if prefix[-1].text not in ("'s", "\u2019s", ".") else prefix[0]
    return Attribution(colon, head, colon.i + 1, len(doc))


def _according(token: Token) -> Attribution | None:
    source = according_to(token)
    if source is None:
        return None
    sent = token.sent
    phrase = (token.left_edge.i, token.right_edge.i + 1)
    if phrase[0] - sent.start > sent.end - phrase[1]:
        start, end = sent.start, phrase[0]
    else:
        start, end = phrase[1], sent.end
    return Attribution(token, source, start, end, according=True)


def _in_source(sent: Span) -> Attribution | None:
    """`In a CBS News poll, Clinton led Sanders 56 to 32`, `In his view, the deal is dead`: a sentence opening with
    `in` and a source of findings (a poll, a study) or a possessor's view or words, then a comma, reports what the
    source says; the rest of the sentence is the content. Not where the clause has a cue of its own (`In a
    statement, the ministry said …` is the ministry's), nor for venues (`In an interview, X defended …`). The same
    phrase inside a clause (`leads in the latest polls`) was tried: on PolNeAR train it cost more precision than
    it found."""
    token = next((t for t in sent if not (t.is_punct or t.dep_ == "cc")), None)
    if token is None or token.lower_ != "in" or token.dep_ != "prep" or is_cue(sent.root):
        return None
    noun = next((c for c in token.children if c.dep_ == "pobj"), None)
    comma = token.right_edge.i + 1
    if noun is None or comma >= sent.end - 2 or token.doc[comma].text != ",":
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    lemma = noun.lemma_.lower()
    source = owner if lemma in VIEW_NOUNS else noun if lemma in SOURCE_NOUNS else None
    return Attribution(token, source, comma + 1, sent.end) if source is not None else None


def _named_object(doc: Doc, attribution: Attribution) -> bool:
    """A one-word content is kept when it names someone or something (`endorsed Cruz`), never a bare pronoun."""
    return (attribution.end - attribution.start == 1 and not attribution.according
            and doc[attribution.start].pos_ in ("PROPN", "NOUN"))


def find_attributions(doc: Doc) -> list[Attribution]:
    """Every reported statement of one paragraph, in text order."""
    headline = _colon_headline(doc)
    found = [headline] if headline is not None else []
    for sourced in filter(None, map(_in_source, doc.sents)):
        sourced.start, sourced.end = _trim(doc, sourced.start, sourced.end)
        found.append(sourced)
    for token in cue_candidates(doc):
        attribution = (_according(token) or _nominal(token) or _stance_adjective(token)
                       or _passive_with_agent(token))
        if attribution is None and is_cue(token):
            subject = cue_subject(token)
            span = _complement(token) if subject is not None else None
            if span is not None and (not (span[0] <= subject.i < span[1]) or _parenthetical(subject, token)):
                attribution = Attribution(token, subject, *span)
        if attribution is None:
            continue
        attribution.start, attribution.end = _trim(doc, attribution.start, attribution.end)
        if attribution.end - attribution.start >= 2 or _named_object(doc, attribution):
            found.append(attribution)
    return sorted(found, key=lambda a: a.start)
