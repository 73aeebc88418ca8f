"""Who gives a figure: "according to X" in its sentence, else the subject of the reporting verb the number hangs
from ("the United Nations says more than 5,400…", "Activists reported at least 50 killed", "the UN placed the
death toll at over 60,000"), else the speaker of the quote it sits in. None when the article names nobody: a
figure stated in the reporter's own voice is the article's, and is never given an invented source.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..record import Quote

REPORTING_VERBS = {
    "say", "report", "estimate", "put", "place", "count", "record", "document", "announce", "confirm", "tell",
    "state", "claim", "tally", "register", "publish", "add", "note", "warn", "indicate", "show", "give", "cite",
}
_ACCORDING = re.compile(r"\baccording to\s+(?:the\s+)?([^,.;:()\"“”]+)", re.IGNORECASE)
_SAYING = re.compile(r"\b(said|says|say|saying|told|tells|tell|report\w*|estimat\w*|announc\w*|stat(?:ed|es)|"
                     r"claim\w*|add(?:ed|s)|not(?:ed|es)|warn\w*|insist\w*|confirm\w*|according)\b", re.IGNORECASE)
_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you", "this", "that", "which", "who"}
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass
class Attribution:
    source: str
    via: str  # "according to" | "reporting verb" | "quote"
    present: bool = False  # told in the present ("the UN says"): the figure stands at publication


def source_of(sentence_text: str, number: Span | None, quotes: list[Quote], start: int) -> Attribution | None:
    """The figure's source, by the most explicit evidence first."""
    according = _ACCORDING.search(sentence_text)
    if according:
        return Attribution(_tidy(according.group(1)), "according to")
    found = _reporting_subject(number) if number is not None else None
    if found:
        subject, verb = found
        return Attribution(subject, "reporting verb", present=verb.tag_ in ("VBZ", "VBP"))
    quote = next((q for q in quotes if q.start <= start < q.end and _spoken(q)), None)
    if quote is not None and (quote.speaker or quote.speaker_text):
        return Attribution(quote.speaker or quote.speaker_text or "", "quote")
    return None


def _spoken(quote: Quote) -> bool:
    """A direct or mixed quote, or reported speech with a verb of saying: not "X's commitment to providing $60
    million", where X pledged the money but reported no figure."""
    if quote.kind in ("direct", "mixed"):
        return True
    return bool(quote.cue and _SAYING.search(quote.cue))


def _reporting_subject(number: Span) -> tuple[str, Token] | None:
    """The active subject of the closest reporting verb above the number in the parse (not a pronoun), and
    the verb."""
    token: Token = number.root
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in REPORTING_VERBS and not _phrasal(token):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and number.root in subject.subtree:
                return None  # the figure is the subject: "hundreds of workers did not show up"
            if subject is not None and subject.lower_ not in _PRONOUNS and _can_give(subject):
                return _tidy(_subject_text(subject)), token
            return None
        if token.head is token:
            return None
        token = token.head
    return None


# Common nouns that give figures: people and bodies that speak, and the documents they speak through.
_GIVERS = re.compile(
    r"^(?:official|activist|monitor|group|agency|ministry|department|office|spokes\w+|police|army|military|"
    r"government|authorit\w+|source|witness|observer|organi[sz]ation|committee|council|commission|union|"
    r"campaign|administration|court|prosecutor|investigator|analyst|expert|economist|researcher|doctor|hospital|"
    r"medic|rescuer|worker|resident|leader|minister|president|governor|mayor|lawmaker|senator|aide|staff|"
    r"report|data|figure|statistic|estimate|survey|study|poll|analysis|record|document|return|statement|"
    r"tally|count|census|projection|release|filing|letter|cable|memo|audit|review|budget|bill|plan)s?$",
    re.IGNORECASE)


def _can_give(subject: Token) -> bool:
    """Whether the subject can give a figure: a name, or a noun for someone who speaks or a document; not "the
    offer would give 300,000 people ..." whose subject reports nothing."""
    return subject.pos_ == "PROPN" or bool(subject.ent_type_) or bool(_GIVERS.match(subject.lemma_)) \
        or bool(_GIVERS.match(subject.text))


def _phrasal(verb: Token) -> bool:
    """"show up", "give up", "put off": with these particles the verb reports nothing."""
    return any(c.dep_ == "prt" and c.lower_ in ("up", "off", "in", "away", "back") for c in verb.children)


def _subject_text(subject: Token) -> str:
    """The subject's phrase, cut before an appositive or relative clause ("X, a Britain-based monitor, …",
    "lawmakers who were briefed")."""
    words = []
    for token in subject.subtree:
        if token.text in {",", "(", "--", "—"} or token.dep_ in ("relcl", "acl", "appos") \
                or (token.tag_ in ("WP", "WDT") and token.i > subject.i):
            break
        words.append(token.text_with_ws)
    return "".join(words)


def _tidy(text: str) -> str:
    return _LEADING.sub("", text.strip()).strip()
