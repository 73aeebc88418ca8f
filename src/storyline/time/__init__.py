"""When: the publication date and every time expression, resolved to the calendar.

The cleaner reads `published` off a date line or HTML metadata; this stage adds a URL-path date when it found
none, bounds an undated article by an estimate (kept apart, with evidence, and used only for the values it
settles), then finds and normalises the time expressions TimeML-style against the publication date and gives
every sentence the date it speaks about.
"""
from __future__ import annotations

from datetime import date, timedelta

from ..record import Article, TimeExpression
from ..stages import stage
from .conflict import date_line_conflict, url_conflict
from .estimate import content_estimate, period_start
from .published import add_url_date, article_url, url_date
from .resolve import Clock, Found, parse_day, resolve_paragraph
from .sentences import assign_sentence_dates, sentence_index
from .units import shift

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


def _estimate_bounds(estimate: str | None) -> tuple[date, date] | None:
    """First and last possible day of an estimate: a month ("2012-02") or a closed interval ("2014-03-03/
    2014-03-09"); None for open or absent estimates."""
    if not estimate:
        return None
    if len(estimate) == 7:
        first = parse_day(estimate + "-01")
        return (first, shift(first, "month", 1) - timedelta(days=1)) if first else None
    low, _, high = estimate.partition("/")
    first, last = period_start(low), period_start(high)
    return (first, last) if first and last else None


def resolve_with_estimate(article: Article, found: list[Found]) -> None:
    """Resolve what the estimate settles: an expression whose value is the same whether the article appeared on
    the first or the last day of the estimated month ("last November" in a /2012/02/ article) gets that value,
    marked `anchor="estimate"`; one that depends on the day ("Tuesday") stays None."""
    bounds = _estimate_bounds(article.published_estimate)
    if bounds is None:
        return
    early, late = find_dates(article, bounds[0]), find_dates(article, bounds[1])
    for item, first, last in zip(found, early, late):
        value = first.expression.value
        if item.expression.value is None and value is not None and value == last.expression.value:
            item.expression.value, item.expression.anchor = value, "estimate"


def add_content_estimate(article: Article, found: list[Found]) -> None:
    """An undated article's estimated range from its own dates (a URL month, read earlier, is kept)."""
    if article.published_estimate is not None:
        return
    estimate = content_estimate(found)
    if estimate.value is not None:
        article.published_estimate = estimate.value
        article.evidence.extend(estimate.evidence)


def flag_date_line_conflict(article: Article, anchor: date, found: list[Found]) -> None:
    """Record, beside the date line's own evidence, content that contradicts it; the date itself is kept."""
    stated = article.evidence_for("published")
    said = f"date line {anchor.isoformat()}" + (f" ({stated.text})" if stated else "")
    starts = article.paragraph_starts()
    lead_end = starts[2] if len(starts) > 2 else len(article.text)
    conflict = date_line_conflict(anchor, said, found, lead_end) or url_conflict(anchor, said, article_url(article))
    article.evidence = [e for e in article.evidence if e.field != "published_conflict"]  # a rerun replaces it
    if conflict is not None:
        article.evidence.append(conflict)


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
        add_content_estimate(article, found)
        resolve_with_estimate(article, found)
    else:
        flag_date_line_conflict(article, anchor, found)
    article.dates = dates
    published = anchor.isoformat() if anchor else None
    located = {f.expression.sentence: f.located for f in found if f.located and f.expression.sentence is not None}
    main = [item.expression for item in found if item.main]
    assign_sentence_dates(article, main, published, located)
    return article
