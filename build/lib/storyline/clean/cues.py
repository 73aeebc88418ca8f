"""Wording cues the boilerplate classifier weighs: what a page says to its reader, as opposed to what a story reports.

An appeal talks to the reader ("you", "your support") on behalf of the outlet ("we", "our journalism") about money,
subscriptions or the outlet itself. A news paragraph reports: it attributes ("said", "according to") and its first
persons live inside quotation marks. So cues are counted outside quotations, and attribution counts against.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")

SELF = re.compile(r"\b(we|us|our|ours|we're|we've|we'll|we’re|we’ve)\b", re.I)
ADDRESS = re.compile(r"\b(you|your|yours|you're|you've|you'll|you’re|you’ve)\b", re.I)
# "Support" alone is everyday prose ("the phone supports 4K"); as an appeal it is support for us, our work,
# journalism, or the outlet by name.
ASK = re.compile(
    r"\b(donat\w*|contribut(e|es|ion|ions)|subscri\w*|membership|become a member|sign(ing|ed)? up|paywall"
    r"|chip in|pledge"
    r"|help us|your help|your support|support(ing)? (us|our|independent|quality|local|(?-i:[A-Z])\w*)"
    r"|(?-i:[Ss]upport) today|support (the )?journalism)\b",
    re.I,
)
MONEY = re.compile(
    r"[$€£]\s?\d|\b\d+\s?(dollars|euros|pounds)\b|\b(a|per) (month|year)\b|\bmonthly\b|\bannual(ly)?\b", re.I)
MEDIA = re.compile(
    r"\b(journalis\w*|readers?|newsroom|ad-free|ads|advertis\w*|newsletters?|free press|our (work|reporting|coverage)"
    r"|independent (media|news))\b",
    re.I,
)
# A call to action: a button's words inside a sentence ("Sign up here", "Free Sign Up", "donate today").
CALL_TO_ACTION = re.compile(
    r"\b(sign(ing)? up|subscribe|register|log ?in|donate|click)\b[^.!?]{0,30}?\b(here|now|today|free|below)\b"
    r"|\bfree sign ?up\b",
    re.I,
)
ATTRIBUTION = re.compile(r"\b(said|says|told|according to|added|stated|announced|reported)\b", re.I)
SUBSCRIPTION = re.compile(r"\b(subscri\w*|newsletters?|sign up|membership|log in|register)\b", re.I)

SEED_SCORE = 3
SHORT_WORDS = 25


@dataclass(frozen=True)
class Cues:
    """Which kinds of appeal wording a paragraph uses outside quotations, and whether it attributes speech."""

    self_reference: bool
    address: bool
    ask: bool
    money: bool
    media: bool
    attribution: bool
    subscription: bool
    call_to_action: bool
    short: bool

    @property
    def score(self) -> int:
        return sum((self.self_reference, self.address, self.ask, self.money, self.media))

    @property
    def is_appeal(self) -> bool:
        """Strong evidence on its own: several kinds of appeal wording, among them an ask, in the outlet's or
        the reader's voice (we/you), and no reported speech; or, in that voice, a call to action ("Sign up
        here"). A product review
        says "we" and "you" but asks nothing; a story on campaign finance asks, but not in its own voice."""
        voiced = self.self_reference or self.address
        if self.attribution or not voiced:
            return False
        return (self.call_to_action and self.short) or (self.score >= SEED_SCORE and self.ask)

    @property
    def leans_appeal(self) -> bool:
        """Weak evidence, enough only next to appeals: the outlet or the reader addressed, no reported speech;
        a longer paragraph needs a second kind of appeal wording as well."""
        voiced = self.self_reference or self.address
        return not self.attribution and voiced and (self.short or self.score >= 2)


def unquoted(text: str) -> str:
    """The text with quoted spans removed: quotations are what others said, not what the page says."""
    return _QUOTED.sub(" ", text)


def read_cues(paragraph: str) -> Cues:
    """Count the appeal cues in a paragraph."""
    text = unquoted(paragraph)
    return Cues(
        self_reference=bool(SELF.search(text)),
        address=bool(ADDRESS.search(text)),
        ask=bool(ASK.search(text)),
        money=bool(MONEY.search(text)),
        media=bool(MEDIA.search(text)),
        attribution=bool(ATTRIBUTION.search(text)),
        subscription=bool(SUBSCRIPTION.search(text)),
        call_to_action=bool(CALL_TO_ACTION.search(text)),
        short=len(paragraph.split()) <= SHORT_WORDS,
    )
