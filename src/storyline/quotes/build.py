"""Quote records from what the finders found: the trimmed span, the cue, and the speaker the article's mentions
resolve to; and the rule by which a cue-less quote continues the one before it (`continues`). Shared by the rules
for quotation marks (`quoted`), for reported speech (`reported`) and for the tagger's spans (`tagged`)."""
from __future__ import annotations

from ..record import Article, Quote
from .direct import Cue
from .layout import Layout
from .speakers import ArticleSpeakers, Mention


def speaker_name(mention: Mention) -> str | None:
    referent = mention.referent
    if referent is None:
        return None
    if referent.name:
        return referent.name
    if referent.kind in ("organisation", "group"):
        words = referent.text.split()
        return " ".join(words[1:] if words and words[0].lower() == "the" else words) or None
    return None


def with_speaker(quote: Quote, mention: Mention) -> Quote:
    quote.speaker_text, quote.speaker_start, quote.speaker_end = mention.text, mention.start, mention.end
    quote.speaker_via, quote.speaker = mention.via, speaker_name(mention)
    return quote


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def make_quote(article: Article, layout: Layout, start: int, end: int, kind: str, cue: Cue | None,
           speakers: ArticleSpeakers) -> Quote:
    text = article.text
    start, end = trimmed(text, start, end)
    quote = Quote(text[start:end], start, end, kind, sentence=layout.sentence_index(start))
    if cue is not None:
        quote.cue = cue.verb.text
        quote.cue_start, quote.cue_end = layout.start(cue.paragraph, cue.verb), layout.end(cue.paragraph, cue.verb)
        with_speaker(quote, speakers.mention(cue.paragraph, cue.subject))
    return quote


def continues(previous: Quote | None, start: int, layout: Layout) -> bool:
    """A cue-less quote starting at `start` continues the quote just before it, in its paragraph or the one
    before."""
    if previous is None or previous.speaker_via is None:
        return False
    return layout.paragraph_of(start) - layout.paragraph_of(previous.end) <= 1


def continuation_of(previous: Quote, text: str, start: int, end: int, layout: Layout) -> Quote:
    """A direct quote at [start, end) with the cue and speaker of the quote it continues."""
    quote = Quote(text, start, end, "direct", previous.cue, previous.cue_start, previous.cue_end,
                  sentence=layout.sentence_index(start))
    return speaker_continued(quote, previous)


def speaker_continued(quote: Quote, previous: Quote) -> Quote:
    """Give `quote` the speaker of the quote it continues."""
    quote.speaker_text, quote.speaker_start, quote.speaker_end = (previous.speaker_text, previous.speaker_start,
                                                                  previous.speaker_end)
    quote.speaker, quote.speaker_via = previous.speaker, "continuation"
    return quote


def inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)
