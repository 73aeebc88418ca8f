"""The REST API, read-only: thin handlers over the `Corpus` API with filters, pagination and 4xx on bad input."""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel

from ..api import Corpus
from ..record import CanonicalEntity, FigureSeries, Statement, TimelineEntry
from . import queries
from .deps import corpus
from ..corpus.stories import Story
from .schemas import (ArticleDetail, ArticleSummary, EntityDetail, Paged, Problem, SearchResult, StoryDetail,
                      Summary)
from .views import snippet_segments

router = APIRouter(prefix="/api", tags=["api"], responses={404: {"model": Problem}, 422: {"model": Problem}})

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page (1–500).")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Items to skip.")]
Since = Annotated[queries.IsoDate | None, Query(description="Published on or after (YYYY-MM-DD).")]
Until = Annotated[queries.IsoDate | None, Query(description="Published on or before (YYYY-MM-DD).")]
Text = Annotated[str | None, Query(max_length=200)]
CorpusDep = Annotated[Corpus, Depends(corpus)]
T = TypeVar("T")
ENTITY_SAMPLE = 20  # roles and articles an entity listing shows of each entity


StoryOption = Annotated[Text, Query(description="A story's id: only its articles.")]


def _found(call: Callable[[], T]) -> T:
    """The call's answer; an unknown article, entity or story it names is a 404."""
    try:
        return call()
    except KeyError as error:
        raise HTTPException(404, str(error.args[0])) from None


@router.get("/articles", response_model=Paged[ArticleSummary])
def list_articles(corpus: CorpusDep, limit: Limit = 50, offset: Offset = 0,
                  entity: Annotated[Text, Query(description="Mentions this entity (id, name or alias).")] = None,
                  speaker: Annotated[Text, Query(description="Quotes this speaker (name, part of it).")] = None,
                  outlet: Text = None, status: Literal["ok", "skipped", "duplicate"] | None = None,
                  since: Since = None, until: Until = None, story: StoryOption = None) -> Paged[ArticleSummary]:
    """Articles in publication-date order (undated last)."""
    filters = dict(entity=entity, speaker=speaker, outlet=outlet, status=status, story=story,
                   since=since and since.isoformat(), until=until and until.isoformat())
    items = _found(lambda: corpus.headers(limit, offset, with_text=False, **filters))
    counts = corpus.item_counts("quotes", [a.id for a in items])
    return Paged(total=corpus.count_articles(**filters), limit=limit, offset=offset,
                 items=[ArticleSummary.of(a, counts.get(a.id, 0)) for a in items])


@router.get("/articles/{article_id}", response_model=ArticleDetail)
def get_article(article_id: str, corpus: CorpusDep) -> ArticleDetail:
    """One article by id or unique id prefix, with its text and every extracted item."""
    try:
        return ArticleDetail.full(corpus.article(article_id))
    except KeyError as error:
        raise HTTPException(404, str(error.args[0])) from None


@router.get("/quotes", response_model=Paged[Statement])
def list_quotes(corpus: CorpusDep, limit: Limit = 50, offset: Offset = 0,
                speaker: Annotated[Text, Query(description="Speaker's canonical name or as written (part).")] = None,
                entity: Annotated[Text, Query(description="Speaker entity (id, name or alias).")] = None,
                article: Annotated[Text, Query(description="Article id or prefix.")] = None,
                kind: Literal["direct", "mixed", "indirect"] | None = None,
                since: Since = None, until: Until = None, story: StoryOption = None) -> Paged[Statement]:
    """Who said what, in date order, each with its article's id, date and title."""
    filters = dict(speaker=speaker, article=article, entity=entity, kind=kind, story=story,
                   since=since and since.isoformat(), until=until and until.isoformat())
    items = _found(lambda: corpus.quotes(**filters, limit=limit, offset=offset))
    return Paged(total=corpus.count_quotes(**filters), limit=limit, offset=offset, items=items)


@router.get("/entities", response_model=Paged[CanonicalEntity])
def list_entities(corpus: CorpusDep, limit: Limit = 50, offset: Offset = 0,
                  kind: Annotated[Literal["PERSON", "ORG", "GPE"] | None, Query(description="Entity label.")] = None,
                  name: Annotated[Text, Query(description="Name or alias contains (case-insensitive).")] = None,
                  article: Annotated[Text, Query(description="Reported in this article (id prefix).")] = None,
                  story: Annotated[Text, Query(description="Reported in this story's articles.")] = None,
                  ) -> Paged[CanonicalEntity]:
    """People and organisations across the corpus, most widely reported first (an unknown article or story is a
    404); each with its first 20 roles and articles (`role_count`, `article_count`: how many in all; the entity's
    own resource has them all)."""
    filters = {"name": name, "label": kind, "article": article, "story": story}
    items = _found(lambda: corpus.entities(**filters, limit=limit, offset=offset, sample=ENTITY_SAMPLE))
    return Paged(total=corpus.count_entities(**filters), limit=limit, offset=offset, items=items)


@router.get("/entities/{entity_id}", response_model=EntityDetail)
def get_entity(entity_id: str, corpus: CorpusDep) -> EntityDetail:
    """One entity with its statements in date order."""
    entity = _found(lambda: corpus.entity(entity_id))
    return EntityDetail(entity=entity, statements=corpus.quotes(entity=entity.id))


@router.get("/search", response_model=Paged[SearchResult])
def search(corpus: CorpusDep, q: Annotated[str, Query(min_length=1, max_length=200, description=(
        'Words that must all occur in a sentence; "quoted phrases" and prefix* work.'))],
           limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0,
           mode: Annotated[Literal["text", "semantic"], Query(description=(
               "text: SQLite FTS5, bm25-ranked; semantic: sentence embeddings, by cosine similarity."))] = "text",
           story: StoryOption = None) -> Paged[SearchResult]:
    """Search the sentences of analysed articles (of one story), best match first: full text (every word must
    occur; text without any word matches nothing) or semantic (closest in meaning, among the nearest 1,000
    sentences; `rank` is the negated similarity)."""
    find = corpus.similar_sentences if mode == "semantic" else corpus.search
    total, hits = _found(lambda: find(q, limit=limit, offset=offset, story=story))
    return Paged(total=total, limit=limit, offset=offset, items=[_result(hit) for hit in hits])


def _result(hit) -> SearchResult:
    snippet, highlights = "", []
    for segment in snippet_segments(hit.snippet):
        if segment.css:
            highlights.append((len(snippet), len(snippet) + len(segment.text)))
        snippet += segment.text
    return SearchResult(article=hit.article, sentence=hit.sentence, title=hit.title, published=hit.published,
                        text=hit.text, snippet=snippet, highlights=highlights, rank=hit.rank)


@router.get("/figures", response_model=Paged[FigureSeries])
def list_figures(corpus: CorpusDep, limit: Limit = 50, offset: Offset = 0,
                 kind: Annotated[Text, Query(description="What was counted: killed, injured, money, …")] = None,
                 scope: Literal["overall", "incident"] | None = None, story: StoryOption = None) -> Paged[FigureSeries]:
    """Series of reported figures, one per measure, each point cited, with the disagreements between them."""
    items = _found(lambda: corpus.series(story=story, kind=kind, scope=scope, limit=limit, offset=offset))
    return Paged(total=corpus.count_series(story=story, kind=kind, scope=scope), limit=limit, offset=offset,
                 items=items)


@router.get("/timeline", response_model=Paged[TimelineEntry])
def list_timeline(corpus: CorpusDep, limit: Limit = 50, offset: Offset = 0, since: Since = None,
                  until: Until = None, story: StoryOption = None) -> Paged[TimelineEntry]:
    """Dated events in date order (a month or a year sorts before its days), each citing its sentences."""
    dates = dict(since=since and since.isoformat(), until=until and until.isoformat(), story=story)
    items = _found(lambda: corpus.timeline(**dates, limit=limit, offset=offset))
    return Paged(total=corpus.count_timeline(**dates), limit=limit, offset=offset, items=items)


@router.get("/summary", response_model=Summary)
def get_summary(corpus: CorpusDep, story: StoryOption = None) -> Summary:
    """The stored extractive summary (its "what changed" part included) and the inconsistencies, all cited:
    every story's, largest first, or one story's."""
    return Summary(sentences=_found(lambda: corpus.summary(story=story)),
                   inconsistencies=corpus.inconsistencies(story=story))


@router.get("/stories", response_model=Paged[Story])
def list_stories(corpus: CorpusDep, limit: Limit = 50, offset: Offset = 0) -> Paged[Story]:
    """The stories, largest first: label (key actors and terms), date span, article and source counts."""
    return Paged(total=corpus.count_stories(), limit=limit, offset=offset, items=corpus.stories(limit, offset))


@router.get("/stories/{story_id}", response_model=StoryDetail)
def get_story(story_id: str, corpus: CorpusDep) -> StoryDetail:
    """One story (a merged story's old id leads to the one it joined) with its articles, timeline and summary."""
    try:
        story = corpus.story(story_id)
    except KeyError as error:
        raise HTTPException(404, str(error.args[0])) from None
    return StoryDetail(story=story, articles=corpus.story_articles(story.id), timeline=corpus.timeline(story=story.id),
                       summary=corpus.summary(story=story.id), series=corpus.series(story=story.id))


class PositionRow(BaseModel):
    """One stance statement: who (canonical, and as written) is for, against or conditionally for what, when, and
    the sentence that says so (offsets into the article's text)."""

    article: str
    source: str
    story: str | None
    actor: str
    actor_as_written: str
    target: str
    target_group: str
    stance: Literal["for", "against", "conditional", "neutral"]
    condition: str | None
    date: str | None
    evidence: str
    cue: str
    via: str
    sentence: int
    start: int
    end: int


@router.get("/positions", response_model=Paged[PositionRow])
def list_positions(corpus: CorpusDep, limit: Limit = 50, offset: Offset = 0, story: StoryOption = None,
                   actor: Annotated[Text, Query(description="Actor's canonical name or as written (part).")] = None,
                   target: Annotated[Text, Query(description="Target or its group (part).")] = None,
                   ) -> Paged[PositionRow]:
    """Who stands where, in date order: one stance statement each, actors canonical, targets grouped."""
    try:
        found = corpus.positions(story=story, actor=actor, target=target)
    except KeyError as error:
        raise HTTPException(404, str(error.args[0])) from None
    page = queries.paginate([PositionRow(**s.row()) for s in found], limit, offset)
    return Paged(total=page.total, limit=limit, offset=offset, items=page.items)


# One story's listings: the same answers as the listings above with `story` set (an unknown story is a 404).
@router.get("/stories/{story_id}/articles", response_model=Paged[ArticleSummary])
def story_articles(story_id: str, corpus: CorpusDep, limit: Limit = 50, offset: Offset = 0) -> Paged[ArticleSummary]:
    return list_articles(corpus=corpus, limit=limit, offset=offset, story=story_id)


@router.get("/stories/{story_id}/quotes", response_model=Paged[Statement])
def story_quotes(story_id: str, corpus: CorpusDep, limit: Limit = 50, offset: Offset = 0) -> Paged[Statement]:
    return list_quotes(corpus=corpus, limit=limit, offset=offset, story=story_id)


@router.get("/stories/{story_id}/entities", response_model=Paged[CanonicalEntity])
def story_entities(story_id: str, corpus: CorpusDep, limit: Limit = 50,
                   offset: Offset = 0) -> Paged[CanonicalEntity]:
    return list_entities(corpus=corpus, limit=limit, offset=offset, story=story_id)


@router.get("/stories/{story_id}/figures", response_model=Paged[FigureSeries])
def story_figures(story_id: str, corpus: CorpusDep, limit: Limit = 50, offset: Offset = 0) -> Paged[FigureSeries]:
    return list_figures(corpus=corpus, limit=limit, offset=offset, story=story_id)


@router.get("/stories/{story_id}/timeline", response_model=Paged[TimelineEntry])
def story_timeline(story_id: str, corpus: CorpusDep, limit: Limit = 50, offset: Offset = 0) -> Paged[TimelineEntry]:
    return list_timeline(corpus=corpus, limit=limit, offset=offset, story=story_id)


@router.get("/stories/{story_id}/summary", response_model=Summary)
def story_summary(story_id: str, corpus: CorpusDep) -> Summary:
    return get_summary(corpus=corpus, story=story_id)


@router.get("/stories/{story_id}/positions", response_model=Paged[PositionRow])
def story_positions(story_id: str, corpus: CorpusDep, limit: Limit = 50, offset: Offset = 0) -> Paged[PositionRow]:
    return list_positions(corpus=corpus, limit=limit, offset=offset, story=story_id)
