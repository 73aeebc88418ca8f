"""The figures stage: every reported count or amount in an article, with kind, value, qualifier, what was counted,
source and the date it speaks for.

Numbers that are really dates or years, clock times, ages, scores, durations, percentages, list numbers or parts of
names are not figures; neither is a small number in words that counts nothing newsworthy ("one of two
refineries"). A vague quantity ("dozens", "several") is kept as its words with the least it can mean
(`Figure.lower_bound`), never as a number. It runs on the cleaned text only, so money and numbers in removed
boilerplate never count.
"""
from __future__ import annotations

import re

from ..record import Article, Figure, Sentence
from ..stages import stage
from ..time.sentences import calendar_day_or_coarser
from .kinds import PEOPLE, counted_in_parse, counted_noun, kind_of
from .numbers import NumberMention, find_numbers
from .qualifiers import qualifier_before
from .sources import source_of

# Units after a number that make it a duration, an age, a measure or a rank rather than a count.
_NOT_COUNT_AFTER = re.compile(
    r"^(?:\s*(?:%|per ?cent|percent|percentage points?)|-?\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|"
    r"decades?|centur\w+|-year-old|-day|-hour|-week|-month|-year|km|kilomet\w+|miles?|metres?|meters?|kg|tonnes?|"
    r"tons?|degrees?|times|a\.m\.|p\.m\.|am\b|pm\b|o['’]clock|GMT|UTC|BST|CET|EST|EDT|PST|local time|hrs\b|"
    r"st\b|nd\b|rd\b|th\b|-old|sq|square|ft|feet|foot|-foot|"
    r"inch(?:es)?|-inch|ounces?|lbs?|yards?|acres?|hectares?|litres?|liters?|gallons?|[kMGT]?Hz|mAh|[KMGT]B|ppi|"
    r"megapixels?|mph|calories|volts?|watts?|mm|cm|millimet\w+|centimet\w+|-?calib(?:er|re)|x\s*\d+)\b|(?-i:\s+(?:[A-Z]\w+\s+)+(?:Street|St|Avenue|Ave|Road|"
    r"Rd|Boulevard|Lane|Square|Place)\b))", re.IGNORECASE)
_WEIGHT_AFTER = re.compile(r"\s+pounds?\b(?!\s+sterling)", re.IGNORECASE)
# A day of the month: "the Sept. 11 hijackers", "on March 3": never a count.
_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s*$|(?-i:\b(?:January|February|"
                           r"March|April|May|June|July|August|September|October|November|December))\s+$")
# A number that identifies rather than counts: "Resolution 2254", "No. 5", "Flight 17", "Article 51", "point 2".
_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:no\.|nos\.|number|resolution|article|flight|route|chapter|page|section|room|level|phase|grade|version|"
    r"round|game|stage|point|item|clause|paragraph|step|rule|option|question|figure|table|annex|amendment|"
    r"platform|gate|terminal|seat|row|lane|exit|junction|district|ward|zone|sector|precinct|highway|interstate|"
    r"channel|episode|season|week|match|race|category|division|bus|tram|line)|#)\s*$", re.IGNORECASE)
# An age: "aged 19", "ages 18 to 25", or a number between commas or brackets after a name or a person ("Ali O.,
# 31, a Frenchman", "a man, 23, and a woman, 19, were arrested", "Brahim Abdeslam, 31 - named as", "Smith (45)").
_AGE_BEFORE = re.compile(r"\b(?:aged|ages?(?:\s+of)?|age\s+of)\s+(?:between\s+)?$", re.IGNORECASE)
_PERSON_COMMA = re.compile(r"(?:(?-i:[A-Z][\w'’.-]*)|man|woman|boy|girl|teenager|son|daughter|mother|father|wife|"
                           r"husband|brother|sister|suspect|victim|driver|student|officer|resident|worker)\s*,\s*$",
                           re.IGNORECASE)
_AGE_COMMA_AFTER = re.compile(r"^\s*(?:[,;)]|[-–—]\s|\.?\s*$)")
_BRACKETED = (re.compile(r"\w\s*\(\s*$"), re.compile(r"^\s*\)"))
# A clock reading: "the clock strikes 13", "the clock showed 12"; an hour told in words: "at 9 in the morning".
_CLOCK_BEFORE = re.compile(r"\bclocks?\b(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
_HOUR = (re.compile(r"\b(?:at|by|until|till|after|before|around|about)\s+$", re.IGNORECASE),
         re.compile(r"^\s*(?:in the (?:morning|afternoon|evening)|at night|tonight|"
                    r"this (?:morning|afternoon|evening))\b", re.IGNORECASE))
# A score or a vote told as "3-1": what goes before or after it says so ("won 3-1", "a 2-0 lead", "ruled 5-4").
_SCORE_BEFORE = re.compile(r"\b(?:won|wins?|lost|los(?:e|es|ing)|beat(?:s|en)?|drew|draws?|drawn|defeated|"
                           r"trail(?:ed|ing|s)?|led|leading|leads?|scored?|scores|thrashed|edged|routed|ruled|"
                           r"voted|votes?)\s+(?:\w+\s+)?$", re.IGNORECASE)
_SCORE_AFTER = re.compile(r"^\s*(?:lead|win|victory|defeat|draw|loss|drubbing|thrashing|scoreline|aggregate|triumph|"
                          r"result|decision|ruling|vote|margin|majority|home|away|at half-?time|in (?:the|their|his|"
                          r"her) (?:final|match|game|semi-?final))\b", re.IGNORECASE)
# Before a year ("in 1492", "since 2012"): a four-digit number after one of these is a year, not a count.
_YEAR_BEFORE = re.compile(r"\b(?:in|since|by|until|till|from|before|after|during|of|early|late|mid|circa|c\.)\s+$",
                          re.IGNORECASE)
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
        figure.as_of, figure.as_of_via = _own_date(article, text, index, sentence, start, end) or (as_of, via)
        if told_in_present and article.published:
            # "…, where the United Nations says more than 5,400 people have been killed": the count stands at
            # publication, whatever day the rest of the sentence speaks of.
            figure.as_of, figure.as_of_via = article.published, "published"
        figures.append(figure)
    figures += _fractions(body, sentence, index, figures)
    return figures


def is_count(body: str, number: NumberMention) -> bool:
    """False for percentages, durations, measures, ordinals, identifiers and list numbers, ages, clock readings,
    scores and years."""
    after, before = body[number.end:], body[:number.start]
    written = body[number.start:number.end]
    if _NOT_COUNT_AFTER.match(after) or _NAME_BEFORE.search(before) or _CLOCK_BEFORE.search(before) \
            or _MONTH_BEFORE.search(before):
        return False
    if _WEIGHT_AFTER.match(after) and not number.currency and number.value < 1000:
        return False  # "he was 5-foot-11 and 215 pounds": a weight; "700,000 pounds" stays money
    if _HOUR[0].search(before) and _HOUR[1].match(after):
        return False
    if _IDENTIFIER_BEFORE.search(before) and not _counts_people_or_kind(after):
        return False  # "point 2", "Article 5"; but "at one point 20 people were hurt" counts
    if re.search(r"\d\s*[x×/]\s*$", before) or re.match(r"\s*/", after):
        return False  # dimensions and alternatives: "1920 x 1080", "16/32GB"
    if not before.strip() and re.match(r"[.)]\s", after):
        return False  # a list item's number: "2. Stir the sauce"
    if number.digits and not number.currency and number.value != int(number.value) and \
            not re.search(r"[a-z]", written, re.IGNORECASE):
        return False  # "5.6 inches": a count is whole unless scaled ("4.5 million")
    if not number.digits and not number.vague and number.value < 2:
        return False  # "one of them", "a one-on-one": not a count
    return not (_is_age(before, after, written, number) or _is_score(before, after, written) or
                _is_year(before, after, written, number))


def _counts_people_or_kind(after: str) -> bool:
    """The number is followed by people counted or a casualty word ("20 people", "20 injured")."""
    counted = counted_noun(after)
    return counted is not None and (any(PEOPLE.match(word) for word in counted.split()) or
                                    kind_of(counted, "", "", None) != "other")


def _is_age(before: str, after: str, written: str, number: NumberMention) -> bool:
    if not number.digits or "," in written or number.value > 110 or (number.value_high or 0) > 110:
        return False
    if _AGE_BEFORE.search(before):
        return True
    if number.value_high is not None or qualifier_before(before):
        return False  # "Homs, at least 45, ..." is a count
    between_commas = _PERSON_COMMA.search(before) and _AGE_COMMA_AFTER.match(after)
    return bool(between_commas or (_BRACKETED[0].search(before) and _BRACKETED[1].match(after)))


def _is_score(before: str, after: str, written: str) -> bool:
    """A result written with a dash ("3-1", "2–2") after a verb of winning or voting or before "lead", "win"…"""
    if not re.fullmatch(r"\d{1,3}\s*[-–]\s*\d{1,3}", written):
        return False
    return bool(_SCORE_BEFORE.search(before) or _SCORE_AFTER.match(after))


def _is_year(before: str, after: str, written: str, number: NumberMention) -> bool:
    """A bare year the time stage did not take as a date ("in 2012", "in 1492"), or a span of years ("2012-2015");
    not a hedged count of people ("some 2000 people", "1500-2000 people")."""
    if not number.digits or number.currency or "," in written:
        return False
    years = [v for v in (number.value, number.value_high) if v is not None]
    if not all(float(v).is_integer() and 1000 <= v <= 2100 for v in years):
        return False
    if _counts_people_or_kind(after) and (len(years) == 2 or qualifier_before(before)):
        return False
    return len(years) == 2 or 1800 <= number.value or bool(_YEAR_BEFORE.search(before))


def _figure(article: Article, text: str, body: str, index: int, number: NumberMention) -> tuple[Figure, bool]:
    """The figure, and whether its source tells it in the present tense."""
    sentence = article.sentences[index]
    before, after = body[:number.start], body[number.end:]
    start, end = sentence.start + number.start, sentence.start + number.end
    span = _number_span(article, start, end)
    parsed = counted_in_parse(span) if span is not None and len(span) else None
    counted = None if number.currency else parsed or (None if span is not None else counted_noun(after))
    kind = kind_of(counted, before, after, number.currency, span.root if span is not None and len(span) else None)
    attribution = source_of(body, span, article.quotes, start)
    figure = Figure(
        text=text[start:end], start=start, end=end, kind=kind, value=None if number.vague else number.value,
        value_high=number.value_high, lower_bound=number.value if number.vague else None,
        qualifier=qualifier_before(before), counted=counted, currency=number.currency,
        source=attribution.source if attribution else None, source_via=attribution.via if attribution else None,
        sentence=index,
    )
    return figure, bool(attribution and attribution.present)


def _significant(number: NumberMention, figure: Figure) -> bool:
    """A figure of no known kind is kept only when it counts enough to matter (digits, or ten and above: "dozens of
    countries", not "several countries")."""
    return figure.counted is not None and (number.digits or number.value >= 10)


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


def _own_date(article: Article, text: str, index: int, sentence: Sentence, start: int,
              end: int) -> tuple[str, str] | None:
    """A date inside the noun phrase the number counts ("the 1.6 million arrests that happened in 2000") dates
    that figure, whatever date the sentence's main clause has; a "since" date only says when the count began."""
    span = _number_span(article, start, end)
    if span is None or not len(span):
        return None
    noun = span.root.head if span.root.dep_ in ("nummod", "quantmod", "compound") else span.root
    low, high = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge)
    paragraph_start = article.paragraph_starts()[sentence.paragraph]
    for date in article.dates:
        inside = low <= date.start - paragraph_start and date.end - paragraph_start <= high \
            and _on_a_clause_of(article, date.start, date.end, noun)
        value = calendar_day_or_coarser(date.value) if date.type in ("DATE", "TIME") else None
        if date.sentence == index and inside and value and not _SINCE_BEFORE.search(text[sentence.start:date.start]):
            return value, "sentence"
    return None


def _on_a_clause_of(article: Article, start: int, end: int, noun) -> bool:
    """Whether the date modifies a verb of a clause on the counted noun ("arrests that happened in 2000"), not a
    noun deeper inside it ("packages mailed to ... Trump's 2016 opponent")."""
    span = _number_span(article, start, end)
    if span is None or not len(span):
        return False
    token = span.root
    for _ in range(8):
        if token.head is token or token == noun:
            return False
        head = token.head
        if head.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("prep", "pobj"):
            return False  # a year naming a thing: "the 2016 opponent"
        if head.pos_ in ("VERB", "AUX"):
            return head.dep_ in ("relcl", "acl") and head.head == noun
        token = head
    return False


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

