"""Page furniture: single lines that belong to the web page, not the story, recognisable by their shape alone.

Buttons and navigation are a few words from the small vocabulary every site uses ("Read more", "Share",
"Subscribe"), with no sentence around them; credits and counters have a fixed shape (a parenthesised agency list, a
bare number, "Photo: ..."). Each rule looks at the form of the whole line so that a body sentence that merely
contains one of these words is never matched.
"""
from __future__ import annotations

import re

MAX_BUTTON_WORDS = 6
MAX_CREDIT_WORDS = 15

# Interface words: buttons, menus, share bars, donation frequency pickers, pagers. Matched as the whole line.
_INTERFACE = {
    "read more", "read more here", "continue reading", "see more", "show more", "load more", "learn more", "more",
    "support us", "support", "donate", "donate now", "give now", "subscribe", "subscribe now", "sign up",
    "sign up now", "sign up here", "sign in",
    "log in", "login", "log out", "register", "join us", "become a member", "once", "one-time", "one time",
    "monthly", "annual", "annually", "yearly", "weekly", "continue", "next", "previous", "prev", "back",
    "back to top", "top", "home", "menu", "close", "search", "share", "share this", "share this article",
    "share this story", "share on facebook", "share on twitter", "tweet", "email", "e-mail", "print", "save",
    "copy link", "comments", "comment", "view comments", "leave a comment", "facebook", "twitter", "whatsapp",
    "linkedin", "telegram", "reddit", "pinterest", "follow us", "like", "listen", "watch", "play", "click here",
    "remind me later", "maybe later", "no thanks", "not now", "accept", "accept all", "reject", "reject all",
    "ok", "got it", "i agree", "skip to content", "skip to main content", "related", "related articles",
    "related stories", "related content", "most read", "most popular", "trending", "top stories", "latest news",
    "you may also like", "recommended", "recommended for you", "tags", "topics", "newsletter", "advertisement",
    "advertising", "sponsored", "sponsored content", "ad", "story continues below",
    "story continues below advertisement",
    "scroll to continue", "scroll to continue with content", "paid content", "paid post", "post a comment",
    "add a comment", "write a comment", "show comments", "hide comments", "reply", "report", "delete comment",
    "report comment", "edit comment", "report this comment",
}
_AD_WORDS = {"advertisement", "advertising", "sponsored", "sponsored content", "ad", "story continues below",
             "story continues below advertisement", "scroll to continue", "scroll to continue with content",
             "paid content", "paid post"}
_SEPARATORS = re.compile(r"\s*[|·•/]\s*")
_EDGE_PUNCT = " .:!›»>→<‹«-–—()[]"

_RELATED_LINK = re.compile(
    r"^(read more|related|see also|also read|read also|more on this|recommended|watch)\s*[:|–—-]\s*\S", re.I)
_PAGE_COUNTER = re.compile(r"^[-–—\s]*(page\s+)?\d{1,3}(\s*(/|of)\s*\d{1,3})?[-–—\s]*$", re.I)
_AGENCY = r"[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}"
_WIRE_CREDIT = re.compile(rf"^[*_\s]*[(\[]\s*{_AGENCY}(?:\s*[,/;]\s*{_AGENCY})*\s*[)\]][*_\s]*$")
_REPORTING_CREDIT = re.compile(r"^(additional )?(reporting|writing|editing|compiled|produced) by\b", re.I)
_PHOTO_LABEL = re.compile(
    r"^\(?\s*(photo|photograph|image|picture|pic|illustration|graphic|video|footage)s?"
    r"(\s+credits?)?\s*(:|/|©|by\b|courtesy\b)", re.I)
_PHOTO_AGENCY = re.compile(r"getty images|shutterstock|\bap photo\b|\bafp photo\b|\bepa(-efe)?\b/|reuters/"
                           r"|/\s*reuters\b|"
                           r"\bphoto credit\b|\bfile photo\b|\bpool photo\b", re.I)
_COPYRIGHT = re.compile(r"^(©|\(c\)|copyright\b|all rights reserved)|\bmay not be (re)?(published|reproduced|"
                        r"broadcast|rewritten|redistributed)\b", re.I)
# Caption and credit labels of picture players ("Image copyright Reuters", "Image caption Crowds gathered ...").
_MEDIA_LABEL = re.compile(r"^(photo|image|picture|media|video)\s+(copyright|credit|source|caption)\b", re.I)
MAX_CAPTION_LABEL_WORDS = 50
# Social buttons written out ("Follow us on Twitter", "Share on WhatsApp", "Like us on Facebook").
_SOCIAL = re.compile(r"^((follow|like|join|find|friend) us|share( this( article| story)?)?|connect with us)"
                     r"\s+(on|via)\s+[\w.+ ]{1,30}$", re.I)
_BROWSER_NOTICE = re.compile(r"\b(enable|turn on|activate)\s+javascript\b|\byour browser (does not|doesn't) support"
                             r"|\bupgrade your browser\b|^loading(\.\.\.|…)?$", re.I)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(r"\b(use|uses|accept|consent|policy|settings|browser|browsing|experience|agree)\b", re.I)
# A cookie notice speaks to the reader for the site; a story about cookies does not.
_SITE_VOICE = re.compile(r"\b(we|our|you|your|this (site|website))\b", re.I)
_BYLINE = re.compile(r"^(?i:by)\s+[A-Z][\w.'’-]+(\s+(and\s+)?[A-Z][\w.'’-]+){0,5}\s*(,.{0,40})?$")
# A note on the author at the foot of the story: "Jane Roe is a senior reporter for The Courier, covering ...".
_AUTHOR_NOTE = re.compile(
    r"^[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}\s+(is|was)\s+(a|an|the)\s+([\w-]+\s+){0,3}"
    r"(writer|reporter|editor|correspondent|journalist|columnist|contributor|producer|blogger)\b"
    r"(\s+(for|at|with|on|of|covering|based|who)\b|[.,])")
MAX_AUTHOR_NOTE_WORDS = 60
MAX_COOKIE_WORDS = 80
MAX_PROMPT_WORDS = 40
# Comment prompts: the site inviting the reader to the comment section or the letters page.
_COMMENT_PROMPT = re.compile(
    r"\b(leave|post|add|write|submit)\s+(a|your)\s+(comment|reply|letter to the editor)|share your (thoughts|views)"
    r"|join the (discussion|conversation|debate)|we want to hear (from you|what you think)|comments are closed"
    r"|our community guidelines|when (making|posting) a comment"
    r"|^\d+\s+comments?$|^comments?\s*\(\d+\)$", re.I)
# Affiliate and sponsorship disclosures, in the site's own voice.
_DISCLOSURE = re.compile(
    r"\baffiliate (links?|commission)|\bwe may (earn|receive) (a )?(small )?(commission|compensation)"
    r"|\bcontains (affiliate )?(links|references) to products", re.I)
# A section label: one or two capitalised words alone ("ABSTRACT.", "LETTERS", "TOP STORIES").
_SECTION_LABEL = re.compile(r"^[A-Z][A-Z&'’-]+(\s+[A-Z][A-Z&'’-]+)?\.?:?$")
# Style sheet or script lines leaked into the text ("text-align: left;", ".image-wrap {", "}").
_PAGE_CODE = re.compile(
    r"^[.#@]?[\w-]+(?:[ \t]+[.#:]?[\w-]+){0,3}\s*\{$|^-?[a-z]+(?:-[a-z]+)*\s*:\s*[^:;]{1,60};$|^[{}]\s*[.;]?$")


def _words(line: str) -> list[str]:
    return line.split()


def button_reason(line: str) -> str | None:
    """'navigation' or 'ad notice' when the whole line is interface words (maybe several, split by | or ·)."""
    if len(_words(line)) > MAX_BUTTON_WORDS:
        return None
    parts = [p.strip(_EDGE_PUNCT).lower() for p in _SEPARATORS.split(line)]
    parts = [p for p in parts if p]
    if not parts or not all(p in _INTERFACE for p in parts):
        return None
    return "ad notice" if all(p in _AD_WORDS for p in parts) else "navigation"


def credit_reason(line: str) -> str | None:
    """'photo credit', 'wire credit', 'copyright notice' or 'byline' for a short line of that fixed shape."""
    if len(_words(line)) > MAX_CREDIT_WORDS:
        return None
    if _WIRE_CREDIT.match(line) or _REPORTING_CREDIT.match(line):
        return "wire credit"
    if _PHOTO_LABEL.match(line) or _PHOTO_AGENCY.search(line):
        return "photo credit"
    if _COPYRIGHT.search(line):
        return "copyright notice"
    if _BYLINE.match(line):
        return "byline"
    return None


def is_cookie_notice(line: str) -> bool:
    """A short paragraph about cookies and consent, in the site's own voice."""
    return (len(_words(line)) <= MAX_COOKIE_WORDS and bool(_COOKIE.search(line))
            and bool(_COOKIE_CONTEXT.search(line)) and bool(_SITE_VOICE.search(line)))


def furniture_reason(line: str) -> str | None:
    """Why this single line is page furniture, or None when its shape says nothing."""
    if _PAGE_COUNTER.match(line):
        return "page counter"
    if _PAGE_CODE.match(line):
        return "page code"
    if _MEDIA_LABEL.match(line) and len(_words(line)) <= MAX_CAPTION_LABEL_WORDS:
        return "photo caption" if "caption" in line.lower().split()[1] else "photo credit"
    if _SOCIAL.match(line):
        return "navigation"
    if _BROWSER_NOTICE.search(line) and len(_words(line)) <= MAX_PROMPT_WORDS:
        return "browser notice"
    if _RELATED_LINK.match(line) and len(_words(line)) <= 2 * MAX_CREDIT_WORDS:
        return "related link"
    if is_cookie_notice(line):
        return "cookie notice"
    if _AUTHOR_NOTE.match(line) and len(_words(line)) <= MAX_AUTHOR_NOTE_WORDS:
        return "author note"
    if len(_words(line)) <= MAX_PROMPT_WORDS:
        if _COMMENT_PROMPT.search(line):
            return "comment prompt"
        if _DISCLOSURE.search(line):
            return "affiliate disclosure"
    reason = button_reason(line) or credit_reason(line)
    if reason is None and _SECTION_LABEL.match(line):
        return "section label"
    return reason
