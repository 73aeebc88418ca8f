"""Speech and attribution cues: the verbs (and `according to`) that introduce what someone said or holds.

The lexicon is by lemma, so it covers every tense; it is split because a direct quote needs a verb of saying,
while reported speech is also introduced by verbs of thinking and finding (`believes`, `polls show`), which
attribution corpora such as PolNeAR count as attribution too.
"""
from __future__ import annotations

from spacy.tokens import Token

SAYING = frozenset("""
say tell add state insist accuse warn claim argue note explain stress emphasise emphasize announce report declare
deny admit acknowledge suggest ask reply respond answer write tweet post urge predict vow promise pledge confirm
comment remark recall complain contend assert maintain reiterate concede caution conclude describe charge allege
testify reveal disclose indicate signal boast joke quip shout cry scream demand threaten praise criticise criticize
blame dismiss reject agree disagree acknowledge estimate question wonder observe point mention propose recommend
call brief counter retort protest lament mock decry hail insist assure announce order urge
""".split())

THINKING = frozenset("""
believe think feel fear hope expect want know worry doubt consider understand find show suggest reckon guess
assume suspect see learn hear realise realize decide plan intend wish prefer
""".split())

# Verbs of taking a stance on something (`praised the deal`, `endorsed Cruz`): attribution corpora count their
# object as what the subject holds, so they cue reported speech with an object, never a direct quote.
STANCE = frozenset("""
support endorse back defend thank congratulate mock ridicule denounce condemn attack slam blast applaud welcome
oppose favor favour prefer cite mention challenge apologize apologise highlight tout
""".split())

# Verbs whose subject is not the speaker (`the rally saw`, `it remains`): never cues.
NOT_WITHOUT_OBJECT = frozenset({"call", "point", "see", "hear", "learn", "find", "show", "know"})


def is_saying(token: Token) -> bool:
    """A verb of saying: enough, with a subject, to introduce a direct quote."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SAYING


def is_cue(token: Token) -> bool:
    """A verb of saying or thinking: enough, with a subject and a clause, to introduce reported speech."""
    lemma = token.lemma_.lower()
    return token.pos_ == "VERB" and (lemma in SAYING or lemma in THINKING or lemma in STANCE)


def cue_subject(verb: Token) -> Token | None:
    """The subject of a cue verb, looking through conjunctions (`X stood up and said`), participles
    (`..., saying ...`, `a letter saying ...`), relative clauses (`voters who said ...`) and passives (`was quoted
    by X`)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and (child.tag_ in ("WDT", "WP") or child.lower_ == "that"):
            return verb.head if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") else None
        if child.dep_ in ("nsubj", "nsubjpass") and not (child.dep_ == "nsubjpass" and child.pos_ == "PRON" and
                                                          child.lower_ == "it"):
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
        if verb.dep_ == "advcl" and verb.tag_ != "VBG":
            return None
        return cue_subject(verb.head)
    return None


def according_to(token: Token) -> Token | None:
    """For the `according` of `according to X`, the X; else None."""
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None
