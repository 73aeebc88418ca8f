"""Metadata lines of a plain-text article: URL lines, the outlet's name, and the shape of titles.

The outlet is read off the page where it names itself (a URL's domain, "A Message from The Moscow Times:",
"© 2015 The Guardian"). A domain becomes a readable name only with evidence: the same letters written as a name on
the page, or a split of the domain into ordinary words ("themoscowtimes" -> The Moscow Times); otherwise the domain
itself is the most honest name we have.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

import wordninja

_URL = re.compile(r"<?(https?://[^\s<>]+)>?")
_URL_LABEL = r"(?:original\s+)?(?:url|link|source|permalink|canonical|web\s+address|article\s+url|read\s+online)"
_URL_LINE = re.compile(rf"^(?:{_URL_LABEL})\s*:?\s*(?:<?(?P<url>https?://[^\s<>]+)>?)?$", re.I)
_BARE_URL = re.compile(r"^<?(?P<url>https?://[^\s<>]+)>?$")
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "news"}
_NAME = r"(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&)){0,5}"
_SELF_NAMING = [
    (re.compile(rf"\b(?i:message|note|letter)\s+from\s+(?P<name>{_NAME})"), "named in appeal heading"),
    (re.compile(rf"(?:©|\(c\)|(?i:copyright))\s*(?:\d{{4}}\s*)?(?P<name>{_NAME})"), "copyright notice"),
    (re.compile(rf"\b(?:journalists|staff|team|editors)\s+(?:of|at)\s+(?P<name>{_NAME})"), "named in appeal"),
    (re.compile(rf"\b(?:supporting|support|subscribe to|donate to)\s+(?P<name>{_NAME})"), "named in appeal"),
]
_TRAILING_JOINERS = re.compile(r"(\s+(of|and|&))+$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*$")
# A full stop ends a sentence after a word of two or more small letters; "J. Blige" and "N.Y. debate" go on.
_SENTENCE_BREAK = re.compile(r"[a-z0-9]{2}[.!?][\"'”’)]*\s+[A-Z“\"]")
# Past-tense attribution marks a lead sentence; headlines attribute in the present ("Flynn says ...").
_ATTRIBUTION = re.compile(r"\b(said|told|according to)\b", re.I)
_ABBREVIATION_END = re.compile(r"(\b[A-Za-z]\.){2,}$|\.\.$")
MAX_HEADLINE_SENTENCE_WORDS = 20
MAX_SHORT_HEADLINE_WORDS = 14
TITLE_CASE_SHARE = 0.7
_LABELLED = re.compile(
    r"^(?P<label>title|headline|subtitle|subheadline|standfirst|author|authors|byline|by|source|publisher|outlet"
    r"|site|section|category|categories|tags?|keywords)\s*:\s*(?P<value>\S.*)$", re.I)
_FIELD_OF_LABEL = {"title": "title", "headline": "title", "subtitle": "subtitle", "subheadline": "subtitle",
                   "standfirst": "subtitle", "publisher": "outlet", "outlet": "outlet", "site": "outlet"}
# "Source: NATO" under a chart credits data, not the outlet: such lines are credits, never the outlet.
BARE_DOMAIN = "url domain"
MAX_LABELLED_WORDS = 30
MAX_NAME_WORDS = 6
MIN_SEGMENT_LETTERS = 3
MAX_TITLE_WORDS = 25
MAX_SUBTITLE_WORDS = 40


@dataclass
class UrlLine:
    """A URL line: its URL, or None for a label ('Original url:') whose URL sits on the next line."""

    url: str | None
    text: str
    labelled: bool


@dataclass
class LabelledLine:
    """A 'Label: value' line of a metadata header: the record field it fills (None: kept only as removed)."""

    field: str | None
    label: str
    value: str
    text: str


@dataclass
class Outlet:
    name: str
    method: str
    text: str


def clean_url(url: str) -> str:
    return url.rstrip(".,;:)]>")


def parse_url_line(line: str) -> UrlLine | None:
    """Recognise 'Original url: <…>', a bare '<https://…>' line, or a label alone; else None."""
    labelled = _URL_LINE.match(line)
    match = labelled or _BARE_URL.match(line)
    if not match:
        return None
    url = match.group("url")
    return UrlLine(clean_url(url) if url else None, line, labelled is not None)


def parse_labelled_line(line: str) -> LabelledLine | None:
    """Recognise a header line such as 'Title: ...', 'Author: ...' or 'Publisher: ...'; else None."""
    match = _LABELLED.match(line)
    if not match or len(match.group("value").split()) > MAX_LABELLED_WORDS:
        return None
    label, value = match.group("label").lower(), match.group("value").strip()
    field = _FIELD_OF_LABEL.get(label)
    if field == "outlet" and not is_name(value):
        return None  # "Source: Flight turned back" is a headline quoting a source, not an outlet
    return LabelledLine(field, label, value, line)


def is_name(value: str) -> bool:
    """A proper name's shape: a few words, each capitalised or a joining word ('The Eastmoor Courier')."""
    words = value.rstrip(".").split()
    joiners = {"of", "the", "and", "&", "for", "on", "de"}
    return 0 < len(words) <= MAX_NAME_WORDS and all(w[0].isupper() or w[0].isdigit() or w in joiners for w in words)


def domain_of(url: str) -> str | None:
    """The registered domain ('www.themoscowtimes.com' -> 'themoscowtimes.com', 'bbc.co.uk' kept whole)."""
    host = (urlparse(url).hostname or "").lower()
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return host or None
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def name_on_page(label: str, page: str) -> str | None:
    """A capitalised name on the page spelling the domain's label ('The Moscow Times' for 'themoscowtimes')."""
    for match in re.finditer(_NAME, page):
        words = match.group(0).split()
        for start in range(len(words)):
            for end in range(len(words), start, -1):
                candidate = " ".join(words[start:end]).rstrip(".,:;")
                if _letters(candidate) == label or _letters(candidate) == label.removeprefix("the"):
                    return candidate
    return None


def segmented_name(label: str) -> str | None:
    """Title-cased words of a domain label, when it splits into ordinary words of three letters or more."""
    parts = wordninja.split(label)
    if len(parts) < 2 or any(len(part) < MIN_SEGMENT_LETTERS or not part.isalpha() for part in parts):
        return None
    return " ".join(part.capitalize() for part in parts)


def outlet_from_url(url: str, page: str) -> Outlet | None:
    """The outlet a URL names, as readable as the evidence allows."""
    domain = domain_of(url)
    if not domain:
        return None
    label = domain.split(".")[0].replace("-", "")
    shown = name_on_page(label, page)
    if shown:
        return Outlet(shown, "url domain, name shown on page", url)
    segmented = segmented_name(label)
    if segmented:
        return Outlet(segmented, "url domain, split into words", url)
    return Outlet(domain, BARE_DOMAIN, url)


def outlet_named_in(text: str) -> Outlet | None:
    """The outlet as a page names itself in its own furniture (appeal heading, copyright line)."""
    for pattern, method in _SELF_NAMING:
        match = pattern.search(text)
        if match:
            name = _TRAILING_JOINERS.sub("", match.group("name")).rstrip(".,:;")
            if len(name.split()) >= 1 and name.lower() not in {"the", "us", "our"}:
                return Outlet(name, method, text)
    return None


def markdown_heading(line: str) -> str | None:
    """The heading text of a markdown heading line ('# Title' -> 'Title'); else None."""
    match = _MARKDOWN_HEADING.match(line)
    return match.group("text") if match else None


def is_heading_shaped(line: str, max_words: int = MAX_TITLE_WORDS) -> bool:
    """A headline's shape: a few words, one unit, not closed by a full stop like a body sentence."""
    words = line.split()
    if not 2 <= len(words) <= max_words or line.endswith((".", ":", ",", ";")):
        return False
    return not line[0].islower() and not _SENTENCE_BREAK.search(line)


def is_subtitle_shaped(line: str) -> bool:
    return is_heading_shaped(line, MAX_SUBTITLE_WORDS) and len(line.split()) >= 3


def is_headline_sentence(line: str, following: str) -> bool:
    """A headline some pages close with a full stop: short and one unit, and either written in Title Case or,
    in sentence case, without past-tense attribution and either very short or shorter than the paragraph after
    it (a lead sentence standing alone would report who said it, or run longer)."""
    words = line.split()
    if not line.endswith(".") or len(words) > MAX_HEADLINE_SENTENCE_WORDS:
        return False
    if not is_heading_shaped(line[:-1]):
        return False
    if is_title_case(line):
        return True
    if _ATTRIBUTION.search(line):
        return False
    return len(words) <= MAX_SHORT_HEADLINE_WORDS or len(following.split()) > len(words)


def is_title_case(line: str) -> bool:
    """Most longer words capitalised, as headlines are written ('Trump Could Address Clean Energy, Graham Says')."""
    long_words = [word for word in re.findall(r"[^\W\d_][\w'’-]*", line) if len(word) >= 4]
    capitalised = sum(word[0].isupper() for word in long_words)
    return bool(long_words) and capitalised >= TITLE_CASE_SHARE * len(long_words)


def strip_final_stop(title: str) -> str:
    """Drop a headline's closing full stop ('Bad Optics.' -> 'Bad Optics'), not an abbreviation's ('U.S.')."""
    if title.endswith(".") and not _ABBREVIATION_END.search(title):
        return title[:-1].rstrip()
    return title
