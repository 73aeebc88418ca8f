"""Normalise a found expression to a TimeML type and value against the publication date.

Each finder rule has a reader here, in `periods` (business periods) or in `lengths` (durations and sets). Relative
expressions need an anchor (the publication date) and, for "the next day" or "a day after returning", the reference
time: the last date the text itself established. Without an anchor a relative expression keeps value None rather
than a guess; absolute ones ("March 2011") always resolve.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .find import WEEKDAY, Mention
from .holidays import holiday_date
from .lengths import count_and_unit
from .periods import ENDED, quarter_back, quarter_ended
from .registry import READERS, Context, Normalised, reads
from .tense import Attachment, Tense
from .units import (SEASON_ORDER, duration_value, format_at, month_year, season_of, shift, valid_date,
                    weekday_near)
from .vocab import DAY_PARTS, MONTHS, SEASONS, TIME_UNITS, UNIT_CODES, WEEKDAYS, number_value


def normalise(mention: Mention, context: Context) -> Normalised:
    """Type and value of a mention. Readers return None where they lack the anchor they need; the caller also
    drops any relative value when the article has no publication date."""
    return READERS[mention.rule](mention.match, context)


def _direction(tense: Tense) -> str:
    """Which way a bare weekday points: only the future looks ahead. News reports what happened, and a present
    tense usually hangs a past day on a current state ("follows Tuesday's declaration")."""
    return "future" if tense == "future" else "past"


def _weekday_direction(ctx: Context) -> str:
    """A weekday qualifying a noun under a future verb (`will appeal Wednesday's ruling`) is the closest such
    day, since the verb does not place it; otherwise the verb's tense decides."""
    if ctx.tense == "future" and ctx.attached in ("noun", "subject"):
        return "nearest"
    return _direction(ctx.tense)


_DEADLINE_CUES = ("until", "till", "through", "by", "before")
# Prepositions that place an event in a month ("in", "by August"), unlike a premodifier ("a June agreement").
_PLACING = _DEADLINE_CUES + ("in", "during")


def _month_direction(tense: Tense, before: str = "", attached: Attachment = "verb") -> str:
    """A bare month: `since March` looks back, a plan (`will double by August`) ahead, a deadline reported in the
    past (`extended until January`) takes the closest; otherwise past reports look back (also for the subject's
    event: "a strike in July crippled the port"). A month the verb does not govern ("a June agreement", "agreed
    to buy it in February") and a tenseless one take the closest, except one a preposition puts under a future
    verb: "will double its flights between Sydney and Bombay by August" is ahead wherever the parser hangs the
    phrase, and so is "will command a mission in December"."""
    if before == "since":
        return "past"
    if tense == "future" and before in _PLACING:
        return "future"
    if attached in ("noun", "other"):
        return "nearest"
    if tense == "future":
        return "future"
    if before in _DEADLINE_CUES:
        return "nearest"
    return {"past": "past", "perfect": "past"}.get(tense, "nearest")


# How far ahead a past-tense report may still name a day: "the offer was extended to Nov. 6" (weeks), not
# "the record set on Aug. 6" read as next August. A date a change takes effect on ("approved, effective Feb. 1")
# may lie further ahead.
_DEADLINE_REACH = 62


def _day_direction(tense: Tense, before: str = "") -> str:
    """A month and day ("Nov. 6"): the closest one unless the verb is future. A deadline is often reported in the
    past tense ("the offer was extended to Nov. 6"), so the past does not pull an explicit day back a year. A period
    that "ended" on the day is over; one "ending" on it may still run ("the quarter ending Dec. 31")."""
    if before in ("since", "ended"):
        return "past"  # "the year ended March 31": a reported period is over
    return "future" if tense == "future" else "nearest"


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


@reads("date_iso")
def _iso(m: re.Match[str], ctx: Context) -> Normalised:
    day = valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Normalised("DATE", day.isoformat() if day else None, False)


@reads("date_numeric")
def _numeric(m: re.Match[str], ctx: Context) -> Normalised:
    """Month first (US) unless the first number cannot be a month, as in day-first `16/10/2015`."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    month, day = (b, a) if a > 12 else (a, b)
    found = valid_date(year, month, day)
    return Normalised("DATE", found.isoformat() if found else None, False)


_NAMED_WEEKDAY = re.compile(rf"({WEEKDAY}),?\s*$")


def weekday_year(anchor: date, month: int, day: int, before: str) -> date | None:
    """"Friday, Sept. 14" without a year: of the years around the anchor, the one whose Sept. 14 is a Friday,
    when only one is; None when no weekday is written or it does not decide."""
    named = _NAMED_WEEKDAY.search(before)
    if named is None:
        return None
    weekday = WEEKDAYS[named.group(1).lower()]
    fits = [found for year in (anchor.year - 1, anchor.year, anchor.year + 1)
            if (found := valid_date(year, month, day)) is not None and found.weekday() == weekday]
    return fits[0] if len(fits) == 1 else None


@reads("date_md")
@reads("date_dm")
@reads("date_md_next")
def _month_day(m: re.Match[str], ctx: Context) -> Normalised:
    month, day = _month(m["month"]), _day(m["d"])
    if m["y"]:
        found = valid_date(int(m["y"]), month, day)
        return Normalised("DATE", found.isoformat() if found else None, False)
    if ctx.anchor is None:
        return Normalised("DATE", None, True)
    fitting = weekday_year(ctx.anchor, month, day, m.string[m.start():m.start("month")])
    if fitting is not None:
        return Normalised("DATE", fitting.isoformat(), True)
    year = month_year(ctx.anchor, month, _day_direction(ctx.tense, ctx.before), day)
    found = valid_date(year, month, day)
    if found is not None and ctx.tense in ("past", "perfect") and ctx.before != "effective" \
            and (found - ctx.anchor).days > _DEADLINE_REACH:
        # "the record set on Aug. 6" in a February report: a deadline reported in the past tense is near,
        # an event is past
        year = month_year(ctx.anchor, month, "past", day)
        found = valid_date(year, month, day)
    return Normalised("DATE", found.isoformat() if found else None, True)


def year_number(text: str) -> int:
    """A year written in digits or spoken ("nineteen ninety-seven", "two thousand and one")."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    words = text.replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        return 2000 + (number_value(" ".join(w for w in words[2:] if w != "and")) or 0 if words[2:] else 0)
    century = 19 if words[0] == "nineteen" else 18
    return century * 100 + (number_value(" ".join(words[1:])) or 0)


@reads("month_year")
def _month_year(m: re.Match[str], ctx: Context) -> Normalised:
    return Normalised("DATE", f"{year_number(m['y']):04d}-{_month(m['month']):02d}", False)


@reads("month")
def _bare_month(m: re.Match[str], ctx: Context) -> Normalised:
    """`last November` is the latest November before this month; `since March` follows the verb's tense. A
    writer would call the month just past "last month": `last February` written in March is a year earlier,
    and `next April` written in March a year later."""
    if ctx.anchor is None:
        return Normalised("DATE", None, True)
    month = _month(m["month"])
    rel = (m["rel"] or "").lower()
    direction = {"last": "before", "past": "before", "next": "after", "coming": "after", "this": "this"}.get(rel)
    year = month_year(ctx.anchor, month, direction or _month_direction(ctx.tense, ctx.before, ctx.attached))
    if direction == "before" and (ctx.anchor.month - month) % 12 == 1:
        year -= 1
    elif direction == "after" and (month - ctx.anchor.month) % 12 == 1:
        year += 1
    return Normalised("DATE", f"{year:04d}-{month:02d}", True)


@reads("month_rel_year")
def _month_rel_year(m: re.Match[str], ctx: Context) -> Normalised:
    """`June last year`, `January this year`: the month of the year named relative to publication."""
    if ctx.anchor is None:
        return Normalised("DATE", None, True)
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    return Normalised("DATE", f"{year:04d}-{_month(m['month']):02d}", True)


@reads("weekday")
def _weekday(m: re.Match[str], ctx: Context) -> Normalised:
    """`said Tuesday` is the last Tuesday (the day itself if published on one), `will meet Friday` the next;
    `the previous Friday` is the one before the story's reference time. "Tuesday night" is a TIME with the part
    of day, as TimeML writes it ("1998-02-10TNI")."""
    rel = " ".join((m["rel"] or "").lower().split())
    base = ctx.ref if rel.startswith("the ") else ctx.anchor
    if base is None:
        return Normalised("DATE", None, True)
    direction = {"last": "before", "past": "before", "next": "after", "coming": "after", "this": "this",
                 "the previous": "before", "the following": "after"}.get(rel)
    day = weekday_near(base, WEEKDAYS[m["wd"].lower()], direction or _weekday_direction(ctx))
    return _with_part(day.isoformat(), m["part"])


def _with_part(value: str, part: str | None) -> Normalised:
    if part:
        return Normalised("TIME", f"{value}T{DAY_PARTS[part.lower()]}", True)
    return Normalised("DATE", value, True)


@reads("day_word")
def _day_word(m: re.Match[str], ctx: Context) -> Normalised:
    """`yesterday`, `tonight` count from publication. `overnight` is the night before the story's own day: in a
    report on Friday's trading, "overnight losses in New York" happened on Thursday night."""
    if ctx.anchor is None:
        return Normalised("DATE", None, True)
    word = re.sub(r"\s+", " ", m["word"].lower())
    offsets = {"today": 0, "tonight": 0, "overnight": -1, "yesterday": -1, "tomorrow": 1, "last night": -1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    base = ctx.ref if word == "overnight" else ctx.anchor
    value = (base + timedelta(days=offsets[word])).isoformat()
    part = m["part"] or ("night" if word in ("tonight", "overnight", "last night") else None)
    return _with_part(value, part)


@reads("this_part")
def _this_part(m: re.Match[str], ctx: Context) -> Normalised:
    if ctx.anchor is None:
        return Normalised("TIME", None, True)
    return _with_part(ctx.anchor.isoformat(), m["part"])


@reads("ref_day")
def _ref_day(m: re.Match[str], ctx: Context) -> Normalised:
    """`the next day` counts from the reference time, the last date the story itself set."""
    unit = m["unit"].lower()
    base = ctx.ref_for(unit)
    if base is None:
        return Normalised("DATE", None, True)
    step = 1 if m["rel"].lower() in ("next", "following") else -1
    if unit == "morning":
        return _with_part((base + timedelta(days=step)).isoformat(), "morning")
    return Normalised("DATE", format_at(shift(base, unit, step), unit), True)


@reads("holiday")
def _holiday(m: re.Match[str], ctx: Context) -> Normalised:
    """`Christmas Eve 2014`, `last Thanksgiving`, or a bare holiday in the direction of the verb's tense."""
    if m["y"]:
        day = holiday_date(m["name"], int(m["y"]))
        return Normalised("DATE", day.isoformat() if day else None, False)
    if ctx.anchor is None:
        return Normalised("DATE", None, True)
    candidates = [d for y in (-1, 0, 1) if (d := holiday_date(m["name"], ctx.anchor.year + y)) is not None]
    rel = (m["rel"] or "").lower()
    direction = {"last": "before", "next": "after", "this": "this"}.get(rel) or _direction(ctx.tense)
    if direction == "this":
        chosen = next((d for d in candidates if d.year == ctx.anchor.year), None)
    elif direction in ("after", "future"):
        later = [d for d in candidates if d > ctx.anchor or (d == ctx.anchor and direction == "future")]
        chosen = min(later, default=None)
    else:
        earlier = [d for d in candidates if d < ctx.anchor or (d == ctx.anchor and direction == "past")]
        chosen = max(earlier, default=None)
    return Normalised("DATE", chosen.isoformat() if chosen else None, True)


@reads("anaphoric")
def _anaphoric(m: re.Match[str], ctx: Context) -> Normalised:
    """`that day`, `later that year`: the reference time the story last set, at the unit's precision."""
    unit = m["unit"].lower()
    base = ctx.ref_for(unit)
    if base is None:
        return Normalised("DATE", None, True)
    if unit in DAY_PARTS:
        return _with_part(base.isoformat(), unit)
    return Normalised("DATE", format_at(base, unit), True)


@reads("relative")
def _relative(m: re.Match[str], ctx: Context) -> Normalised:
    """`last week`, `this year`, `earlier this month`, `next summer`; `the past year` is a duration."""
    rel = m["rel"].lower()
    unit = (m["unit"] or "").lower()
    if m["the"] and rel in ("past", "last", "next", "coming") and unit:
        code, size = UNIT_CODES[unit]
        return Normalised("DURATION", f"P{size}{code}", False)
    base = ctx.ref if rel in ("same", "following", "previous") and m["the"] else ctx.anchor
    if base is None:
        return Normalised("DATE", None, True)
    if m["season"]:
        return Normalised("DATE", _season_value(base, SEASONS[m["season"].lower()], rel), True)
    if unit == "quarter" and rel == "latest":
        return Normalised("DATE", format_at(shift(base, "quarter", -1), "quarter"), True)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
    return Normalised("DATE", format_at(shift(base, unit, step), unit), True)


def _season_value(anchor: date, code: str, rel: str) -> str:
    """`last spring`, `next winter` step through the seasons from the anchor's own; `this summer` is the summer
    of the anchor's calendar year, also in January, when the season running is still the winter begun the year
    before."""
    year, current = season_of(anchor)
    index = SEASON_ORDER.index(code) - SEASON_ORDER.index(current)
    backward, forward = rel in ("last", "past", "previous"), rel in ("next", "coming", "following")
    if backward and index >= 0:
        year -= 1
    elif forward and index <= 0:
        year += 1
    elif not backward and not forward and code != "WI":
        year = anchor.year
    return f"{year:04d}-{code}"


@reads("century")
def _century(m: re.Match[str], ctx: Context) -> Normalised:
    """`the 20th century` is the 1900s: TimeML writes the first two digits, 19."""
    return Normalised("DATE", f"{int(m['n']) - 1:02d}", False)


@reads("year_words")
def _year_words(m: re.Match[str], ctx: Context) -> Normalised:
    """`nineteen ninety-six` is 1996, `the year two thousand` 2000, `two thousand and one` 2001."""
    if m["hi"]:
        century = 19 if m["hi"].lower() == "nineteen" else 18
        low = m["lo"].lower().replace("-", " ").split()
        if low == ["hundred"]:
            return Normalised("DATE", f"{century}00", False)
        tail = number_value(" ".join(low)) or 0
        return Normalised("DATE", f"{century}{tail:02d}", False)
    extra = number_value(m["ty"]) if m["ty"] else 0
    return Normalised("DATE", f"{2000 + (extra or 0):04d}", False)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


@reads("decade_words")
def _decade_words(m: re.Match[str], ctx: Context) -> Normalised:
    """`the nineties` is the 1990s (TimeML `199`), `the nineteen twenties` likewise; without a century the
    last such decade before publication (1900s for news of the twentieth century)."""
    digit = _DECADE_WORDS[m["tens"].lower()]
    if m["c"]:
        century = 19 if m["c"].lower() == "nineteen" else 18
    elif ctx.anchor is not None and ctx.anchor.year >= 2000 + digit * 10:
        century = 20
    else:
        century = 19
    return Normalised("DATE", f"{century}{digit}", False)


@reads("the_unit")
def _the_unit(m: re.Match[str], ctx: Context) -> Normalised:
    """`the year` and `the week` are the current ones; `the quarter` is the one being reported, the last ended."""
    if ctx.anchor is None:
        return Normalised("DATE", None, True)
    unit = m["unit"].lower()
    if unit == "year" and ENDED.match(ctx.after):
        return Normalised("DURATION", "P1Y", False)
    if unit == "quarter":
        if ctx.quarter:  # the quarter the report already named ("Sun's fiscal first quarter")
            return Normalised("DATE", ctx.quarter, True)
        if ended := quarter_ended(ctx.after, ctx.anchor):  # else the calendar quarter its end date gives
            return Normalised("DATE", ended, True)
        return Normalised("DATE", format_at(shift(ctx.anchor, "quarter", -1), "quarter"), True)
    if unit == "weekend":
        day = weekday_near(ctx.anchor, 5, _direction(ctx.tense))
        return Normalised("DATE", format_at(day, "weekend"), True)
    return Normalised("DATE", format_at(ctx.anchor, unit), True)


@reads("the_season")
def _the_season(m: re.Match[str], ctx: Context) -> Normalised:
    """`in the summer`: the current season, else the last one for a past report or the next one for a plan."""
    if ctx.anchor is None:
        return Normalised("DATE", None, True)
    code = SEASONS[m["season"].lower()]
    if code == season_of(ctx.anchor)[1]:
        rel = "this"
    else:
        rel = {"past": "last", "perfect": "last", "future": "next"}.get(ctx.tense, "this")
    return Normalised("DATE", _season_value(ctx.anchor, code, rel), True)


@reads("season")
def _season(m: re.Match[str], ctx: Context) -> Normalised:
    return Normalised("DATE", f"{year_number(m['y']):04d}-{SEASONS[m['season'].lower()]}", False)


@reads("ago")
def _ago(m: re.Match[str], ctx: Context) -> Normalised:
    """`three years ago` counts back from publication, `two days later` from the reference time. `a day after
    returning` is a duration (TimeML) that dates the returning: one day before the reference time."""
    count, unit = count_and_unit(m)
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    if direction in ("after", "before") and re.match(r"\s+[A-Za-z]", ctx.after):
        base = ctx.ref
        located = None
        if base is not None and count is not None and unit not in TIME_UNITS:
            located = format_at(shift(base, unit, count if direction == "before" else -count), unit)
        return Normalised("DURATION", duration_value(count, unit), False, located)
    if direction in ("ago", "from now", "hence"):
        base, sign = ctx.anchor, (-1 if direction == "ago" else 1)
    else:
        base, sign = ctx.ref, (-1 if direction in ("earlier", "before") else 1)
    if direction in ("after", "before", "later"):
        # "Three days later, ...": TimeML marks "Three days" alone, a duration; it locates the sentence's event
        located = None
        if base is not None and count is not None and unit not in TIME_UNITS:
            located = format_at(shift(base, unit, sign * count), unit)
        return Normalised("DURATION", duration_value(count, unit), False, located, moves_reference=True)
    if count is None:  # "several weeks ago": vague, and true whatever the publication date
        return Normalised("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", False)
    if base is None:
        return Normalised("DATE", None, True)
    if unit == "year" and ctx.quarter and sign < 0:
        return Normalised("DATE", quarter_back(ctx.quarter, count), True)
    if unit in TIME_UNITS:
        return Normalised("DATE", base.isoformat(), True)
    return Normalised("DATE", format_at(shift(base, unit, sign * count), unit), True)


@reads("decade")
def _decade(m: re.Match[str], ctx: Context) -> Normalised:
    century = m["c"] if m["c"] and m["c"] != "'" else None
    if century is None:
        century = "20" if ctx.anchor and ctx.anchor.year >= 2000 and int(m["d"]) * 10 + 2000 <= ctx.anchor.year \
            else "19"
    return Normalised("DATE", f"{century}{m['d']}", False)


@reads("year")
def _year(m: re.Match[str], ctx: Context) -> Normalised:
    return Normalised("DATE", m["y"], False)


@reads("time_clock")
def _clock(m: re.Match[str], ctx: Context) -> Normalised:
    hour, minute = int(m["h"]) % 12, int(m["mi"] or 0)
    if m["ap"].lower().startswith("p"):
        hour += 12
    day = _clock_day(m, ctx)
    if day is None:
        return Normalised("TIME", None, True)
    return Normalised("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", True)


def _clock_day(m: re.Match[str], ctx: Context) -> date | None:
    """The day a clock time falls on: its own weekday or day word ("9 a.m. Tuesday", "10:30 a.m. local time on
    Tuesday"), else the reference day (the story's last date: "the blast occurred at 10:35 a.m. Friday")."""
    if m["cmonth"]:
        month, day = _month(m["cmonth"]), int(m["cd"])
        if m["cy"]:
            return valid_date(int(m["cy"]), month, day)
        if ctx.anchor is None:
            return None
        fitting = weekday_year(ctx.anchor, month, day, m.string[m.start():m.start("cmonth")])
        if fitting is not None:
            return fitting
        return valid_date(month_year(ctx.anchor, month, _day_direction(ctx.tense, ctx.before), day), month, day)
    if ctx.anchor is None:
        return None
    later = _LATER_WEEKDAY.match(ctx.after)
    weekday = m["wd"] or (later["wd"] if later else None)
    if weekday:
        return weekday_near(ctx.anchor, WEEKDAYS[weekday.lower()], _weekday_direction(ctx))
    if m["dw"]:
        return ctx.anchor + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[m["dw"].lower()])
    return ctx.ref


# A weekday a few words after a clock time still dates it: "at 10:30 a.m. local time on Tuesday".
_LATER_WEEKDAY = re.compile(rf"\s+local\s+time,?\s+(?:on\s+)?(?P<wd>{WEEKDAY})\b")


@reads("time_word")
def _time_word(m: re.Match[str], ctx: Context) -> Normalised:
    day = _clock_day(m, ctx)
    if day is None:
        return Normalised("TIME", None, True)
    clock = "24:00" if m["word"].lower() == "midnight" else "12:00"
    return Normalised("TIME", f"{day.isoformat()}T{clock}", True)


_PRESENT = ("right now", "now", "currently", "nowadays", "these days", "at present", "at the moment")
_FUTURE = ("the near future", "the future", "the near term", "the short term", "the long term")


@reads("ref")
def _ref(m: re.Match[str], ctx: Context) -> Normalised:
    word = re.sub(r"\s+", " ", m["word"].lower())
    value = "PRESENT_REF" if word in _PRESENT else "FUTURE_REF" if word in _FUTURE else "PAST_REF"
    return Normalised("DATE", value, False)


@reads("part_of_day")
def _part_of_day(m: re.Match[str], ctx: Context) -> Normalised:
    """`mid-afternoon yesterday`, `by mid afternoon` (the story's day): a TIME with the part of day."""
    if ctx.anchor is None:
        return Normalised("TIME", None, True)
    if m["dw"]:
        day = ctx.anchor + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[m["dw"].lower()])
    else:
        day = ctx.ref
    return _with_part(day.isoformat(), m["part"])


@reads("current")
def _current(m: re.Match[str], ctx: Context) -> Normalised:
    """`the current weakness` is the present; `the then current price` a past one."""
    return Normalised("DATE", "PAST_REF" if m["then"] else "PRESENT_REF", False)
