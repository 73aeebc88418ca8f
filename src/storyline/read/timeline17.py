"""Timeline17-style collections (the layout news-tls and tilse distribute): `COLLECTION/InputDocs/YYYY-MM-DD/*.txt`,
the folder name being the publication date, and `COLLECTION/timelines/*.txt` in the tilse text format.

The input texts are tokenised one sentence a line, Penn Treebank style (`` `` `` and `''` for quotes, `-LRB-` for
"(", a space before every punctuation mark and clitic). The pipeline is built for ordinary text, so each line is
detokenised and becomes one paragraph: the sentence split the corpus gives is kept, and the cleaner, spaCy and the
time stage see the text as a reader would.

The tilse format: a `YYYY-MM-DD` line, the sentences of that date one a line, a line of dashes; the same writer
produces the predicted timelines so that any tilse-based scorer reads them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ..record import PARAGRAPH_SEPARATOR, RawArticle

Timeline = dict[date, list[str]]

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_OPENERS = {"``", "`", "(", "[", "{", "$", "#"}
_CLOSERS = {"''", "'", ")", "]", "}", ",", ".", ";", ":", "!", "?", "%", "...", "n't", "'s", "'S", "'re", "'ve",
            "'ll", "'d", "'m", "'RE", "'VE", "'LL", "'D", "'M", "N'T"}
_QUOTES = {"``": '"', "''": '"', "`": "'"}
_DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RULE = re.compile(r"^-{5,}\s*$")


def detokenise(line: str) -> str:
    """A PTB-tokenised sentence as ordinary text: brackets and quotes restored, no space before punctuation or
    clitics ("BP 's" -> "BP's", "ca n't" -> "can't"), none after an opening mark ("`` top kill ''" ->
    '"top kill"', "$ 500m" -> "$500m")."""
    words = [_BRACKETS.get(word, word).replace("\\/", "/").replace("\\*", "*") for word in line.split()]
    out: list[str] = []
    glue = False  # the previous word opens: the next one attaches to it
    for word in words:
        closes = word in _CLOSERS
        text = _QUOTES.get(word, word)
        if out and (closes or glue):
            out[-1] += text
        else:
            out.append(text)
        glue = word in _OPENERS
    return " ".join(out)


def read_collection(folder: Path) -> Iterator[RawArticle]:
    """Every input document of one collection, detokenised, its publication date from its folder's name; the
    source is the path under the collection (`InputDocs/2010-05-24/1036.htm.txt`), stable across machines."""
    inputs = folder / "InputDocs"
    for day in sorted(p for p in inputs.iterdir() if p.is_dir() and _DATE_LINE.match(p.name)):
        for path in sorted(day.glob("*.txt")):
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            text = PARAGRAPH_SEPARATOR.join(detokenise(line) for line in lines if line.strip())
            yield RawArticle(source=str(path.relative_to(folder)), text=text, published=day.name,
                             encoding="utf-8")


def collections(folder: Path) -> list[Path]:
    """The collections under `folder` (each with InputDocs/ and timelines/), by name; `folder` itself if it is one."""
    if (folder / "InputDocs").is_dir():
        return [folder]
    return sorted(p for p in folder.iterdir() if (p / "InputDocs").is_dir() and (p / "timelines").is_dir())


def parse_timeline(text: str) -> Timeline:
    """A tilse text timeline: date line, sentences, dash line; a date given twice keeps all its sentences."""
    timeline: Timeline = {}
    current: date | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _RULE.match(line):
            current = None
        elif current is None and _DATE_LINE.match(line):
            current = date.fromisoformat(line)
            timeline.setdefault(current, [])
        elif current is not None:
            timeline[current].append(line)
    return timeline


def read_timeline(path: Path) -> Timeline:
    return parse_timeline(path.read_text(encoding="utf-8", errors="replace"))


def format_timeline(timeline: Timeline) -> str:
    """The tilse text format, dates in order (tilse's own files list them newest first; its reader ignores order)."""
    blocks = []
    for day in sorted(timeline):
        blocks.append("\n".join([day.isoformat(), *(" ".join(s.split()) for s in timeline[day]), "-" * 32]))
    return "\n".join(blocks) + ("\n" if blocks else "")
