"""The commands around the store: export, report, serve, settings, stages and retraining the quote tagger."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from .common import DEFAULT_DB, DbOption, StoryOption, console, errors, fail, opened

FORMATS = ("json", "jsonl", "csv", "parquet")  # `storyline.export.FORMATS`, kept here so --help imports nothing
TABLES = ("articles", "quotes", "figures", "entities", "timeline", "stories", "positions")  # `storyline.tables.TABLES`


def export(
    fmt: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")] = "json",
    table: Annotated[str | None, typer.Option(help=f"One table: {', '.join(TABLES)} (default: the whole corpus "
                                                   "for json/jsonl, articles for csv/parquet).")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Output file (default: standard output).")] = None,
    story: StoryOption = None, db: DbOption = DEFAULT_DB,
) -> None:
    """Export the corpus, or one table of it, as JSON, JSONL, CSV or Parquet (of one story with --story)."""
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if table is not None and table not in TABLES:
        fail(f"unknown table {table!r}; choose one of: {', '.join(TABLES)}")
    with opened(db) as corpus:
        try:
            corpus.export(fmt, out if out is not None else sys.stdout, table=table, story=story)
        except ValueError as error:
            fail(str(error))
    if out is not None:
        errors.print(f"wrote {escape(str(out))}")


def report(
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")] = Path("dossier.html"),
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the dossier: one self-contained HTML file, no external assets."""
    with opened(db) as corpus, errors.status("writing the dossier…"):
        from ..report import write_report

        write_report(corpus, out)
    console.print(f"wrote {escape(str(out))}")


def settings() -> None:
    """List the build settings with their defaults (change them with `build --setting NAME=VALUE`)."""
    from ..builder import SETTINGS

    table = Table("name", "default", "help")
    for row in SETTINGS:
        table.add_row(row.name, str(row.default), row.help)
    console.print(table)


def train_quotes(
    train_dir: Annotated[Path, typer.Argument(help="PolNeAR train folder (text/ and attributions/).")],
    out: Annotated[Path | None, typer.Option(help="Where to save the tagger (default: the package's).")] = None,
    fit: Annotated[int, typer.Option(help="Fit on the first N texts (name order) and keep the checkpoint best on the "
                                          "rest; 0 (the shipped model): every text, the last checkpoint.")] = 0,
    steps: Annotated[int, typer.Option(help="Training steps.")] = 9000,
) -> None:
    """Rebuild the attribution tagger the quote stage ships with, from PolNeAR train (about 20 minutes on 2 cores)."""
    from ..quotes.learned import MODEL_DIR
    from ..quotes.train_model import train

    if not (train_dir / "text").is_dir() or not (train_dir / "attributions").is_dir():
        fail(f"{train_dir} has no text/ and attributions/ folders")
    train(train_dir, out or MODEL_DIR, fit, steps)


def stages() -> None:
    """List the stages in order: per-article ones with what each requires and assigns, then the corpus layer and the story stages."""
    from ..corpus.stages import CORPUS_STAGES
    from ..pipeline import ANALYSE, PREPARE

    table = Table("group", "stage", "requires", "assigns")
    for group, members in (("prepare", PREPARE), ("analyse", ANALYSE)):
        for member in members:
            table.add_row(group, member.name, ", ".join(member.requires), ", ".join(member.assigns))
    table.add_row("corpus", "stories", "analysed articles", "story membership (online, blocked)")
    table.add_row("corpus", "entities", "new articles' names and quotes", "entities, speaker resolutions")
    for corpus_stage in CORPUS_STAGES:
        table.add_row("story", corpus_stage.name, "a story's articles", corpus_stage.name)
    console.print(table)


def serve(
    db: DbOption = DEFAULT_DB,
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    host: Annotated[str, typer.Option(help="Interface to bind; the default keeps it on this machine.")] = "127.0.0.1",
) -> None:
    """Serve the web UI and the read-only REST API (OpenAPI schema at /openapi.json)."""
    import uvicorn

    from ..store import StoreError
    from ..web.app import create_app

    if not db.exists():
        fail(f"no store at {db}: run `storyline build PATH --db {db}` first")
    try:
        application = create_app(db)
    except StoreError as error:
        fail(str(error))
    errors.print(f"serving {escape(str(db))} at http://{host}:{port}/")
    uvicorn.run(application, host=host, port=port, log_level="warning")
