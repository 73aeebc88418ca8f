"""The figures stage: every reported count or amount in an article, with kind, value, qualifier, what was counted,
source and the date it speaks for.

Numbers that are really dates, clock times, durations, percentages or parts of names are not figures; neither is a
small number in words that counts nothing newsworthy ("one of two refineries"). It runs on the cleaned text only,
so money and numbers in removed boilerplate never count.
"""
from __future__ import annotations

import re

from ..record import Article, Figure, Sentence
from ..stages import stage
from .kinds import counted_noun, kind_of
from .numbers import NumberMention, find_numbers
from .qualifiers import qualifier_before
from .sources import source_of

# Units after a number that make it a duration, an age, a measure or a rank rather than a count.
_NOT_COUNT_AFTER = re.compile(
    r"^(?:\s*(?:%|per ?cent|percent|percentage points?)|-?\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|"
    r"decades?|centur\w+|-year-old|-day|-hour|-week|-month|-year|km|kilomet\w+|miles?|metres?|meters?|kg|tonnes?|"
    r"tons?|degrees?|times|a\.m\.|p\.m\.|am\b|pm\b|GMT|st\b|nd\b|rd\b|th\b|-old|sq|square|ft|feet|foot|-foot|"
    r"inch(?:es)?|-inch|ounces?|lbs?|yards?|acres?|hectares?|litres?|liters?|gallons?|[kMGT]?Hz|mAh|[KMGT]B|ppi|"
    r"megapixels?|mph|calories|volts?|watts?|x\s*\d+)\b|(?-i:\s+(?:[A-Z]\w+\s+)+(?:Street|St|Avenue|Ave|Road|"
    r"Rd|Boulevard|Lane|Square|Place)\b))", re.IGNORECASE)
# A number that identifies rather than counts: "Resolution 2254", "No. 5", "Flight 17", "Article 51".
_IDENTIFIER_BEFORE = re.compile(r"\b(?:no\.|number|resolution|article|flight|route|chapter|page|section|"
                                r"room|level|phase|grade|version|round|game|stage)\s*$", re.IGNORECASE)
# A number right after a capitalised word inside a sentence names a thing: "Boeing 777", "Flight 370".
_NAME_BEFORE = re.compile(r"(?<=\w)\s+(?!(?:About|Around|Some|Over|Nearly|Almost|Only|Just|More|Fewer|Less|At|Up|"
                          r"Between|As|Roughly|Approximately|An?|The|And|But|Of|In|On)\b)[A-Z][\w-]*\s+$")
# "a third of them", "half of those": a share of the figure just before it in the sentence.
_FRACTION = re.compile(r"\b(half|a third|one third|two thirds|a quarter|three quarters)\s+of\s+(?:them|those)\b",
                       re.IGNORECASE)
_FRACTIONS = {"half": 1 / 2, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3, "a quarter": 1 / 4,
              "three quarters": 3 / 4}
# Since-anchors: the date in "has killed thousands since March" is when the count started, not its date.
_SINCE_BEFORE = re.compile(r"\b(?:since|began|begun|started|from)\s+(?:(?:in|on|last|early|late|mid-?)\s+)*$",
                           re.IGNORECASE)


@stage("figures", requires=("sentences", "docs", "dates", "quotes", "published"), assigns=("figures",))
def extract_figures(article: Article) -> Article:
    text = article.text
    figures: list[Figure] = []
    for index, sentence in enumerate(article.sentences):
        figures += sentence_figures(article, text, index, sentence)
    article.figures = figures
    return article


def sentence_figures(article: Article, text: str, index: int, sentence: Sentence) -> list[Figure]:
    """The figures of one sentence, each a count that passes `is_count`."""
    body = text[sentence.start:sentence.end]
    spans = [(d.start, d.end) for d in article.dates if d.sentence == index or sentence.start <= d.start < sentence.end]
    as_of, via = _as_of(article, index, sentence, text)
    figures: list[Figure] = []
    for number in find_numbers(body):
        start, end = sentence.start + number.start, sentence.start + number.end
        if any(s < end and start < e for s, e in spans) or not is_count(body, number):
            continue
        figure, told_in_present = _figure(article, text, body, index, number)
        if figure.kind == "other" and not _significant(number, figure):
            continue
        figure.as_of, figure.as_of_via = as_of, via
        if told_in_present and article.published:
            # "…, where the United Nations says more than 5,400 people have been killed": the count stands at
            # publication, whatever day the rest of the sentence speaks of.
            figure.as_of, figure.as_of_via = article.published, "published"
        figures.append(figure)
    figures += _fractions(body, sentence, index, figures)
    return figures


def is_count(body: str, number: NumberMention) -> bool:
    """False for percentages, durations, measures, ordinals and identifiers."""
    after, before = body[number.end:], body[:number.start]
    if _NOT_COUNT_AFTER.match(after) or _IDENTIFIER_BEFORE.search(before) or _NAME_BEFORE.search(before):
        return False
    if re.search(r"\d\s*[x×/]\s*$", before) or re.match(r"\s*/", after):
        return False  # dimensions and alternatives: "1920 x 1080", "16/32GB"
    if number.digits and not number.currency and number.value != int(number.value) and \
            not re.search(r"[a-z]", body[number.start:number.end], re.IGNORECASE):
        return False  # "5.6 inches": a count is whole unless scaled ("4.5 million")
    if not number.digits and not number.vague and number.value < 2:
        return False  # "one of them", "a one-on-one": not a count
    if number.digits and number.value_high is None and not number.currency and 1800 <= number.value <= 2100 and \
            "," not in body[number.start:number.end]:
        return False  # a bare year the time stage did not take as a date
    return True


def _figure(article: Article, text: str, body: str, index: int, number: NumberMention) -> tuple[Figure, bool]:
    """The figure, and whether its source tells it in the present tense."""
    sentence = article.sentences[index]
    before, after = body[:number.start], body[number.end:]
    counted = None if number.currency else counted_noun(after)
    kind = kind_of(counted, before, after, number.currency)
    start, end = sentence.start + number.start, sentence.start + number.end
    attribution = source_of(body, _number_span(article, start, end), article.quotes, start)
    figure = Figure(
        text=text[start:end], start=start, end=end, kind=kind, value=number.value, value_high=number.value_high,
        qualifier=qualifier_before(before), counted=counted, currency=number.currency,
        source=attribution.source if attribution else None, source_via=attribution.via if attribution else None,
        sentence=index,
    )
    return figure, bool(attribution and attribution.present)


def _significant(number: NumberMention, figure: Figure) -> bool:
    """A figure of no known kind is kept only when it counts enough to matter (digits or ten and above)."""
    return figure.counted is not None and (number.digits or number.value >= 10 or number.vague)


def _fractions(body: str, sentence: Sentence, index: int, figures: list[Figure]) -> list[Figure]:
    """'370 people…, a third of them civilians': a share of the sentence's figure just before it."""
    shares = []
    for match in _FRACTION.finditer(body):
        start = sentence.start + match.start()
        base = next((f for f in reversed(figures) if f.end <= start and f.value), None)
        if base is None:
            continue
        shares.append(Figure(
            text=match.group(0), start=start, end=sentence.start + match.end(), kind=base.kind,
            value=round(base.value * _FRACTIONS[match.group(1).lower()]), qualifier="around",
            counted=counted_noun(body[match.end():]), source=base.source, source_via=base.source_via,
            as_of=base.as_of, as_of_via=base.as_of_via, sentence=index,
        ))
    return shares


def _number_span(article: Article, start: int, end: int):
    """The spaCy span of the number, for the parse-based source finder (None without Docs)."""
    if not article.docs:
        return None
    sentence = next(s for s in article.sentences if s.start <= start < s.end)
    offset = article.paragraph_starts()[sentence.paragraph]
    return article.docs[sentence.paragraph].char_span(start - offset, end - offset, alignment_mode="expand")


def _as_of(article: Article, index: int, sentence: Sentence, text: str) -> tuple[str | None, str | None]:
    """The sentence's date unless it only says when a count began; else the publication date or its estimate."""
    own = [d for d in article.dates if d.sentence == index and d.type in ("DATE", "TIME")]
    anchors_only = own and all(_SINCE_BEFORE.search(text[sentence.start:d.start]) for d in own)
    if sentence.date and not anchors_only:
        return sentence.date, "sentence"
    if article.published:
        return article.published, "published"
    if article.published_estimate:
        return article.published_estimate, "estimate"
    return None, None

