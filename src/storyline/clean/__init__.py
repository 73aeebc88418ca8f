"""Cleaning: from a raw article (plain text or HTML) to metadata, body paragraphs and the removed pieces."""
from __future__ import annotations

from ..record import Article
from ..stages import stage
from .bounds import bound_paragraphs
from .html import clean_html
from .language import detect_language
from .text import clean_text

__all__ = ["clean", "clean_html", "clean_text", "detect_language"]

CLEAN_ASSIGNS = ("title", "subtitle", "published", "url", "outlet", "evidence", "paragraphs", "removed")


@stage("clean", requires=("raw",), assigns=CLEAN_ASSIGNS)
def clean(article: Article) -> Article:
    """Dispatch on what the reader found: HTML goes through trafilatura, plain text through our own cleaner; then
    bound what the spaCy stage will be given."""
    if article.raw is not None and article.raw.html is not None:
        return bound_paragraphs(clean_html(article))
    return bound_paragraphs(clean_text(article))
