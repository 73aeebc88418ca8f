"""Attributions the rules miss, found by a model trained on PolNeAR (`../shared/eval/polnear/train`).

PolNeAR marks every attribution's Source, Cue and Content, one label per token, so it is a tagging task: a spaCy
`ner` component (`attribution`) labels CONTENT, CUE and SOURCE spans. It was trained on paragraphs and runs on
the stretches of sentences the rules left open (`storyline.quotes.tagged._stretches_to_tag`). It reads the tensor the
English model's own `tok2vec` already computed for the paragraph (through a listener), beside its own small word
embeddings, through two window layers (`architecture`): one transition-based pass per stretch, no second
full encoder. The rules stay first (`storyline.quotes`): the model's content spans widen a verb's reported speech
the parse cut short, and add quotes where no rule quote lies, each with the nearest cue and source the model
labelled in its sentence, the speaker resolved like any other.

The model ships in `attribution_model/` beside this module; `storyline train-quotes POLNEAR_TRAIN` rebuilds it
(`train_model`).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc, Span, Token

from . import architecture  # noqa: F401  (registers the listener architecture the model's config names)

if TYPE_CHECKING:
    from spacy.pipeline import EntityRecognizer

MODEL_DIR = Path(__file__).with_name("attribution_model")
COMPONENT = "attribution"


@dataclass
class Tagged:
    """One content span the model labelled, with the cue and source it most likely belongs to (same sentence)."""

    paragraph: int
    content: Span
    cue: Span | None
    source: Span | None


@lru_cache(maxsize=1)
def load_tagger(path: Path = MODEL_DIR) -> EntityRecognizer | None:
    """The trained `attribution` component, or None when the package ships without one (quotes then come from
    the rules alone)."""
    import spacy

    if not (path / "config.cfg").exists():
        return None
    return spacy.load(path).get_pipe(COMPONENT)


@contextmanager
def rules_only() -> Iterator[None]:
    """Within the block the quote stage runs without the tagger (what the rules alone find, and cost)."""
    global load_tagger
    loaded = load_tagger
    load_tagger = lambda path=MODEL_DIR: None  # noqa: E731
    try:
        yield
    finally:
        load_tagger = loaded


def _copy(span: Span, labels: tuple[str, ...]) -> Doc:
    """A bare copy of a stretch of a paragraph (same vocabulary, tokens and tensor rows; no parse, no entities) for
    the tagger to write its spans on: `doc.ents` stays the English model's, and no sentence boundary stops a span
    running over sentences as the annotated contents do."""
    doc = span.doc
    for label in labels:
        doc.vocab.strings.add(label)
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, SPACY])[span.start:span.end].tolist()
    copy = Doc(doc.vocab, words=[strings[orth] for orth, _ in rows], spaces=[bool(space) for _, space in rows])
    copy.tensor = doc.tensor[span.start:span.end]
    return copy


def _governing(spans: list[Span], content: Span) -> Span | None:
    """The cue for a content: a labelled cue span holding the word the content hangs from in the parse (`a
    resolution calling for [Y]`), else that word itself when it is a verb and no labelled cue governs the content
    (with the verb before it when it is an adjective: `made it clear`), else None."""
    doc, token = content.doc, content.root
    while token.head.i != token.i and content.start <= token.head.i < content.end:
        token = token.head
    head = token.head
    if head.i == token.i:
        return None
    found = next((s for s in spans if s.start <= head.i < s.end), None)
    if found is not None:
        return found
    if head.pos_ == "ADJ" and head.head.pos_ == "VERB" and head.head.i < head.i:
        return doc[head.head.i:head.i + 1]  # `made it clear that …`
    return doc[head.i:head.i + 1] if head.pos_ == "VERB" else None


def _nearest(spans: list[Span], content: Span) -> Span | None:
    """The span of `spans` in the content's sentence closest to it (token distance), if any; none inside the
    content itself (a cue or source there belongs to a statement the content reports)."""
    sentence = content.doc[content.start].sent
    inside = [s for s in spans if sentence.start <= s.start < sentence.end and
              not (content.start <= s.start < content.end)]
    return min(inside, key=lambda s: min(abs(s.start - content.end), abs(content.start - s.end)), default=None)


def tag(stretches: list[tuple[int, Span]]) -> list[Tagged]:
    """Content spans the model finds in the given (paragraph index, stretch of that paragraph's Doc) pairs, as
    spans of the paragraph's Doc; the Docs must carry the English model's tensor."""
    tagger = load_tagger()
    if tagger is None or not stretches:
        return []
    found: list[Tagged] = []
    copies = (_copy(stretch, tagger.labels) for _, stretch in stretches)
    for (paragraph, stretch), tagged in zip(stretches, tagger.pipe(copies)):
        doc, shift = stretch.doc, stretch.start
        labelled = {label: [doc[s.start + shift:s.end + shift] for s in tagged.ents if s.label_ == label]
                    for label in ("CONTENT", "CUE", "SOURCE")}
        for content in labelled["CONTENT"]:
            cue = _governing(labelled["CUE"], content) or _nearest(labelled["CUE"], content)
            found.append(Tagged(paragraph, content, cue,
                                _nearest(labelled["SOURCE"], content)))
    return found


def source_head(tagged: Tagged) -> Token | None:
    """The token to resolve as the speaker: the subject the parse gives the labelled cue (the tagger's nearest
    source may belong to another statement in the sentence: `X said, after a resolution calling for Y`), else the
    source span's root; a relative pronoun stands for the noun its clause describes (`a plan that called for …`
    is the plan's)."""
    from .cues import antecedent, cue_subject, is_relative

    subject = cue_subject(tagged.cue.root) if tagged.cue is not None else None
    head = subject if subject is not None else tagged.source.root if tagged.source is not None else None
    return antecedent(head) if head is not None and is_relative(head) else head
