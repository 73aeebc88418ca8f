"""Language identification: a non-English article is stored and marked, not analysed, with the reason recorded."""
from __future__ import annotations

import py3langid

from ..record import Article
from ..stages import stage

MIN_LETTERS = 20


@stage("language", requires=("paragraphs",), assigns=("language", "status", "status_reason"))
def detect_language(article: Article) -> Article:
    sample = " ".join(article.paragraphs)[:5000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < MIN_LETTERS:
        article.language = None
        article.status = "skipped"
        article.status_reason = f"too little text to analyse ({letters} letters after cleaning)"
        return article
    language, _ = py3langid.classify(sample)
    article.language = language
    if language != "en":
        article.status = "skipped"
        article.status_reason = f"language is {language!r}, not English: stored, not analysed"
    else:
        article.status = "ok"
    return article
