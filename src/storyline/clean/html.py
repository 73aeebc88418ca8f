"""HTML articles: trafilatura finds the body and the page metadata, htmldate (through trafilatura) the date.

trafilatura is the best-measured main-content extractor for news pages, so we do not compete with it on the
page structure; what we add is provenance (each metadata value with the markup it was read off), the
container's own metadata winning over the page's (a JSONL `title` or a WARC target URI was set by whoever
collected the page), a check that the page description really is a standfirst, and our paragraph-level
boilerplate filter on top of trafilatura's output. Settings (`FAST`, `FAVOR_PRECISION`, `EXTENSIVE_DATE_SEARCH`)
are the ones measured best on the trafilatura evaluation set (see `storyline.evaluate.trafilatura`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement, tostring
from trafilatura.utils import load_html

from ..record import Article, Evidence, RawArticle, Removed
from .boilerplate import filter_paragraphs

FAST = False
FAVOR_PRECISION = False
EXTENSIVE_DATE_SEARCH = True
INCLUDE_TABLES = True

ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
WHITESPACE = re.compile(r"\s+")
MARKUP_TAGS = ("meta", "title", "h1", "h2", "time", "link")
MAX_EVIDENCE_CHARS = 300
BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote", "td", "dd", "dt")
DROPPED_REASON = "outside the article body (trafilatura)"
STANDFIRST_WORDS = (6, 80)


@dataclass
class PageFields:
    """What trafilatura read off the page, before the container's metadata is weighed against it."""

    title: str | None
    description: str | None
    date: str | None
    url: str | None
    sitename: str | None
    hostname: str | None
    text: str


def clean_html(article: Article) -> Article:
    """Fill metadata, evidence, paragraphs and removed pieces of an HTML article."""
    raw = article.raw
    html = raw.html if raw is not None and raw.html else ""
    page = extract_page(html, raw.url if raw else None)
    tree = _parse(html)
    paragraphs = split_paragraphs(page.text)
    filtered = filter_paragraphs(paragraphs)
    article.paragraphs = filtered.kept
    article.removed = dropped_blocks(tree, page.text) + list(filtered.removed)
    article.evidence = []
    container = raw or RawArticle(source=article.source)
    article.title = _choose(article, tree, "title", container.title, page.title, "trafilatura title")
    article.published = _choose(
        article, tree, "published", _iso_date(container.published), page.date, "htmldate original date"
    )
    article.url = _choose(article, tree, "url", container.url, page.url, "trafilatura canonical url")
    article.outlet = _outlet(article, tree, page)
    article.subtitle = _subtitle(article, tree, page)
    return article


def extract_page(html: str, url: str | None = None) -> PageFields:
    """Run trafilatura once with metadata; a page it cannot read gives empty fields, never an exception."""
    params = {"original_date": True, "extensive_search": EXTENSIVE_DATE_SEARCH}
    try:
        document = trafilatura.bare_extraction(
            html, url=url, fast=FAST, favor_precision=FAVOR_PRECISION, include_comments=False,
            include_tables=INCLUDE_TABLES, with_metadata=True, date_extraction_params=params,
        )
    except Exception:  # trafilatura can fail on malformed markup; the article then has no body
        document = None
    if document is None:
        return PageFields(None, None, None, url, None, None, "")
    return PageFields(
        title=_tidy(document.title), description=_tidy(document.description), date=document.date,
        url=document.url, sitename=_tidy(document.sitename), hostname=document.hostname, text=document.text or "",
    )


def split_paragraphs(text: str) -> list[str]:
    """trafilatura writes one block (paragraph, heading, list item, table row) a line."""
    return [line for line in (_tidy(raw_line) for raw_line in text.split("\n")) if line]


def dropped_blocks(tree: HtmlElement | None, kept_text: str) -> list[Removed]:
    """The page's text blocks that trafilatura left out (menus, cookie notices, related links), once each."""
    if tree is None:
        return []
    kept = _tidy(kept_text) or ""
    seen: set[str] = set()
    removed = []
    for element in tree.iter(*BLOCK_TAGS):
        text = _tidy(element.text_content())
        if not text or text in seen or text in kept or element.getparent() is None:
            continue
        if any(ancestor.tag in BLOCK_TAGS for ancestor in element.iterancestors()):
            continue  # the enclosing block already carries this text
        seen.add(text)
        removed.append(Removed(text, DROPPED_REASON))
    return removed


def _choose(
    article: Article, tree: HtmlElement | None, name: str, container: str | None, page: str | None, method: str
) -> str | None:
    """The container's value wins; the page's value is kept with the markup it came from."""
    if container:
        article.evidence.append(Evidence(name, container, "container metadata"))
        return container
    if page:
        article.evidence.append(Evidence(name, find_markup(tree, page), method))
        return page
    return None


def _outlet(article: Article, tree: HtmlElement | None, page: PageFields) -> str | None:
    if page.sitename:
        article.evidence.append(Evidence("outlet", find_markup(tree, page.sitename), "trafilatura site name"))
        return page.sitename
    host = urlsplit(article.url).hostname if article.url else page.hostname
    if host:
        host = host.removeprefix("www.")
        article.evidence.append(Evidence("outlet", article.url or host, "domain of the url"))
    return host or None


def _subtitle(article: Article, tree: HtmlElement | None, page: PageFields) -> str | None:
    """The page description is a standfirst only if it is a full sentence of its own, not a teaser of the body."""
    description = page.description
    if not description or not is_standfirst(description, article.title, article.paragraphs):
        return None
    article.evidence.append(Evidence("subtitle", find_markup(tree, description), "page description (standfirst)"))
    return description


def is_standfirst(description: str, title: str | None, paragraphs: list[str]) -> bool:
    """A standfirst adds a summary line of its own; a truncated teaser, the title again or a piece of the body
    copied into the meta description does not."""
    if not STANDFIRST_WORDS[0] <= len(description.split()) <= STANDFIRST_WORDS[1]:
        return False
    if description.rstrip().endswith(("...", "…", "[…]")):
        return False
    folded = description.casefold()
    if title and (folded in title.casefold() or title.casefold() in folded):
        return False
    body = " ".join(paragraphs).casefold()
    return folded[:60] not in body


def find_markup(tree: HtmlElement | None, value: str) -> str:
    """The first element whose content or text is `value`, serialised: where a reader can check it."""
    if tree is not None:
        wanted = _tidy(value)
        for element in tree.iter(*MARKUP_TAGS):
            for candidate in (element.get("content"), element.get("datetime"), element.get("href")):
                if candidate and wanted and wanted in _tidy(candidate):
                    return _serialise(element)
            if element.tag not in ("meta", "link") and _tidy(element.text_content()) == wanted:
                return _serialise(element)
    return value


def _serialise(element: HtmlElement) -> str:
    if element.tag in ("meta", "link"):
        markup = tostring(element, encoding="unicode", with_tail=False)
    else:
        attributes = "".join(f' {k}="{v}"' for k, v in element.attrib.items() if k in ("class", "itemprop", "id"))
        markup = f"<{element.tag}{attributes}>{_tidy(element.text_content())}</{element.tag}>"
    return markup.strip()[:MAX_EVIDENCE_CHARS]


def _iso_date(value: str | None) -> str | None:
    """A container's date as YYYY-MM-DD: ISO 8601 prefixes and RFC 2822 (feeds, mail headers) are understood."""
    if not value:
        return None
    value = value.strip()
    match = ISO_DATE.match(value)
    if match:
        return match.group(1)
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None


def _parse(html: str) -> HtmlElement | None:
    tree = load_html(html) if html.strip() else None
    if tree is None:
        return None
    for junk in tree.xpath("//script|//style|//noscript|//template"):
        junk.drop_tree()
    return tree


def _tidy(text: str | None) -> str | None:
    return WHITESPACE.sub(" ", text).strip() if text else None
