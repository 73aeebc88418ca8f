"""Replicas of analysed articles for the scale benchmark: the same records with names, numbers and years changed,
every character offset still valid, as if the per-article stages had produced them from a new text.

Why same-length substitution: an analysed `Article` carries hundreds of items (sentences, entities, quotes,
dates, figures) that point into its text by character offsets. Replacing each name by an invented name of the same
length, each digit by another digit, and each year by another four-digit year leaves every offset where it was, so a
replica is a valid record without running spaCy again. Generation `g` is one consistent "parallel world": the same
name maps to the same invented name in every article of that generation, years move by the same amount, so the
base's stories stay stories (with other actors, in other years) instead of merging into one giant story.

What changes, per generation g ≥ 1 (generation 0 is the base itself):
- names: every capitalised word of a named-entity mention (people, organisations, places, groups, events,
  products; three letters or more) becomes a pseudo-word of the same length, chosen by a hash of (g, word);
- years: a four-digit year inside a time expression, in TimeML values, publication dates and figure dates moves by
  Δy = ±4·⌈g/2⌉ (a multiple of four, so 29 February stays a real day);
- other digits: a permutation of 1–9 (0 stays 0, so a leading digit stays non-zero and `1,000` stays round); a
  figure's value is permuted the same way, so it still says what its text says;
- id, source and content hash are new; the canonical speaker a corpus stage wrote is dropped.
Number words, month and weekday names stay as they are.
"""
from __future__ import annotations

import dataclasses
import hashlib
import random
import re
import zlib
from collections.abc import Callable
from functools import lru_cache

from storyline.record import PARAGRAPH_SEPARATOR, Article, article_id

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "EVENT", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"}
MIN_NAME = 3
POOL_SIZE = 400
_CONSONANTS, _VOWELS = "bdfghklmnprstvz", "aeiou"
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b|\b[A-Z]{3,}\b")
_YEAR = re.compile(r"(?<!\d)([12]\d{3})(?!\d)")
_DIGITS = re.compile(r"\d")
# Item fields that hold a TimeML value or an ISO date (year shifted), not words.
DATE_FIELDS = {"date", "value", "as_of", "published", "published_estimate"}


@lru_cache(maxsize=None)
def _pseudo_words(length: int, count: int, seed: int) -> list[str]:
    """`count` distinct capitalised consonant-vowel pseudo-words of `length` letters (not English words)."""
    rng = random.Random(seed * 1000 + length)
    found: set[str] = set()
    while len(found) < count:
        letters = [rng.choice(_CONSONANTS if i % 2 == 0 else _VOWELS) for i in range(length)]
        found.add("".join(letters).capitalize())
    return sorted(found)


class Generation:
    """The substitutions of one replica generation: names, a digit permutation and a year shift."""

    def __init__(self, number: int, pool_size: int = POOL_SIZE) -> None:
        self.number = number
        half = (number + 1) // 2
        self.year_shift = 4 * half if number % 2 else -4 * half
        rng = random.Random(number)
        nonzero = list("123456789")
        shuffled = nonzero[:]
        if number:
            rng.shuffle(shuffled)
        self.digit_map = str.maketrans({"0": "0", **dict(zip(nonzero, shuffled))})
        self.pool_size = pool_size

    def name(self, word: str) -> str:
        """The invented name of the same length that `word` becomes in this generation."""
        if self.number == 0:
            return word
        pool = _pseudo_words(len(word), min(self.pool_size, 5 ** len(word)), 7)
        choice = pool[zlib.crc32(f"{self.number}\0{word}".encode()) % len(pool)]
        return choice.upper() if word.isupper() else choice

    def year(self, text: str) -> str:
        """`text` with every four-digit year shifted (a year that would leave four digits is kept)."""
        def shifted(match: re.Match) -> str:
            year = int(match.group(1)) + self.year_shift
            return str(year) if 1000 <= year <= 9999 else match.group(1)

        return _YEAR.sub(shifted, text)

    def digits(self, text: str) -> str:
        return text.translate(self.digit_map)

    def number_value(self, value: float | None) -> float | None:
        """A figure's value with the digit permutation its text got (exact for values written in digits)."""
        if value is None or self.number == 0:
            return value
        written = str(int(value)) if float(value).is_integer() else repr(float(value))
        return float(self.digits(written)) if "e" not in written else value


def names_of(article: Article) -> set[str]:
    """The capitalised words of the article's named-entity mentions: what a generation renames."""
    words: set[str] = set()
    for entity in article.entities:
        if entity.label in NAME_LABELS:
            words.update(w for w in _CAPITALISED.findall(entity.text) if len(w) >= MIN_NAME)
    return words


def rewrite_text(article: Article, generation: Generation, names: set[str]) -> str:
    """The article's text with names, years (inside time expressions) and other digits replaced, same length."""
    text = article.text
    chars = list(text)
    in_time = [False] * len(text)
    for expression in article.dates:
        for position in range(max(0, expression.start), min(len(text), expression.end)):
            in_time[position] = True
    for match in _DIGITS.finditer(text):
        if not in_time[match.start()]:
            chars[match.start()] = generation.digits(match.group())
    for expression in article.dates:
        span = text[expression.start:expression.end]
        chars[expression.start:expression.end] = list(generation.year(span))
    if names:
        pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")
        for match in pattern.finditer(text):
            chars[match.start():match.end()] = list(generation.name(match.group()))
    rewritten = "".join(chars)
    assert len(rewritten) == len(text)
    return rewritten


def _free_text(generation: Generation, names: set[str]) -> Callable[[str], str]:
    """Rewrites a string that has no offsets (a title, a canonical speaker): names, then years, then digits."""
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b") \
        if names else None

    def rewrite(value: str) -> str:
        if pattern is not None:
            value = pattern.sub(lambda m: generation.name(m.group()), value)
        pieces = _YEAR.split(value)  # odd pieces are years
        return "".join(generation.year(p) if i % 2 else generation.digits(p) for i, p in enumerate(pieces))

    return rewrite


def _rewrite_item(item: object, old: str, new: str, generation: Generation, free: Callable[[str], str]) -> object:
    """One extracted item with its strings re-read from the new text at their offsets, dates shifted, numbers
    permuted, and the corpus layer's speaker entity dropped."""
    names = {f.name for f in dataclasses.fields(item)}
    changes: dict[str, object] = {}
    for name in names:
        value = getattr(item, name)
        start_name = "start" if name == "text" else name.removesuffix("_text") + "_start"
        if isinstance(value, str) and start_name in names and getattr(item, start_name) is not None:
            start, end = getattr(item, start_name), getattr(item, start_name.replace("start", "end"))
            changes[name] = new[start:end] if old[start:end] == value else free(value)
        elif isinstance(value, str) and name in DATE_FIELDS:
            changes[name] = generation.year(value)
        elif isinstance(value, str) and name in ("speaker", "counted", "source"):
            changes[name] = free(value)
    if "speaker_entity" in names:
        changes["speaker_entity"] = None
    if "value_high" in names and _DIGITS.search(getattr(item, "text", "") or ""):
        changes["value"] = generation.number_value(item.value)
        changes["value_high"] = generation.number_value(item.value_high)
    return dataclasses.replace(item, **changes)


def replicate(article: Article, generation: Generation) -> Article:
    """A replica of an analysed article in `generation` (see the module docstring); offsets stay valid."""
    names = names_of(article)
    old = article.text
    new = rewrite_text(article, generation, names)
    free = _free_text(generation, names)
    starts = article.paragraph_starts()
    paragraphs = [new[s:s + len(p)] for s, p in zip(starts, article.paragraphs)]
    content_hash = hashlib.sha256(f"{article.content_hash}\0replica {generation.number}".encode()).hexdigest()
    replica = dataclasses.replace(
        article, id=article_id(content_hash), content_hash=content_hash, raw=None, docs=None,
        source=f"scale-replica/g{generation.number:05d}/{article.source}", paragraphs=paragraphs,
        title=article.title and free(article.title), subtitle=article.subtitle and free(article.subtitle),
        published=article.published and generation.year(article.published),
        published_estimate=article.published_estimate and generation.year(article.published_estimate),
        url=article.url and f"{article.url}#replica-{generation.number}",
        evidence=[dataclasses.replace(e, text=free(e.text)) for e in article.evidence],
        duplicate_of=None, duplicate_kind=None,
    )
    for table in ("sentences", "entities", "quotes", "dates", "figures"):
        setattr(replica, table, [_rewrite_item(i, old, new, generation, free) for i in getattr(article, table)])
    replica.removed = [dataclasses.replace(r, text=free(r.text)) for r in article.removed]
    return replica
