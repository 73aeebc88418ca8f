"""A per-article stage is a pure function `Article -> Article` registered with what it requires and assigns.

Modelled on spaCy's `Language.component(requires=..., assigns=...)`: the declarations document the data flow and
`check_order` refuses a pipeline whose stages would read a field no earlier stage filled. Because stages are pure
functions of one article, the same list runs in a loop, in worker processes or on Ray.
"""
from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .record import Article

StageFunc = Callable[[Article], Article]

# Fields a freshly read article already carries.
INITIAL_FIELDS = ("id", "source", "content_hash", "raw")


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    func: StageFunc

    def __call__(self, article: Article) -> Article:
        return self.func(article)


REGISTRY: dict[str, Stage] = {}


def stage(name: str, requires: Iterable[str], assigns: Iterable[str]) -> Callable[[StageFunc], Stage]:
    """Register `func` as the stage `name`."""

    def register(func: StageFunc) -> Stage:
        registered = Stage(name, tuple(requires), tuple(assigns), func)
        REGISTRY[name] = registered
        return registered

    return register


def check_order(stages: list[Stage]) -> None:
    """Raise ValueError if a stage requires a field that no earlier stage assigns."""
    available = set(INITIAL_FIELDS)
    for current in stages:
        missing = [name for name in current.requires if name not in available]
        if missing:
            raise ValueError(f"stage {current.name!r} requires {missing} but no earlier stage assigns them")
        available.update(current.assigns)


FAILED = "failed"


def run_stages(article: Article, stages: list[Stage]) -> Article:
    """Run the stages in order; a stage that marks the article unanalysable stops the rest.

    A stage that raises fails this article only: the fields it assigns go back to what they held before it ran
    (what earlier stages set is kept: a failing time stage leaves the cleaner's publication date), the article is
    marked `failed` with the stage and the error, and the build goes on with the next article."""
    for current in stages:
        before = _snapshot(article, current.assigns)
        try:
            article = current(article)
        except Exception as error:  # noqa: BLE001 - one article's bug must not stop a build of thousands
            _restore(article, before)
            article.status = FAILED
            article.status_reason = f"stage {current.name!r} failed: {type(error).__name__}: {error}"
            break
        if article.status not in ("new", "ok"):
            break
    return article


# Fields kept by reference in a snapshot: spaCy Docs and the raw input are replaced by stages, never edited.
_BY_REFERENCE = ("docs", "raw")


def _snapshot(article: Article, names: tuple[str, ...]) -> dict[str, Any]:
    """The values of `names` before a stage runs, copied, since stages edit lists in place (`evidence.append`)."""
    return {name: getattr(article, name) if name in _BY_REFERENCE else copy.deepcopy(getattr(article, name))
            for name in names}


def _restore(article: Article, before: dict[str, Any]) -> None:
    for name, value in before.items():
        setattr(article, name, value)
