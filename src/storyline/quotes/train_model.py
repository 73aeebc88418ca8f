"""Rebuild the attribution tagger of `learned` from the PolNeAR training texts.

    storyline train-quotes ../shared/eval/polnear/train [--out DIR] [--fit N] [--steps N]

Each text's paragraphs (split as the PolNeAR evaluation splits them) become spaCy Docs whose entities are the
annotated Source, Cue and Content spans (discontinuous contents in pieces). The shipped tagger is fitted on every
training text for a fixed number of steps; `--fit N` fits on the first N texts (name order) instead and keeps the
checkpoint that scores best on the rest. PolNeAR dev is never read. The tagger listens
to the English model's frozen tok2vec (`attribution.cfg`), so training only fits the tagger and its two
convolution layers and word embeddings: about 20 minutes on two CPU cores. The English model's tok2vec is left out
of what is saved (the tagger reads the tensor the running model computes), which keeps the shipped model near 5 MB.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.util import filter_spans

from . import architecture  # noqa: F401  (the config names its listener architecture)
from .learned import COMPONENT, MODEL_DIR
from .polnear import annotated_texts, read_attributions, text_paragraphs

CONFIG = Path(__file__).with_name("attribution.cfg")
ROLES = ("Source", "Cue", "Content")


def annotated_spans(ann: Path) -> list[tuple[int, int, str]]:
    """(start, end, SOURCE|CUE|CONTENT) for every piece of every attribution in a brat file."""
    return [(start, end, role.upper()) for attribution in read_attributions(ann) for role in ROLES
            for start, end in attribution.get(role, ())]


def paragraph_docs(text_path: Path, ann: Path) -> Iterator[Doc]:
    """The text's paragraphs as tokenised Docs carrying the annotated spans that fall in them."""
    from ..annotate import get_nlp
    nlp = get_nlp()
    spans = annotated_spans(ann)
    paragraphs, starts = text_paragraphs(text_path.read_text(encoding="utf-8"))
    for paragraph, offset in zip(paragraphs, starts):
        doc = nlp.make_doc(paragraph)
        labelled = []
        for start, end, label in spans:
            start, end = max(start, offset) - offset, min(end, offset + len(paragraph)) - offset
            while start < end and paragraph[start].isspace():
                start += 1
            while end > start and paragraph[end - 1].isspace():
                end -= 1
            span = doc.char_span(start, end, label=label, alignment_mode="expand") if end > start else None
            if span is not None and len(span):
                labelled.append(span)
        doc.ents = filter_spans(labelled)
        yield doc


def write_docbin(pairs: list[tuple[Path, Path]], out: Path) -> int:
    """Save the paragraph Docs of (text, annotation) pairs; returns how many paragraphs."""
    docs = DocBin()
    for text_path, ann in pairs:
        for doc in paragraph_docs(text_path, ann):
            docs.add(doc)
    docs.to_disk(out)
    return len(docs)


def train(train_dir: Path, out: Path = MODEL_DIR, fit: int = 0, steps: int = 9000) -> None:
    """Train the tagger and save only its component (and the strings it needs) in `out`. With `fit` texts fitted
    and the rest held out, the best checkpoint on the held-out texts is kept; with every text fitted (`fit` 0, the
    shipped model), the last one."""
    import spacy
    from spacy.cli.train import train as spacy_train

    pairs = annotated_texts(train_dir)
    fit = fit if 0 < fit < len(pairs) else len(pairs)
    held = pairs[fit:] or pairs[-len(pairs) // 6:]  # all fitted: progress is printed on the last sixth
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        print(f"fitting on {write_docbin(pairs[:fit], folder / 'fit.spacy')} paragraphs of {fit} texts; scoring "
              f"on {write_docbin(held, folder / 'held.spacy')} paragraphs of {len(held)}")
        spacy_train(CONFIG, folder / "output", overrides={"paths.train": str(folder / "fit.spacy"),
                                                         "paths.dev": str(folder / "held.spacy"),
                                                         "training.max_steps": steps})
        nlp = spacy.load(folder / "output" / ("model-best" if fit < len(pairs) else "model-last"))
        nlp.remove_pipe("tok2vec")
        nlp.config["paths"].update({"train": None, "dev": None})  # the scratch folders are gone
        if out.exists():
            shutil.rmtree(out)
        nlp.to_disk(out)
    print(f"saved the {COMPONENT} tagger in {out}")
