"""What each page shows, computed from the `Corpus` API alone: the web pages and the dossier render these.

Nothing here writes SQL or HTML; templates turn these plain objects into markup (autoescaped).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..api import Corpus
from ..record import Article, CanonicalEntity, ReadFailure, Role, Statement
from . import markup
from .links import WebLinks
from .queries import Pager


@dataclass
class Bar:
    """One bar of a server-drawn SVG chart (geometry in SVG user units)."""

    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass
class Speaker:
    name: str
    statements: int
    href: str


@dataclass
class Overview:
    articles: list[Article]
    by_date: list[Bar]
    undated: int
    by_outlet: list[tuple[str, int]]
    status: list[tuple[str, int]]
    top_speakers: list[Speaker]
    top_entities: list[CanonicalEntity]
    duplicates: list[tuple[Article, Article | None]]
    failures: list[ReadFailure]
    quote_counts: dict[str, int] = field(default_factory=dict)


CHART_HEIGHT = 120.0
CHART_WIDTH = 640.0


def bars(counts: list[tuple[str, int]], width: float = CHART_WIDTH, height: float = CHART_HEIGHT) -> list[Bar]:
    """Bars scaled to the largest count, side by side across `width`."""
    if not counts:
        return []
    top = max(count for _, count in counts) or 1
    step = width / len(counts)
    return [Bar(label, count, i * step + step * 0.1, height - height * count / top, step * 0.8,
                height * count / top) for i, (label, count) in enumerate(counts)]


def dates_histogram(published: list[str], most_bars: int = 40) -> list[tuple[str, int]]:
    """Articles per day, or per month (then per year) when there are too many days for a readable chart."""
    for width in (10, 7, 4):
        counts = Counter(day[:width] for day in published)
        if len(counts) <= most_bars:
            break
    return sorted(counts.items())


def speakers(statements: list[Statement], links: WebLinks, limit: int = 15) -> list[Speaker]:
    """Who is quoted most: canonical entities by id, other speakers by name as resolved or written."""
    counts: Counter[tuple[str, str]] = Counter()
    for s in statements:
        name = s.quote.speaker or s.quote.speaker_text
        if not name:
            continue
        href = links.entity(s.quote.speaker_entity) if s.quote.speaker_entity else links.speaker(name)
        counts[(name, href)] += 1
    return [Speaker(name, n, href) for (name, href), n in counts.most_common(limit)]


def overview(corpus: Corpus, links: WebLinks) -> Overview:
    """The corpus at a glance: articles by date and outlet, status, top speakers and entities, duplicates."""
    articles = sorted(corpus.headers(), key=lambda a: (a.published or "9999", a.title or "", a.id))
    by_id = {a.id: a for a in articles}
    return Overview(
        articles=articles,
        by_date=bars(dates_histogram([a.published for a in articles if a.published])),
        undated=sum(1 for a in articles if not a.published),
        by_outlet=Counter(a.outlet or "unknown" for a in articles).most_common(),
        status=Counter(a.status for a in articles).most_common(),
        top_speakers=speakers(corpus.quotes(), links),
        top_entities=corpus.entities(limit=15, sample=0),
        duplicates=[(a, by_id.get(a.duplicate_of)) for a in articles if a.duplicate_of],
        failures=corpus.failures(),
        quote_counts=corpus.item_counts("quotes"),
    )


@dataclass
class ArticleView:
    article: Article
    paragraphs: list[list[markup.Block]]
    duplicates: list[Article]
    original: Article | None


def article_view(corpus: Corpus, article: Article, links: WebLinks, entities: list[CanonicalEntity],
                 headers: list[Article] | None = None) -> ArticleView:
    """An article with its text cut into highlighted, anchored pieces, and its duplicates either way (`headers`:
    every article, when the caller has them at hand; else they are looked up)."""
    spans = markup.article_spans(article, entities, links)
    if headers is not None:
        duplicates = [a for a in headers if a.duplicate_of == article.id]
        original = next((a for a in headers if a.id == article.duplicate_of), None)
    else:
        duplicates = corpus.headers(duplicate_of=article.id, with_text=False)
        found = corpus.headers(ids=[article.duplicate_of], with_text=False) if article.duplicate_of else []
        original = found[0] if found else None
    return ArticleView(article=article, paragraphs=markup.paragraphs(article, spans), duplicates=duplicates,
                       original=original)


@dataclass
class EntityView:
    entity: CanonicalEntity
    roles: list[Role]
    statements: list[Statement]
    articles: list[Article]
    titles: dict[str, str] = field(default_factory=dict)
    role_sentences: list[int | None] = field(default_factory=list)  # the sentence stating each role


def _sentence_at(article: Article | None, offset: int) -> int | None:
    """Index of the article sentence that contains `offset`, if any."""
    if article is None:
        return None
    return next((i for i, s in enumerate(article.sentences) if s.start <= offset < s.end), None)


def entity_view(corpus: Corpus, entity: CanonicalEntity, statements: list[Statement] | None = None,
                headers: list[Article] | None = None, loaded: dict[str, Article] | None = None) -> EntityView:
    """An entity's roles over time and what it said, in date order, each citing its sentence (`statements`,
    `headers`, `loaded`: every statement, every article's header, articles by id, when the caller has them at
    hand, as the dossier does; else only this entity's are looked up)."""
    roles = _distinct_roles(entity.roles)
    loaded = loaded if loaded is not None else {a: corpus.article(a) for a in {r.article for r in roles}}
    if statements is None:
        statements = corpus.quotes(entity=entity.id)
    if headers is None:
        headers = corpus.headers(ids=entity.articles, with_text=False)
    mine = set(entity.articles)
    return EntityView(
        entity=entity,
        roles=roles,
        role_sentences=[_sentence_at(loaded.get(r.article), r.start) for r in roles],
        statements=[s for s in statements if s.quote.speaker_entity == entity.id],
        articles=sorted((a for a in headers if a.id in mine), key=lambda a: (a.published or "9999", a.id)),
        titles={a.id: a.title or a.id[:8] for a in headers},
    )


def _distinct_roles(roles: list[Role]) -> list[Role]:
    """Roles in date order, each role an article states shown once (an article may repeat it)."""
    distinct: dict[tuple[str, str], Role] = {}
    for role in sorted(roles, key=lambda r: (r.published or "9999", r.article, r.start)):
        distinct.setdefault((role.text.casefold(), role.article), role)
    return list(distinct.values())


@dataclass
class SearchView:
    text: str
    total: int
    hits: list
    limit: int
    offset: int
    segments: dict = field(default_factory=dict)
    pager: Pager | None = None


def snippet_segments(snippet: str) -> list[markup.Segment]:
    """A search snippet as segments, the matched words marked (the marks come from the store, not the text)."""
    from ..store.database import MARK_END, MARK_START

    segments, inside = [], False
    for part in snippet.replace(MARK_END, MARK_START).split(MARK_START):
        if part:
            segments.append(markup.Segment(part, "match" if inside else ""))
        inside = not inside
    return segments
