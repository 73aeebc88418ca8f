"""`storyline build`: add files and folders to a store, with a progress display a person can read."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, Task, TaskID, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from .common import DEFAULT_DB, DbOption, console, errors, fail, opened


class RichProgress:
    """One progress line per build phase (name, done / total, rate, elapsed, ETA) and a status line under it for
    waits without items, such as loading the spaCy model. Implements `builder.BuildProgress`."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task: TaskID | None = None
        self.name = ""

    def phase(self, name: str, total: int | None, unit: str = "") -> None:
        self._finish()
        self.name = name
        self.task = self.progress.add_task(name, total=total, status="", unit=unit)

    def advance(self, count: int = 1) -> None:
        if self.task is not None and count:
            self.progress.advance(self.task, count)

    def status(self, text: str | None) -> None:
        if self.task is not None:
            self.progress.update(self.task, status=f"[dim]{escape(text)}[/dim]" if text else "")

    def _finish(self) -> None:
        if self.task is not None:
            task = self.progress.tasks[self.task]
            self.progress.update(self.task, total=task.completed if task.total is None else task.total,
                                 completed=task.total or task.completed, status="")

    def close(self) -> None:
        self._finish()


class _Rate(TextColumn):
    """Items per second in the phase's unit ("3.4 articles/s"), for phases whose steps are alike."""

    def __init__(self) -> None:
        super().__init__("")

    def render(self, task: Task) -> Text:
        unit = task.fields.get("unit")
        return Text(f"{task.speed:,.1f} {unit}/s" if unit and task.speed else "", style="dim")


def _columns() -> tuple:
    return (SpinnerColumn(finished_text="[green]✓[/green]"), TextColumn("{task.description:<16}"), BarColumn(),
            MofNCompleteColumn(), _Rate(), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
            TextColumn("{task.fields[status]}"))


def build(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: .txt .html .htm .jsonl .warc (also .gz).")],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int | None, typer.Option(
        help="Workers for the per-article stages (processes or Ray CPUs); default: every core.", min=1)] = None,
    executor: Annotated[str, typer.Option(help="Where workers run: processes, or ray (a local Ray, or the "
                                               "cluster this process is connected to).")] = "processes",
    strict: Annotated[bool, typer.Option(help="Exit with an error if any input failed.")] = False,
    setting: Annotated[list[str] | None, typer.Option(
        "--setting", "-s", help="NAME=VALUE, repeatable; `storyline settings` lists them.")] = None,
) -> None:
    """Read, clean, analyse and store articles; only what is new or changed is processed."""
    with errors.status("loading the language libraries (spaCy)…"):
        from ..builder import SETTINGS
        from ..executor import Executor, all_cores
        from ..settings import parse_settings

    try:
        values = parse_settings(setting or [], SETTINGS)
        workers = workers or all_cores()
        Executor(workers, executor)  # refuses an unknown executor before any work
    except ValueError as error:
        fail(str(error))

    def report_failure(failure) -> None:  # type: ignore[no-untyped-def]
        errors.print(f"[red]failed[/red] {escape(failure.source)}: {escape(failure.reason)}", soft_wrap=True)

    def report_notice(notice) -> None:  # type: ignore[no-untyped-def]
        errors.print(f"[yellow]{notice.kind}[/yellow] {escape(notice.source)}: {escape(notice.reason)}",
                     soft_wrap=True)

    with opened(db, must_exist=False) as corpus, Progress(*_columns(), console=errors, transient=False,
                                                          disable=not errors.is_terminal) as bar:
        watch = RichProgress(bar)
        summary = corpus.build([str(p) for p in paths], workers=workers, executor=executor, progress=watch,
                             on_failure=report_failure, on_notice=report_notice, settings=values)
        watch.close()
    console.print(f"{summary.line()}  →  {escape(str(db))}", soft_wrap=True)
    if strict and summary.failed:
        raise typer.Exit(1)
