"""The names an article gives people and organisations, as mentions with their role words: a pure function of one
article, stored once per article (`corpus.entity_tables`) and grouped across articles by `block`.

A mention's block is the key every mention it could be merged with shares: a person's surname (`Vladimir Putin`,
`President Putin` and `Putin` are all in `putin`), an organisation's bare name (`the Kremlin` -> `kremlin`). Entities
are resolved one block at a time (`corpus.entities`), so new articles re-resolve only the blocks they name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..quotes.speakers import PERSON_NOUNS, TITLE_WORDS, name_words
from ..record import Article
from . import names
from .names import person_key


@dataclass(frozen=True)
class NameMention:
    """A person or organisation named in an article: where, the cleaned name, the role words in front of it."""

    article: str
    start: int
    end: int
    label: str  # "PERSON" | "ORG" | "GPE"
    name: str
    role: str | None = None
    published: str | None = None
    key: str = ""  # an organisation's merge key (`names.name_key`, an acronym expanded); a person's is the surname

    @property
    def block(self) -> str:
        return person_key(self.name)[1] if self.label == "PERSON" else self.key or org_key(self.name)

    @property
    def full(self) -> bool:
        """Whether a person's name has a first name as well as a surname."""
        return self.label == "PERSON" and len(name_words(self.name)) > 1


def org_key(name: str) -> str:
    """An organisation's merge key from a name as written (`the U.N.'s` -> `united nations`)."""
    return names.name_key(name, "ORG")


# Words that tie a role or description to a country: demonyms, seats of government, capitals.
PLACES = {
    "Russia": "russia russian russians kremlin moscow",
    "Syria": "syria syrian syrians damascus",
    "United States": "us u.s. usa american americans washington pentagon",
    "United Kingdom": "uk u.k. britain british london downing",
    "France": "france french paris elysee",
    "Germany": "germany german berlin",
    "China": "china chinese beijing",
    "Ukraine": "ukraine ukrainian kyiv kiev",
    "Iran": "iran iranian tehran",
    "Turkey": "turkey turkish ankara",
    "Israel": "israel israeli jerusalem",
    "Saudi Arabia": "saudi riyadh",
    "European Union": "eu european brussels",
    "United Nations": "un u.n. united nations",
}
PLACE_OF = {word: place for place, words in PLACES.items() for word in words.split()}
# Endings of a demonym that may open a role (`Iranian Foreign Minister`); narrower than `names.DEMONYM_ENDINGS`,
# whose `ch` would let a sentence-opening `Each` or `Which` open one.
DEMONYM_ENDINGS = ("ish", "ian", "ese", "can", "ean", "ani", "eli")
POSSESSIVE = re.compile(r"(?:'s|\u2019s)$")
# What an organisation publishes, when a source is named by it ("BBC reports", "UN figures").
DOCUMENT_NOUNS = {"report", "reports", "figures", "data", "estimate", "estimates", "statement", "statements",
                  "statistics", "tally", "count", "survey", "poll"}
ROLE_STOP = {"the", "a", "an", "and", "of", "in", "on", "at", "by", "with", "for", "to", "from", "as"}


def clean_person_name(text: str) -> tuple[str, str]:
    """(name, title) from a PERSON entity's text: `Russia's Putin` -> Putin; `President Vladimir Putin` ->
    Vladimir Putin, President."""
    text = re.sub(r"\s+", " ", text).strip(" ,.-")
    text = POSSESSIVE.sub("", text)
    words = text.split()
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if POSSESSIVE.search(w)), default=0)
    titles: list[str] = []
    while cut < len(words) - 1 and words[cut].lower() in TITLE_WORDS:
        titles.append(words[cut])
        cut += 1
    return " ".join(words[cut:]), " ".join(titles)


def role_before(text: str, start: int, sentence_start: int) -> str:
    """The role words in front of a name: role nouns, and the capitalised words or possessives qualifying them."""
    words = text[sentence_start:start].split()
    kept: list[str] = []
    has_role = False
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        bare = word.strip(",;:()\"\u201c\u201d").lower()
        if word != word.rstrip(",;:()\"\u201c\u201d") or not bare or bare in ROLE_STOP:
            break
        if index == 0 and not (bare in PERSON_NOUNS or bare in TITLE_WORDS or bare in PLACE_OF
                               or POSSESSIVE.search(word) or bare.endswith(DEMONYM_ENDINGS)):
            break  # a sentence's first word is capitalised whatever it is: `Yesterday`
        if bare in PERSON_NOUNS or bare in TITLE_WORDS:
            has_role = True
        elif not ((word[:1].isupper() and has_role) or (POSSESSIVE.search(word) and not kept)):
            break
        kept.append(word)
    return " ".join(reversed(kept))


def _headlines(article: Article) -> list[bool]:
    """Whether each entity of `article` stands in a title-case headline (where capitals say nothing)."""
    text = article.text
    inside = {i: names.is_title_case(text[s.start:s.end]) for i, s in enumerate(article.sentences)}
    return [inside.get(entity.sentence, False) for entity in article.entities]


def _labels(article: Article) -> list[str | None]:
    """The label each entity of `article` counts as (None: no entity), by `names.Screen` over the article itself:
    junk, demonym adjectives, coordinations, places typed as people, a lone surname of someone named in full.
    The screen sees one article only, so a mention's reading never depends on what else was built."""
    text = article.text
    headlines = _headlines(article)
    screen = names.Screen.build([text], [(article.id, e.text, e.label, h) for e, h in zip(article.entities, headlines)],
                                PLACE_OF)
    return [screen.label(e.text, e.label, text[max(0, e.start - 40):e.start], text[e.end:e.end + 40], article.id, h)
            for e, h in zip(article.entities, headlines)]


def _person_mentions(article: Article, labels: list[str | None]) -> list[NameMention]:
    text = article.text
    found = []
    for entity, label in zip(article.entities, labels):
        if label != "PERSON":
            continue
        name, title = clean_person_name(entity.text)
        if not name or re.search(r"[A-Z]\w+-[A-Z]", name) and len(name.split()) == 1:
            continue  # `Assad-Putin`: two names joined, not one
        sentence_start = article.sentences[entity.sentence].start if entity.sentence < len(article.sentences) else 0
        role = " ".join(p for p in (role_before(text, entity.start, sentence_start), title) if p) or None
        found.append(NameMention(article.id, entity.start, entity.end, "PERSON", name, role, article.published))
    return found


def _speaker_mentions(article: Article) -> list[NameMention]:
    """Named speakers the NER missed still become people: the quote stage found them as a cue's subject."""
    covered = {(e.start, e.end) for e in article.entities if e.label == "PERSON"}
    found = []
    for quote in article.quotes:
        if quote.speaker_via == "name" and quote.speaker and quote.speaker_start is not None:
            if any(s <= quote.speaker_start < e for s, e in covered):
                continue
            names = set(name_words(quote.speaker))
            role = " ".join(w for w in (quote.speaker_text or "").split()
                            if POSSESSIVE.sub("", w).lower() not in names) or None
            found.append(NameMention(article.id, quote.speaker_start, quote.speaker_end or quote.speaker_start,
                                     "PERSON", quote.speaker, role, article.published))
    return found


def _organisation_mentions(article: Article, labels: list[str | None]) -> list[NameMention]:
    """Organisations and places that speak (`the Kremlin said`, `Russia said`), keyed by `names.name_key`
    (`U.N.`, `UN` and `United Nations` one); an acronym joins the full name with those initials in its article."""
    chosen = [(e, label, names.clean_name(e.text)) for e, label in zip(article.entities, labels)
              if label in ("ORG", "GPE")]
    targets = names.acronym_targets((article.id, name) for _, _, name in chosen)
    found = []
    for entity, label, name in chosen:
        if name:
            key = names.name_key(name, label)
            found.append(NameMention(article.id, entity.start, entity.end, label, name, None, article.published,
                                     targets.get((article.id, key), key)))
    return found


def name_mentions(article: Article) -> list[NameMention]:
    """Every person and organisation the article names, in text order, one mention per span and label."""
    labels = _labels(article)
    found = {(m.start, m.end, m.label): m for m in
             _person_mentions(article, labels) + _speaker_mentions(article) + _organisation_mentions(article, labels)
             if m.block}
    return sorted(found.values(), key=lambda m: (m.start, m.end, m.label))


def places(words: str) -> list[str]:
    """The countries and organisations the words of a role or description tie to (`Russian Foreign Minister`)."""
    found = []
    for word in re.split(r"[\s\-]+", words):
        place = PLACE_OF.get(POSSESSIVE.sub("", word.strip(",.")).lower())
        if place and place not in found:
            found.append(place)
    return found
