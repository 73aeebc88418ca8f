"""The attribution tagger's part (`learned`, trained on PolNeAR): it widens reported speech the parse cut short
and adds what the rules missed, where it names a cue or a source (or is a quote in marks). Only stretches of
sentences the rules left open are tagged; the rules keep what they find."""
from __future__ import annotations

import re
from itertools import groupby

from spacy.tokens import Span

from ..record import Article, Quote
from . import learned
from .build import continues, inside, speaker_continued, trimmed, with_speaker
from .indirect import NOT_SOURCES
from .layout import Layout
from .learned import Tagged, source_head, tag
from .marks import MarkSpan
from .speakers import ArticleSpeakers

WORD = re.compile(r"\w+")
MIN_WORDS = 4  # a model span with fewer words is a name, a title or a fragment (a third right on PolNeAR train)
# A sentence with fewer words outside the rules' quotes is not tagged: short sentences ("He declined.") and the
# rest of a sentence the rules quoted seldom hold a statement the rules missed. On held-out PolNeAR train texts
# the tagger then reads 59 % of the tokens instead of 82 % (whole paragraphs with MIN_WORDS such words), at the same
# F1; from 10 words on, F1 falls.
OPEN_WORDS = 8


def _quoted_chars(start: int, end: int, marks: list[MarkSpan]) -> int:
    return sum(max(0, min(end, m.outer_end) - max(start, m.outer_start)) for m in marks)


def _words_outside_spans(text: str, offset: int, spans: list[tuple[int, int]]) -> int:
    """Words of `text` (which starts at article offset `offset`) outside the article spans."""
    spans = [(s, e) for s, e in spans if s < offset + len(text) and offset < e]
    if not spans:
        return len(WORD.findall(text))
    return sum(1 for match in WORD.finditer(text) if not inside(offset + match.start(), spans))


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
    start, end = trimmed(article.text, *layout.span_offsets(item.paragraph, item.content))
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
        with_speaker(quote, speakers.mention(item.paragraph, head))
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


def tagged_quotes(article: Article, layout: Layout, speakers: ArticleSpeakers, quotes: list[Quote],
                    marks: list[MarkSpan]) -> list[Quote]:
    """Widen the rules' quotes to the model's content spans, then add quotes for the spans no rule quote touches
    (the rules keep what they find). Only the stretches `_stretches_to_tag` picks are tagged. A rule quote nested
    in a model span that holds its cue is removed from `quotes`: that span, the outer statement, is added instead."""
    if learned.load_tagger() is None:
        return []
    taken = [(q.start, q.end) for q in quotes]
    tagged = tag(_stretches_to_tag(article, layout, taken))
    nested = _widen(article, layout, quotes, [trimmed(article.text, *layout.span_offsets(t.paragraph, t.content))
                                              for t in tagged])
    quotes[:] = [q for q in quotes if not any(q is n for n in nested)]  # the outer statement replaces them
    taken = [(q.start, q.end) for q in quotes]
    found = []
    for item in tagged:
        quote = _tagged_quote(article, layout, item, marks, speakers)
        if quote is not None and not any(s < quote.end and quote.start < e for s, e in taken):
            found.append(quote)
    return found


def speakers_carried(quotes: list[Quote], unspoken: list[int], layout: Layout) -> None:
    """A model quote with no source or cue of its own (a quoted sentence standing alone) continues the quote just
    before it, as a cue-less quoted sentence does for the rules (`continues`)."""
    waiting = set(unspoken)
    for previous, quote in zip([None, *quotes], quotes):
        if id(quote) in waiting and continues(previous, quote.start, layout):
            speaker_continued(quote, previous)
