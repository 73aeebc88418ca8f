"""PolNeAR as storyline reads it: the brat annotation of each text's attributions (Source, Cue, Content pieces),
the first annotator's file for every text of a split, and the text's paragraphs (its non-empty lines). Training
the attribution tagger (`train_model`) and scoring it (`storyline.evaluate.quotes`) read the corpus the same way,
from here, so training does not depend on the evaluation package.
"""
from __future__ import annotations

import re
from pathlib import Path


def read_attributions(ann: Path) -> list[dict[str, tuple[tuple[int, int], ...]]]:
    """Every attribution of a brat file as its roles (`Source`, `Cue`, `Content`, …) with their character pieces
    (a discontinuous span has several)."""
    pieces: dict[str, tuple[tuple[int, int], ...]] = {}
    attributions = []
    lines = ann.read_text(encoding="utf-8").splitlines()
    for line in lines:
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            offsets = parts[1].partition(" ")[2]
            pieces[parts[0]] = tuple((int(p.split()[0]), int(p.split()[1])) for p in offsets.split(";"))
    for line in lines:
        parts = line.split("\t")
        if line.startswith("E") and len(parts) >= 2:
            arguments = dict(a.split(":", 1) for a in parts[1].split())
            attributions.append({role: pieces[key] for role, key in arguments.items() if key in pieces})
    return attributions


def annotated_texts(split_dir: Path) -> list[tuple[Path, Path]]:
    """(text, first annotator's file) for every PolNeAR text of a split that has one, in name order."""
    pairs = []
    for text_path in sorted((Path(split_dir) / "text").glob("*.txt")):
        annotations = sorted((Path(split_dir) / "attributions").glob(text_path.stem + "_*.ann"))
        if annotations:
            pairs.append((text_path, annotations[0]))
    return pairs


def text_paragraphs(text: str) -> tuple[list[str], list[int]]:
    """Non-empty lines as paragraphs with their offsets in the file (no-break spaces read as spaces)."""
    found = [(m.group(), m.start()) for m in re.finditer(r"[^\n]+", text.replace("\u00a0", " ")) if m.group().strip()]
    return [p for p, _ in found], [s for _, s in found]
