"""The command line: a thin layer over `storyline.api.Corpus`. Every command takes `--db FILE`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .api import Corpus
from .evaluate.cli import app as eval_app
from .export import FORMATS
from .ingest import SETTINGS
from .pipeline import Executor
from .settings import parse_settings
from .record import ReadFailure
from .store import StoreError

app = typer.Typer(help="storyline: from a pile of news articles to a sourced account of the story.",
                  no_args_is_help=True, add_completion=False)
app.add_typer(eval_app, name="eval")
console = Console()
errors = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite store to read and write.")]
DEFAULT_DB = Path("storyline.db")


def _open(db: Path, must_exist: bool = True) -> Corpus:
    if must_exist and not db.exists():
        errors.print(f"[red]no store at {escape(str(db))}[/red]: run `storyline build PATH --db {escape(str(db))}` first")
        raise typer.Exit(2)
    try:
        return Corpus(db)
    except StoreError as error:
        errors.print(f"[red]{escape(str(error))}[/red]", soft_wrap=True)
        raise typer.Exit(2) from None


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: .txt .html .htm .jsonl .warc (also .gz).")],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int, typer.Option(help="Workers for the per-article stages (processes or Ray CPUs).")] = 1,
    executor: Annotated[str, typer.Option(help="Where workers run: processes, or ray (a local Ray, or the "
                                               "cluster this process is connected to).")] = "processes",
    strict: Annotated[bool, typer.Option(help="Exit with an error if any input failed.")] = False,
    setting: Annotated[list[str] | None, typer.Option(
        "--setting", "-s", help="NAME=VALUE, repeatable; `storyline settings` lists them.")] = None,
) -> None:
    """Read, clean, analyse and store articles; only what is new or changed is processed."""
    try:
        values = parse_settings(setting or [], SETTINGS)
        Executor(workers, executor)  # refuses an unknown executor before any work
    except ValueError as error:
        errors.print(f"[red]{escape(str(error))}[/red]")
        raise typer.Exit(2) from None
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())

    def report_failure(failure: ReadFailure) -> None:
        errors.print(f"[yellow]failed[/yellow] {escape(failure.source)}: {escape(failure.reason)}", soft_wrap=True)

    with _open(db, must_exist=False) as corpus, Progress(*columns, console=errors,
                                                         disable=not errors.is_terminal) as progress:
        task = progress.add_task("articles", total=None)
        summary = corpus.add(
            [str(p) for p in paths], workers=workers, executor=executor,
            progress=lambda source: progress.advance(task), on_failure=report_failure, settings=values,
        )
    console.print(f"{summary.line()}  →  {escape(str(db))}", soft_wrap=True)
    if strict and summary.failed:
        raise typer.Exit(1)


@app.command()
def articles(db: DbOption = DEFAULT_DB) -> None:
    """List the stored articles."""
    with _open(db) as corpus:
        table = Table("published", "outlet", "title", "status", "source")
        table.add_column("id", no_wrap=True)
        for article in corpus.articles():
            status = article.status if not article.duplicate_of else f"duplicate of {article.duplicate_of[:8]}"
            table.add_row(article.published or "", escape(article.outlet or ""), escape(article.title or ""),
                          escape(status), escape(article.source), article.id[:10])
        console.print(table)


@app.command()
def show(article_id: Annotated[str, typer.Argument(help="Article id or a unique prefix of it.")],
         db: DbOption = DEFAULT_DB) -> None:
    """Print the cleaned article, then what was removed and why."""
    with _open(db) as corpus:
        try:
            article = corpus.article(article_id)
        except KeyError as error:
            errors.print(f"[red]{escape(str(error.args[0]))}[/red]")
            raise typer.Exit(2) from None
        for name in ("title", "subtitle", "published", "url", "outlet", "language", "status", "status_reason",
                     "duplicate_of"):
            value = getattr(article, name)
            if value:
                evidence = article.evidence_for(name)
                how = f"  [dim]({escape(evidence.method)}: {escape(evidence.text)})[/dim]" if evidence else ""
                console.print(f"[bold]{name}[/bold]: {escape(str(value))}{how}")
        console.print()
        for paragraph in article.paragraphs:
            console.print(escape(paragraph), end="\n\n")
        if article.removed:
            console.rule("removed")
            for piece in article.removed:
                console.print(f"[dim]{escape(piece.reason)}[/dim]: {escape(piece.text)}")


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")] = "json",
    out: Annotated[Path | None, typer.Option("--out", help="Output file (default: standard output).")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export the corpus as JSON, JSONL, CSV or Parquet."""
    with _open(db) as corpus:
        try:
            corpus.export(fmt, out if out is not None else sys.stdout)
        except ValueError as error:
            errors.print(f"[red]{escape(str(error))}[/red]")
            raise typer.Exit(2) from None
    if out is not None:
        errors.print(f"wrote {escape(str(out))}")


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")] = Path("dossier.html"),
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the dossier: one self-contained HTML file, no external assets."""
    with _open(db) as corpus:
        corpus.report(out)
    console.print(f"wrote {escape(str(out))}")


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option(
        help="Canonical name (substring); the name as written where none was resolved.")] = None,
    article: Annotated[str | None, typer.Option(help="Article id or unique prefix.")] = None,
    since: Annotated[str | None, typer.Option(help="Only articles published on or after this ISO date.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Who said what, in date order, each with its article."""
    with _open(db) as corpus:
        table = Table("published", "speaker", "kind", "quote", "article")
        for statement in corpus.quotes(speaker=speaker, article=article, since=since):
            quote = statement.quote
            who = quote.speaker or quote.speaker_text or "?"
            table.add_row(statement.published or "undated", escape(who), quote.kind, escape(quote.text),
                          statement.article[:10])
        console.print(table)


@app.command()
def entities(db: DbOption = DEFAULT_DB) -> None:
    """People and organisations across the corpus: aliases and roles over time."""
    with _open(db) as corpus:
        table = Table("name", "label", "articles", "aliases", "roles")
        for entity in corpus.entities():
            roles = sorted({f"{r.text} ({r.published or 'undated'})" for r in entity.roles})
            table.add_row(escape(entity.name), entity.label, str(len(entity.articles)),
                          escape(", ".join(a for a in entity.aliases if a != entity.name)), escape("; ".join(roles)))
        console.print(table)


@app.command()
def figures(
    kind: Annotated[str | None, typer.Option(
        help="killed, injured, missing, displaced, refugees, detained, air_raids, targets, troops, money or "
             "other.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Every reported count or amount: kind, value, qualifier, what was counted, source, date, article."""
    with _open(db) as corpus:
        table = Table("as of", "kind", "figure", "value", "counted", "source", "article")
        frame = corpus.figures(kind=kind).astype(object)
        for row in frame.where(frame.notna(), None).itertuples():
            value = _figure_value(row)
            table.add_row(row.as_of or "undated", row.kind, escape(row.text), f"{row.qualifier or ''} {value}".strip(),
                          escape(row.counted or ""), escape(row.source or ""), row.article[:10])
        console.print(table)


def _figure_value(row: Any) -> str:
    """A figure's value as a reader should take it: "dozens (at least 24)" for a vague quantity, never "24"."""
    if row.value is None:
        return f"{row.text} (at least {row.lower_bound:,.0f})" if row.lower_bound is not None else "?"
    return f"{row.value:,.0f}" + (f"–{row.value_high:,.0f}" if row.value_high is not None else "")


@app.command()
def timeline(db: DbOption = DEFAULT_DB) -> None:
    """Dated events, merged across the articles reporting them, in date order with how widely each was reported."""
    with _open(db) as corpus:
        table = Table("date", "articles", "event", "cited")
        for entry in sorted(corpus.timeline(), key=lambda e: e.date):
            cited = ", ".join(sorted({c.article[:10] for c in entry.citations}))
            table.add_row(entry.date, str(entry.articles), escape(entry.text), cited)
        console.print(table)


@app.command()
def summary(
    sentences: Annotated[int | None, typer.Option(help="Summary length in sentences (default: as built, 5).",
                                                  min=1)] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """A cited extractive summary across articles, then what changed between the earliest and latest figures."""
    with _open(db) as corpus:
        part = None
        for item in corpus.summary(sentences=sentences):
            if item.part != part:
                part = item.part
                console.rule(escape(part))
            cite = f"[dim]({item.citation.article[:10]} sentence {item.citation.sentence}, " \
                   f"{item.published or 'undated'})[/dim]"
            console.print(f"{escape(item.text)} {cite}", soft_wrap=True)


@app.command()
def settings() -> None:
    """List the build settings with their defaults (change them with `build --setting NAME=VALUE`)."""
    table = Table("name", "default", "help")
    for row in SETTINGS:
        table.add_row(row.name, str(row.default), row.help)
    console.print(table)


@app.command("train-quotes")
def train_quotes(
    train_dir: Annotated[Path, typer.Argument(help="PolNeAR train folder (text/ and attributions/).")],
    out: Annotated[Path | None, typer.Option(help="Where to save the tagger (default: the package's).")] = None,
    fit: Annotated[int, typer.Option(help="Fit on the first N texts (name order) and keep the checkpoint best on the "
                                          "rest; 0 (the shipped model): every text, the last checkpoint.")] = 0,
    steps: Annotated[int, typer.Option(help="Training steps.")] = 9000,
) -> None:
    """Rebuild the attribution tagger the quote stage ships with, from PolNeAR train (about 20 minutes on 2 cores)."""
    from .quotes.learned import MODEL_DIR
    from .quotes.train_model import train

    if not (train_dir / "text").is_dir() or not (train_dir / "attributions").is_dir():
        errors.print(f"[red]{escape(str(train_dir))} has no text/ and attributions/ folders[/red]")
        raise typer.Exit(2)
    train(train_dir, out or MODEL_DIR, fit, steps)


@app.command()
def stages() -> None:
    """List the stages in order: per-article ones with what each requires and assigns, then the corpus stages."""
    from .corpus import CORPUS_STAGES
    from .pipeline import ANALYSE, PREPARE

    table = Table("group", "stage", "requires", "assigns")
    for group, members in (("prepare", PREPARE), ("analyse", ANALYSE)):
        for member in members:
            table.add_row(group, member.name, ", ".join(member.requires), ", ".join(member.assigns))
    for corpus_stage in CORPUS_STAGES:
        updates = ", ".join(f"{name} (in place)" for name in corpus_stage.updates)
        table.add_row("corpus", corpus_stage.name, "analysed articles", ", ".join(filter(None, [corpus_stage.name, updates])))
    console.print(table)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    host: Annotated[str, typer.Option(help="Interface to bind; the default keeps it on this machine.")] = "127.0.0.1",
) -> None:
    """Serve the web UI and the read-only REST API (OpenAPI schema at /openapi.json)."""
    import uvicorn

    from .web.app import create_app

    if not db.exists():
        _open(db)  # prints how to build one and exits
    try:
        application = create_app(db)
    except StoreError as error:
        errors.print(f"[red]{escape(str(error))}[/red]")
        raise typer.Exit(2) from None
    errors.print(f"serving {escape(str(db))} at http://{host}:{port}/")
    uvicorn.run(application, host=host, port=port, log_level="warning")
