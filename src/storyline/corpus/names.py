"""What name a mention is, as a careful reader would decide it: the merge key of a mention, which mentions are not
names at all, and when a bare surname may be given to a person.

Rules, not seed strings. Dotted forms lose their dots (`U.N.` is `UN`); an acronym is one entity with the full
name whose content words' initials spell it (`FBI`, `Federal Bureau of Investigation`), found in the same article
first, else once in the corpus; a small table holds the country and organisation short forms a reader knows without
being told (`US`, `UK`, `Britain`, `UN`, `EU`). A demonym used as an adjective (`Russian officials`) is not the
country. Junk is what a reader would never list as an entity: lower-case text, bare common words (`State`), and
mentions the rest of the corpus labels otherwise (`Ankara` tagged PERSON once and GPE five times is a place).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..quotes.speakers import TITLE_WORDS, name_words

POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}[A-Za-z]?\.?")
# Short forms a reader resolves without the full name in the text; the full names' own forms merge by rule.
SHORT_FORMS = {
    "US": "United States", "USA": "United States", "United States of America": "United States",
    "UK": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "UN": "United Nations", "EU": "European Union", "UAE": "United Arab Emirates",
    "Russian Federation": "Russia", "People's Republic of China": "China", "PRC": "China",
    "DPRK": "North Korea", "ROK": "South Korea",
}
# Words that do not give an acronym its letters (`Federal Bureau of Investigation` is FBI).
FUNCTION_WORDS = {"of", "the", "for", "and", "on", "in", "at", "to", "de", "du", "des", "la", "le", "et", "&"}
# Generic nouns that name no one when they stand alone as a name (`State`, `the Ministry`).
GENERIC_NAMES = {
    "state", "states", "government", "ministry", "department", "council", "court", "party", "army", "police",
    "city", "country", "republic", "kingdom", "union", "committee", "agency", "office", "administration", "house",
    "senate", "assembly", "authority", "authorities", "commission", "federation", "forces", "group", "company",
    "university", "school", "hospital", "church", "county", "province", "region", "district", "capital", "north",
    "south", "east", "west", "national", "international", "federal", "central", "today", "news",
}
DEMONYM_ENDINGS = ("ian", "ese", "ish", "ean", "can", "ani", "eli", "qi", "udi", "ch", "ek", "ai")
PLACE_PREPOSITIONS = {"in", "near", "outside", "inside", "throughout", "across"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}


@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """A mention's text as a name: spaces collapsed, a leading `the` and a trailing possessive gone, dotted
    acronyms undotted (`the U.S.'s` -> `US`)."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:-\"'\u201c\u201d\u2018\u2019()")
    text = POSSESSIVE.sub("", re.sub(r"^(?:the|The|THE)\s+", "", text))
    words = [w.replace(".", "").upper() if DOTTED.fullmatch(w) else w for w in text.split()]
    return " ".join(words).rstrip(".,")


def is_acronym(name: str) -> bool:
    """`UN`, `NATO`, `FBI` (after `clean_name`): two to six capitals and nothing else."""
    return bool(re.fullmatch(r"[A-Z][A-Z&]{1,5}", name))


def initials(name: str) -> set[str]:
    """The acronyms a full name may have: its content words' initials, and every word's (`Department of
    Justice` -> DJ, DOJ). None for one word or a name with a lower-case content word."""
    words = name.split()
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    if len(content) < 2 or not all(w[:1].isupper() for w in content):
        return set()
    return {"".join(w[0] for w in content).upper(), "".join(w[0] for w in words if w != "&").upper()}


def person_key(name: str) -> tuple[str, str]:
    """(first name, surname) of a cleaned person name; the first name is empty for a bare surname. Middle names
    and initials do not count: `Hillary Rodham Clinton` and `Hillary Clinton` are one key."""
    words = name_words(name)
    return (words[0] if len(words) > 1 else "", words[-1] if words else "")


def name_key(text: str, label: str) -> str:
    """The merge key of a mention: `first|last` for a person (`|last` for a bare surname); otherwise the
    lower-cased cleaned name, a short form replaced by the full name it stands for (`U.S.` -> `united states`).
    Acronyms the table does not hold stay themselves here; `AcronymIndex` ties them to a full name in the corpus."""
    if label == "PERSON":
        return "|".join(person_key(clean_name(text)))
    return display_name(text, label).lower()


def display_name(text: str, label: str) -> str:
    """The form to show for a mention: the full name of a known short form (as written: `us` is a pronoun), else
    the cleaned name."""
    name = clean_name(text)
    return name if label == "PERSON" else SHORT_FORMS.get(name, name)


def is_junk(text: str, label: str) -> bool:
    """Not a name a reader would list: no capital letter (`china`), no letters, a lone generic word (`State`,
    `Ministry`) or a lone title (`President`). `Foreign Ministry` stays: two words make a name."""
    name = clean_name(text)
    if label not in NAME_LABELS or not re.search(r"[A-Z]", name) or len(re.sub(r"[^A-Za-z]", "", name)) < 2:
        return True
    if not re.search(r"[A-Z]", name.split()[0]) and not re.match(r"(?:al|el|de|van|von|bin|ibn|da|di)[- ]", name):
        return True  # `china`, `the state of Ohio`; `al-Qaeda`, `eBay` stay
    word = name.lower()
    return " " not in word and (word in GENERIC_NAMES or word in TITLE_WORDS)


def is_demonym_adjective(text: str, after: str) -> bool:
    """A demonym qualifying a noun (`Russian officials`, `Iraqi forces`): a people, not the country, whatever label
    the tagger gave it. `after` is the text that follows the mention."""
    name = clean_name(text)
    if " " in name or not name.lower().endswith(DEMONYM_ENDINGS) or name in SHORT_FORMS:
        return False
    following = re.match(r"\s*([A-Za-z][\w-]*)", after)
    return bool(following) and following.group(1)[:1].islower()


def is_place_by_context(text: str, before: str, after: str) -> bool:
    """A lone capitalised word after `in`/`near`/`outside` (`talks in Ankara`) names a place, not a person,
    unless it is a possessive (`in Merkel's view`)."""
    if " " in clean_name(text) or re.match(r"(?:'s|\u2019s)\b", after):
        return False
    previous = re.search(r"(\w+)\s*$", before)
    return bool(previous) and previous.group(1).lower() in PLACE_PREPOSITIONS


@dataclass
class LabelVotes:
    """How the tagger labelled each name across the corpus, so that one odd label is outvoted."""

    votes: dict[str, Counter]

    @classmethod
    def count(cls, mentions: Iterable[tuple[str, str]]) -> LabelVotes:
        votes: dict[str, Counter] = {}
        for text, label in mentions:
            if label in NAME_LABELS:
                votes.setdefault(clean_name(text).lower(), Counter())[label] += 1
        return cls(votes)

    def label(self, text: str, label: str) -> str:
        """The label most mentions of this text carry; the given one on a tie or when it holds the most."""
        counts = self.votes.get(clean_name(text).lower())
        if not counts:
            return label
        best, top = counts.most_common(1)[0]
        return best if top > counts[label] else label


def is_common_word(name: str, lower_uses: Counter, capital_uses: Counter) -> bool:
    """A one-word name the corpus writes in lower case at least as often as capitalised mid-sentence is a common
    word (`State` beside `the state`), not a name."""
    if " " in name or not name[:1].isupper() or name.isupper():
        return False
    word = name.lower()
    return lower_uses[word] > 0 and lower_uses[word] >= capital_uses[word]


def word_uses(texts: Iterable[str]) -> tuple[Counter, Counter]:
    """(lower-case uses, capitalised uses not at a sentence start) of each word in `texts`, lower-cased."""
    lower: Counter = Counter()
    capital: Counter = Counter()
    for text in texts:
        for match in re.finditer(r"(?<![.!?\"\u201c]\s)(?<!^)\b([A-Za-z][a-z]+)\b", text, flags=re.M):
            word = match.group(1)
            (capital if word[0].isupper() else lower)[word.lower()] += 1
    return lower, capital


@dataclass
class AcronymIndex:
    """The full names in a corpus by the acronyms they may have, with the articles each appears in."""

    by_acronym: dict[str, dict[str, set[str]]]

    @classmethod
    def build(cls, names: Iterable[tuple[str, str]]) -> AcronymIndex:
        """`names`: (article, cleaned full name) pairs."""
        index: dict[str, dict[str, set[str]]] = {}
        for article, name in names:
            for acronym in initials(name):
                index.setdefault(acronym, {}).setdefault(name.lower(), set()).add(article)
        return cls(index)

    def expand(self, acronym: str, article: str) -> str | None:
        """The key of the full name an acronym stands for: the one such name in the same article, else the one in
        the corpus; none when that is ambiguous or absent."""
        candidates = self.by_acronym.get(acronym.upper(), {})
        here = [key for key, articles in candidates.items() if article in articles]
        if len(here) == 1:
            return here[0]
        return next(iter(candidates)) if len(candidates) == 1 and not here else None


@dataclass
class Holder:
    """A person with a full name who bears a surname: full-name mentions in one article and in the corpus."""

    key: tuple[str, str]
    in_article: int
    total: int


def _dominant(counts: list[int], ratio: float) -> int | None:
    ranked = sorted(range(len(counts)), key=lambda i: -counts[i])
    if not ranked or counts[ranked[0]] == 0:
        return None
    if len(ranked) == 1 or counts[ranked[0]] >= ratio * max(counts[ranked[1]], 1) and counts[ranked[0]] > counts[
            ranked[1]]:
        return ranked[0]
    return None


def surname_holder(holders: list[Holder]) -> tuple[str, str] | None:
    """Who a bare surname names: the one person of that surname the same article names in full (several: the one
    it names most, else the one the corpus names far most); none named there: the corpus's person of that surname
    when only one exists or one dominates (three times the next). Else ambiguous (None): `Trump` is never given
    to Ivanka Trump on the surname alone."""
    here = [h for h in holders if h.in_article]
    if len(here) == 1:
        return here[0].key
    if here:
        pick = _dominant([h.in_article for h in here], 2.0)
        pick = pick if pick is not None else _dominant([h.total for h in here], 3.0)
        return here[pick].key if pick is not None else None
    pick = _dominant([h.total for h in holders], 3.0)
    return holders[pick].key if pick is not None else None


def acronym_targets(mentions: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """For (article, cleaned name) of every organisation and place mention: {(article, acronym's key): the key of
    the full name it stands for}, by `AcronymIndex.expand`."""
    mentions = list(mentions)
    index = AcronymIndex.build((a, n) for a, n in mentions if " " in n)
    targets = {}
    for article, name in mentions:
        if is_acronym(name):
            full = index.expand(name, article)
            if full is not None:
                targets[(article, name.lower())] = full
    return targets


@lru_cache(maxsize=65536)
def is_title_case(sentence: str) -> bool:
    """A headline set in title case (`Obama Reverses Bush Rules On Species`): no closing stop, and its content
    words capitalised, so capitals there say nothing about where a name begins or ends."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", sentence) if w.lower() not in FUNCTION_WORDS]
    if len(words) < 3 or re.search(r"[.!?][\"'\u201d\u2019)]*\s*$", sentence):
        return False  # prose ends its sentences; a headline does not
    return sum(w[0].islower() for w in words) <= len(words) // 8


def is_coordination(name: str, known: Iterable[str] | dict) -> bool:
    """Two names joined (`Lopez and Carrasquillo`, `People and Us Weekly`): both sides are tagged on their own in
    the corpus. `Bosnia and Herzegovina` stays one while `Herzegovina` never stands alone."""
    parts = re.split(r"\s+(?:and|&)\s+", name)
    return len(parts) == 2 and all(part.lower() in known for part in parts)


def trim_person(name: str, known: Counter) -> str:
    """A person name with a headline's words run on (`Lindsay Lohan Checks Into Rehab`) cut back to the longest
    two-word-or-longer start of it the corpus tags as a person more often than the whole."""
    words = name.split()
    for end in range(len(words) - 1, 1, -1):
        start = " ".join(words[:end])
        if known[start.lower()] > known[name.lower()]:
            return start
    return name


@dataclass
class Screen:
    """Which label a mention counts as in this corpus, or None when it is no entity: junk, a demonym used as an
    adjective, a common word, or a label the rest of the corpus outvotes. A lone word the same article gives a
    person as surname is that person (`Lohan` tagged ORG beside `Lindsay Lohan`)."""

    votes: LabelVotes
    lower_uses: Counter
    capital_uses: Counter
    surnames: set[tuple[str, str]]  # (article, surname) of every person named in full
    people: Counter  # how often each cleaned text is tagged PERSON
    in_prose: set[str]  # cleaned texts tagged at least once outside a title-case headline
    places: frozenset[str] = frozenset()  # lower-cased words known to name a place (capitals, seats of government)

    @classmethod
    def build(cls, texts: Iterable[str], mentions: Iterable[tuple[str, str, str, bool]],
              places: Iterable[str] = ()) -> Screen:
        """`texts`: the articles' texts; `mentions`: (article, text, label, in a title-case headline) of every NER
        mention in them; `places`: words known to name places (`ankara`), so that one tagged PERSON is a place."""
        mentions = [(a, clean_name(t), label, headline) for a, t, label, headline in mentions]
        lower, capital = word_uses(texts)
        people = Counter(t.lower() for _, t, label, _ in mentions if label == "PERSON")
        surnames = {(a, person_key(t)[1]) for a, t, label, _ in mentions if label == "PERSON" and " " in t}
        in_prose = {t.lower() for _, t, _, headline in mentions if not headline}
        return cls(LabelVotes.count((t, label) for _, t, label, _ in mentions), lower, capital, surnames, people,
                   in_prose, frozenset(p.lower() for p in places))

    def label(self, text: str, label: str, before: str = "", after: str = "", article: str = "",
              headline: bool = False) -> str | None:
        """The label of a mention given the text just before and after it; None when it is no entity. In a
        title-case headline only a name the corpus also tags in prose counts (`Obama Reverses Bush` does not)."""
        name = clean_name(text)
        if is_junk(text, label) or headline and not self._in_prose(name, label):
            return None
        if is_coordination(name, self.votes.votes):
            return None
        if " " not in name and (article, name.lower()) in self.surnames:
            return "PERSON"
        label = self.votes.label(text, label)
        if label == "PERSON":
            place = is_place_by_context(text, before, after) or name.lower() in self.places
            return "GPE" if place else label
        if is_demonym_adjective(text, after) or is_common_word(name, self.lower_uses, self.capital_uses):
            return None
        return label

    def _in_prose(self, name: str, label: str) -> bool:
        """Whether the corpus tags this name in prose too, or, for a person, the name a headline ran on from."""
        trimmed = self.person_name(name) if label == "PERSON" else name
        return trimmed.lower() in self.in_prose

    def person_name(self, name: str) -> str:
        """A cleaned person name, headline words run on cut away (`trim_person`)."""
        return trim_person(name, self.people)
