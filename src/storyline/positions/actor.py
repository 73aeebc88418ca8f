"""Who holds a stance: the subject of the stance predicate, resolved to an entity span or a quote's speaker.

The subject is found on the predicate or up the verb chain that carries it ("Russia refused to *back*"); a stance
noun's holder is its possessor ("*Russia's* rejection of …"). A pronoun is the speaker the quote stage resolved
for that sentence ("it has refused to back calls …" -> Russia), "we" and "I" inside a quote are its speaker. Other
subjects count only as a named entity or a noun that can act ("rebel forces", "the opposition"); "a statement
from Moscow" speaks for Moscow.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..record import Entity, Quote
from .lexicon import ACTOR_LABELS, AGENT_NOUNS, DOCUMENTS, VOICE_NOUNS

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CARRIED_BY = ("xcomp", "conj", "advcl", "acomp", "aux")
FIRST_PERSON = frozenset(("we", "i", "us", "our", "my", "me"))


@dataclass
class Actor:
    text: str
    start: int | None
    end: int | None
    label: str | None


class ActorFinder:
    """Resolves a predicate's holder within one article: entities and quotes as offsets into its text."""

    def __init__(self, entities: list[Entity], quotes: list[Quote]) -> None:
        self.entities = entities
        self.quotes = [q for q in quotes if q.speaker or q.speaker_text]

    def of_verb(self, verb: Token, offset: int) -> Actor | None:
        controller = _controller(verb)
        if controller is not None:  # "prompted Kristol to call for …": Kristol calls
            return self.of_token(controller, offset)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None and any(c.dep_ == "nsubjpass" for c in verb.children):
            found = next((c for c in agent.children if c.dep_ == "pobj"), None)
            return self.of_token(found, offset) if found is not None else None
        current = verb
        for _ in range(6):
            subject = next((c for c in current.children if c.dep_ in _SUBJECTS), None)
            if subject is not None:  # the parse first; the quote stage's speaker where it cannot say
                if subject.dep_ == "nsubjpass":
                    return None
                return self.of_token(subject, offset) or self._cued(current.idx + offset)
            if current.dep_ not in _CARRIED_BY or current.head is current:
                return self._cued(current.idx + offset)
            controller = _controller(current)
            if controller is not None:
                return self.of_token(controller, offset)
            current = current.head
        return None

    def of_noun(self, noun: Token, offset: int) -> Actor | None:
        holder = next((c for c in noun.children if c.dep_ == "poss"), None)
        if holder is not None:
            return self.of_token(holder, offset)
        if noun.dep_ in ("dobj",) and noun.head.pos_ in ("VERB", "AUX"):  # "Putin repeated the rejection of …"
            return self.of_verb(noun.head, offset)
        return None

    def of_token(self, token: Token, offset: int) -> Actor | None:
        """A subject token as an actor: a pronoun's speaker, the entity covering it, an agent noun phrase."""
        at = token.idx + offset
        if token.pos_ == "PRON" or token.lower_ in FIRST_PERSON:
            return self._speaker_for_pronoun(token, at)
        entity = self._entity_at(at)
        if entity is not None:
            return entity
        for child in token.children:  # "Arland's president Ana Ruiz", "the minister, Sergei Lavrov,"
            if child.dep_ in ("appos", "compound") and (named := self._entity_at(child.idx + offset)) is not None:
                return named
        if token.lemma_.lower() in VOICE_NOUNS:
            for child in token.rights:
                if child.dep_ == "prep" and child.lower_ in ("from", "of", "for"):
                    inner = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if inner is not None and (found := self.of_token(inner, offset)) is not None:
                        return found
        if token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.lemma_.lower() in AGENT_NOUNS:
            words = [t for t in token.subtree if t.i <= token.i and t.dep_ != "det" or t.i == token.i]
            first = words[0]
            return Actor(token.doc[first.i:token.i + 1].text, first.idx + offset,
                         token.idx + len(token) + offset, None)
        return None

    def _entity_at(self, at: int) -> Actor | None:
        entity = next((e for e in self.entities if e.start <= at < e.end and e.label in ACTOR_LABELS), None)
        if entity is None:
            return None
        text = entity.text.removesuffix("'s").removesuffix("\u2019s")
        return Actor(text, entity.start, entity.start + len(text), entity.label)

    def _cued(self, at: int) -> Actor | None:
        """The speaker of a quote whose cue is this word: the quote stage has already resolved it."""
        quote = next((q for q in self.quotes if q.cue_start == at), None)
        if quote is None or _document(quote.speaker_text or ""):
            return None  # "a UN resolution calling for …": a document, not an actor
        return _speaker(quote)

    def _speaker_for_pronoun(self, token: Token, at: int) -> Actor | None:
        for quote in self.quotes:
            if quote.speaker_start is not None and quote.speaker_start <= at < (quote.speaker_end or at + 1):
                return _speaker(quote)
        if token.lower_ in FIRST_PERSON:
            inside = next((q for q in self.quotes if q.start <= at < q.end), None)
            if inside is not None:
                return _speaker(inside)
        return None

    def speaker_at(self, at: int) -> Quote | None:
        """The quote whose content holds this offset."""
        return next((q for q in self.quotes if q.start <= at < q.end), None)


def _speaker(quote: Quote) -> Actor:
    name = quote.speaker or quote.speaker_text or ""
    return Actor(name, quote.speaker_start, quote.speaker_end, "PERSON" if quote.speaker_via in ("name", "pronoun")
                 else None)


def _controller(verb: Token) -> Token | None:
    """The object of the verb governing an infinitive, which is the infinitive's subject ("urged *Kristol* to
    call")."""
    if verb.dep_ != "xcomp" or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _document(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and words[-1].rstrip("s") in DOCUMENTS
