"""The `positions` stage: who stands where in one article, read off its parse and its quotes."""
from __future__ import annotations

from ..record import Article
from ..stages import stage
from .extract import positions


@stage("positions", requires=("docs", "sentences", "entities", "quotes", "dates", "published"),
       assigns=("positions",))
def extract_positions(article: Article) -> Article:
    """Fill `article.positions` with stance statements (actor, target, stance, evidence sentence)."""
    article.positions = positions(article) if article.docs else []
    return article
