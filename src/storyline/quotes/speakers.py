"""Who a speaker mention refers to, within one article.

A cue's subject is a name (`Russian Foreign Ministry spokesman Alexander Lukashevich`: the name, with the words in
front kept as the role), an organisation or group (`the Kremlin`, `activists`, `state-run TV`), a description of a
person (`the Kremlin strongman`) or a pronoun. Pronouns are resolved against a salience list built in text order:
the subjects of each sentence's main clause rank above other subjects, which rank above other people named, and a
pronoun only takes a referent that agrees with it (`he` a person, `they` a group or several). Descriptions are
resolved here when the article itself ties the description's words to a person, else left to the corpus stage.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.attrs import DEP, LOWER
from spacy.tokens import Doc, Span, Token

from .cues import is_relative

PERSON_PRONOUNS = {"he", "she", "i", "him", "her"}
GENDERED = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
GROUP_PRONOUNS = {"they", "we", "them"}
# The source of a nominal cue is often a possessive (`his decision to run`): resolved as its subject form.
POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it", "my": "i", "our": "we"}
TITLE_WORDS = frozenset("""
president prime minister foreign secretary spokesman spokeswoman spokesperson senator sen. sen gov. gov governor
rep. rep representative mr. mr mrs. mrs ms. ms dr. dr general gen. king queen prince chancellor leader premier
former vice deputy chief ambassador envoy mayor judge justice pope sheikh emir lt. col. colonel sgt. adm. admiral
candidate nominee democratic republican presidential
""".split())
PERSON_NOUNS = frozenset("""
president minister leader spokesman spokeswoman spokesperson official strongman secretary senator governor
chancellor premier envoy ambassador diplomat general commander chief head aide adviser advisor candidate nominee
king queen prince mayor lawmaker congressman congresswoman representative source analyst expert professor director
chairman chairwoman founder man woman officer agent lawyer attorney judge prosecutor spokesperson ruler dictator
autocrat monarch host anchor reporter correspondent witness resident doctor owner executive campaigner activist
""".split())
PERSON_SUFFIXES = ("man", "woman", "person", "ist", "ian")
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
# Words that make a role another office than its head noun alone (`Vice President`, `former governor`).
OTHER_OFFICE = frozenset({"vice", "deputy", "former", "assistant", "acting", "ex", "lieutenant", "associate",
                          "under", "undersecretary"})
NP_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod", "npadvmod"}


@dataclass
class Referent:
    """What a mention points at: a person's article-level name, an organisation or group, or a description."""

    text: str
    kind: str  # "person" | "organisation" | "group" | "description"
    name: str | None = None
    role: str | None = None
    plural: bool = False
    modifiers: tuple[str, ...] = ()


@dataclass
class Mention:
    """A speaker mention as written, with its article offsets, how it was resolved and what it refers to."""

    text: str
    start: int
    end: int
    via: str  # "name" | "pronoun" | "organisation" | "description"
    referent: Referent | None


@dataclass
class _Salient:
    referent: Referent
    sentence: int
    rank: int
    offset: int


def noun_phrase(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the head's noun phrase without clauses, prepositions or appositions, except
    the prepositions of a name the NER holds whole (`Democracy for America`, `Bank of England`); coordinated heads
    are kept together (`Democrats and some Republicans`: both said it)."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in NP_DEPS or (child.dep_ == "punct" and child.text in "-\u2013"):
            start = min(start, child.left_edge.i)
    dashes = [t.i for t in head.doc[start:head.i] if t.text in ("\u2014", "--")]
    if dashes:  # `OSTBY, N.D. — Gov. Anna Berg`: a dateline before the dash is no part of the name
        start = dashes[-1] + 1
    end = head.i + 1
    entity = _entity_at(head)
    if entity is not None and head.i < entity.end - 1 <= head.right_edge.i and entity.start <= head.i:
        end = entity.end  # the NER's name runs on through the head's own dependents
    if end < len(head.doc) and head.doc[end].dep_ == "case":
        end += 1
    conjuncts = coordinated(head)
    if conjuncts:
        end = max(end, noun_phrase(conjuncts[-1])[1])
    return start, end


def coordinated(head: Token) -> list[Token]:
    """The nouns coordinated with a speaker head (`Trump and Pence`, `Democrats and some Republicans`)."""
    if not any(c.dep_ == "cc" for c in head.children):
        return []
    return [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")]


def _entity_at(token: Token) -> Span | None:
    """The entity holding the token, read from the IOB tags around it (building `doc.ents` on every call was a
    large share of the quote rules' time)."""
    if not token.ent_type:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type)


NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "bint", "ben", "van", "von", "de", "da", "di", "le", "la"}


def _joined(doc: Doc, index: int) -> bool:
    """Whether token `index` is glued to the one after it with no space (`al` `-` `Assad`)."""
    return index + 1 < len(doc) and not doc[index].whitespace_


def name_words(name: str) -> list[str]:
    """A name's words for matching forms of it: `Bashar al-Assad` -> bashar, al, assad."""
    return [w for w in re.split(r"[\s\-\u2010\u2011]+", name.lower()) if w]


def _one_hyphenated_name(doc: Doc, first: int, second: int, end: int, entity: Span) -> bool:
    """Whether `first`-`second` is one name (`al-Assad`, `Jean-Claude Juncker`, `Isaac Stanley-Becker`), not two
    people paired (`Assad-Putin talks`): a particle, or a name after the pair, or a first name before it."""
    if doc[first].lower_ in NAME_PARTICLES or second < end - 1:
        return True
    before = doc[first - 1] if first > entity.start else None
    return before is not None and before.pos_ == "PROPN" and before.lower_ not in TITLE_WORDS


def name_range(head: Token, entity: Span) -> tuple[int, int]:
    """Token range of the name proper inside a PERSON entity: proper nouns running left from the entity's end,
    with titles (`President`), possessives and hyphenated pairs of names (`Assad-Putin`) left out; particles
    (`al-`) and hyphenated names (`Stanley-Becker`) kept."""
    doc = head.doc
    end = entity.end
    while end > entity.start + 1 and doc[end - 1].text in ("'s", "\u2019s", "'", "\u2019", ".", ","):
        end -= 1
    start = end - 1
    while start > entity.start:
        before = doc[start - 1]
        if before.text == "-" and _joined(doc, start - 1) and start - 2 >= entity.start:
            if not _one_hyphenated_name(doc, start - 2, start, end, entity):
                break
            start -= 2
            continue
        if before.pos_ != "PROPN" or before.lower_ in TITLE_WORDS or before.text.endswith(("'s", "\u2019s")):
            break
        if not before.whitespace_:
            break
        start -= 1
    return start, end


def _person_in_phrase(head: Token, start: int) -> Span | None:
    """A name the NER cut short (`Olli` tagged, `Rask` not): a PERSON entity inside the head's proper-noun run."""
    doc = head.doc
    for ent in doc.ents:
        if ent.label_ == "PERSON" and start <= ent.start and ent.end <= head.i and all(
                t.pos_ == "PROPN" for t in doc[ent.start:head.i + 1]):
            return doc[ent.start:head.i + 1]
    return None


def classify(head: Token, people: dict[str, str] | None = None) -> Referent:
    """What kind of speaker a subject's head is, and its name or description words. Several coordinated
    speakers are one group, named as written: the statement is theirs together, not the first one's."""
    start, end = noun_phrase(head)
    span = head.doc[start:end]
    text = span.text
    if coordinated(head):
        bare = span[1:] if len(span) > 1 and span[0].pos_ == "DET" else span
        return Referent(text, "group", bare.text, plural=True)
    entity = _entity_at(head)
    if entity is None and head.pos_ == "PROPN":
        entity = _person_in_phrase(head, start)
    known_person = people is not None and head.text in people and (head.pos_ == "PROPN" or head.is_title)
    if entity is not None and (entity.label_ in ("PERSON", "") or (known_person and entity.label_ != "PERSON")):
        if entity.label_ not in ("PERSON", ""):
            entity = head.doc[head.i:head.i + 1]  # a known person's surname the NER took for something else
        first, last = name_range(head, entity)
        role = head.doc[min(start, entity.start):first].text.strip() or None
        return Referent(text, "person", head.doc[first:last].text, role)
    if known_person:
        return Referent(text, "person", head.text, head.doc[start:head.i].text.strip() or None)
    plural = head.tag_ in ("NNS", "NNPS")
    if (entity is not None and entity.label_ in ORG_LABELS) or head.pos_ == "PROPN":
        bare = span[1:] if len(span) > 1 and span[0].pos_ == "DET" else span
        return Referent(text, "organisation", bare.text, plural=plural)
    lemma = head.lemma_.lower()
    if plural:
        return Referent(text, "group", None, plural=True)
    if lemma in PERSON_NOUNS or lemma.endswith(PERSON_SUFFIXES):
        modifiers = tuple(t.text for t in span if t.dep_ not in ("det", "case") and t.pos_ != "DET")
        return Referent(text, "description", None, modifiers=modifiers)
    return Referent(text, "organisation", None)


def _label_name(label: str) -> str:
    """A label's name as a name is written (`SEN. TIM KAINE` -> `Tim Kaine`), titles left out."""
    written = label.title() if label.isupper() else label
    return " ".join([w for w in written.split() if w.lower() not in TITLE_WORDS] or written.split())


def is_indefinite(description: str) -> bool:
    """`a Turkish government source`, `an aide`: someone the article does not name, never a person named
    before."""
    words = description.split()
    return bool(words) and words[0].lower() in ("a", "an", "another", "one")


def _agrees(pronoun: str, referent: Referent) -> bool:
    if pronoun in PERSON_PRONOUNS:
        return referent.kind in ("person", "description") and not referent.plural
    if pronoun in GROUP_PRONOUNS:
        return referent.plural or referent.kind in ("organisation", "group")
    return referent.kind == "organisation" and not referent.plural


@dataclass
class ArticleSpeakers:
    """The salience list of one article, built sentence by sentence in text order; resolves speaker heads."""

    docs: list[Doc]
    starts: list[int]
    salient: list[_Salient] = field(default_factory=list)
    mentions: dict[tuple[int, int], Referent] = field(default_factory=dict)
    people: list[Referent] = field(default_factory=list)
    surnames: dict[str, str] = field(default_factory=dict)
    genders: dict[str, Counter] = field(default_factory=dict)
    first_sentence: list[int] = field(default_factory=list)  # per paragraph, the article index of its first

    def __post_init__(self) -> None:
        entities = [[ent for ent in doc.ents if ent.label_ == "PERSON"] for doc in self.docs]
        self._learn_genders(entities)
        full_names: dict[str, Counter] = {}
        for doc, people in zip(self.docs, entities):
            for ent in people:
                first, last = name_range(ent.root, ent)
                name = doc[first:last]
                self.surnames.setdefault(name[-1].text, name.text)
                if len(name) > 1:
                    full_names.setdefault(name[-1].text, Counter())[name.text] += 1
        for surname, counts in full_names.items():  # ties go to the first named (Counter keeps insertion order)
            self.surnames[surname] = counts.most_common(1)[0][0]
        sentence = 0
        for paragraph, (doc, people) in enumerate(zip(self.docs, entities)):
            self.first_sentence.append(sentence)
            subject_ids = {doc.vocab.strings[label] for label in ("nsubj", "nsubjpass")}  # ids of the DEP array
            subjects = [i for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep in subject_ids]
            for sent in doc.sents:
                self._add_sentence(paragraph, sent, sentence,
                                   [i for i in subjects if sent.start <= i < sent.end],
                                   [e for e in people if sent.start <= e.start < sent.end])
                sentence += 1

    def _learn_genders(self, entities: list[list[Span]]) -> None:
        """What the article itself says of each surname's gender: a sentence naming one person and using only
        `he`/`his` (or only `she`/`her`) votes for that person. Pronouns then skip people of the other gender."""
        for doc, people in zip(self.docs, entities):
            lowers = doc.to_array(LOWER).tolist()
            gendered = {doc.vocab.strings[word]: gender for word, gender in GENDERED.items()}
            for sent in doc.sents:
                named = {e.root.text for e in people if sent.start <= e.start < sent.end}
                if len(named) != 1:
                    continue
                genders = {gendered[h] for h in lowers[sent.start:sent.end] if h in gendered}
                if len(genders) == 1:
                    self.genders.setdefault(named.pop(), Counter())[genders.pop()] += 1

    def _gender_of(self, referent: Referent) -> str | None:
        if referent.kind != "person" or not referent.name:
            return None
        votes = self.genders.get(referent.name.split()[-1])
        if not votes:
            return None
        (top, count), *rest = votes.most_common()
        return top if not rest or count > 2 * rest[0][1] else None

    def _add_sentence(self, paragraph: int, sent: Span, sentence: int, subjects: list[int],
                      people: list[Span]) -> None:
        """Add a sentence's subjects (token indices) and the people it names (PERSON entities) to the salience
        list."""
        doc = sent.doc
        for index in subjects:
            token = doc[index]
            if is_relative(token):
                continue  # `a plan that called for …`: the noun is the mention, not a new one to resolve
            rank = 1 if token.head == sent.root or (token.head.dep_ == "conj" and token.head.head == sent.root) else 2
            self._add(paragraph, token, sentence, rank)
        for ent in people:
            if ent.root.i not in subjects:
                self._add(paragraph, ent.root, sentence, 3)

    def _add(self, paragraph: int, token: Token, sentence: int, rank: int) -> None:
        offset = self.starts[paragraph] + token.idx
        if token.pos_ == "PRON":
            referent = self._resolve_pronoun(token.lower_, offset, sentence)
        else:
            referent = self._named(classify(token, self.surnames))
        if referent is None:
            return
        self.mentions[(paragraph, token.i)] = referent
        self.salient.append(_Salient(referent, sentence, rank, offset))

    def _named(self, referent: Referent) -> Referent:
        """Give a person the longest form of its name the article uses (`Putin` -> `Vladimir Putin`). A bare
        surname is the full name the article uses most with it (`Trump` is Donald Trump in a story that names
        him three times and Ivanka Trump once), not whichever of them was last a subject."""
        if referent.kind != "person" or not referent.name:
            return referent
        words = name_words(referent.name)
        first = self.surnames.get(referent.name) if len(words) == 1 else None
        if first is not None and len(first) > len(referent.name):
            referent.name = first
        else:
            for known in self.people:
                if known.name and name_words(known.name)[-len(words):] == words and \
                        len(known.name) > len(referent.name):
                    referent.name = known.name
                    break
        self.people.append(referent)
        return referent

    def _resolve_pronoun(self, pronoun: str, offset: int, sentence: int) -> Referent | None:
        pronoun = POSSESSIVES.get(pronoun, pronoun)
        if pronoun not in PERSON_PRONOUNS | GROUP_PRONOUNS | {"it"}:
            return None  # `those who declared`, `someone`, `this`: no referent to look back for
        candidates = [s for s in self.salient if s.offset < offset and s.sentence >= sentence - 6]
        candidates.sort(key=lambda s: (-s.sentence, s.rank, s.offset))
        wanted = GENDERED.get(pronoun)
        for candidate in candidates:
            if not _agrees(pronoun, candidate.referent):
                continue
            known = self._gender_of(candidate.referent)
            if wanted is None or known is None or known == wanted:
                return candidate.referent
        return None

    def resolve_description(self, referent: Referent, offset: int) -> str | None:
        """The nearest earlier person whose role in this article shares a word with the description, with no word
        that makes it another office (`Vice President X` is not `the president`); none for an indefinite
        description (`is_indefinite`) or one with a possessor (`Mr. X's lawyer` is not X, nor whoever else is a
        lawyer)."""
        if is_indefinite(referent.text) or not referent.modifiers or \
                any(w in ("'s", "\u2019s", "'", "\u2019") for w in referent.modifiers):
            return None
        words = {w.lower() for w in referent.modifiers}
        for candidate in sorted(self.salient, key=lambda s: -s.offset):
            found = candidate.referent
            if candidate.offset >= offset or found.kind != "person" or not found.role:
                continue
            role = {w.lower() for w in found.role.split()}
            if words & role and not (role & OTHER_OFFICE) - words:
                return found.name
        return None

    def mention(self, paragraph: int, head: Token) -> Mention:
        """The speaker mention for a cue's subject head, resolved as far as this article allows."""
        start, end = noun_phrase(head)
        doc = head.doc
        base = self.starts[paragraph]
        span_start, span_end = base + doc[start].idx, base + doc[end - 1].idx + len(doc[end - 1])
        text = doc[start:end].text
        referent = self.mentions.get((paragraph, head.i))
        if coordinated(head):  # `She and other Democrats`: several speakers, none of them alone
            return Mention(text, span_start, span_end, "organisation", classify(head, self.surnames))
        if head.pos_ == "PRON":
            if referent is None:
                referent = self._resolve_pronoun(head.lower_, span_start, self._sentence_of(paragraph, head))
            return Mention(text, span_start, span_end, "pronoun", referent)
        if referent is None:
            referent = self._named(classify(head, self.surnames))
        via = {"person": "name", "description": "description"}.get(referent.kind, "organisation")
        if referent.kind == "description" and referent.name is None:
            referent.name = self.resolve_description(referent, span_start)
        return Mention(text, span_start, span_end, via, referent)

    def names_person(self, label: str) -> bool:
        """Whether a label in capitals (`PENCE`, `SEN. TIM KAINE`) ends with the surname of a person the article
        names."""
        return _label_name(label).split()[-1] in self.surnames

    def labelled(self, label: str, start: int, end: int) -> Mention:
        """The speaker a transcript label or a signature names (`WALLACE`, `SEN. TIM KAINE`, `Krystal Correa`):
        its name without titles, which `_named` completes from the article (a bare surname is the full name the
        article uses most with it: Chris Wallace)."""
        return Mention(label, start, end, "name", self._named(Referent(label, "person", _label_name(label))))

    def _sentence_of(self, paragraph: int, token: Token) -> int:
        return self.first_sentence[paragraph] + next(i for i, s in enumerate(token.doc.sents)
                                                     if s.start <= token.i < s.end)
