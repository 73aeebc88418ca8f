"""One jinja2 environment for the web pages and the dossier, so both render the same partials.

Autoescaping is on for every template and for strings: article text can never become markup.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

PACKAGE = Path(__file__).resolve().parents[1]
# The web pages and partials first, then the dossier's page (storyline.report imports this module, so its
# templates are found by path rather than by importing the package).
TEMPLATE_DIRS = [PACKAGE / "web" / "templates", PACKAGE / "report" / "templates"]

environment = Environment(
    loader=FileSystemLoader(TEMPLATE_DIRS),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=StrictUndefined,
)


def render(template: str, **context: Any) -> str:
    return environment.get_template(template).render(**context)


def stylesheet() -> str:
    """The stylesheet the web UI serves at /static/style.css; the dossier inlines it."""
    return (PACKAGE / "web" / "static" / "style.css").read_text(encoding="utf-8")
