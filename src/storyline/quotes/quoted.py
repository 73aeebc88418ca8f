"""Direct quotes: quotation marks with a cue beside them or a name signing them after a dash, a cue-less quoted
sentence that continues the quote before it, and the turns of a pasted transcript (`PENCE: …`). Marks with none of
these are returned apart as fragments, for `reported` to place inside reported speech or leave out."""
from __future__ import annotations

from ..record import Article, Quote
from .build import continuation_of, continues, make_quote, trimmed, with_speaker
from .direct import Cue, cue_after, cue_before, cue_colon, signature, whole_sentences
from .layout import Layout
from .marks import MarkSpan
from .speakers import ArticleSpeakers
from .transcript import Turn


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
    start, end = trimmed(article.text, span.start, span.end)
    return continuation_of(previous, article.text[start:end], start, end, layout)


def _described(layout: Layout, cue: Cue) -> tuple[int, int] | None:
    """The words after a direct quote's speaker that describe them (`said Tom Berg, who sent a letter
    criticising the sale`): a cue there reports nothing the article quotes."""
    subject, last = cue.subject, cue.subject.right_edge
    if last.i <= subject.i or subject.i <= cue.verb.i <= last.i:
        return None
    return layout.end(cue.paragraph, subject), layout.end(cue.paragraph, last)


def direct_quotes(article: Article, layout: Layout, speakers: ArticleSpeakers, marks: list[MarkSpan],
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
            quote = make_quote(article, layout, _sentence_start(layout, span.outer_start), span.end, "mixed", cue,
                           speakers)  # `The plan is a "welcome step," he said`: the sentence is what was said
            quotes.append(quote)
        elif signed is not None:
            start, end = trimmed(article.text, span.start, span.end)
            quote = Quote(article.text[start:end], start, end, "direct", article.text[signed.dash],
                          signed.dash, signed.dash + 1, sentence=layout.sentence_index(start))
            quotes.append(with_speaker(quote, speakers.labelled(signed.name, signed.start, signed.end)))
        elif cue is not None:
            quote = make_quote(article, layout, span.start, span.end, "direct", cue, speakers)
            phrase = _described(layout, cue)
            if phrase is not None and described is not None:
                described.append(phrase)
            quotes.extend(_continuation(article, layout, w, quote) for w in waiting)
            waiting = []
            quotes.append(quote)
        elif continues(previous, span.start, layout) and (whole_sentences(layout, span) or
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


def turn_quotes(article: Article, layout: Layout, speakers: ArticleSpeakers, turns: list[Turn]) -> list[Quote]:
    """Transcript turns as direct quotes, cued by the label's colon; an unlabelled turn continues the one before
    it. The quotation marks and cues inside a turn are the speaker's own words, so the caller drops the marks and
    `reported_quotes` skips cues inside these quotes. None unless some label names a person the article names (`PENCE`
    where it names Mike Pence): capitalised labels of an explainer (`WHY IT MATTERS:`, `BACKGROUND:`) name
    nobody."""
    if not any(turn.label and speakers.names_person(turn.label) for turn in turns):
        return []
    quotes: list[Quote] = []
    for turn in turns:  # the first turn is labelled (`find_turns`)
        text = article.text[turn.start:turn.end]
        if turn.label is None:
            quotes.append(continuation_of(quotes[-1], text, turn.start, turn.end, layout))
        else:
            quote = Quote(text, turn.start, turn.end, "direct", ":", turn.colon, turn.colon + 1,
                          sentence=layout.sentence_index(turn.start))
            quotes.append(with_speaker(quote, speakers.labelled(turn.label, turn.label_start, turn.colon)))
    return quotes
