"""The command line: a thin layer over `storyline.api.Corpus`. Every command takes `--db FILE`.

The commands live by what they do (`build`, the read-only `views`, `manage` for the rest); this module only
assembles them. Nothing heavy is imported at start, so `storyline --help` and the listings answer at once.
"""
from __future__ import annotations

import typer

from ..evaluate.cli import app as eval_app
from . import build, manage, views

app = typer.Typer(help="storyline: from a pile of news articles to a sourced account of the story.",
                  no_args_is_help=True, add_completion=False)
app.command()(build.build)
for command in (views.stories, views.articles, views.show, views.quotes, views.entities, views.figures, views.timeline,
                views.summary, views.search, views.positions, views.audit):
    app.command()(command)
app.command("export")(manage.export)
app.command()(manage.report)
app.command()(manage.settings)
app.command("train-quotes")(manage.train_quotes)
app.command()(manage.stages)
app.command()(manage.serve)
app.add_typer(eval_app, name="eval")

__all__ = ["app"]
