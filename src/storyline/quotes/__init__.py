"""Quotes, reported speech and their speakers: the `quotes` stage.

Direct quotes come from quotation marks with a cue beside them or a name signing them after a dash (`direct`),
and from the turns of a pasted transcript (`transcript`: `PENCE: …`); reported speech from cue verbs with a
clause in the parse (`indirect`), which becomes a mixed quote when it holds a quoted fragment, as does a fragment
a verb applies to something (`branded the plan a "gamble"`); a cue-less quoted sentence right after a quote
continues it. Speakers are resolved within the article (`speakers`); the corpus stage
`storyline.corpus.entities.canonicalise` then names them across articles. Marks with no cue and no reported speech
around them are scare quotes or titles, and are left out. Then the attribution tagger trained on PolNeAR
(`learned`) widens reported speech the parse cut short and adds what the rules missed, where it names a cue or a
source (or is a quote in marks).

The parts live in modules named by what they do: `quoted` (marks and transcript turns), `reported` (reported
speech), `tagged` (the tagger's additions), `build` (the Quote records they share), `statement` (which of them are
statements, the quotes shown, and which attribute actions or perceptions) and `stage` (the order they run in).
"""
from .stage import extract_quotes

__all__ = ["extract_quotes"]
