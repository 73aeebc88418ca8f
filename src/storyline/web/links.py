"""Where a link points: the web UI links pages by URL, the one-file dossier links sections by fragment.

Templates only ever call these methods, so the same partials render in both. Ids in URLs are article ids and
entity ids (hex, made by storyline); free text (a speaker as written, a search) is URL-encoded.
"""
from __future__ import annotations

from urllib.parse import quote, urlencode


class WebLinks:
    """Links between the pages of the web UI."""

    standalone = False

    def home(self) -> str:
        return "/"

    def article(self, article_id: str) -> str:
        return f"/articles/{quote(article_id)}"

    def sentence(self, article_id: str, sentence: int | None) -> str:
        anchor = f"#{self.sentence_anchor(article_id, sentence)}" if sentence is not None else ""
        return self.article(article_id) + anchor

    def sentence_anchor(self, article_id: str, sentence: int) -> str:
        return f"s-{sentence}"

    def entity(self, entity_id: str) -> str:
        return f"/entities/{quote(entity_id)}"

    def speaker(self, name: str) -> str:
        """A speaker no canonical entity stands for: their statements."""
        return "/quotes?" + urlencode({"speaker": name})

    def search(self, text: str) -> str:
        return "/search?" + urlencode({"q": text})

    def story(self, story_id: str) -> str:
        return f"/stories/{quote(story_id)}"

    def quotes(self, **filters: str | None) -> str:
        """The statements page with these filters (`speaker`, `entity`, `story`, …)."""
        return "/quotes?" + urlencode({k: v for k, v in filters.items() if v})

    def articles(self, **filters: str | None) -> str:
        """The articles page with these filters (`story`, `outlet`, …)."""
        return "/articles?" + urlencode({k: v for k, v in filters.items() if v})


class DossierLinks(WebLinks):
    """Links inside one self-contained HTML file: every target is a section of the same page."""

    standalone = True

    def home(self) -> str:
        return "#top"

    def article(self, article_id: str) -> str:
        return f"#a-{article_id}"

    def sentence(self, article_id: str, sentence: int | None) -> str:
        return f"#{self.sentence_anchor(article_id, sentence)}" if sentence is not None else self.article(article_id)

    def sentence_anchor(self, article_id: str, sentence: int) -> str:
        return f"a-{article_id}-s-{sentence}"

    def entity(self, entity_id: str) -> str:
        return f"#e-{entity_id}"

    def speaker(self, name: str) -> str:
        return "#statements"
