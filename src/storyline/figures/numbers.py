"""Numbers as news writes them: digits ("5,400", "4.5 million", "$60 million"), words ("four million",
"twenty-five"), vague plurals ("dozens", "hundreds of thousands") and ranges ("between 20 and 30", "20-30").

A regex finder, not spaCy's CARDINAL: it must be cheap, and it must give the value, not only the span. A vague
quantity ("dozens", "tens of thousands", "several", "a handful") gets the smallest value it can mean ("dozens" is at
least two dozen, 24) and is marked `vague`: the figures stage keeps it as words with that lower bound, never as the
number 24, so no reader or series takes "hundreds" for an exact 200.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..numwords import TENS, UNITS

SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
# The least a vague quantity can mean: a plural is at least two of its unit ("dozens" two dozen, "tens of
# thousands" two tens of thousands); "several" and "a handful" at least three, "a few" at least two.
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
         "billions": 2_000_000_000, "several": 3, "a handful": 3, "a few": 2}
_VAGUE_UNITS = {"tens": 20, "dozens": 24, "scores": 40, "hundreds": 200}
CURRENCIES = {"$": "USD", "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD",
              "hk$": "HKD", "s$": "SGD", "€": "EUR", "£": "GBP", "¥": "JPY", "dollars": "USD", "dollar": "USD",
              "euros": "EUR", "euro": "EUR", "pounds": "GBP", "rubles": "RUB", "roubles": "RUB", "yuan": "CNY"}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SCALE = r"dozen|hundred|thousand|million|billion|trillion"
_WORD_NUMBER = rf"(?:(?:{_WORD})(?:-(?:{_WORD}))?|a|an)(?:\s+(?:{_SCALE}))+|(?:{_WORD})(?:-(?:{_WORD}))?"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AMOUNT = rf"(?:{_DIGITS})(?:\s*(?:{_SCALE}|bn|mn|m|k)\b)?|{_WORD_NUMBER}"
# "scores" is vague only before "of" or "more" ("scores of people", "injured scores more"): a match's scores are not.
_VAGUE = (r"(?:a\s+few|several)(?:\s+(?:dozen|hundred|thousand|million|billion)\b)+|"
          r"(?:tens|hundreds|dozens|scores)\s+of\s+(?:thousands|millions|billions)|dozens|scores(?=\s+(?:of\s+(?!\d)|more\b))|"
          r"hundreds|thousands|millions|billions|several|a\s+handful|a\s+few")
_VAGUE_FORM = re.compile(_VAGUE.replace(r"(?=\s+(?:of\s+(?!\d)|more\b))", ""), re.IGNORECASE)
_CURRENCY = r"(?:US|A|AU|C|CA|NZ|HK|S)\$|\$|€|£|¥"
_NUMBER = re.compile(
    rf"(?<![\w.,:/$€£¥-])(?P<cur>{_CURRENCY})?\s?"
    rf"(?:(?P<between>between\s+)?(?P<bcur>{_CURRENCY})?(?P<low>{_AMOUNT})"
    rf"(?:(?<=\d)\s*[-–]\s*(?=[\d$€£])|\s+to\s+|(?<=\d)\s+or\s+(?=\d)|(?(between)\s+and\s+|(?!)))"
    rf"(?:{_CURRENCY})?"
    rf"(?P<high>{_AMOUNT})(?=\W|$)"
    rf"|(?P<single>{_AMOUNT}|{_VAGUE}))(?![\w$€£¥/]|[.,:]\d)",
    re.IGNORECASE,
)


@dataclass
class NumberMention:
    """One number in the text: offsets, value (the low end of a range), high end, currency symbol if any."""

    start: int
    end: int
    value: float
    value_high: float | None = None
    currency: str | None = None
    vague: bool = False
    digits: bool = False


def parse_amount(text: str) -> float | None:
    """The value of one amount: '5,400' → 5400, '4.5 million' → 4.5e6, 'four million' → 4e6, 'a hundred' → 100."""
    words = re.sub(r"(\d)([a-z])", r"\1 \2", text.lower().replace(",", "")).split()
    if not words:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", words[0]):
        value = float(words[0])
        rest = words[1:]
    else:
        value, rest = _word_value(words[0]), words[1:]
        if value is None:
            return None
    for scale in rest:
        value *= SCALES.get(scale, 1)
    return value


def _word_value(word: str) -> float | None:
    if word in ("a", "an"):
        return 1.0
    total = 0
    for part in word.split("-"):
        if part in UNITS:
            total += UNITS[part]
        elif part in TENS:
            total += TENS[part]
        else:
            return None
    return float(total)


def _vague_value(text: str) -> float:
    """The least a vague quantity can mean: "tens of thousands" 20,000, "dozens" 24, "several" 3."""
    words = text.lower().split()
    if len(words) == 3 and words[1] == "of":  # "tens of thousands", "hundreds of millions"
        return float(_VAGUE_UNITS[words[0]] * SCALES[words[2].rstrip("s")])
    if words[-1] in SCALES:  # "a few hundred", "several hundred thousand"
        count = 1 if words[0] == "several" else 2
        return VAGUE[" ".join(words[:count])] * float(math.prod(SCALES[w] for w in words[count:]))
    return float(VAGUE[" ".join(words)])


def _scale(amount: str) -> float:
    """The scale words of an amount multiplied out: "22 million" 1e6, "5,400" 1."""
    words = re.sub(r"(\d)([a-z])", r"\1 \2", amount.lower()).split()[1:]
    return float(math.prod(SCALES.get(word, 1) for word in words))


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in `text`, in order; a range is one mention."""
    found = []
    for match in _NUMBER.finditer(text):
        symbol = match.group("cur") or match.group("bcur")
        currency = CURRENCIES.get(symbol.lower()) if symbol else None
        if match.group("single"):
            single = match.group("single")
            if _VAGUE_FORM.fullmatch(single):
                found.append(NumberMention(match.start("single"), match.end(), _vague_value(single), None,
                                           currency, vague=True))
                continue
            value = parse_amount(single)
            high = None
        else:
            value, high = parse_amount(match.group("low")), parse_amount(match.group("high"))
            if value is not None and high is not None and _scale(match.group("low")) == 1:
                value *= _scale(match.group("high"))  # "between $19 and $22 million": both ends in millions
            if value is not None and high is not None and high < value:
                continue  # "5-3" is a score or an identifier, not a range
        if value is None:
            continue
        start = match.start() if currency else match.start("single") if match.group("single") else match.start(
            "between") if match.group("between") else match.start("low")
        found.append(NumberMention(start, match.end(), value, high, currency,
                                   digits=bool(re.search(r"\d", match.group(0)))))
    return found
