"""The `quotes` stage: direct quotes and transcript turns first (`quoted`), then reported speech around them
(`reported`), then what the attribution tagger adds (`tagged`); speakers resolved within the article."""
from __future__ import annotations

from ..record import Article
from ..stages import stage
from .layout import Layout
from .marks import find_marks
from .quoted import direct_quotes, turn_quotes
from .reported import reported_quotes, split_or_drop_nested
from .speakers import ArticleSpeakers
from .statement import is_statement
from .tagged import speakers_carried, tagged_quotes
from .transcript import find_turns


@stage("quotes", requires=("docs", "sentences", "entities"), assigns=("quotes",))
def extract_quotes(article: Article) -> Article:
    """Fill `article.quotes` with direct, mixed and indirect quotes and their speakers, as text offsets."""
    if not article.docs:
        article.quotes = []
        return article
    starts = article.paragraph_starts()
    layout = Layout(article.docs, article.paragraphs, starts)
    speakers = ArticleSpeakers(article.docs, starts)
    turns = turn_quotes(article, layout, speakers, find_turns(article.paragraphs, starts))
    marks = [m for m in find_marks(article.paragraphs, starts) if not any(
        q.start <= m.start < q.end or m.outer_start <= q.start < m.outer_end for q in turns)]
    described: list[tuple[int, int]] = []
    direct, fragments = direct_quotes(article, layout, speakers, marks, described)
    direct = sorted(turns + direct, key=lambda q: q.start)
    reported = split_or_drop_nested(article.text, reported_quotes(article, layout, speakers, direct, fragments, marks,
                                                             described))
    quotes = direct + reported
    added = tagged_quotes(article, layout, speakers, quotes, marks)
    article.quotes = sorted(quotes + added, key=lambda q: q.start)
    speakers_carried(article.quotes, [id(q) for q in added if q.speaker_via is None and q.cue is None], layout)
    for quote in article.quotes:
        quote.statement = is_statement(quote, layout)
    return article
