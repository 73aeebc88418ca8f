"""The corpus as pandas DataFrames, for notebooks: `storyline.open("x.db").quotes(speaker="Putin")`.

Each method is one table of `storyline.tables` (the rows `storyline export --table` writes) as a DataFrame, with
that table's filters; bad filter values raise as they do everywhere (`filters.FilterError`, KeyError).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .api import Corpus


class Frames:
    """A read-only view of one store whose listings are DataFrames; `.corpus` is the full `Corpus` API."""

    def __init__(self, db: str | Path) -> None:
        if not Path(db).exists():
            raise FileNotFoundError(f"no store at {db}: build one first (storyline build PATH --db {db})")
        self.corpus = Corpus(db)

    def __enter__(self) -> Frames:
        return self

    def __exit__(self, *exc: object) -> None:
        self.corpus.close()

    def _frame(self, table: str, **filters: str | None) -> Any:
        import pandas as pd

        return pd.DataFrame(self.corpus.table(table, **filters))

    def articles(self, since: str | None = None, until: str | None = None) -> Any:
        return self._frame("articles", since=since, until=until)

    def quotes(self, speaker: str | None = None, article: str | None = None, since: str | None = None,
               until: str | None = None, entity: str | None = None, kind: str | None = None) -> Any:
        return self._frame("quotes", speaker=speaker, article=article, since=since, until=until, entity=entity,
                           kind=kind)

    def figures(self, kind: str | None = None, since: str | None = None, until: str | None = None,
                entity: str | None = None) -> Any:
        return self.corpus.figures(kind=kind, since=since, until=until, entity=entity)

    def entities(self, name: str | None = None) -> Any:
        return self._frame("entities", name=name)

    def timeline(self, since: str | None = None, until: str | None = None, entity: str | None = None) -> Any:
        return self._frame("timeline", since=since, until=until, entity=entity)

    def positions(self, story: str | None = None, actor: str | None = None, target: str | None = None) -> Any:
        """One row per stance statement: actor, target, stance, date, evidence (`export --table positions`)."""
        return self._frame("positions", story=story, actor=actor, target=target)

    def search(self, query: str, limit: int = 20, semantic: bool = False) -> Any:
        """Ranked sentences (full text, bm25; or `semantic`, by meaning) with article, sentence index and rank."""
        import dataclasses

        import pandas as pd

        find = self.corpus.similar_sentences if semantic else self.corpus.search
        _, hits = find(query, limit=limit)
        return pd.DataFrame([dataclasses.asdict(hit) for hit in hits])


def open(db: str | Path = "storyline.db") -> Frames:  # noqa: A001 - `storyline.open` reads like `sqlite3.connect`
    """The store `db` as DataFrames (see `Frames`)."""
    return Frames(db)
