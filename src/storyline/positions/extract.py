"""Stance statements from one article's parse: stance predicates in every sentence, modal clauses in quotes.

Each stance predicate (lexicon) gets its holder (actor), its target region and a polarity; a target that is
itself a stance predicate is followed inward and the polarities multiply ("refused to back calls for Assad to step
down": against x for x for -> against "Assad to step down"). Inside a quote, a deontic clause is its speaker's
stance ("Assad should leave" for, "we do not think Assad should leave" against).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..record import Article, Position
from .actor import FIRST_PERSON, Actor, ActorFinder
from .lexicon import (AGAINST, FOR, MODALS, NECESSITY, NEED_VERBS, NON_COMMITTAL, NOUNS, PARTICLE_ONLY,
                      PARTICLE_POLARITY, PROTECTIONS, REFUSALS, VERBS)
from .polarity import belief_negation, condition_of, negated, refusal_above
from .target import Region, noun_region, particle, verb_region

MAX_DEPTH = 3


def positions(article: Article) -> list[Position]:
    """Every stance statement of the article, in text order, one per actor, target and stance."""
    finder = ActorFinder(article.entities, article.quotes)
    found: list[Position] = []
    for doc, offset in zip(article.docs or [], article.paragraph_starts()):
        reader = _Reader(article, doc, offset, finder)
        found += reader.read()
    unique: dict[tuple, Position] = {}
    for position in found:
        unique.setdefault((position.actor.casefold(), position.target_start, position.stance), position)
    return sorted(unique.values(), key=lambda p: (p.start, p.cue_start))


class _Reader:
    def __init__(self, article: Article, doc: Doc, offset: int, finder: ActorFinder) -> None:
        self.article, self.doc, self.offset, self.finder = article, doc, offset, finder
        self.consumed: set[int] = set()

    def read(self) -> list[Position]:
        out: list[Position] = []
        for token in self.doc:
            if token.i in self.consumed:
                continue
            if _is_stance_verb(token):
                out += self._predicate(token, verb=True)
            elif _is_stance_noun(token):
                out += self._predicate(token, verb=False)
        for token in self.doc:
            out += self._modal(token)
        return out

    def _predicate(self, token: Token, verb: bool) -> list[Position]:
        if verb and token.dep_ == "acl" and token.tag_ == "VBN":
            return self._passive(token)
        actor = self.finder.of_verb(token, self.offset) if verb else self.finder.of_noun(token, self.offset)
        if actor is None or not actor.text:
            return []
        polarity, region = self._follow(token, verb)
        if region is None:
            return []
        flips, committal, top = refusal_above(token)
        if negated(token) or negated(top):
            flips += 1
        polarity *= (-1) ** flips
        stance = ("for" if polarity == FOR else "against") if committal else "neutral"
        condition = condition_of(token)
        if condition and stance != "neutral":
            stance = "conditional"
        return [self._position(actor, region, stance, condition, min(top, token, key=lambda t: t.i), "action")]

    def _passive(self, verb: Token) -> list[Position]:
        """"a plan backed by Western nations": the agent is for (or against) the noun the participle describes."""
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        holder = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        actor = self.finder.of_token(holder, self.offset) if holder is not None else None
        if actor is None:
            return []
        noun = verb.head
        region = Region(noun.left_edge.i, noun.i + 1, noun)
        stance = "for" if _lexicon_polarity(verb, True) == FOR else "against"
        return [self._position(actor, region, stance, None, verb, "action")]

    def _follow(self, token: Token, verb: bool) -> tuple[int, Region | None]:
        """The polarity and target after following nested stance predicates inward from `token`."""
        polarity = _lexicon_polarity(token, verb)
        region = verb_region(token) if verb else noun_region(token)
        for _ in range(MAX_DEPTH):
            if region is None:
                break
            inner = _nested(self.doc, region)
            if inner is None:
                break
            inner_verb = inner.pos_ in ("VERB", "AUX")
            inner_region = verb_region(inner, region.end) if inner_verb else noun_region(inner, region.end)
            if inner_region is None:
                break
            self.consumed.add(inner.i)
            polarity *= _lexicon_polarity(inner, inner_verb) * (-1 if negated(inner) else 1)
            region = inner_region
        return polarity, region

    def _modal(self, token: Token) -> list[Position]:
        """A deontic clause inside a quote: its speaker is for (or, negated, against) what the clause says."""
        at = token.idx + self.offset
        quote = self.finder.speaker_at(at)
        if quote is None or token.pos_ not in ("VERB", "AUX") or token.i in self.consumed:
            return []
        if _is_stance_verb(token):
            return []
        modal = any(c.dep_ == "aux" and c.lemma_.lower() in MODALS for c in token.children)
        needed = (token.dep_ == "xcomp" and token.head.lemma_.lower() in NEED_VERBS | NECESSITY
                  and any(c.lower_ == "to" for c in token.children))
        if not (modal or needed) or self._other_holder(token, quote.start, quote.end):
            return []
        region = _clause(token) if modal else _verb_phrase(token)
        if region is None or region.end - region.start < 2:  # "It has to be stopped": no target to name
            return []
        polarity = FOR
        top = next((t for t in token.ancestors if t.idx + self.offset < quote.start), None)
        flips = belief_negation(token, top) + (1 if negated(token) or needed and negated(token.head) else 0)
        polarity *= (-1) ** flips
        condition = condition_of(token)
        stance = "conditional" if condition else ("for" if polarity == FOR else "against")
        actor = Actor(quote.speaker or quote.speaker_text or "", quote.speaker_start, quote.speaker_end,
                      "PERSON" if quote.speaker_via in ("name", "pronoun") else None)
        if not actor.text:
            return []
        return [self._position(actor, region, stance, condition, token, "quote")]

    def _other_holder(self, token: Token, quote_start: int, quote_end: int) -> bool:
        """A clause under another subject's verb inside the quote ("backers who insist Assad must go") is that
        subject's view, not the speaker's."""
        for ancestor in token.ancestors:
            if not quote_start <= ancestor.idx + self.offset < quote_end:
                return False
            subject = next((c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lower_ not in FIRST_PERSON | {"it"}:
                return True
        return False

    def _position(self, actor: Actor, region: Region, stance: str, condition: str | None, cue: Token,
                  via: str) -> Position:
        """The statement; its cue runs from the outermost word read ("refused") to the target ("… calls for")."""
        offset, doc = self.offset, self.doc
        sentence_index, sentence = _sentence(self.article, cue.idx + offset)
        target = doc[region.start:region.end]
        cue_span = doc[cue.i:region.start] if via == "action" and region.start > cue.i else doc[cue.i:cue.i + 1]
        return Position(
            actor=actor.text, target=_phrase(target), stance=stance, start=sentence[0], end=sentence[1],
            sentence=sentence_index, cue=cue_span.text.strip(), cue_start=cue_span.start_char + offset,
            cue_end=cue_span.end_char + offset, target_start=target.start_char + offset,
            target_end=target.end_char + offset, actor_start=actor.start, actor_end=actor.end,
            actor_label=actor.label, condition=condition, via=via, date=_date(self.article, sentence_index),
        )


def _is_stance_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in NON_COMMITTAL and token.dep_ == "xcomp" and token.head.lemma_.lower() in REFUSALS:
        return True  # "declined to comment on the plan": a neutral statement
    if token.pos_ == "VERB" and _protects_from(token):
        return True
    if token.pos_ not in ("VERB",) or lemma not in VERBS:
        return False
    return lemma not in PARTICLE_ONLY or particle(token) is not None


def _is_stance_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in NOUNS and particle(token) is not None


def _protects_from(token: Token) -> bool:
    """"protected Assad from sanctions": against the sanctions."""
    return token.lemma_.lower() in PROTECTIONS and any(c.dep_ == "prep" and c.lower_ == "from" for c in token.rights)


def _lexicon_polarity(token: Token, verb: bool) -> int:
    if verb and _protects_from(token):
        return AGAINST
    if verb:
        found = particle(token) if token.lemma_.lower() in PARTICLE_ONLY else None
        if found is not None and found.lower_ in PARTICLE_POLARITY:
            return PARTICLE_POLARITY[found.lower_]
        return VERBS.get(token.lemma_.lower(), FOR)
    return NOUNS.get(token.lemma_.lower(), FOR)


def _nested(doc: Doc, region: Region) -> Token | None:
    """A stance predicate heading the target region ("calls" in "back calls for …"), skipping determiners and
    modifiers before it."""
    for token in doc[region.start:min(region.end, region.start + 4)]:
        if token.dep_ in ("det", "amod", "poss", "case", "compound", "nummod", "advmod", "aux", "preconj"):
            continue
        if _is_stance_noun(token) or (_is_stance_verb(token) and token.dep_ in ("xcomp", "pcomp")):
            return token
        return None
    return None


def _clause(verb: Token) -> Region | None:
    """A modal clause without its modal and negation: "Assad should not leave today" -> "Assad leave today"."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    start = subject.left_edge.i if subject is not None else verb.i
    rights = [c for c in verb.rights if c.dep_ not in ("punct", "cc", "conj", "advcl", "parataxis")]
    end = max([verb.i + 1] + [c.right_edge.i + 1 for c in rights])
    if end - start > 30:
        end = start + 30
    return Region(start, end, verb) if end > start else None


def _verb_phrase(verb: Token) -> Region | None:
    rights = [c for c in verb.rights if c.dep_ not in ("punct", "cc", "parataxis")]
    end = max([verb.i + 1] + [c.right_edge.i + 1 for c in rights])
    return Region(verb.i, min(end, verb.i + 30), verb)


_DROPPED = frozenset(("should", "must", "ought", "shall", "not", "n't", "never"))


def _phrase(span) -> str:
    """The target as written, less modal and negation words ("Assad should not leave" -> "Assad leave")."""
    words = [t.text_with_ws for t in span if not (t.lower_ in _DROPPED and t.dep_ in ("aux", "neg"))]
    if words and words[0].strip().lower() in ("that", "for", "of", "to", "on"):
        words = words[1:]
    return "".join(words).strip(" ,.;:\u201c\u201d\"'")


def _sentence(article: Article, at: int) -> tuple[int, tuple[int, int]]:
    for index, sentence in enumerate(article.sentences):
        if sentence.start <= at < sentence.end:
            return index, (sentence.start, sentence.end)
    return -1, (at, at)


def _date(article: Article, sentence: int) -> str | None:
    """The day or month a dated expression in the sentence names, else the article's publication date."""
    for expression in article.dates:
        value = expression.value or ""
        if expression.sentence == sentence and expression.type == "DATE" and value[:4].isdigit() and len(value) >= 7:
            return value
    return article.published
