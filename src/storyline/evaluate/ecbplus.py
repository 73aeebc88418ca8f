"""Reading ECB+ (Cybulska and Vossen 2014): which sentences were annotated, which documents each topic holds, and a
document's tokens laid out as text with each token's character span.

ECB+ annotated mentions and coreference only in selected sentences (ECBplus_coreference_sentences.csv); scores
count gold there only, as the corpus README asks.
"""
from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|'|\u2019s)$", re.I)
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


def selected_sentences(folder: Path) -> dict[str, set[int]]:
    """File name (`1_10ecbplus.xml`) -> the numbers of its sentences annotated for coreference."""
    listed: dict[str, set[int]] = defaultdict(set)
    with (folder / "ECB+_LREC2014" / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            listed[f"{row['Topic']}_{row['File']}.xml"].add(int(row["Sentence Number"]))
    return listed


def listed_documents(folder: Path, topics: range) -> Iterator[tuple[str, Path, set[int]]]:
    """(topic, path, annotated sentence numbers) of every document of `topics` with annotated sentences."""
    listed = selected_sentences(folder)
    for topic in topics:
        for path in sorted((folder / "ECB+" / str(topic)).glob("*.xml")):
            if path.name in listed:
                yield str(topic), path, listed[path.name]


@dataclass
class Layout:
    """A document's sentences as paragraphs of text, and where each token lies in the joined text."""

    paragraphs: list[str]
    spans: dict[str, tuple[int, int]]  # t_id -> (start, end) in "\n\n".join(paragraphs)
    sentence_of: dict[str, int]  # t_id -> sentence number


def layout(root: ET.Element, separator: str = "\n\n") -> Layout:
    """One paragraph per sentence, tokens spaced as running text (`Reid's`, `(AP)`), so that the tagger reads
    ordinary prose and every gold token keeps exact offsets."""
    by_sentence: dict[int, list[ET.Element]] = defaultdict(list)
    for token in root.iter("token"):
        by_sentence[int(token.get("sentence", "0"))].append(token)
    paragraphs, spans, sentence_of = [], {}, {}
    offset = 0
    for number in sorted(by_sentence):
        text = ""
        for token in by_sentence[number]:
            word = token.text or ""
            if text and not NO_SPACE_BEFORE.match(word) and text[-1:] not in NO_SPACE_AFTER:
                text += " "
            spans[token.get("t_id")] = (offset + len(text), offset + len(text) + len(word))
            sentence_of[token.get("t_id")] = number
            text += word
        paragraphs.append(text)
        offset += len(text) + len(separator)
    return Layout(paragraphs, spans, sentence_of)
