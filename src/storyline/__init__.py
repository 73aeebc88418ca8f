"""storyline: turn a pile of raw news articles into a sourced account of the story.

    >>> import storyline
    >>> corpus = storyline.build(["articles/"], db="storyline.db")
    >>> corpus.export("json", Path("corpus.json"))
    >>> storyline.open("storyline.db").quotes(speaker="Putin")   # a pandas DataFrame

Names are loaded on first use (PEP 562), so importing one record type does not load spaCy and trafilatura.
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Corpus": "api", "build": "api", "BuildSummary": "builder", "open": "frames", "Frames": "frames",
    "FilterError": "filters", "write_report": "report",
    **{name: "record" for name in (
        "Article", "CanonicalEntity", "Citation", "Entity", "Evidence", "Figure", "FigureSeries", "Inconsistency",
        "Quote", "RawArticle", "ReadFailure", "Removed", "Role", "Sentence", "Statement", "SummarySentence",
        "TimeExpression", "TimelineEntry",
    )},
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'storyline' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
