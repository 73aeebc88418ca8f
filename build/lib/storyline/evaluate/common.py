"""What every evaluation shares: whitespace folding as the gold writes snippets, ratios, finding a gold snippet in
an article, and the seeds read and analysed the way a user's build reads and analyses them."""
from __future__ import annotations

import re
from pathlib import Path

from ..pipeline import process
from ..read import read_paths
from ..record import Article, RawArticle

_SPACE = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Whitespace folded to single spaces ("" for None), as the gold snippets are written."""
    return _SPACE.sub(" ", text).strip() if text else ""


def ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def locate(snippet: str, text: str) -> tuple[int, int] | None:
    """Where a whitespace-folded gold snippet sits in the text (start, end), or None."""
    pattern = r"\s+".join(re.escape(word) for word in snippet.split())
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None


def seeds_folder(gold_path: Path, seeds_dir: Path | None = None) -> Path:
    """The seeds beside the gold: `../seeds` from the gold file's folder unless given."""
    return seeds_dir or gold_path.parent.parent / "seeds"


def read_seed(path: Path) -> RawArticle:
    """A seed file through the real reader (encoding detection included), keyed by its file name."""
    for item in read_paths([path]):
        if isinstance(item, RawArticle):
            item.source = path.name
            return item
        raise ValueError(f"{path}: {item.reason}")
    raise ValueError(f"{path}: no article read")


def process_seeds(gold_path: Path, seeds_dir: Path | None = None) -> dict[str, Article]:
    """Every seed through every per-article stage, by file name (the gold's `doc`)."""
    folder = seeds_folder(gold_path, seeds_dir)
    return {path.name: process(read_seed(path)) for path in sorted(folder.glob("*.txt"))}
