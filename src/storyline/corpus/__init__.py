"""Corpus stages: they work on the compact results of all analysed articles (entities, stories, timeline, summary).

A corpus stage is a function `list[Article] -> list[record]` registered with the name its result is stored and
exported under, and the per-article item lists it may update in place (entity canonicalisation fills each quote's
`speaker`). `run_corpus_stages` runs them in order after the per-article stages of a build.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..record import Article
from .entities import canonicalise
from .inconsistencies import find_inconsistencies
from .series import build_series
from .summary import summarise
from .timeline import build_timeline

CorpusFunc = Callable[[list[Article]], list[Any]]


@dataclass(frozen=True)
class CorpusStage:
    name: str
    func: CorpusFunc
    updates: tuple[str, ...] = ()


CORPUS_STAGES: list[CorpusStage] = [
    CorpusStage("entities", canonicalise, updates=("quotes",)),
    CorpusStage("series", build_series),
    CorpusStage("timeline", build_timeline),
    CorpusStage("summary", summarise),
    CorpusStage("inconsistencies", find_inconsistencies),
]


def run_corpus_stages(articles: list[Article], stages: list[CorpusStage] | None = None) -> dict[str, list[Any]]:
    """Each stage's result as JSON-able dicts, keyed by the stage's name."""
    results: dict[str, list[Any]] = {}
    for current in stages if stages is not None else CORPUS_STAGES:
        results[current.name] = [_plain(item) for item in current.func(articles)]
    return results


def updated_items(stages: list[CorpusStage] | None = None) -> tuple[str, ...]:
    return tuple(name for current in stages or CORPUS_STAGES for name in current.updates)


def _plain(item: Any) -> Any:
    return dataclasses.asdict(item) if dataclasses.is_dataclass(item) else item
