"""The HTML pages: the stories (home), a story, articles, article, entities, entity, statements, search, figures,
timeline and summary. Each handler gathers a view from the
`Corpus` API (see views.py) and renders a template; the templates are shared with the dossier."""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse

from ..api import Corpus
from . import queries, stories, story, views
from .deps import corpus
from .links import WebLinks
from .render import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
LINKS = WebLinks()
CorpusDep = Annotated[Corpus, Depends(corpus)]
Text = Annotated[str | None, Query(max_length=200)]
T = TypeVar("T")


def page(template: str, **context: object) -> HTMLResponse:
    return HTMLResponse(render(template, links=LINKS, query=context.pop("query", None), **context))


Offset = Annotated[int, Query(ge=0, le=10**9)]
Day = Annotated[queries.IsoDate | None | Literal[""], Query()]
PER_PAGE = 100
SERIES_PER_PAGE = 20  # a series is a chart and a table of its points


def _found(call: Callable[[], T]) -> T:
    """The call's answer; an unknown story, article or entity it names is a 404 page."""
    try:
        return call()
    except KeyError as error:
        raise HTTPException(404, str(error.args[0])) from None


@router.get("/")
def home(corpus: CorpusDep, offset: Offset = 0) -> HTMLResponse:
    """The stories, largest first, paged."""
    return page("stories.html.j2", home=stories.home(corpus, offset))


@router.get("/stories/{story_id}")
def story_page(story_id: str, corpus: CorpusDep) -> HTMLResponse:
    return page("story.html.j2", sp=_found(lambda: stories.story_page(corpus, story_id, LINKS)))


@router.get("/articles")
def article_list(corpus: CorpusDep, entity: Text = None, speaker: Text = None, outlet: Text = None,
                 status: Literal["ok", "skipped", "duplicate", ""] = "", since: Day = None, until: Day = None,
                 story: Text = None, offset: Offset = 0) -> HTMLResponse:
    """Articles filtered like /api/articles: an entity they mention, a speaker they quote, outlet, status, dates,
    story; an unknown story is a 404, an unknown entity an empty list with the form to change it."""
    since, until = since or None, until or None
    filters = dict(entity=entity or None, speaker=speaker or None, outlet=outlet or None, status=status or None,
                   since=since and since.isoformat(), until=until and until.isoformat(), story=story or None)
    chosen = _found(lambda: corpus.story(story)) if story else None
    try:
        items = corpus.headers(PER_PAGE, offset, with_text=False, **filters)
        total = corpus.count_articles(**filters)
    except KeyError:  # an unknown entity: the page says no article matches
        items, total = [], 0
    return page("articles.html.j2", articles=items, story=chosen,
                pager=queries.pager("/articles", filters, total, PER_PAGE, offset, len(items)),
                quote_counts=corpus.item_counts("quotes", [a.id for a in items]), filters=filters)


@router.get("/articles/{article_id}")
def article(article_id: str, corpus: CorpusDep) -> HTMLResponse:
    try:
        found = corpus.article(article_id)
    except KeyError as error:
        raise HTTPException(404, str(error.args[0])) from None
    return page("article.html.j2", av=views.article_view(corpus, found, LINKS, corpus.entities(article=found.id)))


@router.get("/entities")
def entities(corpus: CorpusDep, name: Text = None, story: Text = None, offset: Offset = 0) -> HTMLResponse:
    """People and organisations, most widely reported first, one page at a time; an unknown story is a 404."""
    filters = {k: v for k, v in {"name": name, "story": story}.items() if v}
    items = _found(lambda: corpus.entities(**filters, limit=PER_PAGE, offset=offset, sample=0))
    total = corpus.count_entities(**filters)
    return page("entities.html.j2", entities=items,
                pager=queries.pager("/entities", filters, total, PER_PAGE, offset, len(items)))


@router.get("/entities/{entity_id}")
def entity(entity_id: str, corpus: CorpusDep) -> HTMLResponse:
    try:
        found = corpus.entity(entity_id)
    except KeyError as error:
        raise HTTPException(404, str(error.args[0])) from None
    return page("entity.html.j2", ev=views.entity_view(corpus, found))


@router.get("/quotes")
def statements(corpus: CorpusDep, speaker: Text = None, entity: Text = None,
               kind: Literal["direct", "mixed", "indirect", ""] = "", since: Day = None, until: Day = None,
               story: Text = None, offset: Offset = 0) -> HTMLResponse:
    """Statements in date order, filtered like /api/quotes; an unknown story or entity is a 404."""
    since, until = since or None, until or None
    filters = dict(speaker=speaker or None, entity=entity or None, kind=kind or None, story=story or None,
                   since=since and since.isoformat(), until=until and until.isoformat())
    items = _found(lambda: corpus.quotes(**filters, limit=PER_PAGE * 2, offset=offset))
    chosen = corpus.story(story) if story else None
    return page("quotes.html.j2", statements=items, story=chosen, filters=filters,
                pager=queries.pager("/quotes", filters, corpus.count_quotes(**filters), PER_PAGE * 2, offset,
                                    len(items)))


@router.get("/search")
def search(corpus: CorpusDep, q: Text = None, offset: Offset = 0, mode: Literal["text", "semantic"] = "text",
           story: Text = None) -> HTMLResponse:
    chosen = _found(lambda: corpus.story(story)) if story else None
    if not q or not q.strip():
        return page("search.html.j2", sv=None, query=q, mode=mode, story=chosen)
    find = corpus.similar_sentences if mode == "semantic" else corpus.search
    total, hits = find(q, limit=20, offset=offset, story=chosen.id if chosen else None)
    sv = views.SearchView(q, total, hits, 20, offset, [views.snippet_segments(h.snippet) for h in hits],
                          queries.pager("/search", {"q": q, "mode": mode, "story": story}, total, 20, offset,
                                        len(hits)))
    return page("search.html.j2", sv=sv, query=q, mode=mode, story=chosen)


@router.get("/figures")
def figures(corpus: CorpusDep, offset: Offset = 0) -> HTMLResponse:
    """Every story's figure series as charts, the largest story first, one page at a time."""
    view = story.figures_view(corpus, SERIES_PER_PAGE, offset)
    return page("figures.html.j2", story=view, pager=queries.pager(
        "/figures", {}, corpus.count_series(), SERIES_PER_PAGE, offset, len(view.charts)))


@router.get("/timeline")
def timeline(corpus: CorpusDep, offset: Offset = 0) -> HTMLResponse:
    """Every story's dated events in date order, one page at a time."""
    view = story.timeline_view(corpus, PER_PAGE, offset)
    return page("timeline.html.j2", story=view, pager=queries.pager(
        "/timeline", {}, corpus.count_timeline(), PER_PAGE, offset, len(view.timeline)))


@router.get("/summary")
def summary(corpus: CorpusDep) -> HTMLResponse:
    return page("summary.html.j2", story=story.summary_view(corpus))


@router.get("/positions")
def positions(corpus: CorpusDep, story: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    """Actors x targets of one story (or all), each cell the stance over time linking to its sentences."""
    try:
        found = corpus.positions_map(story=story)
    except KeyError as error:
        raise HTTPException(404, str(error.args[0])) from None
    return page("positions.html.j2", pm=found)
