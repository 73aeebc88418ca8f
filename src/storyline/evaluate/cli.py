"""`storyline eval …`: each subcommand runs one evaluation and prints its table; a missing gold path is a clean skip."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(help="Measure storyline against gold data.", no_args_is_help=True)
console = Console()


def _require(path: Path) -> None:
    if not path.exists():
        console.print(f"skipped: {path} does not exist")
        raise typer.Exit(0)


@app.command()
def seeds(gold: Annotated[Path, typer.Option(help="The seeds gold, e.g. ../shared/gold/seeds.json.")]) -> None:
    """Cleaning on the five seeds: metadata, boilerplate dropped, body kept, broken paragraphs joined."""
    from .seeds import evaluate_seeds

    _require(gold)
    report = evaluate_seeds(gold)
    console.print(report.render(), markup=False, highlight=False)


@app.command()
def trafilatura(
    eval_dir: Annotated[Path, typer.Option("--dir", help="The trafilatura-eval folder.")],
) -> None:
    """The HTML path on trafilatura's evaluation pages, beside bare trafilatura."""
    from .trafilatura import evaluate_trafilatura

    _require(eval_dir)
    console.print(evaluate_trafilatura(eval_dir).render(), markup=False, highlight=False)
