"""Cross-article entity canonicalisation: one entity per person or organisation, and every quote tied to one.

Person names are grouped by surname and first name (`President Vladimir Putin`, `Vladimir Putin` and `Putin` are
one; `Bashar al-Assad` and `Bashar Assad` are one), a lone surname joining the person of that surname the same
article names in full, else the corpus's only or dominant one, else staying apart (`names.surname_holder`).
Organisations and places merge on `names.name_key` (`U.N.`, `UN`, `United Nations`), and `names.Screen` decides
which mentions are entities at all (no demonym adjectives, lower-case or common words, outvoted labels).

The words in front of a name are its role in that article (`Russian Foreign Ministry spokesman`); the countries
those roles name become the entity's affiliations, which is how a description such as `the Kremlin strongman` is
resolved when its own article does not say who it is: to the nearest person named before the quote whose
affiliations the corpus shows match the description's.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from ..quotes.speakers import PERSON_NOUNS, TITLE_WORDS, is_indefinite, name_words
from ..record import Article, CanonicalEntity, Quote, Role
from . import names

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
POSSESSIVE = re.compile(r"(?:'s|\u2019s)$")
DEMONYM_ENDINGS = ("ish", "ian", "ese", "can", "ean", "ani", "eli")
# What an organisation publishes, when a source is named by it ("BBC reports", "UN figures").
DOCUMENT_NOUNS = {"report", "reports", "figures", "data", "estimate", "estimates", "statement", "statements",
                  "statistics", "tally", "count", "survey", "poll"}
ROLE_STOP = {"the", "a", "an", "and", "of", "in", "on", "at", "by", "with", "for", "to", "from", "as"}


def entity_id(name: str, label: str) -> str:
    """A stable id: the same canonical name and label give the same id in every build."""
    return hashlib.sha1(f"{label}\0{name}".encode()).hexdigest()[:12]


@dataclass
class _Mention:
    article: str
    name: str
    start: int
    end: int
    role: str | None
    published: str | None


@dataclass
class _Cluster:
    label: str
    forms: Counter = field(default_factory=Counter)
    mentions: list[_Mention] = field(default_factory=list)
    named_in_full: Counter = field(default_factory=Counter)  # article -> mentions by more than a surname

    def add(self, mention: _Mention) -> None:
        self.forms[mention.name] += 1
        self.mentions.append(mention)
        if len(name_words(mention.name)) > 1:
            self.named_in_full[mention.article] += 1


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
    """Whether each entity of `article` stands in a title-case headline."""
    text = article.text
    inside = {}
    for index, sentence in enumerate(article.sentences):
        inside[index] = names.is_title_case(text[sentence.start:sentence.end])
    return [inside.get(entity.sentence, False) for entity in article.entities]


def _labels(article: Article, screen: names.Screen) -> list[str | None]:
    """The label each entity of `article` counts as in this corpus (None: no entity), from `names.Screen`."""
    text = article.text
    return [screen.label(e.text, e.label, text[max(0, e.start - 40):e.start], text[e.end:e.end + 40], article.id,
                         headline) for e, headline in zip(article.entities, _headlines(article))]


def _person_mentions(article: Article, screen: names.Screen) -> list[_Mention]:
    text = article.text
    found = []
    for entity, label in zip(article.entities, _labels(article, screen)):
        if label != "PERSON":
            continue
        name, title = clean_person_name(entity.text)
        name = screen.person_name(name)
        if not name or re.search(r"[A-Z]\w+-[A-Z]", name) and len(name.split()) == 1:
            continue  # `Assad-Putin`: two names joined, not one
        sentence_start = article.sentences[entity.sentence].start if entity.sentence < len(article.sentences) else 0
        role = " ".join(p for p in (role_before(text, entity.start, sentence_start), title) if p) or None
        found.append(_Mention(article.id, name, entity.start, entity.end, role, article.published))
    return found


def _cluster_people(articles: list[Article], screen: names.Screen
                    ) -> tuple[list[_Cluster], dict[tuple[str, str], _Cluster]]:
    """Group full names by (first, last); then lone surnames by the same article's full name, else the corpus's."""
    clusters: dict[tuple[str, str], _Cluster] = {}
    lone: list[_Mention] = []
    for article in articles:
        for mention in _person_mentions(article, screen):
            key = names.person_key(mention.name)
            if key[0]:
                clusters.setdefault(key, _Cluster("PERSON")).add(mention)
            else:
                lone.append(mention)
    for mention in lone:
        cluster = _surname_cluster(clusters, mention.name, mention.article)
        if cluster is None:
            cluster = clusters.setdefault(("", names.person_key(mention.name)[1]), _Cluster("PERSON"))
        cluster.add(mention)
    return list({id(c): c for c in clusters.values()}.values()), clusters


def _surname_cluster(clusters: dict[tuple[str, str], _Cluster], name: str, article: str) -> _Cluster | None:
    """The person a bare surname names, on the evidence `names.surname_holder` weighs; None when ambiguous."""
    last = names.person_key(name)[1]
    holders = [names.Holder(key, c.named_in_full[article], c.named_in_full.total())
               for key, c in clusters.items() if key[1] == last and key[0]]
    key = names.surname_holder(holders) if holders else None
    return clusters[key] if key is not None else None


def _places(words: str) -> list[str]:
    found = []
    for word in re.split(r"[\s\-]+", words):
        place = PLACE_OF.get(POSSESSIVE.sub("", word.strip(",.")).lower())
        if place and place not in found:
            found.append(place)
    return found


def _entity(cluster: _Cluster) -> CanonicalEntity:
    multi = [(n, c) for n, c in cluster.forms.items() if len(n.split()) > 1] or list(cluster.forms.items())
    name = names.display_name(max(multi, key=lambda item: (item[1], len(item[0])))[0], cluster.label)
    roles = [Role(m.role, m.article, m.start, m.end, m.published) for m in cluster.mentions if m.role]
    affiliations: list[str] = []
    for role in roles:
        affiliations.extend(p for p in _places(role.text) if p not in affiliations)
    articles = list(dict.fromkeys(m.article for m in cluster.mentions))
    return CanonicalEntity(entity_id(name, cluster.label), name, cluster.label, sorted(cluster.forms), roles,
                           affiliations, articles)


def _organisations(articles: list[Article], surnames: set[str], screen: names.Screen
                   ) -> tuple[dict[str, _Cluster], dict[tuple[str, str], str]]:
    """Organisations and places that speak (`the Kremlin said`, `Russia said`), by `names.name_key` (`U.N.`,
    `UN` and `United Nations` one; an acronym joins the full name it stands for); a person's surname the NER took
    for an organisation is left to the person. Also returns the acronyms' targets, for looking speakers up."""
    found = []
    for article in articles:
        for entity, label in zip(article.entities, _labels(article, screen)):
            if label not in ("ORG", "GPE"):
                continue
            name = names.clean_name(entity.text)
            if name.lower() in surnames:
                continue
            found.append((label, _Mention(article.id, name, entity.start, entity.end, None, article.published)))
    targets = names.acronym_targets((m.article, m.name) for _, m in found)
    clusters: dict[str, _Cluster] = {}
    for label, mention in found:
        key = names.name_key(mention.name, label)
        clusters.setdefault(targets.get((mention.article, key), key), _Cluster(label)).add(mention)
    return clusters, targets


def _speaker_mentions(article: Article) -> list[_Mention]:
    """Named speakers the NER missed still become people: the quote stage found them as a cue's subject."""
    covered = {(e.start, e.end) for e in article.entities if e.label == "PERSON"}
    found = []
    for quote in article.quotes:
        if quote.speaker_via == "name" and quote.speaker and quote.speaker_start is not None:
            if any(s <= quote.speaker_start < e for s, e in covered):
                continue
            spoken = set(name_words(quote.speaker))
            role = " ".join(w for w in (quote.speaker_text or "").split()
                            if POSSESSIVE.sub("", w).lower() not in spoken) or None
            found.append(_Mention(article.id, quote.speaker, quote.speaker_start, quote.speaker_end or 0, role,
                                  article.published))
    return found


@dataclass
class _Corpus:
    """The clusters and their entities, with lookups from a name as an article wrote it."""

    by_key: dict[tuple[str, str], _Cluster]
    orgs: dict[str, _Cluster]
    acronyms: dict[tuple[str, str], str]  # (article, acronym key) -> the full name's key
    entities: dict[int, CanonicalEntity]

    def person(self, name: str, article: str) -> CanonicalEntity | None:
        key = names.person_key(name)
        cluster = self.by_key.get(key) if key[0] else None
        cluster = cluster or _surname_cluster(self.by_key, name, article) or self.by_key.get(("", key[1]))
        return self.entities.get(id(cluster)) if cluster is not None else None

    def organisation(self, name: str, article: str = "") -> CanonicalEntity | None:
        """The organisation a speaker names; a description in front of the name ("port operator Caldera
        Terminals") is tried away word by word, longest name first."""
        words = names.clean_name(name).split()
        while len(words) > 1 and words[-1].lower() in DOCUMENT_NOUNS:  # "according to UN figures": the UN
            words = words[:-1]
        for start in range(len(words)):
            key = names.name_key(" ".join(words[start:]), "ORG")
            cluster = self.orgs.get(self.acronyms.get((article, key), key))
            if cluster is not None:
                return self.entities.get(id(cluster))
        return None

    def described(self, quote: Quote, article: Article) -> CanonicalEntity | None:
        """The nearest person named before the quote whose corpus profile fits the description's words; none for
        an indefinite description."""
        words = quote.speaker_text or ""
        if is_indefinite(words):
            return None
        places = _places(words)
        heads = {w.lower() for w in words.split() if w.lower() in PERSON_NOUNS}
        before = [e for e in article.entities if e.label == "PERSON" and e.end <= quote.start]
        for mention in reversed(before):
            entity = self.person(clean_person_name(mention.text)[0] or mention.text, article.id)
            if entity is None:
                continue
            if places and all(p in entity.affiliations for p in places):
                return entity
            if not places and any(h in r.text.lower().split() for r in entity.roles for h in heads):
                return entity
        return None


def _assign(quote: Quote, article: Article, corpus: _Corpus) -> None:
    entity = None
    if quote.speaker_via == "description" and quote.speaker is None:
        entity = corpus.described(quote, article)
    elif quote.speaker and quote.speaker_via == "organisation":
        entity = corpus.organisation(quote.speaker, article.id)
    elif quote.speaker:
        entity = corpus.person(quote.speaker, article.id) or corpus.organisation(quote.speaker, article.id)
    if entity is not None:
        quote.speaker, quote.speaker_entity = entity.name, entity.id


def canonicalise(articles: list[Article]) -> list[CanonicalEntity]:
    """One entity per person and organisation across `articles`; sets each quote's `speaker` and
    `speaker_entity` in place (a continuation takes the entity of the quote it continues: the last one with the
    same speaker mention)."""
    corpus = _build(articles)
    for article in articles:
        by_mention: dict[tuple[int | None, int | None], Quote] = {}  # the last quote of each speaker mention
        for quote in article.quotes:
            mention = (quote.speaker_start, quote.speaker_end)
            source = by_mention.get(mention) if quote.speaker_via == "continuation" else None
            if source is not None and source.speaker_entity:
                quote.speaker, quote.speaker_entity = source.speaker, source.speaker_entity
            else:
                _assign(quote, article, corpus)
            by_mention[mention] = quote
    return sorted(corpus.entities.values(), key=lambda e: (-len(e.articles), e.name))


def _build(articles: list[Article]) -> _Corpus:
    screen = names.Screen.build((a.text for a in articles),
                                ((a.id, e.text, e.label, headline) for a in articles
                                 for e, headline in zip(a.entities, _headlines(a))),
                                PLACE_OF)
    clusters, by_key = _cluster_people_with_speakers(articles, screen)
    orgs, acronyms = _organisations(articles, {surname for first, surname in by_key if surname}, screen)
    entities = {id(c): _entity(c) for c in clusters + list(orgs.values())}
    return _Corpus(by_key, orgs, acronyms, entities)


def entity_mentions(articles: list[Article]) -> list[tuple[str, int, int, CanonicalEntity]]:
    """(article, start, end, entity) of every mention the entities are made of, without touching the quotes: what
    `storyline eval entities` scores."""
    corpus = _build(articles)
    clusters = list({id(c): c for c in list(corpus.by_key.values()) + list(corpus.orgs.values())}.values())
    return [(m.article, m.start, m.end, corpus.entities[id(c)]) for c in clusters for m in c.mentions
            if id(c) in corpus.entities]


def _cluster_people_with_speakers(articles: list[Article], screen: names.Screen
                                  ) -> tuple[list[_Cluster], dict[tuple[str, str], _Cluster]]:
    extra = {article.id: _speaker_mentions(article) for article in articles}
    clusters, by_key = _cluster_people(articles, screen)
    for article in articles:
        for mention in extra[article.id]:
            key = names.person_key(mention.name)
            cluster = by_key.get(key) if key[0] else _surname_cluster(by_key, mention.name, article.id)
            if cluster is None:
                cluster = by_key.setdefault(key, _Cluster("PERSON"))
                clusters.append(cluster)
            cluster.add(mention)
    return clusters, by_key
