"""The tense of the verb that governs a time expression, read off the spaCy parse.

"said Tuesday" is the last Tuesday and "will meet Friday" the next one: the direction of a bare weekday or month
comes from its governing verb. We climb from the expression to the nearest verb, and past non-finite verbs
("agreeing", "to meet") to the finite one they hang from, then read the tag and the auxiliaries.
"""
from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Span, Token

Tense = Literal["past", "perfect", "present", "future", "none"]

_FUTURE_MODALS = {"will", "shall", "would", "'ll", "wo", "going", "could", "may", "might", "should", "must"}
# Present-tense verbs that announce something still to come: "is expected Friday", "plans to vote next week".
_SCHEDULING = {"expect", "schedule", "plan", "due", "slate", "intend", "aim", "hope", "prepare"}


def governing_verb(span: Span) -> Token | None:
    """The verb the expression depends on: the nearest finite verb or participle, climbing past gerunds and
    infinitives ("agreeing during the talks late Tuesday" hangs from "thanked"); None in a verbless fragment."""
    token: Token = span.root
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") and token not in span:
            if _finite(token) or token.tag_ == "VBN" or token.head == token:
                return token
        if token.head == token:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def _finite(verb: Token) -> bool:
    if verb.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    finite = ("VBD", "VBZ", "VBP", "MD")
    return any(child.dep_ in ("aux", "auxpass") and child.tag_ in finite for child in verb.children)


def _schedules(verb: Token) -> bool:
    """Whether the verb announces something still to come. "set" does only as "set for Friday" or "set to
    resume Monday"; "the record set on Aug. 6" and "set Friday as the deadline" date the setting itself."""
    lemma = verb.lemma_.lower()
    if lemma == "set":
        return any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children)
    return lemma in _SCHEDULING


# Adjectives that make a present "be" an arrangement: "is due to land Friday", "are set to meet", "is poised to".
_ARRANGED = {"due", "set", "slated", "poised", "scheduled"}


def _arranged(verb: Token) -> bool:
    """Whether a present "be" announces an arrangement: "is to resume" or "is due (to land) Friday"."""
    return any((c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children))
               or (c.dep_ == "acomp" and c.lower_ in _ARRANGED) for c in verb.children)


def verb_tense(verb: Token) -> Tense:
    """Past, perfect, present or future from the verb's tag and its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lemmas = {a.lower_ for a in auxes} | {a.lemma_.lower() for a in auxes}
    if lemmas & _FUTURE_MODALS or (verb.tag_ == "MD" and verb.lower_ in _FUTURE_MODALS):
        if "have" in lemmas and verb.tag_ in ("VBN", "VBG"):  # "would have gone", "may have been hiding"
            return "past"
        return "future"
    if verb.lemma_.lower() == "be" and verb.tag_ in ("VBZ", "VBP") and _arranged(verb):
        return "future"  # "is to resume trading Tuesday", "is due to visit Paris on Friday": still ahead
    if _schedules(verb) and not any(a.lemma_ == "have" and a.tag_ == "VBD" for a in auxes):
        # "planned a rally on Saturday", "has scheduled talks for Thursday": the day is ahead; "had been
        # scheduled to expire Friday" puts the schedule before the report
        return "future"
    if "have" in lemmas and verb.tag_ in ("VBN", "VBG"):  # "has killed", "have been searching": a perfect
        has_past_aux = any(a.lemma_ == "have" and a.tag_ == "VBD" for a in auxes)
        return "past" if has_past_aux else "perfect"
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if "VBD" in tags:
        return "past"
    if verb.tag_ == "VBG" and tags & {"VBZ", "VBP"}:
        return "future"  # "is meeting Friday": the present progressive of a plan
    if tags & {"VBZ", "VBP"}:
        return "present"
    if verb.tag_ == "VBN" and not auxes:
        return "past"  # a participle modifier: "the injunction issued Thursday"
    return "none"


def _reporting_verb(span: Span, verb: Token) -> Token | None:
    """The reporting verb a time really modifies when the parser hangs it on the reported clause: in "officials
    said Tuesday the talks would resume" (or "said on Monday he would resign") the day comes between "said" and
    the clause's subject, so it dates the saying. After "that" it belongs to the clause."""
    if verb.dep_ != "ccomp" or verb.head.i >= span.start:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or span.end > subject.left_edge.i:
        return None
    if any(t.lower_ == "that" for t in span.doc[verb.head.i + 1: span.start]):
        return None
    return verb.head


def tense_of(span: Span) -> Tense:
    """Tense governing a span of a parsed Doc; "none" when no verb governs it."""
    verb = governing_verb(span)
    if verb is None:
        return "none"
    verb = _reporting_verb(span, verb) or verb
    verb = _clause_of_participle(verb)
    tense = verb_tense(verb)
    if tense == "none" and verb.head != verb:
        return verb_tense(verb.head)
    if tense == "present" and _scheduled_present(span, verb):
        return "future"
    return tense


# Participles that only order an event after or before the clause they hang from.
_SEQUENCE = {"follow", "precede"}


def _clause_of_participle(verb: Token) -> Token:
    """A bare participle of sequence tacked onto a clause ("is expected to begin Wednesday, followed by the House
    on Thursday") has no tense of its own: it takes the tense of the verb it hangs from. Other participles keep
    theirs: "the decision, announced Wednesday, ..." is a past announcement whatever the main verb says."""
    if (verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.lemma_.lower() in _SEQUENCE
            and verb.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)):
        return verb.head
    return verb


# Verbs whose simple present describes a state or a report, not a scheduled event.
_STATIVE_OR_REPORTING = {
    "be", "have", "say", "tell", "report", "add", "note", "claim", "believe", "think", "know", "seem", "remain",
    "show", "follow", "mark", "include", "contain", "mean", "want", "need", "see", "hold", "own", "estimate",
}


def _scheduled_present(span: Span, verb: Token) -> bool:
    """News uses the simple present for a scheduled event: "the ministers meet Monday", "the plant opens
    Monday". Only an event verb a bare day modifies directly ("meet Monday"; not "follows Tuesday's declaration",
    nor "fell on Friday", where the parser too often mistakes the tense)."""
    root = span.root
    return (root.head == verb and verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in _STATIVE_OR_REPORTING
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and root.dep_ in ("npadvmod", "tmod"))


_SUBORDINATE = {"relcl", "acl", "appos"}


def in_main_clause(span: Span) -> bool:
    """False when the expression sits in a relative clause or apposition ("Assad, who last visited Russia in
    2008, told Putin ..."): such a date belongs to a side remark, not to what the sentence reports."""
    token: Token = span.root
    for _ in range(20):
        if token.dep_ in _SUBORDINATE:
            return False
        if token.head == token:
            return True
        token = token.head
    return True


def sentence_tense(sent: Span) -> Tense:
    """Tense of a sentence's root verb: decides whether an undated report speaks of the publication day."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return "none"
    return verb_tense(root)


Attachment = Literal["verb", "subject", "noun", "other"]


def attachment(span: Span) -> Attachment:
    """What the expression modifies, past prepositions: the governing verb itself ("prices rose in January"), the
    subject of a clause ("the March attack killed 20"), another noun ("a June agreement", "December's figures",
    "a cutback in September"), or something else, such as an infinitive below the finite verb ("decided to admit
    them in March"). The verb's tense places the expression on the verb and, for an event that did something,
    on its subject; elsewhere it says little."""
    token: Token = span.root
    for _ in range(12):
        if token.head == token:
            return "verb" if token.pos_ in ("VERB", "AUX") else "other"
        token = token.head
        if token.pos_ != "ADP":
            break
    if token.pos_ in ("NOUN", "PROPN", "PRON"):
        return "subject" if token.dep_ in ("nsubj", "nsubjpass") else "noun"
    return "verb" if token.pos_ in ("VERB", "AUX") and token == governing_verb(span) else "other"


def span_tense(doc: Doc, start: int, end: int) -> tuple[Tense, bool, Attachment]:
    """Tense for a character span of `doc`, whether the span is in the main clause, and what it modifies
    ("none", True, "verb" where the span does not align with tokens)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "none", True, "verb"
    return tense_of(span), in_main_clause(span), attachment(span)
