"""The HTML pages: overview, article, entities, entity, statements and search. Each handler gathers a view from the
`Corpus` API (see views.py) and renders a template; the templates are shared with the dossier."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse

from ..api import Corpus
from . import queries, story, views
from .deps import corpus
from .links import WebLinks
from .render import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
LINKS = WebLinks()
CorpusDep = Annotated[Corpus, Depends(corpus)]
Text = Annotated[str | None, Query(max_length=200)]


def page(template: str, **context: object) -> HTMLResponse:
    return HTMLResponse(render(template, links=LINKS, query=context.pop("query", None), **context))


@router.get("/")
def overview(corpus: CorpusDep) -> HTMLResponse:
    return page("overview.html.j2", ov=views.overview(corpus, LINKS))


@router.get("/articles")
def article_list(corpus: CorpusDep, entity: Text = None, speaker: Text = None, outlet: Text = None,
                 since: Annotated[queries.IsoDate | None | Literal[""], Query()] = None,
                 until: Annotated[queries.IsoDate | None | Literal[""], Query()] = None) -> HTMLResponse:
    """Articles filtered like /api/articles: an entity they mention, a speaker they quote, outlet, dates."""
    since, until = since or None, until or None
    try:
        entities = corpus.entity_matches(entity) if entity else None
    except KeyError:  # the page says no article matches, with the filter form to change it
        entities = []
    spoken_in = {s.article for s in corpus.quotes(speaker=speaker)} if speaker else None
    chosen = queries.filter_articles(corpus.headers(), entities=entities, spoken_in=spoken_in,
                                     outlet=outlet or None, since=since, until=until) if entities != [] else []
    return page("articles.html.j2", articles=chosen, quote_counts=corpus.item_counts("quotes"),
                filters={"entity": entity, "speaker": speaker, "outlet": outlet, "since": since, "until": until})


@router.get("/articles/{article_id}")
def article(article_id: str, corpus: CorpusDep) -> HTMLResponse:
    try:
        found = corpus.article(article_id)
    except KeyError as error:
        raise HTTPException(404, str(error.args[0])) from None
    return page("article.html.j2", av=views.article_view(corpus, found, LINKS, corpus.entities()))


@router.get("/entities")
def entities(corpus: CorpusDep) -> HTMLResponse:
    return page("entities.html.j2", entities=corpus.entities())


@router.get("/entities/{entity_id}")
def entity(entity_id: str, corpus: CorpusDep) -> HTMLResponse:
    try:
        found = views.find_entity(corpus.entities(), entity_id)
    except KeyError as error:
        raise HTTPException(404, str(error.args[0])) from None
    return page("entity.html.j2", ev=views.entity_view(corpus, found))


@router.get("/quotes")
def statements(corpus: CorpusDep, speaker: Text = None, kind: Literal["direct", "mixed", "indirect", ""] = "",
               since: Annotated[queries.IsoDate | None | Literal[""], Query()] = None,
               until: Annotated[queries.IsoDate | None | Literal[""], Query()] = None,
               offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    since, until = since or None, until or None
    chosen = corpus.quotes(speaker=speaker or None, kind=kind or None, since=since and since.isoformat(),
                           until=until and until.isoformat())
    return page("quotes.html.j2", page=queries.paginate(chosen, 200, offset), speaker=speaker, kind=kind,
                since=since, until=until)


@router.get("/search")
def search(corpus: CorpusDep, q: Text = None, offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
           mode: Literal["text", "semantic"] = "text") -> HTMLResponse:
    if not q or not q.strip():
        return page("search.html.j2", sv=None, query=q, mode=mode)
    find = corpus.similar_sentences if mode == "semantic" else corpus.search
    total, hits = find(q, limit=20, offset=offset)
    sv = views.SearchView(q, total, hits, 20, offset, [views.snippet_segments(h.snippet) for h in hits])
    return page("search.html.j2", sv=sv, query=q, mode=mode)


@router.get("/figures")
def figures(corpus: CorpusDep) -> HTMLResponse:
    return page("figures.html.j2", story=story.story_view(corpus))


@router.get("/timeline")
def timeline(corpus: CorpusDep) -> HTMLResponse:
    return page("timeline.html.j2", story=story.story_view(corpus))


@router.get("/summary")
def summary(corpus: CorpusDep) -> HTMLResponse:
    return page("summary.html.j2", story=story.story_view(corpus))


@router.get("/positions")
def positions(corpus: CorpusDep, story: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    """Actors x targets of one story (or all), each cell the stance over time linking to its sentences."""
    try:
        found = corpus.positions_map(story=story)
    except KeyError as error:
        raise HTTPException(404, str(error.args[0])) from None
    return page("positions.html.j2", pm=found)
