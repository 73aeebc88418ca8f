"""Speech and attribution cues: the verbs (and `according to`) that introduce what someone said or holds.

The lexicon is by lemma, so it covers every tense; it is split because a direct quote needs a verb of saying,
while reported speech is also introduced by verbs of thinking and finding (`believes`, `polls show`), which
attribution corpora such as PolNeAR count as attribution too.
"""
from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

SAYING = frozenset("""
say tell add state insist accuse warn claim argue note explain stress emphasise emphasize announce report declare
deny admit acknowledge suggest ask reply respond answer write tweet post urge predict vow promise pledge confirm
comment remark recall complain contend assert maintain reiterate concede caution conclude describe charge allege
testify reveal disclose indicate signal boast joke quip shout cry scream demand threaten praise criticise criticize
blame dismiss reject agree disagree acknowledge estimate question wonder observe point mention propose recommend
call brief counter retort protest lament mock decry hail insist assure announce order urge read
continue muse exclaim marvel chant yell
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

# What else a cue verb reports besides a clause (`ccomp`, taken for every cue): its direct object (`denounced the
# plan`), its `to`-infinitive (`vowed to fight`) or the object of one preposition (`spoke about the wall`,
# `accused X of lying`). Counted on the PolNeAR training texts: every (lemma, complement) pair that headed an
# annotated attribution at least 3 times and at least 40 % of the times it stood outside quotation marks with a
# subject (a few frequent verbs whose object is rarely what was said, `say that`, `have`, `make`, left out).
# Relations: `dobj`, `xcomp`, `oprd` (`named X chairman`), `prep:<word>`.
_PATTERN_GROUPS = {
    "ccomp": """convince demonstrate add admit assert assure claim complain concede conclude contend continue describe
        determine estimate find hope imply indicate insist learn point post recognize remark remind reply reveal
        speculate state suggest suspect tell wonder write""",
    "dobj": """advocate applaud assail believe bemoan blast condemn decry deem denounce disclose dismiss echo endorse
        hail highlight list mention mock oppose portray rebut reiterate reject repeat repudiate stress tout
        acknowledge announce argue confirm declare deny discuss emphasize emphasise explain express fear note predict
        question recall recommend tweet talk defend cite blame criticize criticise praise propose report
        claim name offer prefer share slam thank reveal reference congratulate recognize identify outline unveil
        reaffirm detail recite credit hammer deride lament articulate voice admit state suggest signal chant retweet
        retweete email promote""",
    "xcomp": """aim decide decline encourage pledge prefer refuse seek threaten urge vow agree hope hop promise say
        propose vote report ask call choose push order press offer suggest like support""",
    "oprd": "name call",
    "prep:as": "cast refer see view cite describe portray name mention praise list",
    "prep:for": """apologize apologise congratulate push thank vouch blame criticize criticise praise call argue
        advocate campaign ask blast""",
    "prep:from": "distance",
    "prep:of": "accuse warn speak boast",
    "prep:on": "comment weigh double agree zero",
    "prep:to": "allude compare liken point refer respond",
    "prep:about": "boast joke worry talk speak ask complain",
    "prep:against": "caution defend vote warn campaign",
    "prep:with": "respond show agree",
    "prep:in": "believe",
    "prep:at": "balk hint lash",
    "prep:behind": "throw",
    "prep:upon": "remark",
}
PATTERNS: dict[str, frozenset[str]] = {}
for _relation, _lemmas in _PATTERN_GROUPS.items():
    for _lemma in _lemmas.split():
        PATTERNS[_lemma] = PATTERNS.get(_lemma, frozenset()) | {_relation}

# Nouns that cue what their possessor said, holds or intends (`Trump's call for a ban`, `her view that…`,
# `his decision to run`), with the prepositions whose object is that content; a `that`-clause or a `to`-infinitive
# is taken for all of them. Counted on the PolNeAR training texts' cue spans (nouns cueing at least 3 attributions).
NOMINAL: dict[str, frozenset[str]] = {noun: frozenset(preps.split()) for noun, preps in {
    "question": "about of", "support": "for of", "criticism": "of", "view": "of on about", "endorsement": "of",
    "attack": "on against", "call": "for", "decision": "", "plan": "for", "promise": "of", "concern": "about over",
    "complaint": "about", "hope": "for of", "message": "", "proposal": "for", "remark": "about", "demand": "for",
    "fear": "of", "suggestion": "", "advice": "for", "warning": "about of", "claim": "", "argument": "for against",
    "opposition": "to", "announcement": "of", "comment": "about on", "answer": "",
    "disagreement": "with over", "request": "for", "embrace": "of", "vow": "", "refusal": "", "allegation": "",
    "accusation": "", "focus": "on", "case": "for against", "pledge": "", "insistence": "on", "belief": "in",
    "assertion": "", "statement": "", "threat": "", "intention": "", "desire": "for", "commitment": "to",
    "praise": "for of", "defense": "of", "defence": "of", "rejection": "of", "denial": "of", "push": "for",
}.items()}

# Adjectives after a copula that report their subject's stance (`is critical of X`, `was eager to run`,
# `is confident that…`), with what may hold the content: a preposition's object, `xcomp` or `ccomp`. Counted on the
# PolNeAR training texts like the verb patterns.
ADJECTIVES: dict[str, frozenset[str]] = {adjective: frozenset(relations.split()) for adjective, relations in {
    "eager": "xcomp", "quick": "xcomp", "inclined": "xcomp", "reluctant": "xcomp", "critical": "of",
    "skeptical": "of", "sceptical": "of", "supportive": "of", "enamored": "of", "proud": "of", "aware": "of ccomp",
    "worried": "about ccomp", "concerned": "about ccomp", "angry": "about", "upbeat": "about",
    "optimistic": "about ccomp", "hopeful": "about ccomp", "confident": "in ccomp", "glad": "ccomp",
    "surprised": "ccomp", "devoted": "to", "convinced": "of ccomp",
}.items()}

# Verbs whose subject is not the speaker (`the rally saw`, `it remains`): never cues.
NOT_WITHOUT_OBJECT = frozenset({"call", "point", "see", "hear", "learn", "find", "show", "know"})


# Every lemma above, in any part of speech: a token with none of them is no cue of any kind.
CUE_LEMMAS = SAYING | THINKING | STANCE | frozenset(PATTERNS) | frozenset(NOMINAL) | frozenset(ADJECTIVES)
_IS_CUE_LEMMA: dict[int, bool] = {}  # lemma hash -> in CUE_LEMMAS once lower-cased (hashes are global in spaCy)


def cue_candidates(doc: Doc) -> list[Token]:
    """The tokens whose lower-cased lemma is in a cue lexicon, and every `according`: the only tokens any cue test
    can accept. Read from the lemma and lower-case arrays, so the rest of the paragraph is never turned into Token
    objects (which was most of the rules' time)."""
    strings = doc.vocab.strings
    according = strings["according"]  # the LOWER array holds string hashes
    found = []
    for i, (lemma, lower) in enumerate(doc.to_array([LEMMA, LOWER]).tolist()):
        known = _IS_CUE_LEMMA.get(lemma)
        if known is None:
            known = _IS_CUE_LEMMA[lemma] = strings[lemma].lower() in CUE_LEMMAS
        if known or lower == according:
            found.append(doc[i])
    return found


def is_saying(token: Token) -> bool:
    """A verb of saying: enough, with a subject, to introduce a direct quote."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SAYING


def is_cue(token: Token) -> bool:
    """A verb of saying or thinking: enough, with a subject and a clause, to introduce reported speech."""
    lemma = token.lemma_.lower()
    return token.pos_ == "VERB" and (lemma in SAYING or lemma in THINKING or lemma in STANCE or lemma in PATTERNS)


def is_relative(token: Token) -> bool:
    """`that`, `which`, `who` opening a relative clause (or standing as one's subject)."""
    return token.tag_ in ("WDT", "WP") or token.lower_ == "that"


def antecedent(pronoun: Token) -> Token | None:
    """For the relative pronoun subject of a clause describing a noun (`a plan that called for …`), the noun."""
    verb = pronoun.head
    return verb.head if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") else None


def cue_subject(verb: Token) -> Token | None:
    """The subject of a cue verb, looking through conjunctions (`X stood up and said`), participles
    (`..., saying ...`, `a letter saying ...`), relative clauses (`voters who said ...`) and passives (`was quoted
    by X`)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and is_relative(child):
            return antecedent(child)
        if child.dep_ == "nsubj" and is_dateline(child):
            continue
        if child.dep_ in ("nsubj", "nsubjpass") and not (child.dep_ == "nsubjpass" and child.pos_ == "PRON" and
                                                          child.lower_ == "it"):
            return _speaker_of_words(child)
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return issuer(verb.head)
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and is_cue(verb) and is_cue(verb.head.head):
        return cue_subject(verb.head.head)  # `X said A and predicted B`, B's cue hung on A's verb
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
        if verb.dep_ == "advcl" and verb.tag_ != "VBG":
            return None
        return cue_subject(verb.head)
    return None


# Nouns for what someone said or wrote: their possessor is the speaker (`his remarks indicated …`).
WORDS_SAID = frozenset("""
remark comment statement word speech letter tweet post message testimony answer reply response interview
""".split())


# Words for how many of a group (`a number of delegates`, `some of them`): the group is the speaker.
QUANTITIES = frozenset("""
number majority minority handful dozen dozens hundreds thousands couple lot few many some most all half third
several each none both
""".split())


def issuer(words: Token) -> Token:
    """For a noun of words said that a participle follows (`released a statement saying…`, `sent her a letter
    asking…`, `said in a statement calling…`), the subject of the verb that put the words out: the statement does
    not speak, its issuer does. Any other noun is returned as it is (`voters saying…`)."""
    if words.lemma_.lower() not in WORDS_SAID or any(c.dep_ == "poss" for c in words.children):
        return words
    governor = words.head if words.dep_ in ("dobj", "dative") else \
        words.head.head if words.dep_ == "pobj" and words.head.dep_ == "prep" else None
    if governor is None or governor.pos_ != "VERB":
        return words
    subject = next((c for c in governor.children if c.dep_ == "nsubj" and not is_relative(c)), None)
    return subject if subject is not None else words


def _speaker_of_words(subject: Token) -> Token:
    """`His remarks indicated that …`, `Putin's statement said …`: the possessor of a noun for words said is the
    speaker, not the words; `A number of delegates said …`, `Some of them said …`: the group counted is."""
    lemma = subject.lemma_.lower()
    if subject.pos_ == "NOUN" and lemma in WORDS_SAID:
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
    if lemma in QUANTITIES or subject.lower_ in QUANTITIES:
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if group is not None:
            return group
    return subject


DASHES = frozenset({"\u2014", "\u2013", "--", "-"})


def is_dateline(token: Token) -> bool:
    """A place name in capitals opening the paragraph before a dash (`AMHERST, N.H. — Gov. X said…`): the parser
    sometimes takes the dateline for the subject; it never says anything."""
    doc = token.doc
    if token.left_edge.i != 0 or not token.text.isupper() or len(token.text) < 3:
        return False
    return any(t.text in DASHES for t in doc[token.i + 1:min(len(doc), token.i + 8)])


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
