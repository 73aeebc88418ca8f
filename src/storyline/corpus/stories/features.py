"""What story assignment knows of one article: a `StoryFeatures` record built from the analysed `Article`.

A story is the same actors, place and thread over time, so an article is described by what names it (salient
entity keys), what it is about (a MiniLM vector of title and lead, and its key terms) and when it was published.
Salience favours what the title and the lead name: an actor mentioned once in the twelfth paragraph does not make
an article part of that actor's story.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from ...record import Article
from ...embed import LEAD_SENTENCES, embed, lead_text

KEY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "EVENT", "FAC", "LOC", "PRODUCT"}
TITLE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 3.0, 2.0, 1.0
MAX_KEYS = 12
MAX_TERMS = 12
# Words of news prose that say nothing about which story it is.
_PROSE = {"said", "says", "told", "would", "could", "also", "year", "years", "according", "people", "time", "like",
          "just", "make", "made", "including", "week", "month", "today", "monday", "tuesday", "wednesday",
          "thursday", "friday", "saturday", "sunday", "percent", "news", "reported", "report", "reports", "new"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]{3,}")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class StoryFeatures:
    """One article as story assignment sees it. `keys` are entity keys ("e:…") and `terms` key terms ("t:…"),
    each with its salience weight; `names` the readable form of each key, for story labels."""

    article: str
    source: str
    date: str | None
    vector: np.ndarray
    keys: dict[str, float] = field(default_factory=dict)
    terms: dict[str, float] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    @property
    def order(self) -> tuple[bool, str, str]:
        """The order articles are settled in: dated ones first by date, then by id; never build order."""
        return (self.date is None, self.date or "", self.article)


def entity_key(text: str, label: str) -> tuple[str, str]:
    """(key, readable name) of an entity mention: a person by surname (`President Vladimir Putin`, `Putin` meet),
    anything else by its whole name without `the`, possessive and dots (`the U.S.`, `US` meet)."""
    if label == "PERSON":
        from ..mentions import clean_person_name  # spaCy: only when features are made, not when stories are read

        name, _ = clean_person_name(text)
        words = name.split()
        return ("e:" + words[-1].lower() if words else "", name)
    name = re.sub(r"^the\s+|(?:'s|\u2019s)$", "", " ".join(text.split()), flags=re.IGNORECASE)
    return ("e:" + name.replace(".", "").lower() if name else "", name)


def article_date(article: Article) -> str | None:
    """The day the article was published, if it says. An estimated range is not used: it says when the article
    appeared at the earliest (often from a date the text names, decades back), and a wrong day would push the
    article away from its story, where no day costs nothing (measured: `storyline eval stories`)."""
    if article.published and _DAY.match(article.published) and _real_day(article.published[:10]):
        return article.published[:10]
    return None


def _real_day(value: str) -> bool:
    """Whether `2015-02-29`-like text is a day of the calendar (a bad date line must not stop the corpus update)."""
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def salient_keys(article: Article) -> tuple[dict[str, float], dict[str, str]]:
    """The article's top entity keys, weighted by where they are named (title, lead, body) and how often."""
    weights: Counter = Counter()
    forms: dict[str, Counter] = {}
    title = article.title or ""
    for entity in article.entities:
        if entity.label not in KEY_LABELS:
            continue
        key, name = entity_key(entity.text, entity.label)
        if len(key) < 4:
            continue
        weights[key] += LEAD_WEIGHT if entity.sentence < LEAD_SENTENCES else BODY_WEIGHT
        if entity.text in title:
            weights[key] += TITLE_WEIGHT
        forms.setdefault(key, Counter())[name] += 1
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_KEYS]
    return dict(top), {k: max(forms[k].items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0] for k, _ in top}


def key_terms(article: Article, keys: dict[str, float]) -> dict[str, float]:
    """Content words of the title and lead (not names already keys, not stop words), weighted like keys."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    weights: Counter = Counter()
    named = {w for k in keys for w in k[2:].split()}
    text = article.text
    parts = [(article.title or "", TITLE_WEIGHT)]
    parts += [(text[s.start:s.end], LEAD_WEIGHT if i < LEAD_SENTENCES else BODY_WEIGHT)
              for i, s in enumerate(article.sentences)]
    for part, weight in parts:
        for word in _WORD.findall(part):
            bare = word.lower().strip("'-")
            if bare not in ENGLISH_STOP_WORDS and bare not in _PROSE and bare not in named and len(bare) > 3:
                weights["t:" + bare] += weight
    return dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS])


def story_features(articles: list[Article]) -> list[StoryFeatures]:
    """Features of each article; the title-and-lead vectors are embedded in one batch (and cached)."""
    vectors = embed([lead_text(a) or a.id for a in articles])
    found = []
    for article, vector in zip(articles, vectors):
        keys, names = salient_keys(article)
        terms = key_terms(article, keys)
        names.update({t: t[2:] for t in terms})
        found.append(StoryFeatures(article.id, article.source, article_date(article), vector, keys, terms, names))
    return found
