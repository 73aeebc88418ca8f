"""What every command shares: the consoles, the `--db` option, opening a store, and turning a bad value into a
one-line error with exit code 2 (typer's convention for usage errors), never a silent empty answer.

Only typer and rich are imported here: `storyline --help` and the read-only commands must start fast, so
everything that loads spaCy or torch is imported inside the command that needs it.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:
    from ..api import Corpus

console = Console()
errors = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite store to read and write.")]
DEFAULT_DB = Path("storyline.db")
Since = Annotated[str | None, typer.Option(help="On or after this date: YYYY-MM-DD (or YYYY-MM, YYYY).")]
Until = Annotated[str | None, typer.Option(help="On or before this date: YYYY-MM-DD (or YYYY-MM, YYYY).")]
EntityOption = Annotated[str | None, typer.Option(help="An entity's id, name or alias (`storyline entities`).")]
StoryOption = Annotated[str | None, typer.Option(help="A story's id (`storyline stories`): only its articles.")]


def fail(message: str) -> NoReturn:
    errors.print(f"[red]{escape(message)}[/red]", soft_wrap=True)
    raise typer.Exit(2)


@contextmanager
def opened(db: Path, must_exist: bool = True) -> Iterator[Corpus]:
    """The store at `db` as a Corpus; a missing or unusable store, and any bad filter value, unknown id or entity
    raised inside the block, end the command with a one-line error and exit code 2."""
    from ..api import Corpus
    from ..filters import FilterError
    from ..store import StoreError

    if must_exist and not db.exists():
        fail(f"no store at {db}: run `storyline build PATH --db {db}` first")
    try:
        corpus = Corpus(db)
    except StoreError as error:
        fail(str(error))
    try:
        yield corpus
    except (FilterError, KeyError) as error:
        fail(str(error.args[0]) if isinstance(error, KeyError) else str(error))
    finally:
        corpus.close()


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """'1 article', '2 articles'."""
    return f"{count:,} {noun if count == 1 else plural_form or noun + 's'}"


def short(article_id: str) -> str:
    return article_id[:10]
