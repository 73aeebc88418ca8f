"""The order of the per-article stages, and how to run them over many articles.

Two groups of per-article stages sit on either side of the duplicate check (a corpus stage): `PREPARE` cleans and
identifies the language of every article; `ANALYSE` runs the expensive NLP only on articles that are new, English and
not a duplicate. Both groups are pure functions of one article, so `executor.Executor` can run them in this process,
in worker processes or on Ray without change.
"""
from __future__ import annotations

from .annotate import annotate
from .clean import clean, detect_language
from .embed import embed_article
from .figures import extract_figures
from .positions.stage import extract_positions
from .quotes import extract_quotes
from .record import Article, RawArticle, article_id
from .stages import Stage, check_order, run_stages
from .time import resolve_time

PREPARE: list[Stage] = [clean, detect_language]
ANALYSE: list[Stage] = [annotate, resolve_time, extract_quotes, extract_figures, extract_positions, embed_article]
check_order(PREPARE + ANALYSE)

def new_article(raw: RawArticle, source_in_id: bool = False) -> Article:
    """The record a reader's output starts as; `source_in_id` distinguishes an exact duplicate from its original."""
    content_hash = raw.content_hash
    return Article(
        id=article_id(content_hash, raw.source if source_in_id else None),
        source=raw.source,
        content_hash=content_hash,
        raw=raw,
    )


def prepare(article: Article) -> Article:
    return run_stages(article, PREPARE)


def analyse(article: Article) -> Article:
    """Run the NLP stages, then drop the spaCy Docs: corpus stages and the store work on the compact record."""
    if article.analysable:
        article = run_stages(article, ANALYSE)
    article.docs = None
    return article


def process(raw: RawArticle) -> Article:
    """One raw article through every per-article stage: what tests and evaluations use."""
    return analyse(prepare(new_article(raw)))
