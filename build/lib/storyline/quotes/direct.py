"""Direct quotes: a quoted span and the cue beside it (`"…," Putin said`, `said Putin`, `Putin said: "…"`).

The cue is searched in a short window outside the marks, on the side the punctuation points to: after a quote that
ends in a comma, a question or a dash, or before a quote opened after a colon, a comma or `that`. Between a cue
before the quote and the quote itself only the cue's own dependents may stand (`told reporters in Moscow that`); a
verb or another subject there means the marks sit inside reported speech, which `indirect` handles as a mixed quote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from .cues import cue_subject, is_saying
from .layout import Layout
from .marks import MarkSpan

AFTER_WINDOW = 7
# How far after a closing mark the cue may stand when everything between is the speaker's own phrase
# (`"…," Mr. Daniloff, now 81 and retired in Cambridge, Mass., said`).
AFTER_REACH = 25
BEFORE_WINDOW = 12
# `“…” ― Krystal Correa`: a dash after the closing mark, then a name of up to six capitalised words ending the
# paragraph (a signed quote: vox pops, epigraphs, reader comments).
SIGNATURE = re.compile(r"\s*[\u2015\u2014\u2013-]{1,2}\s*([A-Z][\w.'\u2019-]*?(?:\s+[A-Z][\w.'\u2019-]*?){0,5})\.?\s*$")
QUOTE_CHARS = set('"\u201c\u201d\u00ab\u00bb\u201e') | {"''", "``"}


@dataclass
class Cue:
    """A cue verb found for a quoted span, with the paragraph it sits in and its subject head. `inside`: the marks
    stand inside the sentence the cue follows (`The plan is a "welcome step," he said`), so the whole sentence up
    to the closing mark is what was said."""

    paragraph: int
    verb: Token
    subject: Token
    inside: bool = False


def _subject_in(verb: Token, tokens: list[Token]) -> Token | None:
    subject = cue_subject(verb)
    if subject is None:
        return None
    if any(t.i == subject.i for t in tokens) or subject.i < verb.i and subject.pos_ == "PRON":
        return subject
    return subject if abs(subject.i - verb.i) <= AFTER_REACH else None


def cue_after(layout: Layout, span: MarkSpan) -> Cue | None:
    """`"…," Putin said` / `"…" said the minister`: a saying verb just after the closing mark."""
    located = layout.token_at(span.outer_end)
    if located is None:
        return None
    paragraph, first = located
    if layout.paragraph_of(span.outer_end) != layout.paragraph_of(span.end):
        return None
    if layout.text_before(span.end).rstrip().endswith("."):
        return None  # the quote ended its sentence: a cue after it belongs to the next one
    opens = _starts_clause(layout, span)
    tokens: list[Token] = []
    for token in first.doc[first.i:first.i + AFTER_REACH]:
        if token.text in QUOTE_CHARS or (token.text in ".;!?" and tokens):
            break
        tokens.append(token)
        if is_saying(token):
            subject = _subject_in(token, tokens + list(token.doc[token.i + 1:token.i + AFTER_WINDOW]))
            reports_own = any(c.dep_ == "ccomp" and c.i > token.i for c in token.children)
            if subject is not None and _only_subject_between(tokens[:-1], subject) and (opens or not reports_own):
                return Cue(paragraph, token, subject, inside=not opens)
            return None
    return None


def _starts_clause(layout: Layout, span: MarkSpan) -> bool:
    """The opening mark starts its sentence or follows punctuation, a conjunction or an adverb (`But "…," he
    said`). After any other word the marks stand inside the sentence: they hold a name or a title (`on the
    broadcast of "Fox News Sunday," Pence said the talks …`) when the cue after them reports a clause of its own,
    else the whole sentence up to the closing mark is what was said (`The plan is a "welcome step," he said`)."""
    located = layout.token_before(span.outer_start)
    opening = layout.token_at(span.outer_start)
    if located is None or opening is None or opening[1].sent != located[1].sent:
        return True
    return located[1].is_punct or located[1].pos_ in ("CCONJ", "SCONJ", "ADV", "INTJ", "SPACE")


@dataclass
class Signature:
    """The name signing a quote after a dash, as article offsets (`“…” ― Krystal Correa`)."""

    name: str
    start: int
    end: int
    dash: int


def signature(layout: Layout, span: MarkSpan) -> Signature | None:
    """`“Trump scares me. …” ― Krystal Correa`: a quote opening its paragraph and signed with a name after a dash
    at the paragraph's end (vox pops, epigraphs, reader comments)."""
    paragraph = layout.paragraph_of(span.outer_start)
    text, base = layout.texts[paragraph], layout.starts[paragraph]
    if text[:span.outer_start - base].strip() or layout.paragraph_of(span.outer_end) != paragraph:
        return None
    match = SIGNATURE.match(text, span.outer_end - base)
    if match is None:
        return None
    dash = span.outer_end + len(match.group(0)) - len(match.group(0).lstrip())
    return Signature(match.group(1), base + match.start(1), base + match.end(1), dash)


def _only_subject_between(between: list[Token], subject: Token) -> bool:
    """Between a closing mark and its cue stand only punctuation, adverbs and the speaker's own words."""
    phrase = {t.i for t in subject.subtree}
    return all(t.is_punct or t.pos_ in ("ADV", "AUX", "PART") or t.i in phrase for t in between)


def _clean_between(verb: Token, between: list[Token]) -> bool:
    """Only the cue's own dependents (objects, adverbs, prepositional phrases, `that`) stand before the quote."""
    for token in between:
        if token.pos_ in ("VERB", "AUX") and token.i != verb.i:
            return False
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.i != verb.i:
            return False
    return True


def cue_before(layout: Layout, span: MarkSpan) -> Cue | None:
    """`Putin said: "…"` / `he added that "…"` / `…, saying "…"`: a saying verb shortly before the opening mark."""
    located = layout.token_before(span.outer_start)
    if located is None:
        return None
    paragraph, last = located
    doc = last.doc
    lowest = max(last.sent.start, last.i - BEFORE_WINDOW)
    for index in range(last.i, lowest - 1, -1):
        token = doc[index]
        if token.text in QUOTE_CHARS or token.text in ".;!?":
            return None
        if is_saying(token):
            subject = cue_subject(token)
            between = list(doc[token.i + 1:last.i + 1])
            opens_clause = last.is_punct or last.lower_ == "that" or last.i == token.i
            if subject is not None and opens_clause and _clean_between(token, between) \
                    and _ends_sentence(layout, span):
                return Cue(paragraph, token, subject)
            return None
    return None


def cue_colon(layout: Layout, span: MarkSpan) -> Cue | None:
    """`She addressed the crowd: "…"` or a paragraph ending in a colon before a quoted paragraph: the subject of
    the clause before the colon introduces the quote, whatever its verb (`released the following statement:`)."""
    text_before = layout.text_before(span.outer_start).rstrip()
    paragraph = layout.paragraph_of(span.outer_start)
    if not text_before and paragraph > 0:
        doc = layout.docs[paragraph - 1]
        if not layout.texts[paragraph - 1].rstrip().endswith(":"):
            return None
        paragraph, colon = paragraph - 1, [t for t in doc if not t.is_space][-1]
    elif text_before.endswith(":"):
        located = layout.token_before(span.outer_start)
        if located is None:
            return None
        colon = located[1]
    else:
        return None
    verb = colon.sent.root if colon.head.dep_ != "ROOT" else colon.head
    for candidate in (colon.head, verb):
        if candidate.pos_ in ("VERB", "AUX"):
            subject = cue_subject(candidate)
            if subject is not None and subject.pos_ in ("PROPN", "NOUN", "PRON") and subject.tag_ not in ("WP",):
                return Cue(paragraph, candidate, subject)
    return None


def _ends_sentence(layout: Layout, span: MarkSpan) -> bool:
    """Nothing but punctuation follows the closing mark in its sentence: `said "…" about X` is a fragment."""
    located = layout.token_at(span.outer_end)
    if located is None:
        return True
    paragraph, token = located
    if layout.start(paragraph, token) >= layout.starts[paragraph] + len(layout.texts[paragraph]):
        return True
    before = layout.token_before(span.outer_end)
    if before is None or before[1].sent != token.sent:
        return True
    return all(t.is_punct or t.is_space for t in token.doc[token.i:token.sent.end])


def whole_sentences(layout: Layout, span: MarkSpan) -> bool:
    """True when the quoted span is all of its sentence(s): nothing but punctuation outside the marks."""
    for offset in (span.outer_start, max(span.outer_start, span.outer_end - 1)):
        located = layout.token_at(offset)
        if located is None:
            continue
        paragraph, token = located
        for other in token.sent:
            start, end = layout.start(paragraph, other), layout.end(paragraph, other)
            inside = span.outer_start <= start and end <= span.outer_end
            if not inside and not other.is_punct and not other.is_space:
                return False
    return True
