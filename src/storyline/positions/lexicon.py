"""The extraction rules' words: which verbs and nouns state a stance, which way, and what turns a stance around.

A stance predicate is a word whose object is what its subject is for or against ("Russia *vetoed* the
resolution", "the EU *backs* the plan", "Russia's *rejection* of calls for …"). Some only state a stance with a
particle ("call *for*", "call *on*", "object *to*"); some name a person and then the act they are judged for
("*thanked* Putin *for* launching air strikes", "*accused* the West *of* fuelling the war"). Words are lemmas, so
"backed", "backing" and "backs" are one entry; nouns and verbs are apart because "support" the noun reads its
target through "for" and "of", the verb through its object.
"""
from __future__ import annotations

FOR, AGAINST = 1, -1

# Verbs whose direct object (or particle's object) is what the subject is for (+1) or against (-1).
VERBS: dict[str, int] = {
    **dict.fromkeys((
        "back", "support", "endorse", "favor", "favour", "welcome", "praise", "thank", "approve", "propose",
        "advocate", "urge", "demand", "champion", "embrace", "accept", "applaud", "commend", "recommend",
        "ratify", "promote", "impose", "adopt", "entertain", "defend", "uphold", "hail", "laud", "congratulate",
        "encourage", "sponsor", "push", "press", "seek", "insist", "vote", "call", "want", "favour", "prefer",
    ), FOR),
    **dict.fromkeys((
        "oppose", "reject", "veto", "block", "condemn", "criticize", "criticise", "denounce", "accuse", "blame",
        "attack", "slam", "dismiss", "resist", "protest", "object", "boycott", "decry", "deplore", "fault",
        "assail", "lambaste", "blast", "contest", "rebuff", "spurn", "scrap", "ban", "obstruct", "thwart",
        "torpedo", "undermine", "warn", "castigate", "chastise", "rule", "denigrate", "ridicule", "mock",
    ), AGAINST),
}

# Verbs that state a stance only with this particle: "call for" / "call on" (not "called the meeting").
PARTICLE_ONLY: dict[str, tuple[str, ...]] = {
    "call": ("for", "on", "upon"), "push": ("for",), "press": ("for",), "insist": ("on", "upon"),
    "vote": ("for", "against"), "object": ("to",), "warn": ("against", "of"), "rule": ("out",),
}

# Particles that fix the direction whatever the verb ("voted against", "warned against").
PARTICLE_POLARITY = {"against": AGAINST}

# Nouns that state a stance through "of", "for", "to" or "on" ("rejection of", "calls for", "opposition to").
NOUNS: dict[str, int] = {
    **dict.fromkeys((
        "support", "backing", "call", "demand", "proposal", "endorsement", "plea", "commitment", "appeal",
        "approval", "push", "bid", "backer", "supporter", "proponent", "advocacy",
    ), FOR),
    **dict.fromkeys((
        "rejection", "opposition", "veto", "condemnation", "criticism", "objection", "resistance", "boycott",
        "opponent", "critic", "refusal", "denunciation", "ban",
    ), AGAINST),
}
NOUN_PARTICLES = ("of", "for", "to", "on", "against")

# Verbs whose complement is an act the subject does not do, so its stance turns around ("refused to back").
REFUSALS = frozenset(("refuse", "decline", "fail", "reluctant", "unwilling", "stop", "cease", "abandon"))

# What a refusal of these means: no stance at all ("refused to comment on", "declined to speculate on").
NON_COMMITTAL = frozenset(("comment", "speculate", "say", "discuss", "elaborate", "answer", "respond", "confirm",
                           "deny", "disclose", "reveal", "specify", "predict", "guess"))

# Verbs that name a person and then the act they are praised or blamed for: the act is the target.
REASON_VERBS = frozenset(("thank", "accuse", "blame", "criticize", "criticise", "praise", "condemn",
                          "congratulate", "fault", "commend", "applaud", "attack", "slam", "castigate",
                          "chastise", "hail", "laud"))
REASON_PARTICLES = ("for", "of")

# "protect X from Y", "shield X from Y": the subject is against Y.
PROTECTIONS = frozenset(("protect", "shield", "shelter", "save", "defend", "spare"))

# Deontic modality: a quoted "X should leave" is the speaker being for X leaving.
MODALS = frozenset(("should", "must", "ought", "shall"))
NEED_VERBS = frozenset(("need", "have"))  # "we need to …", "it has to be stopped"
NECESSITY = frozenset(("necessary", "essential", "vital", "crucial", "important", "imperative", "ready",
                       "willing", "prepared", "determined"))
# Verbs of thinking whose negation negates their clause ("we do not think that Assad should leave").
BELIEFS = frozenset(("think", "believe", "consider", "expect", "suppose", "feel", "see", "mean", "say", "want"))

NEGATIONS = frozenset(("not", "n't", "never", "no", "nor", "neither"))

# Conditions: "only if", "unless", "provided that", "as long as", "on condition that".
CONDITION_MARKS = frozenset(("if", "unless", "provided", "providing", "once", "until"))
CONDITION_PHRASES = ("as long as", "on condition that", "on the condition that", "provided that", "so long as")

# Heads of a noun phrase that may act without being a named entity ("rebel forces", "the opposition").
AGENT_NOUNS = frozenset((
    "rebel", "force", "government", "opposition", "official", "minister", "ministry", "lawmaker", "party",
    "administration", "council", "leader", "president", "country", "spokesman", "spokeswoman", "spokesperson",
    "army", "military", "coalition", "group", "union", "committee", "senator", "critic", "regime", "diplomat",
    "envoy", "ambassador", "state", "nation", "power", "ally", "parliament", "congress", "court", "activist",
    "fighter", "militant", "monitor", "democrat", "republican", "chancellor", "premier", "king", "prime",
    "secretary", "general", "commander", "organisation", "organization", "agency", "bloc", "kremlin", "west",
))
# Heads through which an actor speaks: "a statement from Moscow", "a spokesman for the ministry".
VOICE_NOUNS = frozenset(("statement", "spokesman", "spokeswoman", "spokesperson", "source", "official",
                         "communique", "declaration", "letter", "ministry"))
ACTOR_LABELS = frozenset(("PERSON", "ORG", "GPE", "NORP"))
# Documents that "call for" things: a resolution's call is not an actor's stance ("a UN resolution calling for").
DOCUMENTS = frozenset(("resolution", "report", "plan", "proposal", "bill", "law", "draft", "treaty", "agreement",
                       "deal", "study", "document", "motion", "text", "measure", "amendment", "petition", "remark",
                       "comment", "word", "article", "editorial", "tweet", "post"))
