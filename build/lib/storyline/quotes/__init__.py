"""Quotes, reported speech and their speakers: the `quotes` stage.

Direct quotes come from quotation marks with a cue beside them or a name signing them after a dash (`direct`),
and from the turns of a pasted transcript (`transcript`: `PENCE: …`); reported speech from cue verbs with a
clause in the parse (`indirect`), which becomes a mixed quote when it holds a quoted fragment, as does a fragment
a verb applies to something (`branded the plan a "gamble"`); a cue-less quoted sentence right after a quote
continues it. Speakers are resolved within the article (`speakers`); the corpus stage
`storyline.corpus.entities.canonicalise` then names them across articles. Marks with no cue and no reported speech
around them are scare quotes or titles, and are left out. Then the attribution tagger trained on PolNeAR
(`learned`) widens reported speech the parse cut short and adds what the rules missed, where it names a cue or a
source (or is a quote in marks).
"""
from __future__ import annotations

import re
from itertools import groupby

from spacy.tokens import Span

from ..record import Article, Quote
from ..stages import stage
from .cues import cue_subject
from .direct import Cue, cue_after, cue_before, cue_colon, signature, whole_sentences
from .indirect import NOT_SOURCES, find_attributions
from .layout import Layout
from . import learned
from .learned import Tagged, source_head, tag
from .marks import MarkSpan, find_marks
from .speakers import ArticleSpeakers, Mention
from .transcript import Turn, find_turns

__all__ = ["extract_quotes"]

WORD = re.compile(r"\w+")
MIN_WORDS = 4  # a model span with fewer words is a name, a title or a fragment (a third right on PolNeAR train)
# A sentence with fewer words outside the rules' quotes is not tagged: short sentences ("He declined.") and the
# rest of a sentence the rules quoted seldom hold a statement the rules missed. On held-out PolNeAR train texts
# the tagger then reads 59 % of the tokens instead of 82 % (whole paragraphs with MIN_WORDS such words), at the same
# F1; from 10 words on, F1 falls.
OPEN_WORDS = 8
# The dependents of a verb that can hold words it attributes to its subject (`called them "losers"`, `pressed for a
# "grand bargain"`): on PolNeAR train 0-350, 57 % of the fragments found this way are attributed content.
FRAGMENT_DEPS = ("dobj", "oprd", "prep", "xcomp", "attr", "dative", "ccomp", "advcl", "advmod", "npadvmod")
TITLE_WORD = re.compile(r"[A-Za-z][\w'\u2019]*")


def _speaker_name(mention: Mention) -> str | None:
    referent = mention.referent
    if referent is None:
        return None
    if referent.name:
        return referent.name
    if referent.kind in ("organisation", "group"):
        words = referent.text.split()
        return " ".join(words[1:] if words and words[0].lower() == "the" else words) or None
    return None


def _with_speaker(quote: Quote, mention: Mention) -> Quote:
    quote.speaker_text, quote.speaker_start, quote.speaker_end = mention.text, mention.start, mention.end
    quote.speaker_via, quote.speaker = mention.via, _speaker_name(mention)
    return quote


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _quote(article: Article, layout: Layout, start: int, end: int, kind: str, cue: Cue | None,
           speakers: ArticleSpeakers) -> Quote:
    text = article.text
    start, end = _trimmed(text, start, end)
    quote = Quote(text[start:end], start, end, kind, sentence=layout.sentence_index(start))
    if cue is not None:
        quote.cue = cue.verb.text
        quote.cue_start, quote.cue_end = layout.start(cue.paragraph, cue.verb), layout.end(cue.paragraph, cue.verb)
        _with_speaker(quote, speakers.mention(cue.paragraph, cue.subject))
    return quote


def _continues(previous: Quote | None, start: int, layout: Layout) -> bool:
    """A cue-less quote starting at `start` continues the quote just before it, in its paragraph or the one
    before."""
    if previous is None or previous.speaker_via is None:
        return False
    return layout.paragraph_of(start) - layout.paragraph_of(previous.end) <= 1


def _after_its_cue(text: str, previous: Quote, span: MarkSpan) -> bool:
    """`"A," he said. "B."` parsed as one sentence: the marks open right after the cue's sentence ends and close
    at the end of theirs."""
    if previous.cue_start is None or not previous.end <= previous.cue_start < span.outer_start:
        return False
    between = text[previous.cue_end or previous.cue_start:span.outer_start]
    after = text[span.outer_end:].split("\n", 1)[0].lstrip()
    return "\n" not in between and between.rstrip().endswith((".", "!", "?")) and \
        (not after or after[0] in ".!?" or after[0].isupper())


def _continuation(article: Article, layout: Layout, span: MarkSpan, previous: Quote) -> Quote:
    start, end = _trimmed(article.text, span.start, span.end)
    return _continuation_of(previous, article.text[start:end], start, end, layout)


def _continuation_of(previous: Quote, text: str, start: int, end: int, layout: Layout) -> Quote:
    """A direct quote at [start, end) with the cue and speaker of the quote it continues."""
    quote = Quote(text, start, end, "direct", previous.cue, previous.cue_start, previous.cue_end,
                  sentence=layout.sentence_index(start))
    return _speaker_continued(quote, previous)


def _speaker_continued(quote: Quote, previous: Quote) -> Quote:
    """Give `quote` the speaker of the quote it continues."""
    quote.speaker_text, quote.speaker_start, quote.speaker_end = (previous.speaker_text, previous.speaker_start,
                                                                  previous.speaker_end)
    quote.speaker, quote.speaker_via = previous.speaker, "continuation"
    return quote


def _described(layout: Layout, cue: Cue) -> tuple[int, int] | None:
    """The words after a direct quote's speaker that describe them (`said Tom Berg, who sent a letter
    criticising the sale`): a cue there reports nothing the article quotes."""
    subject, last = cue.subject, cue.subject.right_edge
    if last.i <= subject.i or subject.i <= cue.verb.i <= last.i:
        return None
    return layout.end(cue.paragraph, subject), layout.end(cue.paragraph, last)


def _direct_quotes(article: Article, layout: Layout, speakers: ArticleSpeakers, marks: list[MarkSpan],
                   described: list[tuple[int, int]] | None = None) -> tuple[list[Quote], list[MarkSpan]]:
    """Quotes for the marks with a cue or continuing a quote; the rest (fragments, scare quotes) returned apart.
    The stretches describing each speaker are added to `described`."""
    quotes: list[Quote] = []
    fragments: list[MarkSpan] = []
    waiting: list[MarkSpan] = []  # cue-less paragraphs of a multi-paragraph quote whose cue comes later
    for span in marks:
        cue = cue_after(layout, span) or cue_before(layout, span) or cue_colon(layout, span)
        signed = signature(layout, span) if cue is None else None
        previous = quotes[-1] if quotes else None
        if cue is not None and cue.inside:
            quote = _quote(article, layout, _sentence_start(layout, span.outer_start), span.end, "mixed", cue,
                           speakers)  # `The plan is a "welcome step," he said`: the sentence is what was said
            quotes.append(quote)
        elif signed is not None:
            start, end = _trimmed(article.text, span.start, span.end)
            quote = Quote(article.text[start:end], start, end, "direct", article.text[signed.dash],
                          signed.dash, signed.dash + 1, sentence=layout.sentence_index(start))
            quotes.append(_with_speaker(quote, speakers.labelled(signed.name, signed.start, signed.end)))
        elif cue is not None:
            quote = _quote(article, layout, span.start, span.end, "direct", cue, speakers)
            phrase = _described(layout, cue)
            if phrase is not None and described is not None:
                described.append(phrase)
            quotes.extend(_continuation(article, layout, w, quote) for w in waiting)
            waiting = []
            quotes.append(quote)
        elif _continues(previous, span.start, layout) and (whole_sentences(layout, span) or
                                                     _after_its_cue(article.text, previous, span)):
            quotes.append(_continuation(article, layout, span, previous))
        elif whole_sentences(layout, span) and span.reopened:
            waiting.append(span)
        else:
            fragments.append(span)
    return sorted(quotes, key=lambda q: q.start), fragments


def _sentence_start(layout: Layout, offset: int) -> int:
    located = layout.token_at(offset)
    return offset if located is None else layout.start(located[0], located[1].sent[0])


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _reported(article: Article, layout: Layout, speakers: ArticleSpeakers, direct: list[Quote],
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
            if _inside(cue_offset, quoted) or _inside(start, taken) or _inside(end - 1, taken):
                continue
            inner = [f for f in fragments if start <= f.outer_end and f.outer_start <= end]
            kind = "mixed" if inner else "indirect"
            if inner:
                start, end = min([start] + [f.start for f in inner]), max([end] + [f.end for f in inner])
            cue = Cue(paragraph, item.cue, item.subject)
            quote = _quote(article, layout, start, end, kind, cue, speakers)
            if item.according:
                quote.cue = "according to"
            found.append(quote)
    covered = [(q.start, q.end) for q in found] + quoted
    for fragment in fragments:
        if _inside(fragment.start, covered):
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
    return _quote(article, layout, start, end, "mixed", Cue(paragraph, verb, subject), speakers)


def _split_or_drop_nested(text: str, quotes: list[Quote]) -> list[Quote]:
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


def _quoted_chars(start: int, end: int, marks: list[MarkSpan]) -> int:
    return sum(max(0, min(end, m.outer_end) - max(start, m.outer_start)) for m in marks)


def _words_outside_spans(text: str, offset: int, spans: list[tuple[int, int]]) -> int:
    """Words of `text` (which starts at article offset `offset`) outside the article spans."""
    spans = [(s, e) for s, e in spans if s < offset + len(text) and offset < e]
    if not spans:
        return len(WORD.findall(text))
    return sum(1 for match in WORD.finditer(text) if not _inside(offset + match.start(), spans))


def _tagged_quote(article: Article, layout: Layout, item: Tagged, marks: list[MarkSpan],
                  speakers: ArticleSpeakers) -> Quote | None:
    """A quote for a content span of the model: direct when (nearly) all inside quotation marks, mixed when it
    holds a quoted fragment, else indirect; the cue and source it labelled nearby give the cue and the speaker.
    None for a span too short to be a statement: under MIN_WORDS words (outside the marks, unless it is a quote),
    which also keeps a title or scare quote with a word or two around it out; None for reported speech with
    neither a cue nor a source (nothing to show the reader why it is someone's statement); and None where the
    source is a headline label (`Update: …`), as for the rules."""
    if item.source is not None and item.source.root.lower_ in NOT_SOURCES:
        return None
    start, end = _trimmed(article.text, *layout.span_offsets(item.paragraph, item.content))
    share = _quoted_chars(start, end, marks) / max(1, end - start)
    kind = "direct" if share >= 0.8 else "mixed" if share > 0 else "indirect"
    text = article.text[start:end]
    words = len(WORD.findall(text)) if kind == "direct" else _words_outside_spans(
        text, start, [(m.outer_start, m.outer_end) for m in marks])
    if words < MIN_WORDS or (kind != "direct" and item.cue is None and item.source is None):
        return None
    quote = Quote(text, start, end, kind, sentence=layout.sentence_index(start))
    if item.cue is not None:
        quote.cue = item.cue.text
        quote.cue_start, quote.cue_end = layout.span_offsets(item.paragraph, item.cue)
    head = source_head(item)
    if head is not None:
        _with_speaker(quote, speakers.mention(item.paragraph, head))
    return quote


def _verb_cue(layout: Layout, quote: Quote) -> bool:
    located = layout.token_at(quote.cue_start) if quote.cue_start is not None else None
    return located is not None and located[1].pos_ in ("VERB", "AUX")


def _widen(article: Article, layout: Layout, quotes: list[Quote], spans: list[tuple[int, int]]) -> list[Quote]:
    """A rule's indirect or mixed quote after a verb that the model reads as part of a longer content span takes that
    span's extent (the parse often cuts reported speech at a conjunction or a second clause), unless it would then
    run into another quote. A noun's complement (`his decision to close the mine`) ends where the noun phrase does,
    whatever the model says. Returns the quotes whose own cue a longer span holds: that span is an outer statement
    about them (`made clear that only the plan that called for talks counted`), which the caller puts in their
    place."""
    outer: list[Quote] = []
    for start, end in spans:
        for quote in quotes:
            if quote.kind not in ("indirect", "mixed") or not (quote.start < end and start < quote.end) or \
                    end - start <= quote.end - quote.start or not _verb_cue(layout, quote):
                continue
            if any(other is not quote and other.start < end and start < other.end for other in quotes):
                continue
            if quote.cue_start is not None and start <= quote.cue_start < end:
                outer.append(quote)  # the longer span reports the cue itself: it is another, outer statement
                continue
            quote.start, quote.end, quote.text = start, end, article.text[start:end]
            quote.sentence = layout.sentence_index(start)
    return outer


def _stretches_to_tag(article: Article, layout: Layout, taken: list[tuple[int, int]]) -> list[tuple[int, Span]]:
    """The runs of consecutive sentences with OPEN_WORDS words outside the rules' quotes, per paragraph: a rule
    quote covering a sentence leaves too little for the model to add or widen, and a short sentence seldom holds a
    statement the rules missed."""
    stretches = []
    for paragraph, doc in enumerate(article.docs or []):
        start, text = layout.starts[paragraph], layout.texts[paragraph]

        def open_(sent: Span) -> bool:
            words = _words_outside_spans(text[sent.start_char:sent.end_char], start + sent.start_char, taken)
            return words >= OPEN_WORDS

        for keep, run in groupby(doc.sents, key=open_):
            if keep:
                sents = list(run)
                stretches.append((paragraph, doc[sents[0].start:sents[-1].end]))
    return stretches


def _learned_quotes(article: Article, layout: Layout, speakers: ArticleSpeakers, quotes: list[Quote],
                    marks: list[MarkSpan]) -> list[Quote]:
    """Widen the rules' quotes to the model's content spans, then add quotes for the spans no rule quote touches
    (the rules keep what they find). Only the stretches `_stretches_to_tag` picks are tagged. A rule quote nested
    in a model span that holds its cue is removed from `quotes`: that span, the outer statement, is added instead."""
    if learned.load_tagger() is None:
        return []
    taken = [(q.start, q.end) for q in quotes]
    tagged = tag(_stretches_to_tag(article, layout, taken))
    nested = _widen(article, layout, quotes, [_trimmed(article.text, *layout.span_offsets(t.paragraph, t.content))
                                              for t in tagged])
    quotes[:] = [q for q in quotes if not any(q is n for n in nested)]  # the outer statement replaces them
    taken = [(q.start, q.end) for q in quotes]
    found = []
    for item in tagged:
        quote = _tagged_quote(article, layout, item, marks, speakers)
        if quote is not None and not any(s < quote.end and quote.start < e for s, e in taken):
            found.append(quote)
    return found


def _turn_quotes(article: Article, layout: Layout, speakers: ArticleSpeakers, turns: list[Turn]) -> list[Quote]:
    """Transcript turns as direct quotes, cued by the label's colon; an unlabelled turn continues the one before
    it. The quotation marks and cues inside a turn are the speaker's own words, so the caller drops the marks and
    `_reported` skips cues inside these quotes. None unless some label names a person the article names (`PENCE`
    where it names Mike Pence): capitalised labels of an explainer (`WHY IT MATTERS:`, `BACKGROUND:`) name
    nobody."""
    if not any(turn.label and speakers.names_person(turn.label) for turn in turns):
        return []
    quotes: list[Quote] = []
    for turn in turns:  # the first turn is labelled (`find_turns`)
        text = article.text[turn.start:turn.end]
        if turn.label is None:
            quotes.append(_continuation_of(quotes[-1], text, turn.start, turn.end, layout))
        else:
            quote = Quote(text, turn.start, turn.end, "direct", ":", turn.colon, turn.colon + 1,
                          sentence=layout.sentence_index(turn.start))
            quotes.append(_with_speaker(quote, speakers.labelled(turn.label, turn.label_start, turn.colon)))
    return quotes


def _speakers_carried(quotes: list[Quote], unspoken: list[int], layout: Layout) -> None:
    """A model quote with no source or cue of its own (a quoted sentence standing alone) continues the quote just
    before it, as a cue-less quoted sentence does for the rules (`_continues`)."""
    waiting = set(unspoken)
    for previous, quote in zip([None, *quotes], quotes):
        if id(quote) in waiting and _continues(previous, quote.start, layout):
            _speaker_continued(quote, previous)


@stage("quotes", requires=("docs", "sentences", "entities"), assigns=("quotes",))
def extract_quotes(article: Article) -> Article:
    """Fill `article.quotes` with direct, mixed and indirect quotes and their speakers, as text offsets."""
    if not article.docs:
        article.quotes = []
        return article
    starts = article.paragraph_starts()
    layout = Layout(article.docs, article.paragraphs, starts)
    speakers = ArticleSpeakers(article.docs, starts)
    turns = _turn_quotes(article, layout, speakers, find_turns(article.paragraphs, starts))
    marks = [m for m in find_marks(article.paragraphs, starts) if not any(
        q.start <= m.start < q.end or m.outer_start <= q.start < m.outer_end for q in turns)]
    described: list[tuple[int, int]] = []
    direct, fragments = _direct_quotes(article, layout, speakers, marks, described)
    direct = sorted(turns + direct, key=lambda q: q.start)
    reported = _split_or_drop_nested(article.text, _reported(article, layout, speakers, direct, fragments, marks,
                                                             described))
    quotes = direct + reported
    added = _learned_quotes(article, layout, speakers, quotes, marks)
    article.quotes = sorted(quotes + added, key=lambda q: q.start)
    _speakers_carried(article.quotes, [id(q) for q in added if q.speaker_via is None and q.cue is None], layout)
    return article
