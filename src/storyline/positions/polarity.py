"""Which way a stance points: negation, refusal, modality and conditions on a stance predicate.

A predicate's lexicon polarity is turned around by a negation on it or on the verb chain that carries it ("did not
back"), by a refusal above it ("refused to back"), and by a negated verb of thinking above a quoted modal clause
("we do not think that Assad should leave"). A condition ("only if", "unless", "as long as") makes the stance
conditional and is kept as written.
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import BELIEFS, CONDITION_MARKS, CONDITION_PHRASES, NEGATIONS, NON_COMMITTAL, REFUSALS

# Dependencies by which a predicate hangs under the verb that carries it ("refused to *back*", "will *back*").
_CHAIN = ("xcomp", "ccomp", "conj", "acomp", "advcl", "pcomp", "prep", "pobj", "dobj")


def negated(token: Token) -> bool:
    """True when the token itself, or an auxiliary of it, carries a negation ("did not back", "never backed")."""
    return any(child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no" and token.pos_ == "NOUN")
               or child.lower_ in NEGATIONS and child.dep_ in ("advmod", "neg")
               for child in token.children)


def refusal_above(token: Token) -> tuple[int, bool, Token]:
    """How many refusals govern the token ("refused to back", "declined to endorse"), whether it is a committal
    act (not "declined to comment on") and the outermost refusal (where the cue starts): each refusal turns the
    stance around once."""
    flips, current, top = 0, token, token
    committal = token.lemma_.lower() not in NON_COMMITTAL
    while current.dep_ in ("xcomp", "acomp") and current.head is not current:
        if current.head.lemma_.lower() in REFUSALS:
            flips += 1
            top = current.head
        current = current.head
    return flips, committal, top


def belief_negation(token: Token, top: Token | None) -> int:
    """Negations on verbs of thinking above a clause, up to `top` ("we do *not* think that X should leave")."""
    flips, current = 0, token
    while current.dep_ in _CHAIN and current.head is not current and current is not top:
        current = current.head
        if current.lemma_.lower() in BELIEFS and negated(current):
            flips += 1
    return flips


def condition_of(token: Token) -> str | None:
    """The condition on a predicate, as written: an adverbial clause opened by "if", "unless", "provided",
    "as long as" or "on condition that" that hangs under it (or under the verb that carries it)."""
    for head in _carriers(token):
        for child in head.children:
            if child.dep_ not in ("advcl", "prep", "advmod"):
                continue
            words = [t.lower_ for t in child.subtree][:4]
            text = " ".join(words)
            if child.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS and m.dep_ == "mark" for m in child.children):
                return _span_text(child)
            if any(text.startswith(p) for p in CONDITION_PHRASES):
                return _span_text(child)
    return None


def _carriers(token: Token) -> list[Token]:
    carriers, current = [token], token
    while current.dep_ in ("xcomp", "ccomp") and current.head is not current:
        current = current.head
        carriers.append(current)
    return carriers


def _span_text(token: Token) -> str:
    tokens = list(token.subtree)
    start = tokens[0]
    if start.i > 0 and start.nbor(-1).lower_ == "only":
        start = start.nbor(-1)
    return token.doc[start.i:tokens[-1].i + 1].text.strip(" ,.;")
