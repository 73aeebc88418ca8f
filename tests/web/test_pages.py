"""The HTML pages through the ASGI client: every page renders, links resolve, untrusted text stays text."""
from __future__ import annotations

from storyline.report import write_report

import re

import pytest
from fastapi.testclient import TestClient

from storyline.web.app import create_app


@pytest.fixture(scope="module")
def client(web_db):
    with TestClient(create_app(web_db)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def ids(web_corpus) -> dict[str, str]:
    by_title = {a.title: a.id for a in web_corpus.articles()}
    brandt = next(e for e in web_corpus.entities() if e.name == "Anika Brandt")
    return {"approved": by_title["Valley council approves new bridge"],
            "delayed": by_title["Bridge works delayed by floods"],
            "hostile": next(i for t, i in by_title.items() if "Ferry" in (t or "")), "brandt": brandt.id}


def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def test_every_internal_link_of_every_page_resolves(client, ids):
    """Crawl from the overview: each internal link answers 200 and each #fragment names an id on its page."""
    seen, queue = set(), ["/"]
    while queue:
        url = queue.pop()
        path, _, fragment = url.partition("#")
        response = client.get(path)
        assert response.status_code == 200, url
        html = response.text
        if fragment:
            assert f'id="{fragment}"' in html, url
        for link in _links(html):
            link = link.replace("&amp;", "&")
            if link.startswith("/") and link not in seen and not link.startswith(("/static", "/openapi")):
                seen.add(link)
                queue.append(link)
    assert f"/articles/{ids['approved']}" in seen and f"/entities/{ids['brandt']}" in seen
    assert any(link.startswith("/quotes?speaker=") for link in seen)


def test_article_page_highlights_and_links_quotes_speakers_dates(client, ids):
    html = client.get(f"/articles/{ids['approved']}").text
    assert 'class="quote quote-direct"' in html and 'class="cue"' in html
    assert f'href="/entities/{ids["brandt"]}"' in html
    tuesday = re.search(r'<span class="([^"]*)" title="([^"]*)">Tuesday</span>', html)
    assert "date" in tuesday.group(1).split() and "DATE 2022-03-01" in tuesday.group(2)  # before 2 March 2022
    assert 'id="s-1"' in html
    assert '<span class="reason">' in html  # removed boilerplate with its reason


def test_entity_page_lists_statements_in_date_order_citing_sentences(client, ids):
    html = client.get(f"/entities/{ids['brandt']}").text
    assert "Anika Brandt" in html and "mayor" in html
    roles = re.findall(r'<td>(\S+)</td><td>mayor</td><td><a class="cite" href="/articles/(\w+)#s-(\d+)"', html)
    assert [(day, article) for day, article, _ in roles] == [("2022-03-02", ids["approved"]),
                                                             ("2022-04-20", ids["delayed"])]
    cites = re.findall(r'class="cite" href="/articles/(\w+)#s-(\d+)"', html.split("<h3>Statements</h3>")[1])
    assert [c[0] for c in cites] == sorted((c[0] for c in cites), key=[ids["approved"], ids["delayed"]].index)
    assert html.index("This bridge will end") < html.index("We will not cut corners")


def test_search_page_marks_matches_and_links_the_sentence(client, ids):
    html = client.get("/search", params={"q": "spring floods"}).text
    assert '<span class="match">floods</span>' in html
    assert f'href="/articles/{ids["delayed"]}#s-0"' in html


def test_hostile_article_renders_as_text(client, ids):
    for url in (f"/articles/{ids['hostile']}", "/", "/quotes", "/search?q=ferry", "/summary", "/timeline"):
        html = client.get(url).text
        assert "<script" not in html and "<img" not in html and "<b>" not in html, url
        assert 'href="javascript:' not in html and "onerror=" not in html.replace("onerror=&#34;", ""), url
    html = client.get(f"/articles/{ids['hostile']}").text
    assert "&lt;img src=x onerror=&#34;document.title=&#39;pwned&#39;&#34;&gt;" in html


def test_article_list_filters(client, ids):
    html = client.get("/articles", params={"speaker": "Brandt", "since": "2022-04-01"}).text
    assert f'href="/articles/{ids["delayed"]}"' in html and f'href="/articles/{ids["approved"]}"' not in html
    html = client.get("/articles", params={"entity": "Ivo Marek"}).text
    assert f'href="/articles/{ids["hostile"]}"' in html and f'href="/articles/{ids["delayed"]}"' not in html
    assert "0 articles" in client.get("/articles", params={"entity": "Nobody"}).text


def test_unknown_pages_and_bad_parameters_get_4xx_pages(client):
    assert client.get("/articles/nosuchid").status_code == 404
    assert client.get("/entities/nosuchid").status_code == 404
    assert client.get("/quotes?since=notadate").status_code == 422
    assert client.get("/search?offset=-3&q=x").status_code == 422


def test_dossier_shows_what_the_web_ui_shows(web_corpus, ids, tmp_path):
    html = write_report(web_corpus, tmp_path / "dossier.html").read_text(encoding="utf-8")
    assert f'id="a-{ids["approved"]}-s-1"' in html and f'href="#e-{ids["brandt"]}"' in html
    assert f'id="e-{ids["brandt"]}"' in html and 'class="quote quote-direct"' in html
    fragments = {link[1:] for link in _links(html) if link.startswith("#")}
    missing = [f for f in fragments if f'id="{f}"' not in html]
    assert not missing, missing
    assert "<script" not in html and "<img" not in html and 'href="javascript:' not in html
    assert not [link for link in _links(html) if not link.startswith("#")]  # nothing outside the file


def test_figures_page_plots_the_series_and_links_each_point(client, ids):
    html = client.get("/figures").text
    assert "killed: people (overall)" in html and html.count('<circle class="dot"') == 2
    assert f'<a href="/articles/{ids["delayed"]}#s-4"><circle' in html
    assert 'class="figure"' in client.get(f"/articles/{ids['delayed']}").text  # highlighted in the text


def test_summary_and_timeline_pages_cite_sentences(client):
    for url in ("/summary", "/timeline"):
        cites = re.findall(r'class="cite" href="(/articles/\w+#s-\d+)"', client.get(url).text)
        assert cites, url


def test_semantic_search_page(client):
    html = client.get("/search", params={"q": "deaths caused by flooding", "mode": "semantic"}).text
    assert "Floods in the valley have killed" in html and "similarity" in html
    assert 'value="semantic" checked' in html


def test_entity_page_shows_each_statement_with_its_cue_as_the_article_says_it(client, ids, web_corpus):
    from html import escape

    html = client.get(f"/entities/{ids['brandt']}").text
    statements = web_corpus.quotes(entity=ids["brandt"])
    cued = [s for s in statements if s.quote.cue and s.quote.cue not in s.quote.text]
    assert cued
    for statement in cued:
        assert escape(statement.quote.as_said(), quote=False) in html


def _story_links(html: str) -> list[str]:
    return re.findall(r'href="(/stories/s\w+)"', html)


def test_the_web_ui_opens_on_the_stories_and_each_story_page_reads_at_a_glance(client, ids):
    home = client.get("/").text
    assert "<h1>Stories</h1>" in home and len(set(_story_links(home))) >= 2
    bridge = next(client.get(link).text for link in _story_links(home)
                  if f'href="/articles/{ids["approved"]}"' in client.get(link).text)
    for heading in ("Sources", "Key actors", "Latest figures", "Main quotes", "Summary", "Timeline"):
        assert f">{heading}</h2>" in bridge, heading
    assert "2022-03-02 – 2022-04-20" in bridge  # the span
    assert f'href="/entities/{ids["brandt"]}"' in bridge and "Anika Brandt" in bridge
    assert "This bridge will end" in bridge or "We will not cut corners" in bridge
    assert re.search(r'class="cite" href="/articles/\w+#s-\d+"', bridge)
    assert "Ferry" not in bridge  # another story's article


def test_an_unknown_story_is_a_404_page(client):
    for url in ("/stories/snosuchstory", "/articles?story=snosuchstory", "/quotes?story=snosuchstory",
                "/search?q=x&story=snosuchstory"):
        response = client.get(url)
        assert response.status_code == 404 and "snosuchstory" in response.text, url


def test_story_pages_escape_the_article_text(client):
    for link in _story_links(client.get("/").text):
        html = client.get(link).text
        assert "<script" not in html and "<img" not in html and "<b>" not in html, link
        assert 'href="javascript:' not in html, link


def test_listings_page_with_previous_and_next_links_keeping_the_filters(client, monkeypatch):
    from storyline.web import pages

    monkeypatch.setattr(pages, "PER_PAGE", 1)
    first = client.get("/articles", params={"status": "ok"}).text
    assert "3 articles, showing 1–1" in first
    following = re.search(r'rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    assert "status=ok" in following and "offset=1" in following
    second = client.get(following).text
    assert 'rel="prev"' in second and "showing 2–2" in second
    quotes = client.get("/quotes", params={"speaker": "Brandt"}).text
    assert re.search(r'rel="next" href="/quotes\?speaker=Brandt&amp;offset=2"', quotes)


def test_timeline_and_figures_pages_are_paged(client, monkeypatch):
    from storyline.web import pages

    monkeypatch.setattr(pages, "PER_PAGE", 1)
    html = client.get("/timeline").text
    assert html.count('<span class="when">') == 1 and 'href="/timeline?offset=1"' in html
    assert client.get("/timeline?offset=1").text.count('<span class="when">') == 1
    monkeypatch.setattr(pages, "SERIES_PER_PAGE", 1)
    html = client.get("/figures?offset=1").text
    assert 'rel="prev" href="/figures' in html and html.count('<section class="series"') <= 1
