"""Find time expressions in text with our own patterns, not a date parser's search.

A date parser's `search` finds "We" as Wednesday and "May" as a month in "may say"; the patterns here are written
for the expressions news actually uses (TimeML's categories: dates, times, durations, sets), with month and weekday
names matched case-sensitively and ambiguous words ("May", "fall", four-digit numbers) only taken in a context that
makes them temporal. Each match keeps the rule that found it, so the normaliser knows how to read the value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .holidays import HOLIDAY_NAMES
from .vocab import MONTHS, NUMBER_WORDS, WEEKDAYS, regex_alternation

_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
MONTH = (
    "(?-i:" + regex_alternation([m.capitalize() for m in _FULL_MONTHS])
    + "|(?:" + regex_alternation([m.capitalize() for m in _ABBR_MONTHS]) + r")(?:\.|(?=\s+\d)))"
)
FULL_WEEKDAYS = [d for d in WEEKDAYS if d.endswith("day")]
WEEKDAY = "(?-i:" + regex_alternation([d.capitalize() for d in FULL_WEEKDAYS]) + ")"
_NUM_WORD = regex_alternation([w for w in NUMBER_WORDS if w not in ("a", "an")])
NUM = (
    rf"(?:\d+(?:\.\d+)?|(?:{_NUM_WORD})(?:[- ](?:{_NUM_WORD}))?|a|an|several|a few|few|a couple of|a couple"
    r"|couple of|dozens of)"
)
UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries)"
SINGLE_UNIT = r"(?:week|weekend|month|year|quarter|decade|century)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PART = r"(?:morning|afternoon|evening|night)"
YEAR = r"(?:1[89]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
MOD = r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)"
# Qualifiers TimeML keeps inside the span (as a `mod`); "about", "nearly" and "only" stay outside.
QUAL = r"(?:(?:more\s+than|less\s+than|at\s+least|up\s+to|over(?!\s+the))\s+)"

# The day after a clock time; a weekday before a month and day ("4:20 p.m. on Friday, Sept. 14") is part of
# the date, which then wins: the weekday alone would be read against the publication date.
_CLOCK_DAY = (
    rf"(?:,?\s+(?:on\s+)?(?:(?:{WEEKDAY},?\s+)?(?P<cmonth>{MONTH})\s+(?P<cd>(?:[12]\d|3[01]|0?[1-9]))"
    rf"(?:st|nd|rd|th)?(?:,?\s+(?P<cy>{YEAR}))?|(?P<wd>{WEEKDAY})|(?P<dw>today|yesterday|tomorrow))\b)?"
)
# Years spoken in words, as broadcast transcripts write them: "nineteen ninety-six", "the year two thousand".
_TEEN = r"(?:nineteen|eighteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_YEAR_WORDS = (
    rf"(?P<hi>{_TEEN})[- ](?P<lo>{_TENS}(?:[- ]{_UNIT_WORD})?|ten|eleven|twelve|thirteen|fourteen|fifteen"
    rf"|sixteen|seventeen|eighteen|nineteen|hundred)"
    rf"|(?P<the>the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(?P<ty>{_UNIT_WORD}|ten))?"
)

# A spoken year inside a longer date ("January nineteen ninety-seven"), without named groups.
_SPOKEN_YEAR = rf"(?:nineteen|eighteen)[- ](?:{_TENS}(?:[- ]{_UNIT_WORD})?|ten|eleven|twelve|thirteen|fourteen|fifteen" \
    rf"|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+(?:and\s+)?(?:{_UNIT_WORD}|ten))?"

# Rule name -> pattern. Order only breaks ties between equally long matches at the same place.
PATTERNS: dict[str, str] = {
    "date_iso": rf"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b",
    "date_numeric": r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})\b",
    "date_md": rf"(?:{WEEKDAY},?\s+)?{MOD}?(?P<month>{MONTH})\s+(?P<d>{DAY})\b(?:,?\s+(?P<y>{YEAR})\b)?",
    "date_dm": rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s+(?P<y>{YEAR})\b)?",
    # the second day of "April 24 and 25": a date of its own, in the month named before it
    "date_md_next": rf"(?P<month>{MONTH})\s+{DAY},?\s+(?:and|or|to|through)\s+(?P<body>(?P<d>{DAY}))\b"
    rf"(?!\s*(?:{MONTH}|%|percent|cents?|million|billion|years?|days?|people|points?)\b)(?=,?\s+(?P<y>{YEAR})\b)?",
    "month_year": rf"{MOD}?(?P<month>{MONTH})(?:\s+of)?,?\s+(?P<y>{YEAR}|{_SPOKEN_YEAR})\b",
    "month": rf"(?:(?P<rel>last|next|this|past|coming)\s+)?{MOD}?(?P<month>{MONTH})(?P<poss>'s)?\b",
    "month_rel_year": rf"{MOD}?(?P<month>{MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b",
    "weekday": rf"(?:(?P<rel>last|next|this|coming|past|the\s+previous|the\s+following)\s+)?(?:(?:early|late)\s+)?(?P<wd>{WEEKDAY})"
    rf"(?:\s+(?P<part>{PART}))?\b",
    "day_word": rf"(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday"
    rf"|tomorrow|overnight|last\s+night)(?:\s+(?P<part>{PART}))?\b",
    "this_part": rf"(?:this|later\s+this|earlier\s+this)\s+(?P<part>{PART})\b",
    "holiday": r"(?:(?P<rel>last|next|this)\s+)?(?P<name>(?-i:" + regex_alternation(
        [" ".join(w.capitalize() if w != "day" else "Day" for w in n.split()) for n in HOLIDAY_NAMES]
    ).replace("\\ ", "\\s+") + r"))(?:\s+(?P<y>" + YEAR + r"))?\b",
    "anaphoric": r"(?:(?P<lead>earlier|later)\s+)?(?:that(?:\s+same)?|the\s+same)\s+"
    r"(?P<unit>day|week|month|year|morning|afternoon|evening|night)\b",
    "ref_day": r"the\s+(?P<rel>next|following|previous|preceding)\s+(?P<unit>day|morning|week|month|year)\b",
    "relative": rf"(?:(?P<lead>earlier|later|early|late)\s+)?(?:(?P<the>the)\s+)?"
    rf"(?P<rel>this|last|next|past|previous|coming|current|same|latest|following)\s+"
    rf"(?:(?P<unit>{SINGLE_UNIT})|(?P<season>{SEASON}))\b(?!-)",
    "the_unit": rf"the\s+(?P<unit>year|quarter|week|month|weekend)\b"
    rf"(?!-|\s+(?:before|after|ago|earlier)\b|\s+(?:of|to)\s+(?![$#\d]))",
    "season": rf"{MOD}?(?:the\s+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}|{_SPOKEN_YEAR}))\b",
    "the_season": rf"(?:(?:early|late|mid)[\s-]+)?the\s+(?:(?:early|late|mid)[\s-]+)?(?P<season>{SEASON})\b"
    rf"(?!\s+(?:of\s+)?{YEAR})",
    "ago": rf"{QUAL}?(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence)\b",
    "duration_span": rf"{QUAL}?(?:the\s+)?(?P<rel>past|last|next|coming|first|previous|final|following|latest)\s+"
    rf"(?P<n>{NUM})\s+(?P<unit>{UNIT})\b",
    "duration": rf"{QUAL}?(?:the\s+)?(?P<n>{NUM})\s+(?:(?:full|calendar|straight|consecutive|more|long|additional"
    rf"|further|extra|trading|business|working)\s+)?"
    rf"(?P<unit>{UNIT})\b",
    "duration_hyphen": rf"(?P<n>{NUM})-(?P<unit>{UNIT})(?:-(?:old|long))?\b",
    "vague_duration": rf"(?:(?P<rel>recent|the\s+past|the\s+last|the\s+coming|the\s+next|past|coming)\s+)?"
    rf"(?:few\s+)?(?P<unit>days|weeks|months|years|decades)"
    rf"(?:-long\b|\b(?=\s+(?:of|ago|earlier|later|now|and|to)\b|\s*[.,;]))",
    "ahead": r"the\s+(?:next\s+)?(?:few\s+)?(?P<unit>days|weeks|months|years|decades)\s+ahead\b",
    "unit_long": r"(?P<unit>hour|day|week|month|year|decade)-long\b",
    "plural_after_prep": r"(?:for|in|over|within|after|took|takes|take|lasted|last)\s+"
    r"(?P<body>(?:(?<=over\s)the\s+)?(?P<unit>hours|days|weeks|months|years|decades))\b",
    "decade": rf"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<c>19|20|')?(?P<d>\d)0'?s\b",
    "year": rf"(?:(?P<pre>fiscal|calendar|the\s+year)\s+)?(?<![$\d,.])(?P<y>{YEAR})\b(?![,.]?\d|\s*%|-\d)",
    "quarter": rf"(?:the\s+)?(?:(?P<ago>year-ago|year-earlier)\s+)?(?:(?P<fiscal>fiscal)\s+)?"
    rf"(?:(?P<yq>{YEAR})(?:'s)?\s+|(?P<rely>this|last|next)\s+year's\s+)?"
    rf"(?P<ord>first|second|third|fourth|last|1st|2nd|3rd|4th)[- ](?:fiscal\s+)?(?P<q>quarter|half)"
    rf"(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<this>this|last|next)\s+year))?\b",
    "two_quarters": rf"{QUAL}?(?:the\s+)?(?P<ord>first|last|second)\s+two\s+quarters\s+of\s+"
    rf"(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year)\b",
    "year_end": r"(?:around\s+)?(?:the\s+)?(?:year[- ]end|year's\s+end)\b(?!-)",
    "year_period": rf"the\s+(?P<y>{YEAR})\s+(?P<unit>quarter|period)\b",
    "latest_period": r"the\s+latest\s+period\b",
    "fiscal_year": r"the\s+(?:(?P<rel>current|latest|last|previous|next|full)\s+)?(?P<fiscal>fiscal\s+)?year\b(?!-)",
    "century": r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[- ]century\b",
    "year_words": r"\b(?:" + _YEAR_WORDS + r")\b",
    "decade_words": r"the\s+(?:(?:early|mid|late)[\s-]+)?(?:(?P<c>nineteen|eighteen)[\s-]+)?"
    r"(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    # a results story's year-on-year comparison: "the corresponding period last year", "last year's quarter"
    "period_last_year": r"(?:the\s+)?(?:(?:corresponding|comparable|same)\s+)?(?:period|quarter)\s+"
    r"(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier))\b|last\s+year's\s+(?:quarter|period)\b",
    "period_ago": r"(?:the\s+)?(?P<kind>year-earlier|year-ago|year\s+earlier|year\s+ago)"
    r"(?:\s+(?P<unit>quarter|period|year|month|nine\s+months|six\s+months))?\b",
    "time_clock": r"(?<![\d.])(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)"
    rf"(?:\s+(?P<zone>(?-i:[A-Z]{{2,4}})))?{_CLOCK_DAY}",
    "time_word": rf"\b(?P<word>noon|midnight|midday){_CLOCK_DAY}",
    "ref": r"\b(?P<word>right\s+now|now|currently|nowadays|these\s+days|at\s+present|at\s+the\s+moment"
    r"|more\s+recently|recently|lately|the\s+past(?!\s+(?:\d|several|few|many|" + _NUM_WORD + r")\b)"
    r"|the\s+near\s+future|the\s+future"
    r"|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term)\b",
    "recent": r"\brecent\s+(?P<unit>days|weeks|months|quarters|years)\b",
    # "the current weakness", "its current share": the present, as TimeML marks it; not "current account"
    "current": r"\b(?P<then>then[\s-]+)?(?P<word>current)\b(?!\s+(?:accounts?|affairs|events|assets|liabilities|account\s+deficit)\b)",
    "weekday_set": rf"(?P<wd>{WEEKDAY})(?:s\b|\s+(?P<part>mornings|afternoons|evenings|nights)\b)",
    "duration_half": rf"{QUAL}?(?:(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+and\s+a\s+half"
    rf"|(?P<n2>\d+|{_NUM_WORD})(?:\s+1/2|\s+and\s+a\s+half)\s+(?P<unit2>{UNIT}))\b",
    "part_of_day": rf"(?:(?:mid|late|early)[- ]?)(?P<part>morning|afternoon|evening)"
    rf"(?:\s+(?P<dw>today|yesterday|tomorrow))?\b",
    "set": rf"\b(?P<word>daily|weekly|monthly|annually|yearly|nightly|hourly"
    rf"|(?:every|each|per)\s+(?:(?P<unit>day|week|month|year|quarter|hour|morning|night|evening|{WEEKDAY})"
    rf"|(?P<month>{MONTH})))\b",
}

_COMPILED = {name: re.compile(r"(?<![\w'])" + pattern, re.IGNORECASE) for name, pattern in PATTERNS.items()}
# A bare "May" or "March" is a month only after a word that introduces a time.
_MONTH_CUES = re.compile(
    r"\b(?:in|since|until|till|by|of|from|through|before|after|during|early|late|mid|last|next|this|that|"
    r"between|and|to|on|or|past|coming|end|start|beginning)\W*$",
    re.IGNORECASE,
)


# ... or when a determiner puts it before the noun it qualifies: "the May elections" ("the March of Dimes" is not).
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|and|or|to|be|have|not)\b)[a-z]+\b")


@dataclass(frozen=True)
class Mention:
    """A span found by one rule, with the regex match the normaliser reads the value from."""

    start: int
    end: int
    text: str
    rule: str
    match: re.Match[str]


def _plausible(rule: str, match: re.Match[str], text: str) -> bool:
    """Reject matches whose words are only temporal in some contexts."""
    if rule == "month" and match.group("rel") is None:
        word = match.group("month")
        before = text[max(0, match.start() - 20): match.start()]
        if word.lower().rstrip(".") in ("may", "march") and not _MONTH_CUES.search(before) \
                and not (_DETERMINER_BEFORE.search(before) and _NOUN_AFTER.match(text, match.end())):
            return False
    if rule == "decade" and match.group("c") is None and not match.group(0).lower().startswith("the"):
        return False
    if rule == "duration_hyphen" and re.search(r"(year|month)s?-old$", match.group(0), re.IGNORECASE):
        return False  # an age ("a 6-year-old boy"), not a time; "a three-week-old air war" is kept
    if rule in ("duration", "duration_hyphen") and re.fullmatch(YEAR, match.group("n")):
        return False  # "the 1988 quarter" is a year, not 1988 quarters
    if rule in ("duration", "duration_hyphen") and re.match(r"\s+old\b", text[match.end(): match.end() + 6]):
        return False  # an age ("52 years old"), not a time
    if rule in ("duration", "duration_hyphen") and match.group("unit").lower().startswith("quarter") \
            and re.match(r"\s+of\s+(?:the|its|their|a|an|all|his|her|our|total)\b", text[match.end():][:12]):
        return False  # a fraction ("three-quarters of its food"), not three quarters of a year
    if rule == "quarter" and match.group("ord").lower() == "last" and match.group("y") is None \
            and match.group("this") is None:
        return False  # "the last half" of something not a year
    if rule == "quarter" and match.group("y") is None and match.group("yq") is None and _GAME.search(text):
        return False  # "a fumble late in the fourth quarter": a period of a game, not of the calendar
    if rule == "fiscal_year" and match.group("rel") is None and match.group("fiscal") is None:
        return False  # plain "the year" is the_unit's
    if rule == "year_words" and match.group("hi") is None and match.group("the") is None \
            and not re.search(r"\b(?:in|since|until|by|of|from|before|after)\s+$", text[:match.start()][-12:]):
        return False  # "two thousand" counts something unless introduced as a year
    if rule == "duration":
        number = match.group("n").lower()
        if number in ("a", "an", "some") and text[match.end(): match.end() + 1] == "-":
            return False
        if number in ("a", "an") and match.group("unit").lower() == "second" \
                and _ORDINAL_SECOND.match(text, match.end()):
            return False  # "a second term", "a second group": the ordinal, not one second
    if rule == "vague_duration" and match.group("rel") is None and re.match(r"\s*[.,;]", text[match.end():]):
        return False  # a bare plural ending a clause is often an era ("the old days", "glory days"), not a span
    if rule == "time_word" and re.search(r"\bhigh\s+$", text[max(0, match.start() - 6): match.start()], re.IGNORECASE):
        return False  # "high noon": the idiom
    return not _title_cased(rule, match, text)


# Words of a match report: in their paragraph "the fourth quarter" or "the second half" is a period of play.
# Only words a results story does not use ("games" does: a video-games maker's fourth quarter).
_GAME = re.compile(r"\b(?:touchdowns?|yards?|field\s+goal|halftime|quarterback|linebacker|fumbled?|interceptions?"
                   r"|innings?|overtime|kickoff|end\s+zone|playoffs?|dunks?|rebounds?|free\s+throws?|3-pointers?"
                   r"|three-pointers?|(?:\d+:\d\d|minutes?|seconds?)\s+(?:left|remaining)\s+in)\b", re.IGNORECASE)


# After "a second", the words that keep it a length of time; any other word makes it the ordinal ("a second term").
_ORDINAL_SECOND = re.compile(r"\s+(?!(?:later|ago|earlier|or|and|of|to|in|for|after|before|longer|more|too|"
                             r"at|on|the|he|she|it|they|we|I|you)\b)[A-Za-z]")


def _title_cased(rule: str, match: re.Match[str], text: str) -> bool:
    """A programme or paper's name, not a time: "ABC's This Week", "USA Today". Time words are written in lower
    case except at the start of a sentence, and a unit word ("Week") never is."""
    if rule == "relative" and match.group("unit") and match.group("unit")[0].isupper():
        return True
    if rule == "day_word" and match.group("word")[0].isupper():
        before = text[: match.start()].rstrip(" \"'`(")
        return bool(before) and before[-1] not in ".!?:;-_\u2014\u2013)]"
    return False


def _span(rule: str, match: re.Match[str]) -> tuple[int, int]:
    """The characters TimeML would mark: "three days later" marks "three days", but "a year ago" is whole."""
    if "body" in match.re.groupindex:
        return match.span("body")
    if rule == "ago" and match.group("dir").lower() in ("after", "before", "later"):
        return match.start(), match.start("dir")
    return match.span()


def find_mentions(text: str) -> list[Mention]:
    """All time expressions in `text`, longest match first where candidates overlap, in reading order."""
    candidates: list[Mention] = []
    for rule, regex in _COMPILED.items():
        for match in regex.finditer(text):
            if match.end() > match.start() and _plausible(rule, match, text):
                start, end = _span(rule, match)
                end = start + len(text[start:end].rstrip(" ,"))
                candidates.append(Mention(start, end, text[start:end], rule, match))
    order = list(PATTERNS)
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start, order.index(m.rule)))
    chosen: list[Mention] = []
    for mention in candidates:
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)
