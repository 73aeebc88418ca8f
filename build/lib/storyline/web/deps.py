"""The corpus a request reads: one read connection per worker thread (sqlite3 connections are bound to the thread
that opened them, and FastAPI may run a dependency and its handler on different pool threads)."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from fastapi import Request

from ..api import Corpus


class CorpusSource:
    """Stands in for a `Corpus`: each attribute is looked up on the calling thread's own `Corpus`, opened lazily."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def get(self) -> Corpus:
        opened = getattr(self._local, "corpus", None)
        if opened is None:
            opened = self._local.corpus = Corpus(self.path)
        return opened

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)


def corpus(request: Request) -> Corpus:
    """FastAPI dependency: the app's corpus (a per-thread stand-in with the `Corpus` methods)."""
    return request.app.state.corpus_source
