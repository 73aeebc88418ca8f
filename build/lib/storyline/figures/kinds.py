"""What a number counts: the kind of figure (killed, displaced, air raids…), from the noun it counts and the words
around it in its clause.

The counted noun decides when it names the kind itself ("four million refugees", "500 air raids"); a generic noun
("people", "civilians") or none takes the kind from the nearest casualty or displacement cue in the same clause
("the strikes have killed 370 people", "35,000 people had been displaced", "the death toll … at over 60,000").
"""
from __future__ import annotations

import re

# (kind, cue pattern), most specific first. A cue is looked for in the counted noun, then near the number.
KIND_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("refugees", re.compile(r"\b(refugees?|asylum[- ]seekers?)\b", re.I)),
    ("air_raids", re.compile(r"\b(air ?(raids?|strikes?)|airstrikes?|air attacks?|sorties|bombing (raids|runs)|"
                             r"raids|strikes|missile attacks?)\b", re.I)),
    ("targets", re.compile(r"\btargets?\b", re.I)),
    ("detained", re.compile(r"\b(detain\w*|arrest\w*|imprison\w*|jailed|prisoners?|detainees?|captured|"
                            r"abducted|hostages?)\b", re.I)),
    ("injured", re.compile(r"\b(injur\w*|wounded|hurt|casualties)\b", re.I)),
    ("killed", re.compile(r"\b(kill\w*|dead|deaths?|died|die|death toll|toll|lives|fatalit\w*|massacred|slain|"
                          r"bodies|executed|murdered|perished)\b", re.I)),
    ("displaced", re.compile(r"\b(displaced|fled|flee\w*|uprooted|homeless|forced from their homes|"
                             r"driven from their homes|evacuated)\b", re.I)),
    ("troops", re.compile(r"\b(troops|soldiers|servicemen|service members|personnel|fighters|militants|"
                          r"rebels|reservists)\b", re.I)),
]
# Nouns that say a number counts people but not what happened to them.
PEOPLE = re.compile(r"^(people|persons|civilians|children|women|men|residents|protesters|demonstrators|"
                    r"individuals|others|inhabitants|villagers|members|students|journalists|workers|patients|"
                    r"migrants|families|citizens|victims|[A-Z]\w+(?:ans|ians|is|ese|ians))$")
# Words that may stand between a number and the noun it counts ("4 million Syrian refugees").
_COUNTED_STOP = re.compile(r"^(of|in|on|at|by|for|from|to|and|or|but|who|which|that|have|has|had|were|was|are|"
                           r"is|been|be|said|says|since|after|before|during|over|under|with|as|the|a|an|so|"
                           r"across|per|its|their|his|her|along|near|inside|outside|around|among|amid|within|"
                           r"into|onto|between|against|toward|towards|through|throughout|including|like|"
                           r"last|this|these|those|them|us|whom|when|where|while|after|so|far|more|each|every)$", re.I)


def counted_noun(after: str) -> str | None:
    """The noun phrase right after a number ("people", "air raids", "Syrian refugees"), at most three words."""
    match = re.match(r"\s+(?:of\s+)?([A-Za-z][\w' -]*)", after)  # "thousands of people"
    if not match:
        return None
    words: list[str] = []
    for word in match.group(1).split()[:3]:
        verb_like = word.lower().endswith("ed") and word.lower() not in ("armed", "displaced", "wounded")
        if _COUNTED_STOP.match(word) or (verb_like and not (not words and _is_cue_noun(word))):
            break
        words.append(word)
    return " ".join(words) or None


def _is_cue_noun(word: str) -> bool:
    return word.lower() in ("displaced", "wounded", "injured", "detained", "dead")


def kind_of(counted: str | None, before: str, after: str, currency: str | None) -> str:
    """The figure's kind: money when it has a currency, else the counted noun's kind, else the nearest cue."""
    if currency:
        return "money"
    if counted and not any(PEOPLE.match(word) for word in counted.split()):
        # A noun of its own decides: "500 air raids" are raids, "five provinces" are no casualty figure.
        return next((kind for kind, cue in KIND_CUES if cue.search(counted)), "other")
    return _nearest_cue(before, after) or "other"


def _nearest_cue(before: str, after: str) -> str | None:
    """The kind whose cue sits closest to the number within its clause (a few words either side)."""
    before, after = _clause_tail(before), _clause_head(after)
    best: tuple[int, str] | None = None
    for kind, cue in KIND_CUES:
        for match in cue.finditer(after):
            best = min(best or (match.start(), kind), (match.start(), kind))
        for match in cue.finditer(before):
            distance = len(before) - match.end()
            best = min(best or (distance, kind), (distance, kind))
    return best[1] if best else None


def _clause_tail(before: str) -> str:
    """The end of the text before a number, from the last clause break (a semicolon, a number, a dash)."""
    cut = max(before.rfind(";"), before.rfind(" -- "), before.rfind(" — "))
    tail = before[cut + 1:] if cut >= 0 else before
    return tail[-70:]


def _clause_head(after: str) -> str:
    head = re.split(r"[;]| -- | — |, (?:and|but|while|sparking|including)\b|\d", after, maxsplit=1)[0]
    return head[:60]
