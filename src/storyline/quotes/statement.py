"""Which extracted quotes are statements: words someone said or wrote, that a reader would sign as a quote.

The stage finds attributions as broadly as PolNeAR annotates them: besides speech (`said that…`) they include
stances, perceptions and actions credited to a source (`shared a photo`, `offered his first comments`, `polls
show…`, `plans to vote`). Those stay in `Article.quotes` for the attribution evaluation and for the positions stage,
with `Quote.statement` False; what storyline shows as quotes (listings, pages, export, audit) is statements only.

A quote is a statement when it stands in quotation marks with a speaker or a cue, when it is cued by `according
to` or a colon, or when its cue is a verb or noun of saying or asserting that is not negated (`did not say`) and
that reports a whole clause: not a bare noun phrase (`announced his resignation`), not a clause with a gap because
the cue stands in a relative clause (`the plan he said would fail`), and with a speaker.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..record import Quote
from .cues import CUE_LEMMAS
from .layout import Layout

# Verbs that report what was said or written (a subset of `cues.SAYING`: verbs that also name acts, perceptions or
# stances without words, such as `show`, `read`, `order`, `threaten`, `call` without `for`, are left out).
SAYING_VERBS = frozenset("""
say tell add state insist accuse warn claim argue note explain stress emphasise emphasize announce report declare
deny admit acknowledge suggest ask reply respond answer write tweet post urge predict vow promise pledge confirm
comment remark recall complain contend assert maintain reiterate concede caution conclude allege testify reveal
disclose boast joke quip shout scream demand criticise criticize blame dismiss reject agree disagree estimate
wonder observe mention propose recommend brief counter retort protest lament decry assure muse exclaim chant yell
tweet retweet email text reason opine predict repeat recount describe complain speculate acknowledge charge
""".split())
# Nouns for something said (`his statement that…`, `her call for…`).
SAYING_NOUNS = frozenset("""
statement remark comment claim warning argument allegation accusation assertion announcement answer message call
promise pledge vow demand proposal suggestion request criticism denial insistence complaint question testimony
tweet speech letter reply response interview words
""".split())
# Cues whose content may be a noun phrase and still be what was said (`called for a ban`, `urged a ceasefire`).
NOUN_CONTENT = frozenset({"call", "urge", "demand", "propose", "recommend", "predict", "deny", "warn", "accuse",
                          "blame", "criticise", "criticize", "estimate", "promise", "pledge", "vow"})
MIN_WORDS = 3
# Verbs of perceiving or knowing: their subject reports nothing (`little is known`, `polls show`).
PERCEIVING = frozenset({"know", "see", "hear", "learn", "find", "show", "feel", "realise", "realize", "understand",
                        "expect", "consider"})
# Verbs of not saying: `declined to comment`, `refused to answer "yes"`.
NOT_SAYING = frozenset({"decline", "refuse", "fail", "avoid"})


def is_statement(quote: Quote, layout: Layout) -> bool:
    """Whether `quote` is a statement (see the module docstring); else it is an attribution of something else."""
    if quote.speaker_via == "pronoun" and quote.speaker is None:
        return False  # `he said …` with no one the article lets `he` be: nobody a reader could name
    if quote.kind == "direct" and quote.cue is None:
        return quote.speaker_text is not None
    if quote.kind in ("direct", "mixed") and quote.cue_start is not None and quote.cue_end is not None:
        return _applies_words(_cue_token(layout, quote.cue_start, quote.cue_end)) and \
            (quote.speaker_text is not None or quote.speaker_via == "continuation") and \
            (quote.kind == "direct" or not _cut_before_content(quote, layout))
    if quote.cue == "according to":
        return True
    if quote.cue is not None and not any(ch.isalpha() for ch in quote.cue):
        return True  # a colon or dash after a named source
    if quote.cue is None or quote.cue_start is None or quote.cue_end is None or quote.speaker_text is None:
        return False
    cue = _cue_token(layout, quote.cue_start, quote.cue_end)
    if cue is None:
        return False
    return _says(cue) and not _negated(cue) and not _gapped(cue) and _clause_content(quote, layout, cue) and \
        not _cut_before_content(quote, layout)


def _applies_words(cue: Token | None) -> bool:
    """Whether the cue of words in quotation marks says that someone said them: any cue of the lexicons
    (`said`, `branded`, `praised`), but not a verb outside them (`gave "The Compendium"`, `treats it like a "piggy
    bank"`, `is expected to say`) nor one of perceiving (`little is known about these "students"`), negated or not
    said (`did not say`)."""
    if cue is None:
        return False
    lemma = cue.lemma_.lower()
    if cue.pos_ in ("VERB", "AUX"):
        return lemma in CUE_LEMMAS and lemma not in PERCEIVING and lemma not in NOT_SAYING and not _negated(cue)
    return True


def _content_tokens(quote: Quote, layout: Layout) -> list[Token]:
    """The words of the quote's content in its first paragraph (punctuation left out)."""
    located = layout.token_at(quote.start)
    if located is None:
        return []
    paragraph, first = located
    base = layout.starts[paragraph]
    return [t for t in first.doc[first.i:] if base + t.idx < quote.end and not t.is_punct]


def _cut_before_content(quote: Quote, layout: Layout) -> bool:
    """Content ending in a verb of saying whose own content lies after it, outside the quote (`blamed his rival for
    the story that alleged`): a fragment cut before what is said."""
    tokens = _content_tokens(quote, layout)
    if not tokens:
        return False
    last = tokens[-1]
    return last.pos_ == "VERB" and last.lemma_.lower() in SAYING_VERBS and any(
        c.i > last.i and c.dep_ in ("ccomp", "dobj", "xcomp") for c in last.children)


def _cue_token(layout: Layout, start: int, end: int) -> Token | None:
    """The token of the cue span that says it: a verb or a noun of saying if the span holds one, else its first."""
    located = layout.token_at(start)
    if located is None:
        return None
    paragraph, first = located
    base = layout.starts[paragraph]
    tokens = [t for t in first.doc[first.i:] if base + t.idx < end]
    return next((t for t in tokens if _says(t)), tokens[0] if tokens else first)


def _says(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX"):
        if lemma == "call":  # `called for a ban`, `called it a gamble`, not `called him`
            return any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children) or \
                any(c.dep_ in ("ccomp", "oprd", "xcomp") for c in token.children)
        if lemma == "point":
            return any(c.lower_ == "out" for c in token.children)
        return lemma in SAYING_VERBS
    return token.pos_ in ("NOUN", "PROPN") and lemma in SAYING_NOUNS


def _negated(cue: Token) -> bool:
    """`did not say`, `declined to say`, `refused to comment`, `never said`: nothing was said."""
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in cue.children):
        return True
    head = cue.head
    return cue.dep_ == "xcomp" and head.lemma_.lower() in ("decline", "refuse", "fail") or \
        cue.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children)


def _gapped(cue: Token) -> bool:
    """A cue in a relative clause whose relative word is not its subject (`the plan [that] he said would fail`,
    `what two people have said has become…`): the content misses the noun it is about. A cue that reports a clause
    as `what` or `which` does the same."""
    clause = cue
    while clause.dep_ in ("ccomp", "conj", "xcomp") and clause.head is not clause:
        clause = clause.head
    if clause.dep_ != "relcl":
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or not (subject.tag_ in ("WDT", "WP") or subject.lower_ == "that")


def _clause_content(quote: Quote, layout: Layout, cue: Token) -> bool:
    """The content holds a clause (a verb) and MIN_WORDS words, or is a noun phrase a cue of demanding or
    predicting takes (`called for a ban on imports`)."""
    tokens = _content_tokens(quote, layout)
    if len(tokens) < MIN_WORDS:
        return False
    if any(t.pos_ in ("VERB", "AUX") and t.i != cue.i for t in tokens):
        return True
    return cue.lemma_.lower() in NOUN_CONTENT or cue.pos_ == "NOUN"
