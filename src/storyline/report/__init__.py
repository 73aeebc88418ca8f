"""The dossier: one self-contained HTML file (no external assets, no scripts), rendered from the `Corpus` API with
the web UI's own views and partials, so the file a reader is handed shows what the web UI shows.

Article text is untrusted: the template environment autoescapes everything, and links inside the file are
fragments built from ids storyline made (see `storyline.web.links.DossierLinks`).
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from ..web import story, views
from ..web.links import DossierLinks
from ..web.render import render, stylesheet

if TYPE_CHECKING:
    from ..api import Corpus


def render_report(corpus: Corpus) -> str:
    """The dossier's HTML: overview, summary, timeline, figures, people and organisations, statements, then every
    article in date order."""
    links = DossierLinks()
    overview = views.overview(corpus, links)
    entities = corpus.entities()
    statements = corpus.quotes()
    headers = overview.articles
    loaded = {a.id: corpus.article(a.id) for a in headers}
    articles = [views.article_view(corpus, loaded[a.id], links, entities, headers) for a in headers]
    return render(
        "dossier.html.j2",
        links=links,
        ov=overview,
        entity_views=[views.entity_view(corpus, e, statements, headers, loaded) for e in entities],
        statements=statements,
        article_views=articles,
        story=story.story_view(corpus),
        pm=corpus.positions_map(),
        css=stylesheet(),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


def write_report(corpus: Corpus, out: Path) -> Path:
    out.write_text(render_report(corpus), encoding="utf-8")
    return out
