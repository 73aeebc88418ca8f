"""Read TimeML documents (TempEval-3's TimeBank and AQUAINT) into plain text with gold time expressions.

Used by the evaluation: the tags are stripped, each gold TIMEX3 keeps character offsets into the stripped text,
and the document creation time plays the publication date. Paragraphs are split where the text has blank lines,
with their start offsets kept so results map back onto the gold.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimemlDocument:
    name: str
    text: str
    creation_time: str | None
    timexes: list[GoldTimex] = field(default_factory=list)

    def paragraphs(self) -> list[tuple[int, str]]:
        """(start offset, text) of each non-empty paragraph, line breaks inside one turned into spaces."""
        pieces, start = [], 0
        for match in _BLANK_LINES.finditer(self.text + "\n\n"):
            chunk = self.text[start: match.start()]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                pieces.append((start + lead, stripped.replace("\n", " ")))
            start = match.end()
        return pieces


def _walk(element: ET.Element, parts: list[str], timexes: list[GoldTimex], position: list[int]) -> None:
    start = position[0]
    if element.text:
        parts.append(element.text)
        position[0] += len(element.text)
    for child in element:
        _walk(child, parts, timexes, position)
        if child.tail:
            parts.append(child.tail)
            position[0] += len(child.tail)
    if element.tag == "TIMEX3":
        text = "".join(parts)[start: position[0]]
        timexes.append(GoldTimex(start, position[0], text, element.get("type", ""), element.get("value", "")))


def read_timeml(path: Path) -> TimemlDocument:
    """One .tml file: its TEXT without tags, gold timexes inside TEXT, and the CREATION_TIME value (date part)."""
    root = ET.parse(path).getroot()
    creation = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            creation = (timex.get("value") or "")[:10] or None
            break
    body = root.find("TEXT")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    if body is not None:
        _walk(body, parts, timexes, [0])
    return TimemlDocument(path.stem, "".join(parts), creation, sorted(timexes, key=lambda t: t.start))


def read_timeml_dir(folder: Path) -> list[TimemlDocument]:
    """Every .tml file under `folder`, sorted by path for a stable order."""
    return [read_timeml(path) for path in sorted(Path(folder).rglob("*.tml"))]
