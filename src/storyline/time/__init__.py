"""When: the publication date and every time expression, resolved to the calendar.

The cleaner reads `published` off a date line or HTML metadata; this stage adds a URL-path date when it found
none, bounds an undated article by an estimate (kept apart, with evidence), then finds and normalises the time
expressions TimeML-style against the publication date and gives every sentence the date it speaks about.
"""
from __future__ import annotations

from datetime import date

from ..record import Article, TimeExpression
from ..stages import stage
from .published import add_estimate, add_url_date, url_date
from .resolve import Clock, Found, parse_day, resolve_paragraph
from .sentences import assign_sentence_dates, sentence_index

__all__ = ["find_dates", "resolve_time", "url_date"]


def find_dates(article: Article, anchor: date | None) -> list[Found]:
    """All time expressions of an annotated article, resolved against `anchor` (None: relatives stay None)."""
    clock = Clock(anchor)
    found: list[Found] = []
    for doc, offset in zip(article.docs or [], article.paragraph_starts()):
        found.extend(resolve_paragraph(doc, offset, clock))
    for item in found:
        item.expression.sentence = sentence_index(article.sentences, item.expression.start)
    return found


def _published_day(article: Article) -> date | None:
    return parse_day(article.published)


@stage(
    "time",
    requires=("docs", "sentences", "entities", "published"),
    assigns=("dates", "published", "published_estimate", "evidence"),
)
def resolve_time(article: Article) -> Article:
    """Publication date first (it anchors everything), then expressions, then each sentence's date."""
    add_url_date(article)
    anchor = _published_day(article)
    found = find_dates(article, anchor)
    dates: list[TimeExpression] = [item.expression for item in found]
    if anchor is None:
        add_estimate(article, [item.expression for item in found if item.tense in ("past", "perfect")])
    article.dates = dates
    published = anchor.isoformat() if anchor else None
    located = {f.expression.sentence: f.located for f in found if f.located and f.expression.sentence is not None}
    assign_sentence_dates(article, dates, published, located)
    return article
