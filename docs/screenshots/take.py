"""Take the README's screenshots: build the bundled sample, serve it on loopback, photograph the main pages in
headless Chromium (Debian's package, driven by Playwright; nothing is downloaded).

    .venv/bin/python docs/screenshots/take.py
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import storyline
from storyline.web.server import running

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = storyline.build(ROOT / "examples" / "sample", db=Path(tmp) / "sample.db")
        article = next(a for a in corpus.articles() if a.quotes)
        entity = next(e for e in corpus.entities() if e.label == "PERSON")
        pages = {"overview": "/", "article": f"/articles/{article.id}#s-1", "entity": f"/entities/{entity.id}",
                 "search": "/search?q=strike+pay", "quotes": "/quotes", "summary": "/summary"}
        corpus.close()
        with running(Path(tmp) / "sample.db") as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            for name, path in pages.items():
                page.goto(base + path)
                page.screenshot(path=str(HERE / f"{name}.png"), full_page=name != "quotes")
                print("wrote", HERE / f"{name}.png")
            browser.close()


if __name__ == "__main__":
    main()
