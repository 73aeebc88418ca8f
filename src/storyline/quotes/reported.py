"""Reported speech: indirect quotes from cue verbs with a clause in the parse, mixed where they hold a quoted
fragment; a fragment no statement holds but a verb applies to something (`branded the plan a "gamble"`); and the
nesting rule that splits or drops a statement inside another."""
from __future__ import annotations

import re

from ..record import Article, Quote
from .build import inside, make_quote
from .cues import cue_subject
from .direct import Cue
from .indirect import find_attributions
from .layout import Layout
from .marks import MarkSpan
from .speakers import ArticleSpeakers

# The dependents of a verb that can hold words it attributes to its subject (`called them "losers"`, `pressed for a
# "grand bargain"`): on PolNeAR train 0-350, 57 % of the fragments found this way are attributed content.
FRAGMENT_DEPS = ("dobj", "oprd", "prep", "xcomp", "attr", "dative", "ccomp", "advcl", "advmod", "npadvmod")
TITLE_WORD = re.compile(r"[A-Za-z][\w'\u2019]*")


def reported_quotes(article: Article, layout: Layout, speakers: ArticleSpeakers, direct: list[Quote],
              fragments: list[MarkSpan], marks: list[MarkSpan],
              described: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Indirect quotes from the parse, mixed where a quoted fragment lies in the content; none whose cue is itself
    inside quotation marks (what a quoted speaker reports is part of their quote) or in the words describing a
    quoted speaker."""
    found: list[Quote] = []
    taken = [(q.start, q.end) for q in direct]
    # Long quoted passages, attributed or not (a speech transcript): cues inside them are the speaker's words.
    quoted = taken + [(m.outer_start, m.outer_end) for m in marks if m.end - m.start > 40] + (described or [])
    for paragraph, doc in enumerate(article.docs or []):
        for item in find_attributions(doc):
            cue_offset = layout.start(paragraph, item.cue)
            start = layout.start(paragraph, doc[item.start])
            end = layout.end(paragraph, doc[item.end - 1])
            if inside(cue_offset, quoted) or inside(start, taken) or inside(end - 1, taken):
                continue
            inner = [f for f in fragments if start <= f.outer_end and f.outer_start <= end]
            kind = "mixed" if inner else "indirect"
            if inner:
                start, end = min([start] + [f.start for f in inner]), max([end] + [f.end for f in inner])
            cue = Cue(paragraph, item.cue, item.subject)
            quote = make_quote(article, layout, start, end, kind, cue, speakers)
            if item.according:
                quote.cue = "according to"
            found.append(quote)
    covered = [(q.start, q.end) for q in found] + quoted
    for fragment in fragments:
        if inside(fragment.start, covered):
            continue
        owner = _governing_quote(article, layout, found, fragment)
        if owner is not None:  # `criticized those who arm the rebels fighting a "legitimate government"`
            owner.end, owner.kind = fragment.outer_end, "mixed"
            owner.text = article.text[owner.start:owner.end]
            continue
        quote = _fragment_statement(article, layout, speakers, fragment)
        if quote is not None:
            found.append(quote)
    return found


def _governing_quote(article: Article, layout: Layout, found: list[Quote], fragment: MarkSpan) -> Quote | None:
    """The statement a quoted fragment just after it belongs to: one whose cue governs the fragment in the parse
    and whose content ends in the fragment's sentence, before it (the parse cut the content short)."""
    located = layout.token_at(fragment.start)
    if located is None:
        return None
    paragraph, token = located
    sentence = layout.sentence_index(fragment.start)
    for governor in token.ancestors:  # nearest first
        offset = layout.start(paragraph, governor)
        quote = next((q for q in found if q.cue_start == offset), None)
        if quote is not None:
            before = quote.end <= fragment.outer_start and layout.sentence_index(quote.end - 1) == sentence
            return quote if before else None
    return None


def _fragment_statement(article: Article, layout: Layout, speakers: ArticleSpeakers,
                        fragment: MarkSpan) -> Quote | None:
    """A quoted fragment no statement holds, inside what a verb after its subject does with words (`Japan branded
    the regime an "outlaw nation"`, `proclaimed a goal of "peace through strength"`): the verb's dependent that
    holds the fragment is a mixed quote of the subject. A fragment of capitalised words is a title or a name
    (`appeared on "Good Morning America"`), not someone's words."""
    located = layout.token_at(fragment.start)
    words = TITLE_WORD.findall(article.text[fragment.start:fragment.end])
    if located is None or all(word[0].isupper() for word in words):
        return None
    paragraph, token = located
    child, verb = token, token.head
    while verb.i != child.i and verb.pos_ != "VERB":
        child, verb = verb, verb.head
    if verb.pos_ != "VERB" or child.i <= verb.i or child.dep_ not in FRAGMENT_DEPS:
        return None
    subject = cue_subject(verb)
    if subject is None or subject.i > verb.i:
        return None
    doc = token.doc
    first = min([child.left_edge.i] + [c.left_edge.i for c in verb.children if c.dep_ in ("dobj", "dative") and
                                       verb.i < c.i < child.i])  # `branded [the plan] [a "gamble"]`
    start = layout.start(paragraph, doc[first])
    end = max(layout.end(paragraph, doc[child.right_edge.i]), fragment.outer_end)
    return make_quote(article, layout, start, end, "mixed", Cue(paragraph, verb, subject), speakers)


def split_or_drop_nested(text: str, quotes: list[Quote]) -> list[Quote]:
    """Reported statements nested in one another: a second statement of the same speaker tacked on after a comma
    (`X said A, telling reporters B`, `…, adding B`) splits the first; any other nested one (`X said Y warned
    that Z`) is part of the outer statement and is dropped."""
    kept: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: (q.start, -(q.end - q.start))):
        outer = next((k for k in kept if k.start <= quote.start and quote.end <= k.end and k.kind != "direct"), None)
        if outer is None:
            kept.append(quote)
            continue
        cut = _tacked_on(text, outer, quote)
        if cut is not None:
            outer.end, outer.text = cut, text[outer.start:cut]
            kept.append(quote)
    return kept


def _tacked_on(text: str, outer: Quote, inner: Quote) -> int | None:
    """Where the outer statement ends if the inner one is the same speaker's, joined by a comma or `and`."""
    same = outer.speaker_start == inner.speaker_start or (outer.speaker is not None and
                                                          outer.speaker == inner.speaker)
    if inner.cue_start is None or not same:
        return None
    before = text[outer.start:inner.cue_start].rstrip()
    for joint in (",", " and"):
        if before.endswith(joint) and len(before) - len(joint) > 10:
            return outer.start + len(before) - len(joint)
    return None
