"""Story stages: what is computed over the analysed articles of one story (figure series, timeline, summary,
inconsistencies).

A story stage is a function `list[Article] -> list[record]` registered with the name its result is stored and
exported under. It runs over the articles of one story at a time, so a timeline or a summary never mixes unrelated
stories, and only the stories a build touched are computed again (`corpus.update`). Entities are not a stage: they
are resolved name block by name block across all stories (`corpus.entities`).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..record import Article
from .inconsistencies import find_inconsistencies
from .series import build_series
from .summary import summarise
from .timeline import build_timeline

CorpusFunc = Callable[[list[Article]], list[Any]]


@dataclass(frozen=True)
class CorpusStage:
    name: str
    func: CorpusFunc


CORPUS_STAGES: list[CorpusStage] = [
    CorpusStage("series", build_series),
    CorpusStage("timeline", build_timeline),
    CorpusStage("summary", summarise),
    CorpusStage("inconsistencies", find_inconsistencies),
]


@dataclass
class CorpusRun:
    """The results of the corpus stages that ran (JSON-able, by name) and, for any that raised, why."""

    results: dict[str, list[Any]]
    failures: dict[str, str]


def run_corpus_stages(articles: list[Article], stages: list[CorpusStage] | None = None,
                      on_stage: Callable[[str], None] | None = None,
                      after_stage: Callable[[str], None] | None = None) -> CorpusRun:
    """Each stage's result as JSON-able dicts, keyed by the stage's name. A stage that raises leaves no result
    (its stored one stays) and its error is reported; the stages after it still run. `on_stage` and
    `after_stage` hear each stage's name before and after it runs (for progress)."""
    run = CorpusRun({}, {})
    for current in stages if stages is not None else CORPUS_STAGES:
        if on_stage:
            on_stage(current.name)
        try:
            run.results[current.name] = [_plain(item) for item in current.func(articles)]
        except Exception as error:  # noqa: BLE001 - the articles are stored; one summary bug must not lose a build
            run.failures[current.name] = f"{type(error).__name__}: {error}"
        if after_stage:
            after_stage(current.name)
    return run


def _plain(item: Any) -> Any:
    return dataclasses.asdict(item) if dataclasses.is_dataclass(item) else item
