"""What a number counts: the kind of figure (killed, displaced, air raids…), from the noun it counts and the words
around it in its clause.

The counted noun decides when it names the kind itself ("four million refugees", "500 air raids"); a generic noun
("people", "civilians") or none takes the kind from the nearest casualty or displacement cue in the same clause
("the strikes have killed 370 people", "35,000 people had been displaced", "the death toll … at over 60,000").
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

# (kind, cue pattern), most specific first. A cue is looked for in the counted noun, then near the number.
KIND_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("refugees", re.compile(r"\b(refugees?|asylum[- ]seekers?)\b", re.I)),
    ("air_raids", re.compile(r"\b(air ?(raids?|strikes?)|airstrikes?|air attacks?|sorties|bombing (raids|runs)|"
                             r"raids|strikes|missile attacks?)\b", re.I)),
    ("targets", re.compile(r"\btargets?\b", re.I)),
    ("missing", re.compile(r"\b(missing|unaccounted for)\b", re.I)),
    ("detained", re.compile(r"\b(detain\w*|arrest\w*|custody|imprison\w*|jailed|prisoners?|detainees?|captured|"
                            r"abducted|hostages?)\b", re.I)),
    ("injured", re.compile(r"\b(injur\w*|wound(?:ed|ing)|hurt|casualties)\b", re.I)),
    ("killed", re.compile(r"\b(kill\w*|dead|deaths?|died|die|death toll|toll|lives|fatalit\w*|massacred|slain|"
                          r"bodies|executed|murdered|perished)\b", re.I)),
    ("displaced", re.compile(r"\b(displaced|fled|flee\w*|uprooted|homeless|forced from their homes|"
                             r"driven from their homes|evacuated)\b", re.I)),
    ("troops", re.compile(r"\b(troops|soldiers|servicemen|service members|personnel|fighters|militants|"
                          r"rebels|reservists)\b", re.I)),
]
# Raids are a police operation, no air raids, when the sentence speaks of police and of nothing in the air
# ("police carried out 168 raids").
_AIR = re.compile(r"\b(air\w*|warplanes?|jets?|planes?|bomb\w*|sorties|missiles?|drones?|helicopters?)\b", re.I)
_POLICE = re.compile(r"\b(police\w*|gendarm\w*|officers|anti-terror\w*|prosecutors?|searches|arrests?|"
                     r"house arrest|interior minist\w*)\b", re.I)
# Nouns that say a number counts people but not what happened to them.
PEOPLE = re.compile(r"^(people|persons|civilians|children|women|men|residents|protesters|demonstrators|"
                    r"individuals|others|inhabitants|villagers|members|students|journalists|workers|patients|"
                    r"migrants|families|citizens|victims|[A-Z]\w+(?:ans|ians|is|ese|ians))$")
# Words that may stand between a number and the noun it counts ("4 million Syrian refugees").
_COUNTED_STOP = re.compile(r"^(of|in|on|at|by|for|from|to|and|or|but|who|which|that|have|has|had|were|was|are|"
                           r"is|been|be|said|says|since|after|before|during|over|under|with|as|the|a|an|so|"
                           r"across|per|its|their|his|her|along|near|inside|outside|around|among|amid|within|"
                           r"into|onto|between|against|toward|towards|through|throughout|including|like|"
                           r"last|this|these|those|them|us|whom|when|where|while|after|so|far|more|each|every|also|too|now|"
                           r"then|right|get|gets|got|together|anyway|already|again|still|yet|instead|ago|apiece|out|up|down|off|back|away|will|would|could|can|may|might|must|should|did|do|does)$", re.I)


def counted_noun(after: str) -> str | None:
    """The noun phrase right after a number ("people", "air raids", "Syrian refugees", "new immigration judge
    teams"), at most four words."""
    match = re.match(r"\s+(?:of\s+)?([A-Za-z][\w' -]*)", after)  # "thousands of people"
    if not match:
        return None
    words: list[str] = []
    for word in match.group(1).split()[:4]:
        # "women seeking back pay": a participle after the noun starts a clause, not the thing counted
        verb_like = (word.lower().endswith("ed") and word.lower() not in ("armed", "displaced", "wounded")) or \
            (bool(words) and word.lower().endswith("ing"))
        if _COUNTED_STOP.match(word) or (verb_like and not (not words and _is_cue_noun(word))):
            break
        words.append(word)
    return " ".join(words) or None


_MODIFIERS = {"amod", "compound", "nmod", "nummod", "quantmod", "advmod", "det", "poss"}


def counted_in_parse(number: Span) -> str | None:
    """The noun phrase the number counts, read off the parse: the noun it modifies ("700,000 young undocumented
    immigrants brought here as children" → "young undocumented immigrants"), or the object of its "of" ("dozens of
    groups"); None where the parse shows no such noun or a clause comes between."""
    token = number.root
    if token.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and token.head.i > token.i \
            and token.head.pos_ in ("NOUN", "PROPN"):
        first, noun = number.end, token.head
    else:
        noun = None
        for _ in range(3):  # "hundreds of thousands of people": follow "of" out of the number
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            target = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if target is None:
                return None
            if target.i >= number.end:
                first, noun = of.i + 1, target
                break
            token = target
        if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
            return None
    words = number.doc[first:noun.i + 1]
    if not 1 <= len(words) <= 5 or any(w.dep_ not in _MODIFIERS and w != noun for w in words):
        return None
    kept = [w for w in words if w.dep_ not in ("det", "poss")]
    return " ".join(w.text for w in kept) or None


def _is_cue_noun(word: str) -> bool:
    return word.lower() in ("displaced", "wounded", "injured", "detained", "dead")


def kind_of(counted: str | None, before: str, after: str, currency: str | None,
            number: Token | None = None) -> str:
    """The figure's kind: money when it has a currency, else the counted noun's kind, else the cue of the verb the
    number hangs from in the parse (`number`, its token, when there is a parse), else the nearest cue."""
    if currency:
        return "money"
    if counted and not any(PEOPLE.match(word) for word in counted.split()):
        # A noun of its own decides: "500 air raids" are raids, "five provinces" are no casualty figure.
        kind = next((kind for kind, cue in KIND_CUES if cue.search(counted)), "other")
        if kind == "killed" and _INSTITUTION_BODIES.search(counted):
            kind = "other"  # "19 state legislative bodies", "governing bodies": institutions, not the dead
        if kind == "troops" and number is not None:
            # soldiers are people too: "2,400 soldiers have died" counts the dead, not a deployment
            fate = governing_kind(number)
            kind = fate if fate in _CASUALTIES else kind
    else:
        kind = (governing_kind(number) if number is not None else None) or _nearest_cue(before, after) or "other"
    sentence = f"{before} {counted or ''} {after}"
    police = kind == "air_raids" and (_POLICE.search(counted or "") or
                                      _POLICE.search(sentence) and not _AIR.search(sentence))
    return "other" if police else kind


def governing_kind(number: Token) -> str | None:
    """The kind the parse gives the number: a participle on the noun it counts ("60 people injured and fifteen
    arrested"), else the first verb above it ("killed at least 129 people and injured at least 352", "…were killed
    and a handful were injured"). "other" when the noun counted is the doer ("Seven gunmen killed 129 people": the
    seven killed, they were not killed). None when the number sits in a prepositional phrase ("one of scores of
    people injured … had died", "rose to 130"), is joined to another by "and", or its verb names no kind: the
    nearest cue then decides."""
    child = number
    for token in [number, *list(number.ancestors)[:4]]:
        if token.pos_ == "ADP" or child.dep_ == "conj":
            return None  # a prepositional phrase, or a sibling's words ("60 people injured and fifteen arrested")
        if token.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            described = [c for c in token.children if c.dep_ in ("acl", "amod") and c.i > token.i]
            found = _cue_kind(described)
            if found:
                return found
        elif token.pos_ in ("VERB", "AUX"):
            if child.dep_ == "nsubj" and token.lemma_.lower() in _DONE_TO_OTHERS and _has_victims(token):
                return "other"
            # A copula says it with its complement: "10,000 were missing", "350 people are dead".
            return _cue_kind([token] + [c for c in token.children if c.dep_ in ("acomp", "attr", "oprd")])
        child = token
    return None


_CASUALTIES = {"killed", "injured", "missing", "detained"}
_INSTITUTION_BODIES = re.compile(r"\b(?!dead\b)[a-z]+\s+bodies\b", re.I)
# Verbs whose active subject does the deed to others: the people counted as their subject are no victims.
_DONE_TO_OTHERS = {"kill", "wound", "injure", "hurt", "arrest", "detain", "murder", "massacre", "execute", "capture",
                   "abduct", "imprison", "jail", "slay", "displace", "evacuate", "shoot"}


def _has_victims(verb: Token) -> bool:
    """The verb does its deed to an object other than its subject: "killed 129 people", not "killed themselves",
    "seven arrested" or "people hurt" (the parse's subject there is the victim)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(o.lower_.endswith(("self", "selves")) for o in objects)


def _cue_kind(words: list[Token]) -> str | None:
    return next((kind for word in words for kind, cue in KIND_CUES if cue.fullmatch(word.text)), None)


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
    """The end of the text before a number, from the last clause break (a semicolon, a dash, a comma before a
    conjunction: "thousands fled, while scores of others were wounded", "…refugees, despite the fact that several
    of the attackers were French")."""
    breaks = [before.rfind(";"), before.rfind(" -- "), before.rfind(" — ")]
    breaks += [m.start() for m in _CLAUSE_BREAK.finditer(before)][-1:]
    cut = max(breaks)
    tail = before[cut + 1:] if cut >= 0 else before
    return tail[-70:]


_CLAUSE_BREAK = re.compile(r", (?:and|but|while|whereas|despite|although|though|because|unless|if)\b", re.I)


def _clause_head(after: str) -> str:
    head = re.split(r"[;]| -- | — |, (?:and|but|while|sparking|including)\b|\d", after, maxsplit=1)[0]
    return head[:60]
