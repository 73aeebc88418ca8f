"""Bounds on what the spaCy stage is given. A scraped "article" can be one 10 MB line (a log, a dump, a page's
text with no breaks): spaCy refuses a Doc over a million characters and needs about 1 GB per 100,000, so an
unbounded paragraph fails the whole article or exhausts memory. Overlong paragraphs are split at sentence ends and
the body is cut at a ceiling far above any news article, each with a notice in the build's report."""
from __future__ import annotations

import re

from ..record import Article, Notice

MAX_PARAGRAPH_CHARS = 20_000  # a news paragraph runs to a few hundred characters; 20k is a page of unbroken text
MAX_BODY_CHARS = 500_000  # a long read is 50k characters; ten times that is not one article's body
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")


def split_paragraph(paragraph: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """`paragraph` in pieces of at most `limit` characters, each ending at the last sentence end (or else the last
    space) before the limit, so that no sentence is cut where a break can be found."""
    pieces: list[str] = []
    start = 0
    while len(paragraph) - start > limit:
        window = paragraph[start:start + limit]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else (window.rfind(" ") + 1 or limit)
        pieces.append(window[:cut].strip())
        start += cut
    pieces.append(paragraph[start:].strip())
    return [piece for piece in pieces if piece]


def _cut_body(paragraphs: list[str], limit: int) -> tuple[list[str], int]:
    """The paragraphs that fit in `limit` characters (the one that crosses it cut at a space), and how many
    characters were left out."""
    kept: list[str] = []
    total = 0
    for paragraph in paragraphs:
        room = limit - total
        if len(paragraph) > room:
            head = paragraph[:room].rsplit(" ", 1)[0] if room > 0 else ""
            if head:
                kept.append(head)
            return kept, sum(map(len, paragraphs)) - total - len(head)
        kept.append(paragraph)
        total += len(paragraph)
    return kept, 0


def bound_paragraphs(article: Article) -> Article:
    """Cut the body at MAX_BODY_CHARS and split overlong paragraphs, telling the build's report what was done."""
    notices = article.raw.notices if article.raw is not None else []
    paragraphs, dropped = _cut_body(article.paragraphs, MAX_BODY_CHARS)
    if dropped:
        notices.append(Notice(article.source, "cut", f"body over {MAX_BODY_CHARS:,} characters: the last "
                                                     f"{dropped:,} characters are not analysed"))
    long = [len(p) for p in paragraphs if len(p) > MAX_PARAGRAPH_CHARS]
    if long:
        paragraphs = [piece for p in paragraphs for piece in split_paragraph(p, MAX_PARAGRAPH_CHARS)]
        notices.append(Notice(article.source, "repaired", f"{len(long)} paragraph(s) over {MAX_PARAGRAPH_CHARS:,} "
                                                         f"characters (longest {max(long):,}) split at sentence ends"))
    article.paragraphs = paragraphs
    return article
