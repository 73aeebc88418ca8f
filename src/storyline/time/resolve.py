"""Turn the mentions of one parsed paragraph into `TimeExpression`s, reading tense from the parse.

The reference time (the last day-precise date the story established) is carried from one expression to the next,
so "the next day" and "a day after returning" count from the story's own clock, not only from publication.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from ..record import TimeExpression
from .find import Mention, find_mentions
from .normalise import Context, normalise
from .tense import Tense, span_tense
from .units import format_at, shift
from .vocab import TIME_UNITS, number_value, unit_name

_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")
_COARSE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_NOT_YEARS = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "ORDINAL"}


@dataclass
class Clock:
    """The anchor (publication date) and the running reference time of one article."""

    anchor: date | None
    reference: date | None = None
    quarter: str | None = None
    coarse: tuple[date, str] | None = None  # the last date at any precision ("1988", "1988-03") and that precision


@dataclass
class Found:
    """A resolved expression with the tense that governed it (the estimate only trusts past reports)."""

    expression: TimeExpression
    tense: Tense = "none"
    located: str | None = None  # the date of the event a "N days after <event>" expression locates
    main: bool = True  # False in a relative clause, apposition or background phrase: it does not date the sentence


def parse_day(value: str | None) -> date | None:
    """The calendar day a value starts with, None for coarser or non-calendar values."""
    match = _DAY_VALUE.match(value or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _is_year_number(mention: Mention, doc: Doc) -> bool:
    """A four-digit number is a year unless the parse says it counts something ("2000 people", "$1990")."""
    if mention.match["pre"] or mention.match.string[: mention.match.start("y")].endswith("'s "):
        return True  # "fiscal 1989 sales", "the company's 1989 results": a year qualifying a noun
    span = doc.char_span(mention.match.start("y"), mention.match.end("y"), alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    if token.ent_type_ in _NOT_YEARS:
        return False
    return not (token.dep_ == "nummod" and token.head.tag_ == "NNS")


def paragraph_mentions(doc: Doc) -> list[Mention]:
    """The finder's mentions in a paragraph, minus numbers the parse shows are not years."""
    return [m for m in find_mentions(doc.text) if m.rule != "year" or _is_year_number(m, doc)]


def _reports_quarter(mention: Mention, value: str, tense: Tense, anchor: date | None) -> bool:
    """Whether a quarter is the one a results story reports, which "the quarter" and "a year earlier" then read
    against. A year-on-year comparison is not, and neither is a quarter still to end: "expect the slump to continue
    into the fourth quarter", written in that quarter, is a forecast; only a past report makes it the reported one
    ("its fiscal fourth quarter ended Sept. 30 fell")."""
    if not _QUARTER.match(value) or mention.rule in ("ago", "period_ago", "year_period") \
            or (mention.rule == "quarter" and mention.match["ago"]):
        return False
    if anchor is None:
        return True
    current = format_at(anchor, "quarter")
    return value < current or (value == current and tense in ("past", "perfect"))


def _latest_quarter(mention: Mention, value: str, reported: str | None) -> str:
    """The quarter reported after naming `value`: the latest ended one named, since an earlier one is a comparison
    ("up 20% in the third quarter. After a flat second quarter, ..."). A fiscal quarter is the company's own
    numbering, not comparable with calendar ones: naming it starts a new report ("National Steel posted net income
    for the fiscal second quarter")."""
    if reported is None or (mention.rule == "quarter" and "fiscal" in mention.text.lower()):
        return value
    return max(value, reported)


# A results period longer than a quarter: "For the nine months, ...", "in the first half".
_LONGER_PERIOD = re.compile(r"\b(?:nine|six|9|6)\s+months\b|\b(?:first|second)\s+half\b", re.IGNORECASE)


def _comparison_quarter(doc: Doc, start: int, text: str, reported: str | None) -> str | None:
    """The quarter a year-on-year comparison at `start` reads against: the reported one, unless the sentence is
    about a longer period. "For the nine months, it earned $5 million, against $3 million a year earlier" compares
    with the year before, not with the reported quarter a year back."""
    if reported is None:
        return None
    sentence = next((s for s in doc.sents if s.start_char <= start < s.end_char), None)
    lead = text[sentence.start_char: start] if sentence is not None else ""
    return None if _LONGER_PERIOD.search(lead) else reported


def resolve_paragraph(doc: Doc, offset: int, clock: Clock) -> list[Found]:
    """Resolve every mention in `doc`; offsets are shifted by `offset` into `Article.text`."""
    results: list[Found] = []
    mentions = paragraph_mentions(doc)
    for mention in mentions:
        tense, main, attached = span_tense(doc, mention.start, mention.end)
        text = mention.match.string  # the paragraph text: spaCy rebuilds `doc.text` on every access
        after = text[mention.match.end(): mention.match.end() + 30]
        words_before = text[max(0, mention.start - 12): mention.start].split()
        before = words_before[-1].lower() if words_before else ""
        quarter = _comparison_quarter(doc, mention.start, text, clock.quarter)
        context = Context(clock.anchor, clock.reference, tense, after, quarter, before, clock.coarse, attached)
        normalised = normalise(mention, context)
        value = normalised.value if (clock.anchor is not None or not normalised.relative) else None
        anchor = "published" if normalised.relative and value is not None else None
        expression = TimeExpression(
            mention.text, offset + mention.start, offset + mention.end, normalised.type, value, anchor=anchor
        )
        day = parse_day(value) if normalised.type in ("DATE", "TIME") else None
        if normalised.moves_reference and clock.anchor is not None:
            day = parse_day(normalised.located)
        if day is not None:
            clock.reference = day
            clock.coarse = (day, "day")
        elif normalised.type == "DATE" and value and (coarse := _COARSE.match(value)):
            clock.coarse = (date(int(coarse[1]), int(coarse[2] or 1), 1), "month" if coarse[2] else "year")
        if value and _reports_quarter(mention, value, tense, clock.anchor):
            clock.quarter = _latest_quarter(mention, value, clock.quarter)
        located = normalised.located if clock.anchor is not None else None
        results.append(Found(expression, tense, located, main and _dates_event(before, attached, value)))
    _locate_against_dates(mentions, results)
    _join_month_ranges(mentions, results)
    _apposed_dates(mentions, results, clock)
    return results


_APPOSED = re.compile(r"\s*,\s*$")


def _apposed_dates(mentions: list[Mention], results: list[Found], clock: Clock) -> None:
    """"the next day, Sept. 15": a relative day followed by the date it means takes that date, which the writer
    gave to settle it; the story's clock moves to it too."""
    for index, (first, second) in enumerate(zip(mentions, mentions[1:])):
        between = first.match.string[first.end: second.start]
        if first.rule not in ("ref_day", "anaphoric", "day_word", "weekday") or not _APPOSED.fullmatch(between):
            continue
        stated = results[index + 1].expression.value
        if parse_day(stated) is not None and parse_day(results[index].expression.value) is not None:
            results[index].expression.value = stated
            if index + 1 == len(results) - 1:
                clock.reference = parse_day(stated)


# Words that make a date the bound of a period, not the time of what the sentence reports: "at war since
# March 2011", "funds exhausted by 2036", "in office until 2020".
_BOUND_WORDS = {"since", "until", "till", "by", "through"}


def _dates_event(before: str, attached: str, value: str | None) -> bool:
    """Whether an expression may date its sentence's event: not a bound ("since March 2011"), and not a year or
    month naming a thing the sentence mentions ("during the 2016 election", "the 2014 ban"), which is background;
    a day that qualifies a noun ("Wednesday's shelling") stays, as it usually is the event itself."""
    if before in _BOUND_WORDS:
        return False
    return not (attached == "noun" and value is not None and _COARSE.match(value))


# What joins the two ends of a range of months: "from January to October", "the January-September period";
# "and" only after "between" ("in January and October" names two months apart).
_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|to|through|till|until)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})$")


def _join_month_ranges(mentions: list[Mention], results: list[Found]) -> None:
    """A range of bare months runs forward within one stretch: its end is placed as any month is, and its start
    falls in the same year, or the year before when it comes later in the calendar ("from November to March").
    Read apart, "from January to October" written in February would run from this January back to last October."""
    for index, (first, second) in enumerate(zip(mentions, mentions[1:])):
        text = first.match.string
        joined = _RANGE_JOIN.fullmatch(text[first.end: second.start]) or (
            text[first.end: second.start].strip() == "and" and _BETWEEN.search(text[: first.start]))
        if first.rule != "month" or second.rule not in ("month", "month_year") or first.match["rel"] or not joined:
            continue
        start = _MONTH_VALUE.match(results[index].expression.value or "")
        end = _MONTH_VALUE.match(results[index + 1].expression.value or "")
        if start and end:
            year = int(end[1]) - (start[2] > end[2])
            results[index].expression.value = f"{year:04d}-{start[2]}"


def _locate_against_dates(mentions: list[Mention], results: list[Found]) -> None:
    """"10 days before Christmas" counts from Christmas, not from the reference time: where the complement of a
    "N units before/after" is itself a date, the located event is that date shifted by N units (or unknown)."""
    for index, mention in enumerate(mentions[:-1]):
        if mention.rule != "ago" or mention.match["dir"].lower() not in ("before", "after"):
            continue
        following = mentions[index + 1]
        if following.start - mention.match.end() > 1:
            continue
        target = parse_day(results[index + 1].expression.value)
        count, unit = number_value(mention.match["n"]), unit_name(mention.match["unit"])
        located = None
        if target is not None and count is not None and unit not in TIME_UNITS:
            step = -count if mention.match["dir"].lower() == "before" else count
            located = format_at(shift(target, unit, step), unit)
        results[index].located = located
        results[index + 1].main = False  # Christmas is the landmark, not the date of the event
