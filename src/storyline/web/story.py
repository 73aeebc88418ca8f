"""What the figures, timeline and summary pages show, from the `Corpus` API's corpus-level results: series of
figures drawn as charts (geometry computed here, markup in the templates), dated events, the cited summary."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from ..api import Corpus
from ..record import FigureSeries, Inconsistency, SeriesPoint, SummarySentence, TimelineEntry

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
WIDTH, HEIGHT, MARGIN = 640.0, 200.0, 40.0
LOG_RATIO = 100  # above this ratio of the largest to the smallest figure, the y axis is logarithmic


@dataclass
class Dot:
    """A plotted figure: where it sits, and the point (with its citation) it stands for."""

    x: float
    y: float
    point: SeriesPoint


@dataclass
class Chart:
    series: FigureSeries
    dots: list[Dot] = field(default_factory=list)
    line: str = ""  # SVG polyline points: the highest figure of each date, joined in date order
    first: str = ""
    last: str = ""
    top: float = 0.0
    bottom: float = 0.0  # the value at the foot of the y axis: 0, or the smallest figure on a log scale
    log: bool = False


def day_of(text: str | None) -> date | None:
    """The first day a TimeML-style date (`2015`, `2015-10`, `2015-10-16`, `2015-10-16T…`) covers."""
    match = _DATE.match(text or "")
    if not match:
        return None
    year, month, day = match.groups()
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def chart(series: FigureSeries) -> Chart:
    """Dated figures of one measure placed on a time axis (x) against their value (y: from zero, or on a log scale
    when they span more than two orders of magnitude)."""
    dated = [(day_of(p.as_of), p) for p in series.points]
    dated = [(d, p) for d, p in dated if d is not None]
    drawn = Chart(series)
    if not dated:
        return drawn
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max((last - first).days, 1)
    values = [p.value for _, p in dated]
    drawn.top = max(values) or 1.0
    smallest = min(v for v in values if v > 0) if any(v > 0 for v in values) else 1.0
    drawn.log = drawn.top / smallest > LOG_RATIO  # tolls that grow from dozens to thousands
    drawn.bottom = smallest if drawn.log else 0.0
    plot_w, plot_h = WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN

    def height_of(value: float) -> float:
        if not drawn.log:
            return value / drawn.top
        low, high = math.log10(drawn.bottom), math.log10(drawn.top)
        return (math.log10(max(value, drawn.bottom)) - low) / (high - low)

    def place(day: date, value: float) -> tuple[float, float]:
        x = MARGIN + (plot_w / 2 if first == last else plot_w * (day - first).days / span)
        return x, HEIGHT - MARGIN - plot_h * height_of(value)

    drawn.dots = [Dot(*place(d, p.value), p) for d, p in sorted(dated, key=lambda dp: (dp[0], dp[1].value))]
    highest: dict[date, float] = {}
    for d, p in dated:
        highest[d] = max(highest.get(d, 0.0), p.value)
    drawn.line = " ".join("%.1f,%.1f" % place(d, v) for d, v in sorted(highest.items()))
    drawn.first, drawn.last = first.isoformat(), last.isoformat()
    return drawn


@dataclass
class StoryView:
    charts: list[Chart]
    timeline: list[TimelineEntry]
    summary: list[SummarySentence]
    inconsistencies: list[Inconsistency]
    titles: dict[str, str]


def story_view(corpus: Corpus) -> StoryView:
    """Series of figures as charts, the timeline in date order, the summary and the inconsistencies, with the
    titles of the articles they cite: all of them (the dossier)."""
    return _titled(corpus, StoryView(charts=[chart(s) for s in corpus.series()], timeline=corpus.timeline(),
                                     summary=corpus.summary(), inconsistencies=corpus.inconsistencies(), titles={}))


def timeline_view(corpus: Corpus, limit: int, offset: int) -> StoryView:
    """One page of the timeline of every story (and nothing else), with the titles it cites."""
    return _titled(corpus, StoryView([], corpus.timeline(limit=limit, offset=offset), [], [], {}))


def figures_view(corpus: Corpus, limit: int, offset: int) -> StoryView:
    """One page of every story's figure series as charts (and nothing else), with the titles they cite."""
    return _titled(corpus, StoryView([chart(s) for s in corpus.series(limit=limit, offset=offset)], [], [], [], {}))


def summary_view(corpus: Corpus) -> StoryView:
    """Every story's summary and inconsistencies (and nothing else), with the titles they cite."""
    return _titled(corpus, StoryView([], [], corpus.summary(), corpus.inconsistencies(), {}))


def _titled(corpus: Corpus, view: StoryView) -> StoryView:
    cited = {p.citation.article for c in view.charts for p in c.series.points + c.series.undated}
    cited |= {c.article for e in view.timeline for c in e.citations} | {s.citation.article for s in view.summary}
    cited |= {a for i in view.inconsistencies for a in (i.first.article, i.second.article)}
    view.titles = {a: title or a[:8] for a, title in corpus.titles(sorted(cited)).items()}
    return view
