"""The REST API through the ASGI client: listings, filters, pagination, search, and 4xx on bad input."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from storyline.web.app import CSP, create_app


@pytest.fixture(scope="module")
def client(web_db):
    with TestClient(create_app(web_db)) as test_client:
        yield test_client


def test_articles_are_paged_with_a_total(client):
    everything = client.get("/api/articles").json()
    assert everything["total"] == 4 and len(everything["items"]) == 4
    first, second = client.get("/api/articles?limit=2").json(), client.get("/api/articles?limit=2&offset=2").json()
    assert first["total"] == 4 and len(first["items"]) == 2
    assert _ids_of(first) + _ids_of(second) == _ids_of(everything)


def _ids_of(page: dict) -> list[str]:
    return [item["id"] for item in page["items"]]


def test_articles_filtered_by_date_range_speaker_entity_and_status(client):
    march = client.get("/api/articles?since=2022-03-01&until=2022-03-31").json()
    assert [a["title"] for a in march["items"]] == ["Valley council approves new bridge"]
    by_speaker = client.get("/api/articles", params={"speaker": "Brandt"}).json()
    assert {a["title"] for a in by_speaker["items"]} >= {"Valley council approves new bridge",
                                                         "Bridge works delayed by floods"}
    by_entity = client.get("/api/articles", params={"entity": "Anika Brandt"}).json()
    assert by_entity["total"] >= 2
    duplicates = client.get("/api/articles?status=duplicate").json()
    assert duplicates["total"] == 1 and duplicates["items"][0]["duplicate_of"]


def test_article_detail_has_text_items_and_offsets_into_the_text(client, web_corpus):
    article = next(a for a in web_corpus.articles() if a.title == "Valley council approves new bridge")
    data = client.get(f"/api/articles/{article.id[:6]}").json()
    assert data["id"] == article.id
    quote = data["quotes"][0]
    assert data["text"][quote["start"]:quote["end"]] == quote["text"]
    assert data["removed"] and all(piece["reason"] for piece in data["removed"])


def test_quotes_by_speaker_kind_and_date(client):
    direct = client.get("/api/quotes", params={"speaker": "Anika Brandt", "kind": "direct"}).json()
    assert direct["total"] >= 2
    dates = [item["published"] for item in direct["items"]]
    assert dates == sorted(dates)
    assert all(item["quote"]["kind"] == "direct" for item in direct["items"])
    assert client.get("/api/quotes?since=2022-05-01&until=2022-01-01").json()["total"] == 0  # an empty range
    april = client.get("/api/quotes", params={"speaker": "Brandt", "since": "2022-04-01"}).json()
    assert april["total"] >= 1 and all(item["published"] >= "2022-04-01" for item in april["items"])


def test_entities_and_one_entity_with_its_statements(client):
    people = client.get("/api/entities?kind=PERSON").json()
    brandt = next(e for e in people["items"] if e["name"] == "Anika Brandt")
    assert len(brandt["articles"]) >= 2 and brandt["article_count"] == len(brandt["articles"])
    detail = client.get(f"/api/entities/{brandt['id']}").json()
    assert detail["entity"]["id"] == brandt["id"]
    assert detail["statements"] and all(s["quote"]["speaker_entity"] == brandt["id"] for s in detail["statements"])
    assert client.get("/api/quotes", params={"entity": brandt["id"]}).json()["total"] == len(detail["statements"])


def test_search_ranks_sentences_and_marks_the_matches(client):
    data = client.get("/api/search", params={"q": "floods delayed"}).json()
    assert data["total"] >= 1
    best = data["items"][0]
    assert "delayed" in best["text"] and "floods" in best["text"]
    assert {best["snippet"][s:e].lower() for s, e in best["highlights"]} == {"delayed", "floods"}
    phrase = client.get("/api/search", params={"q": '"spring floods"'}).json()
    assert phrase["total"] >= 1
    assert client.get("/api/search", params={"q": "zzzunknownword"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": 'NEAR( "x" OR'}).status_code == 200  # FTS5 syntax is quoted
    assert client.get("/api/search", params={"q": '"" *'}).json()["total"] == 0


@pytest.mark.parametrize("url", [
    "/api/articles?limit=0", "/api/articles?limit=abc", "/api/articles?offset=-1", "/api/articles?since=2022-13-01",
    "/api/articles?since=0.0", "/api/quotes?until=1700000000", "/api/quotes?kind=shouted", "/api/search",
    "/api/search?q=", "/api/entities?kind=PLACE", "/api/articles/nosuchid", "/api/entities/nosuchid",
    "/api/articles?entity=Nobody%20At%20All",
])
def test_bad_parameters_get_a_4xx_with_a_message(client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code)
    assert response.json()["detail"]


def test_openapi_schema_lists_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/articles", "/api/articles/{article_id}", "/api/quotes", "/api/entities", "/api/search"} <= set(paths)


def test_every_response_has_a_strict_content_security_policy(client):
    for url in ("/", "/api/articles", "/static/style.css", "/articles/nosuchid"):
        assert client.get(url).headers["content-security-policy"] == CSP
    assert "script-src" not in CSP and "default-src 'none'" in CSP


def test_the_api_is_read_only(client):
    assert client.post("/api/articles", json={}).status_code == 405
    assert client.delete("/api/articles/x").status_code == 405


def test_figure_series_cite_their_sentences(client, web_corpus):
    data = client.get("/api/figures", params={"kind": "killed"}).json()
    assert data["total"] == 1
    series = data["items"][0]
    assert [p["value"] for p in series["points"]] == [12.0, 30.0] and series["points"][1]["qualifier"] == "at least"
    for point in series["points"]:
        c = point["citation"]
        assert web_corpus.article(c["article"]).text[c["start"]:c["end"]] in point["text"]
    assert client.get("/api/figures", params={"kind": "money", "scope": "incident"}).json()["total"] == 0


def test_timeline_is_in_date_order_and_filtered_by_date(client):
    dates = [e["date"] for e in client.get("/api/timeline").json()["items"]]
    assert dates and dates == sorted(dates)
    april = client.get("/api/timeline", params={"since": "2022-04-01", "until": "2022-04-30"}).json()["items"]
    assert april and all(e["date"].startswith("2022-04") for e in april)


def test_summary_sentences_are_cited_in_their_articles(client, web_corpus):
    data = client.get("/api/summary").json()
    assert data["sentences"]
    for sentence in data["sentences"]:
        c = sentence["citation"]
        assert web_corpus.article(c["article"]).text[c["start"]:c["end"]] == sentence["text"]


def test_semantic_search_finds_sentences_by_meaning(client):
    data = client.get("/api/search", params={"q": "how many people died in the flooding", "mode": "semantic"}).json()
    assert data["total"] >= 1
    assert data["items"][0]["text"].startswith("Floods in the valley have killed")  # "died" ~ "killed", "flooding" ~ "Floods"
    ranks = [item["rank"] for item in data["items"]]
    assert ranks == sorted(ranks) and all(-r >= 0.3 for r in ranks)
    assert client.get("/api/search", params={"q": "bridge", "mode": "fuzzy"}).status_code == 422


def test_quotes_are_paged_in_sql_with_a_stable_total(client):
    everything = client.get("/api/quotes").json()
    assert everything["total"] == len(everything["items"]) >= 3
    pages = [client.get("/api/quotes", params={"limit": 2, "offset": start}).json()
             for start in range(0, everything["total"], 2)]
    assert {p["total"] for p in pages} == {everything["total"]}
    assert [q for p in pages for q in p["items"]] == everything["items"]
    beyond = client.get("/api/quotes", params={"offset": 1000}).json()
    assert beyond["total"] == everything["total"] and beyond["items"] == []


@pytest.fixture(scope="module")
def bridge_story(client) -> dict:
    stories = client.get("/api/stories").json()
    assert stories["total"] == len(stories["items"]) >= 2
    return next(s for s in stories["items"]
                if any(a["title"] == "Valley council approves new bridge" for a in
                       client.get("/api/articles", params={"story": s["id"]}).json()["items"]))


def test_the_story_filter_keeps_the_story_s_articles_quotes_and_sentences(client, bridge_story):
    story = bridge_story["id"]
    articles = client.get("/api/articles", params={"story": story}).json()
    assert articles["total"] == bridge_story["articles"] < client.get("/api/articles").json()["total"]
    ids = {a["id"] for a in articles["items"]}
    quotes = client.get("/api/quotes", params={"story": story}).json()
    assert quotes["total"] >= 2 and {q["article"] for q in quotes["items"]} <= ids
    assert "Ferry" not in str(quotes["items"])
    for mode, words in (("text", "bridge"), ("semantic", "a new bridge over the river")):
        hits = client.get("/api/search", params={"q": words, "mode": mode, "story": story}).json()
        assert hits["total"] >= 1 and {h["article"] for h in hits["items"]} <= ids, mode
    ferry = client.get("/api/search", params={"q": "ferry", "story": story}).json()
    assert ferry["total"] == 0 and client.get("/api/search", params={"q": "ferry"}).json()["total"] >= 1


def test_a_story_s_listings_are_its_own_sub_resources(client, bridge_story):
    story = bridge_story["id"]
    for name in ("articles", "quotes", "entities", "figures", "timeline", "positions"):
        own = client.get(f"/api/stories/{story}/{name}").json()
        assert own == client.get(f"/api/{name}", params={"story": story}).json(), name
    articles = {a["id"] for a in client.get(f"/api/stories/{story}/articles").json()["items"]}
    entities = client.get(f"/api/stories/{story}/entities").json()
    assert entities["total"] >= 1 and all(articles & set(e["articles"]) for e in entities["items"])
    assert entities["total"] < client.get("/api/entities").json()["total"]
    summary = client.get(f"/api/stories/{story}/summary").json()
    assert summary["sentences"] and {s["citation"]["article"] for s in summary["sentences"]} <= articles


@pytest.mark.parametrize("url", ["/api/articles?story=snosuchstory", "/api/quotes?story=snosuchstory",
                                 "/api/search?q=bridge&story=snosuchstory", "/api/stories/snosuchstory",
                                 "/api/stories/snosuchstory/timeline", "/api/stories/snosuchstory/entities",
                                 "/api/entities?story=snosuchstory", "/api/figures?story=snosuchstory",
                                 "/api/search?q=bridge&mode=semantic&story=snosuchstory"])
def test_an_unknown_story_is_a_404(client, url):
    response = client.get(url)
    assert response.status_code == 404 and "snosuchstory" in response.json()["detail"]


def test_article_filters_combine_and_page_together(client):
    ok = client.get("/api/articles", params={"status": "ok", "limit": 1}).json()
    assert ok["total"] == 3 and len(ok["items"]) == 1 and ok["items"][0]["status"] == "ok"
    second = client.get("/api/articles", params={"status": "ok", "limit": 1, "offset": 1}).json()
    assert second["items"][0]["id"] != ok["items"][0]["id"]
    both = client.get("/api/articles", params={"speaker": "Brandt", "until": "2022-03-31"}).json()
    assert [a["title"] for a in both["items"]] == ["Valley council approves new bridge"]
    assert both["items"][0]["quote_count"] >= 2


def test_an_entity_listing_shows_the_first_roles_and_articles_the_entity_all_of_them(client, monkeypatch):
    from storyline.web import rest

    brandt = next(e for e in client.get("/api/entities?kind=PERSON").json()["items"] if e["name"] == "Anika Brandt")
    monkeypatch.setattr(rest, "ENTITY_SAMPLE", 1)
    listed = next(e for e in client.get("/api/entities?kind=PERSON").json()["items"] if e["id"] == brandt["id"])
    assert listed["articles"] == brandt["articles"][:1] and listed["article_count"] == len(brandt["articles"]) >= 2
    assert listed["roles"] == brandt["roles"][:1] and listed["role_count"] == len(brandt["roles"])
    whole = client.get(f"/api/entities/{brandt['id']}").json()["entity"]
    assert whole["articles"] == brandt["articles"] and whole["article_count"] == len(whole["articles"])


def test_timeline_and_figures_are_paged_with_their_totals(client):
    whole = client.get("/api/timeline").json()
    assert whole["total"] == len(whole["items"]) >= 3
    for offset in range(whole["total"] + 1):
        page = client.get("/api/timeline", params={"limit": 2, "offset": offset}).json()
        assert page["total"] == whole["total"] and page["items"] == whole["items"][offset:offset + 2]
    series = client.get("/api/figures").json()
    assert client.get("/api/figures", params={"offset": 1}).json()["items"] == series["items"][1:]
