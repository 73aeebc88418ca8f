"""Response models of the REST API: they document it in the OpenAPI schema and check what it returns."""
from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel

from ..corpus.stories import Story
from ..record import (Article, CanonicalEntity, Entity, Evidence, FigureSeries, Inconsistency, Quote, Removed, Sentence,
                      Statement, SummarySentence, TimeExpression, TimelineEntry)

T = TypeVar("T")


class Paged(BaseModel, Generic[T]):
    """One page of results: `total` matches in all, `items` from `offset`, at most `limit` of them."""

    total: int
    limit: int
    offset: int
    items: list[T]


class ArticleSummary(BaseModel):
    id: str
    source: str
    title: str | None
    subtitle: str | None
    published: str | None
    published_estimate: str | None
    outlet: str | None
    url: str | None
    language: str | None
    status: str
    status_reason: str | None
    duplicate_of: str | None
    duplicate_kind: str | None
    quote_count: int

    @classmethod
    def of(cls, article: Article, quote_count: int) -> ArticleSummary:
        fields = {name: getattr(article, name) for name in ArticleSummary.model_fields if name != "quote_count"}
        return cls(**fields, quote_count=quote_count)


class ArticleDetail(ArticleSummary):
    """An article with its cleaned text and every extracted item; offsets are into `text`."""

    text: str
    paragraphs: list[str]
    evidence: list[Evidence]
    removed: list[Removed]
    sentences: list[Sentence]
    mentions: list[Entity]
    quotes: list[Quote]
    dates: list[TimeExpression]

    @classmethod
    def full(cls, article: Article) -> ArticleDetail:
        base = ArticleSummary.of(article, len(article.statements())).model_dump()
        return cls(**base, text=article.text, paragraphs=article.paragraphs, evidence=article.evidence,
                   removed=article.removed, sentences=article.sentences, mentions=article.entities,
                   quotes=article.statements(), dates=article.dates)


class EntityDetail(BaseModel):
    entity: CanonicalEntity
    statements: list[Statement]


class SearchResult(BaseModel):
    """A matching sentence: cite it as `article` + `sentence`; `highlights` are [start, end) in `snippet`."""

    article: str
    sentence: int
    title: str | None
    published: str | None
    text: str
    snippet: str
    highlights: list[tuple[int, int]]
    rank: float


class Summary(BaseModel):
    sentences: list[SummarySentence]
    inconsistencies: list[Inconsistency]


class Problem(BaseModel):
    detail: str


class StoryDetail(BaseModel):
    """A story with the ids of its articles and what is computed within it."""

    story: Story
    articles: list[str]
    timeline: list[TimelineEntry]
    summary: list[SummarySentence]
    series: list[FigureSeries]
