"""The dossier: one self-contained HTML file (no external assets), rendered from the `Corpus` API.

Article text is untrusted: the template environment autoescapes everything, and nothing from an article is ever
placed in a URL, a script or a style.
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, select_autoescape

if TYPE_CHECKING:
    from ..api import Corpus

_env = Environment(
    loader=PackageLoader("storyline.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_report(corpus: Corpus) -> str:
    articles = corpus.articles()
    dated = sorted(articles, key=lambda a: (a.published or "9999", a.title or ""))
    outlets = Counter(a.outlet or "unknown" for a in articles)
    return _env.get_template("dossier.html.j2").render(
        articles=dated,
        outlets=outlets.most_common(),
        failures=corpus.failures(),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


def write_report(corpus: Corpus, out: Path) -> Path:
    out.write_text(render_report(corpus), encoding="utf-8")
    return out
