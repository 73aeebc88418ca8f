"""What the home page (the stories) and a story's page show, from the `Corpus` API: a story an analyst reads at a
glance — label, span, sources, key actors, the latest figures and how they moved, the main quotes, the timeline and
the summary, every item cited and linked. Each part is a bounded query; nothing here reads the whole corpus.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..api import Corpus
from ..record import (Article, CanonicalEntity, Inconsistency, SeriesPoint, Statement, SummarySentence,
                      TimelineEntry)
from .links import WebLinks
from .queries import Pager, pager
from .story import Chart, chart, day_of

if TYPE_CHECKING:
    from ..corpus.stories import Story

STORIES_PER_PAGE = 50
ACTORS, SPEAKERS, SERIES, TIMELINE, ARTICLES = 10, 6, 6, 40, 20


@dataclass
class Home:
    """The stories, largest first, one page of them, and the corpus' counts."""

    stories: list[Story]
    pager: Pager
    articles: int
    status: list[tuple[str, int]]
    failures: int


def home(corpus: Corpus, offset: int) -> Home:
    total = corpus.count_stories()
    stories = corpus.stories(STORIES_PER_PAGE, offset)
    return Home(stories, pager("/", {}, total, STORIES_PER_PAGE, offset, len(stories)), corpus.count_articles(),
                corpus.status_counts(), corpus.db.count_failures())


@dataclass
class Movement:
    """How one measure moved within the story: its first and latest dated figures (each cited), and the chart."""

    chart: Chart
    first: SeriesPoint | None
    latest: SeriesPoint | None

    @property
    def change(self) -> float | None:
        if self.first is None or self.latest is None or self.first is self.latest:
            return None
        return self.latest.value - self.first.value


@dataclass
class MainQuote:
    """A most-quoted speaker of the story, how often quoted, their latest statement, and where to read them all."""

    name: str
    href: str
    count: int
    statement: Statement | None
    all_href: str


@dataclass
class StoryPage:
    """A story at a glance. `charts`, `timeline`, `summary`, `inconsistencies` and `titles` are named as the
    figures, timeline and summary partials read them."""

    story: Story
    outlets: list[tuple[str | None, int]]
    actors: list[tuple[CanonicalEntity, int]]
    quotes: list[MainQuote]
    figures: list[Movement]
    timeline: list[TimelineEntry]
    timeline_total: int
    summary: list[SummarySentence]
    inconsistencies: list[Inconsistency]
    articles: list[Article]
    article_total: int
    quote_counts: dict[str, int] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    @property
    def charts(self) -> list[Chart]:
        return [m.chart for m in self.figures]


def story_page(corpus: Corpus, key: str, links: WebLinks) -> StoryPage:
    """The story `key` (an id a merge retired leads to the story it joined); KeyError when there is none."""
    story = corpus.story(key)
    members = set(corpus.story_articles(story.id))
    articles = corpus.headers(ARTICLES, 0, story=story.id, with_text=False)
    page = StoryPage(
        story=story, outlets=corpus.outlets(story=story.id), actors=key_actors(corpus, story.id, members),
        quotes=main_quotes(corpus, story.id, links), figures=movements(corpus, story.id),
        timeline=corpus.timeline(story=story.id, limit=TIMELINE), timeline_total=corpus.count_timeline(story=story.id),
        summary=corpus.summary(story=story.id),
        inconsistencies=corpus.inconsistencies(story=story.id), articles=articles,
        article_total=story.articles, quote_counts=corpus.item_counts("quotes", [a.id for a in articles]))
    page.titles = _titles(corpus, page)
    return page


def key_actors(corpus: Corpus, story: str, members: set[str]) -> list[tuple[CanonicalEntity, int]]:
    """The people and organisations the most of the story's articles report, with how many."""
    counted = [(e, len(members.intersection(e.articles))) for e in corpus.entities(story=story, limit=ACTORS)]
    return [(e, n) for e, n in counted if n]


def main_quotes(corpus: Corpus, story: str, links: WebLinks) -> list[MainQuote]:
    """The story's most quoted speakers, each with their latest statement."""
    found = []
    for name, entity, count in corpus.speakers(story=story, limit=SPEAKERS):
        by = {"entity": entity} if entity else {"speaker": name}
        dated = {**by, "story": story, "since": "0001"}  # undated articles sort last: the latest dated one
        total = corpus.count_quotes(**dated)
        latest = corpus.quotes(**dated, limit=1, offset=total - 1) if total else corpus.quotes(**by, story=story,
                                                                                               limit=1)
        href = links.entity(entity) if entity else links.speaker(name)
        found.append(MainQuote(name, href, count, latest[0] if latest else None, links.quotes(**by, story=story)))
    return found


def movements(corpus: Corpus, story: str) -> list[Movement]:
    """The story's figure series with the most dated points, each from its first to its latest figure."""
    moved = []
    for series in corpus.series(story=story):
        dated = sorted((p for p in series.points if day_of(p.as_of)), key=lambda p: (day_of(p.as_of), p.value))
        moved.append(Movement(chart(series), dated[0] if dated else None, dated[-1] if dated else None))
    moved.sort(key=lambda m: (-len(m.chart.series.points), m.chart.series.measure))
    return moved[:SERIES]


def _titles(corpus: Corpus, page: StoryPage) -> dict[str, str]:
    cited = {c.article for e in page.timeline for c in e.citations}
    cited |= {s.citation.article for s in page.summary}
    cited |= {p.citation.article for m in page.figures for p in m.chart.series.points + m.chart.series.undated}
    cited |= {i.first.article for i in page.inconsistencies} | {i.second.article for i in page.inconsistencies}
    cited |= {q.statement.article for q in page.quotes if q.statement}
    return {a: title or a[:8] for a, title in corpus.titles(sorted(cited)).items()}
