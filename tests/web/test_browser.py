"""The web UI in real headless Chromium (Debian's package, driven by Playwright; nothing is downloaded): every page
opens without errors or CSP violations, speaker links and citations lead where they say, search works, and the
hostile article stays inert in the web UI and in the dossier."""
from __future__ import annotations

from storyline.report import write_report

import re
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    if not shutil.which(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium; .ci/run installs it)")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def base_url(web_db):
    from storyline.web.server import running

    with running(web_db) as url:
        yield url


@pytest.fixture
def page(browser):
    """A fresh page that records console errors (CSP violations among them), page errors and dialogs."""
    context = browser.new_context()
    opened = context.new_page()
    opened.problems = []
    opened.on("console", lambda m: m.type == "error" and opened.problems.append(f"console: {m.text}"))
    opened.on("pageerror", lambda e: opened.problems.append(f"page error: {e}"))
    opened.on("dialog", lambda d: (opened.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield opened
    context.close()


def _internal_links(page) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    return [h.split("#")[0] for h in hrefs if h.startswith("/") and not h.startswith(("/static", "/openapi"))]


def _crawl(page, base_url: str) -> set[str]:
    """Open the overview and every internal page reachable from it; each must answer 200 with a heading."""
    seen, queue = set(), ["/"]
    while queue:
        path = queue.pop()
        response = page.goto(base_url + path)
        assert response.status == 200, path
        assert page.locator("h1, h2").first.is_visible(), path
        for link in _internal_links(page):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return seen


def test_every_page_opens_without_errors(page, base_url):
    seen = _crawl(page, base_url)
    assert len(seen) >= 8 and any(p.startswith("/articles/") for p in seen) and any(p.startswith("/entities/")
                                                                                       for p in seen)
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("Georgia")  # stylesheet loaded
    assert not page.problems, page.problems


def test_follow_a_speaker_link_then_a_citation(page, base_url):
    page.goto(base_url + "/")  # the web opens on the stories; the articles are one link away
    page.locator("nav.top").get_by_role("link", name="articles", exact=True).click()
    page.get_by_role("link", name="Valley council approves new bridge").first.click()
    page.locator("a.speaker", has_text="Anika Brandt").first.click()
    assert re.search(r"/entities/\w+$", page.url)
    assert page.locator("h2").first.inner_text().startswith("Anika Brandt")
    page.locator("ol.statements a.cite").last.click()
    assert re.search(r"/articles/\w+#s-\d+$", page.url)
    target = page.locator(".sentence:target")
    assert target.count() == 1 and "The bridge will open next year" in target.inner_text()
    assert not page.problems, page.problems


def test_summary_citation_jumps_to_its_sentence(page, base_url):
    page.goto(base_url + "/summary")
    first = page.locator("ol.summary li").first
    text = first.inner_text()
    first.locator("a.cite").click()
    assert re.search(r"/articles/\w+#s-\d+$", page.url)
    assert page.locator(".sentence:target").inner_text() in text
    page.goto(base_url + "/figures")
    assert page.locator("svg.chart circle.dot").count() == 2
    assert not page.problems, page.problems


def test_search_from_the_navigation(page, base_url):
    page.goto(base_url + "/")
    page.get_by_role("searchbox", name="search").fill("spring floods")
    page.get_by_role("button", name="search").click()
    assert "/search?q=spring+floods" in page.url
    assert page.locator(".hits li").count() >= 1
    assert set(page.locator(".hits .match").all_inner_texts()) == {"spring", "floods"}
    page.locator(".hits a.hit").first.click()
    assert "spring floods" in page.locator(".sentence:target").inner_text()


def _assert_inert(page) -> None:
    assert page.evaluate("document.title") != "pwned"
    assert page.locator("body script, body img, body b").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator("[onerror]").count() == 0
    assert "<script>document.title" in page.locator("main").inner_text()  # shown, as text
    assert not page.problems, page.problems


def test_hostile_article_is_inert(page, base_url, web_corpus):
    hostile = next(a for a in web_corpus.articles() if "Ferry" in (a.title or ""))
    page.goto(f"{base_url}/articles/{hostile.id}")
    _assert_inert(page)
    for link in page.locator("a").all():  # every link on the page points inside the app
        assert link.get_attribute("href").startswith(("/", "#")), link.get_attribute("href")


def test_dossier_is_inert_and_its_citations_jump(page, web_corpus, tmp_path):
    dossier = write_report(web_corpus, tmp_path / "dossier.html")
    page.goto(dossier.as_uri())
    _assert_inert(page)
    page.locator("#statements ~ ol.statements a.cite").first.click()
    assert re.search(r"#a-\w+-s-\d+$", page.url)
    assert page.locator(".sentence:target").count() == 1


def test_every_page_of_the_seeds_corpus_opens(page, shared, nlp, tmp_path_factory):
    """The real seed articles (read from ../shared at run time, never copied): every page renders cleanly."""
    import storyline
    from storyline.web.server import running

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    storyline.build(shared / "seeds", db=db).close()
    with running(db) as url:
        seen = _crawl(page, url)
    assert sum(p.startswith("/articles/") for p in seen) >= 5
    assert not page.problems, page.problems
