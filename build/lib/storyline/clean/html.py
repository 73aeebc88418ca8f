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
from lxml import etree
from lxml.html import HtmlElement, tostring
from trafilatura.utils import load_html

from ..record import Article, Evidence, RawArticle, Removed
from .boilerplate import filter_paragraphs

# Measured on trafilatura-eval (77 pages), snippet F1: default 0.954, favor_precision 0.941, fast 0.938,
# both 0.924; precision barely moves (0.955-0.957) while recall drops, so neither pays. original_date=True gets
# 70/77 dates against 59/77 without; extensive_search changed no date on this set and is kept for pages whose
# only date is in the text.
FAST = False
FAVOR_PRECISION = False
EXTENSIVE_DATE_SEARCH = True
INCLUDE_TABLES = True

ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
WHITESPACE = re.compile(r"\s+")
MARKUP_TAGS = ("meta", "title", "h1", "h2", "time", "link")
MAX_EVIDENCE_CHARS = 300
BLOCK_LEVEL = {
    "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "aside", "header", "footer", "nav", "main", "form", "table", "tr", "td", "th", "blockquote", "figure",
    "figcaption", "button", "br", "pre", "address", "details", "summary", "label", "option", "hr",
}
DROPPED_REASON = "outside the article body (trafilatura)"
HEADLINE_REASON = "the headline repeated at the top of the body (kept as the title)"
STANDFIRST_WORDS = (6, 80)
TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»:~/]|::|//)\s+")
WORD = re.compile(r"\w+")
DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+$")
MIN_HEADLINE_OVERLAP = 0.3
MAX_KICKER_WORDS = 3
GENERIC_HOST_LABELS = {"www", "m", "mobile", "amp", "news", "edition", "com", "co", "org", "net", "ac", "gov", "blog"}


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
    raw = article.raw or RawArticle(source=article.source)
    html = raw.html or ""
    page = extract_page(html, raw.url)
    tree = _parse(html)
    headings = _headings(tree)
    article.evidence = []
    title, method = page_title(page, headings)
    article.title = _choose(article, tree, "title", raw.title, title, method)
    published = _iso_date(raw.published)
    article.published = _choose(article, tree, "published", published, page.date, "htmldate original date")
    article.url = _choose(article, tree, "url", raw.url, page.url, "trafilatura canonical url")
    article.outlet = _outlet(article, tree, page)
    paragraphs, headline = drop_headline(split_paragraphs(page.text), [article.title or "", *headings])
    filtered = filter_paragraphs(paragraphs)
    article.paragraphs = filtered.kept
    article.removed = headline + dropped_blocks(tree, page.text) + list(filtered.removed)
    article.subtitle = _subtitle(article, tree, page)
    return article


def page_title(page: PageFields, headings: list[str]) -> tuple[str | None, str]:
    """The metadata title without the site's name, or the visible `<h1>` where it agrees; and how it was found."""
    title, cut = strip_site_name(page.title, page.sitename, page.hostname, [h.casefold() for h in headings])
    method = f"trafilatura title, site name {cut!r} cut" if cut else "trafilatura title"
    shown = visible_headline(headings, title, page.sitename)
    if shown and shown != title:
        return shown, "the page's single <h1>, agreeing with the metadata title"
    return title, method


def drop_headline(paragraphs: list[str], headlines: list[str]) -> tuple[list[str], list[Removed]]:
    """trafilatura keeps an `<h1>` that sits inside the article element; at the top of the body it is the
    headline again, already the title, not a paragraph of the story."""
    wanted = {h.casefold() for h in headlines if h}
    if paragraphs and paragraphs[0].casefold() in wanted:
        return paragraphs[1:], [Removed(paragraphs[0], HEADLINE_REASON)]
    return paragraphs, []


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


def strip_site_name(
    title: str | None, sitename: str | None, hostname: str | None, headings: list[str]
) -> tuple[str | None, str | None]:
    """Cut the site's name off a `<title>`-style headline ("Story - The Site"): (title, the part cut or None).

    A side of a separator is the site's name when its letters match the site name or a label of the domain; the
    other side is the headline when the page's own `<h1>` says exactly that. Either piece of evidence suffices.
    """
    if not title:
        return title, None
    matches = list(TITLE_SEPARATOR.finditer(title))
    for match in reversed(matches):
        head, tail = title[: match.start()].strip(), title[match.end():].strip()
        if _letters(head) and (_is_site_name(tail, sitename, hostname) or head.casefold() in headings):
            return head, tail
    for match in matches:
        head, tail = title[: match.start()].strip(), title[match.end():].strip()
        if _letters(tail) and (_is_site_name(head, sitename, hostname) or tail.casefold() in headings):
            return tail, head
    return title, None


def _is_site_name(part: str, sitename: str | None, hostname: str | None) -> bool:
    letters = _letters(part)
    if len(letters) < 3:
        return False
    if sitename and letters == _letters(sitename):
        return True
    labels = [label for label in (hostname or "").lower().split(".")[:-1] if label not in GENERIC_HOST_LABELS]
    return any(len(label) >= 3 and (label in letters or (len(letters) >= 4 and letters in label)) for label in labels)


def _letters(text: str | None) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum()) if text else ""


def visible_headline(headings: list[str], title: str | None, sitename: str | None) -> str | None:
    """The headline readers see: the one headline-shaped `<h1>` that agrees with the metadata title.

    Metadata titles are often rewritten for search and social sharing; the `<h1>` is the story's own headline.
    An `<h1>` is trusted only when it shares words with the metadata title, so a logo, a section name or a
    gallery caption in another `<h1>` never replaces the headline; all-capitals is styling, not the headline.
    Without a usable metadata title (none, or just the site name) the page must have exactly one such `<h1>`.
    """
    shaped = [drop_kicker(h, title) for h in dict.fromkeys(headings) if 2 <= len(h.split()) <= 40 and not h.isupper()]
    if not title or (sitename and title == sitename):
        return shaped[0] if len(shaped) == 1 else None
    agreeing = [h for h in shaped if _overlap(h, title) >= MIN_HEADLINE_OVERLAP]
    return agreeing[0] if len(agreeing) == 1 else None


def _overlap(first: str, second: str) -> float:
    mine, theirs = set(WORD.findall(first.casefold())), set(WORD.findall(second.casefold()))
    return len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0


def drop_kicker(headline: str, title: str | None) -> str:
    """Cut a section label set before the headline ("Politics | Mayor elected"): a head of at most
    `MAX_KICKER_WORDS` words before the first separator, followed by a real headline, that the metadata title
    does not repeat."""
    match = TITLE_SEPARATOR.search(headline)
    if not match:
        return headline
    kicker, rest = headline[: match.start()].strip(), headline[match.end():].strip()
    if len(kicker.split()) > MAX_KICKER_WORDS or len(rest.split()) < 3:
        return headline
    if title and kicker.casefold() in title.casefold():
        return headline
    return rest


def _headings(tree: HtmlElement | None) -> list[str]:
    if tree is None:
        return []
    return [text for text in (_tidy(h1.text_content()) for h1 in tree.iter("h1")) if text]


def dropped_blocks(tree: HtmlElement | None, kept_text: str) -> list[Removed]:
    """The page's text lines that trafilatura left out (menus, cookie notices, related links), once each."""
    if tree is None:
        return []
    kept = _tidy(kept_text) or ""
    removed, seen = [], set()
    for line in page_lines(tree):
        if line not in seen and line not in kept:
            seen.add(line)
            removed.append(Removed(line, DROPPED_REASON))
    return removed


def page_lines(tree: HtmlElement) -> list[str]:
    """The visible text of the page's body, one line per block-level element, as a reader sees it laid out."""
    body = tree.find(".//body")
    lines: list[list[str]] = [[]]
    for event, element in etree.iterwalk(body if body is not None else tree, events=("start", "end")):
        is_block = isinstance(element.tag, str) and element.tag in BLOCK_LEVEL
        if event == "start":
            if is_block:
                lines.append([])
            if isinstance(element.tag, str) and element.text:
                lines[-1].append(element.text)
        else:
            if is_block:
                lines.append([])
            if element.tail:
                lines[-1].append(element.tail)
    return [text for text in (_tidy("".join(parts)) for parts in lines) if text]


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
    """The site's name for itself, else its domain; trafilatura falls back to the host name as a "site name",
    which is only a domain and is written as one."""
    if page.sitename and not DOMAIN.match(page.sitename):
        article.evidence.append(Evidence("outlet", find_markup(tree, page.sitename), "trafilatura site name"))
        return page.sitename
    host = urlsplit(article.url).hostname if article.url else (page.hostname or page.sitename)
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
