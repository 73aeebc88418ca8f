"""Estimated publication dates for undated articles, from evidence, always as a range and never as a date.

An article appeared on or after every event it reports in the past ("since March 2011", "signed on March 3, 2014")
and on or before the days it announces as still to come ("will vote on May 5, 2014"). A weekday written with a
month and day but no year ("on Tuesday, March 4") fits only some years, which can move the lower bound up. Dated
articles of the same story bound it too: `neighbour_span` (once per story, from its dated members) and `within_own`
(per undated article) are the corpus-level step, pure, for the corpus layer to call.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import median

from ..record import Evidence
from .find import MONTH, WEEKDAY
from .resolve import Found
from .vocab import MONTHS, WEEKDAYS

_CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T|$)")
_WEEKDAY_DATE = re.compile(rf"^(?P<wd>{WEEKDAY}),?\s+(?P<month>{MONTH})\s+(?P<d>\d{{1,2}})\b")
WEEKDAY_YEARS = 6  # years after the lower bound searched for a weekday's fit: the calendar repeats in 5 to 11


@dataclass
class Estimate:
    """An ISO 8601 interval ("2014-03-03/2014-03-10", open "2011-03-01/..") and the evidence for each bound."""

    earliest: date | None = None
    latest: date | None = None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def value(self) -> str | None:
        if self.earliest is None and self.latest is None:
            return None
        return f"{self.earliest.isoformat() if self.earliest else '..'}/{self.latest.isoformat() if self.latest else '..'}"


def period_start(value: str | None) -> date | None:
    """The first day of a calendar value ("2011-03" → 1 March 2011); None for seasons, weeks, durations."""
    match = _CALENDAR.match(value or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return None


def content_estimate(found: Sequence[Found]) -> Estimate:
    """Bounds from the article's own absolute dates: the latest past report from below, the earliest day still to
    come from above, then a weekday-and-date without a year where only one year fits."""
    estimate = Estimate()
    for item in found:
        expression = item.expression
        if expression.anchor is not None or expression.type not in ("DATE", "TIME"):
            continue
        start = period_start(expression.value)
        if start is None:
            continue
        if item.tense in ("past", "perfect") and (estimate.earliest is None or start > estimate.earliest):
            estimate.earliest = start
            _set(estimate, expression.text, f"on or after {expression.value}, reported as past")
        elif item.tense == "future" and len(expression.value or "") >= 10 \
                and (estimate.latest is None or start < estimate.latest):
            estimate.latest = start
            _set(estimate, expression.text, f"on or before {expression.value}, announced as still to come", "..")
    _weekday_fit(estimate, found)
    if estimate.earliest and estimate.latest and estimate.latest < estimate.earliest:
        estimate.latest = None  # the evidence disagrees: keep the past reports, which are the firmer bound
        estimate.evidence = [e for e in estimate.evidence if "still to come" not in e.method]
    return estimate


def _set(estimate: Estimate, text: str, method: str, bound: str = "from") -> None:
    """Replace the evidence for one bound (lower unless `bound` is ".."): only the bound that decides is kept."""
    lower = bound == "from"
    estimate.evidence = [e for e in estimate.evidence if ("still to come" in e.method) == lower]
    estimate.evidence.append(Evidence(field="published_estimate", text=text, method=method))


def _weekday_fit(estimate: Estimate, found: Sequence[Found]) -> None:
    """"On Tuesday, March 4" with no year, reported as past, in an article known to be from 2011 or later: the one
    year in the next few whose March 4 is a Tuesday raises the lower bound to that day."""
    if estimate.earliest is None:
        return
    for item in found:
        match = _WEEKDAY_DATE.match(item.expression.text)
        if not match or item.tense not in ("past", "perfect"):
            continue
        weekday = WEEKDAYS[match["wd"].lower()]
        month = _month_number(match["month"])
        last_year = estimate.latest.year if estimate.latest else estimate.earliest.year + WEEKDAY_YEARS
        fits = [day for year in range(estimate.earliest.year, last_year + 1)
                if (day := _day(year, month, int(match["d"]))) and day.weekday() == weekday
                and day >= estimate.earliest and (estimate.latest is None or day <= estimate.latest)]
        if len(fits) == 1 and fits[0] > estimate.earliest:
            estimate.earliest = fits[0]
            _set(estimate, item.expression.text,
                 f"on or after {fits[0].isoformat()}: the only year from the earlier bound on whose "
                 f"{match['month']} {match['d']} is a {match['wd']}")


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS[key[:3]]


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class NeighbourDate:
    """A dated article of the same story: its id and publication day."""

    article: str
    published: date


NEIGHBOUR_WINDOW_DAYS = 14  # neighbours further than this from the story's median day are another phase of it
NEIGHBOUR_MARGIN_DAYS = 2  # an undated report may appear a little before or after the dated ones


NEIGHBOURS_NAMED = 6  # the evidence names the first and last three near neighbours (they bound the range)


@dataclass(frozen=True)
class NeighbourSpan:
    """The days a story's dated articles put its undated ones in, before each article's own bounds."""

    earliest: date
    latest: date
    evidence: Evidence


def neighbour_span(neighbours: Sequence[NeighbourDate]) -> NeighbourSpan | None:
    """The span of the dated neighbours' days near their median (padded by NEIGHBOUR_MARGIN_DAYS). None without
    neighbours, or when no neighbour is near their median (two phases far apart). One per story: every undated
    article of it shares this span, so it is computed once and not once per article. The evidence names at most
    NEIGHBOURS_NAMED of them, the earliest and the latest among them, so it stays short in a story of thousands."""
    if not neighbours:
        return None
    middle = date.fromordinal(round(median(n.published.toordinal() for n in neighbours)))
    near = sorted((n for n in neighbours if abs((n.published - middle).days) <= NEIGHBOUR_WINDOW_DAYS),
                  key=lambda n: (n.published, n.article))
    if not near:  # two phases far apart (the median between them): no day to bound it by
        return None
    margin = timedelta(days=NEIGHBOUR_MARGIN_DAYS)
    named = [f"{n.article} ({n.published.isoformat()})" for n in near]
    if len(named) > NEIGHBOURS_NAMED:
        half = NEIGHBOURS_NAMED // 2
        named = [*named[:half], f"{len(named) - 2 * half} more", *named[-half:]]
    method = f"within {NEIGHBOUR_MARGIN_DAYS} days of the dated articles of its story"
    return NeighbourSpan(near[0].published - margin, near[-1].published + margin,
                         Evidence(field="published_estimate", text=", ".join(named), method=method))


def within_own(span: NeighbourSpan | None, own: str | None = None) -> Estimate | None:
    """The neighbours' span within the article's own estimate `own` (an ISO interval from `content_estimate`);
    None without a span, or when the span does not meet the article's own bounds (its own evidence wins)."""
    if span is None:
        return None
    low, high = _bounds(own)
    earliest = max(span.earliest, low) if low else span.earliest
    latest = min(span.latest, high) if high else span.latest
    if latest < earliest:
        return None
    return Estimate(earliest, latest, [span.evidence])


def _bounds(interval: str | None) -> tuple[date | None, date | None]:
    if not interval or "/" not in interval:
        start = period_start(interval)
        return start, None
    low, high = interval.split("/", 1)
    return period_start(low), period_start(high)
