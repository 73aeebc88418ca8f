"""The HTML cleaner on a small page written here: body kept, page furniture gone, metadata with its evidence."""
from __future__ import annotations

from storyline.clean.html import clean_html, is_standfirst, strip_site_name, visible_headline
from storyline.record import Article, RawArticle

BODY = [
    "The city council voted on Tuesday to close the old harbour bridge to traffic after engineers found deep "
    "cracks in two of its supporting piers, a decision that will reroute thousands of commuters.",
    "Mayor Ana Ruiz said the vote was unavoidable. \u201cWe cannot ask people to drive over a bridge our "
    "own engineers will not stand under,\u201d she told reporters outside the council chamber.",
    "Repairs are expected to take at least eighteen months and cost an estimated 40 million euros, according to "
    "the council's transport department, which will publish a detailed plan next month.",
]
PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Council closes harbour bridge after cracks found | Harbour Gazette</title>
<meta property="og:title" content="Council closes harbour bridge after cracks found">
<meta property="og:site_name" content="Harbour Gazette">
<meta property="og:url" content="https://www.harbourgazette.example/news/2024/03/05/bridge-closed">
<link rel="canonical" href="https://www.harbourgazette.example/news/2024/03/05/bridge-closed">
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
<meta name="description" content="Engineers found deep cracks in two supporting piers, and the repairs will take eighteen months.">
</head><body>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience on our site.
<button>Accept all cookies</button></div>
<main><article>
<h1>Council closes harbour bridge after cracks found</h1>
<p class="byline">By Tom Field</p>
<p>%s</p>
<p>%s</p>
<p>%s</p>
</article></main>
<footer><p>Copyright 2024 Harbour Gazette. All rights reserved.</p></footer>
</body></html>
""" % tuple(BODY)


def make_article(raw: RawArticle) -> Article:
    return Article(id="x", source=raw.source, content_hash=raw.content_hash, raw=raw)


def test_body_kept_and_furniture_gone() -> None:
    article = clean_html(make_article(RawArticle(source="page.html", html=PAGE)))
    text = article.text
    assert article.paragraphs == BODY
    for furniture in ("Home", "Sport", "Weather", "cookies", "Accept all", "Copyright"):
        assert furniture not in text
    removed = " ".join(piece.text for piece in article.removed)
    assert "We use cookies" in removed and "Weather" in removed
    assert any(piece.text == "Council closes harbour bridge after cracks found" for piece in article.removed)


def test_metadata_and_evidence() -> None:
    article = clean_html(make_article(RawArticle(source="page.html", html=PAGE)))
    assert article.title == "Council closes harbour bridge after cracks found"
    assert article.published == "2024-03-05"
    assert article.url == "https://www.harbourgazette.example/news/2024/03/05/bridge-closed"
    assert article.outlet == "Harbour Gazette"
    assert article.subtitle is not None and article.subtitle.startswith("Engineers found deep cracks")
    assert "article:published_time" in article.evidence_for("published").text
    assert "og:site_name" in article.evidence_for("outlet").text


def test_container_metadata_wins() -> None:
    raw = RawArticle(source="batch.jsonl#L3", html=PAGE, url="https://mirror.example/a", title="Bridge shut",
                     published="Wed, 06 Mar 2024 10:00:00 GMT")
    article = clean_html(make_article(raw))
    assert (article.title, article.url, article.published) == ("Bridge shut", "https://mirror.example/a", "2024-03-06")
    assert article.evidence_for("title").method == "container metadata"


def test_page_without_body_gives_no_paragraphs() -> None:
    article = clean_html(make_article(RawArticle(source="empty.html", html="<html><body></body></html>")))
    assert article.paragraphs == [] and article.title is None


def test_site_name_cut_from_title() -> None:
    assert strip_site_name("Storm hits coast | The Daily Example", None, "www.dailyexample.co.uk", []) == (
        "Storm hits coast", "The Daily Example")
    assert strip_site_name("BBC News - Storm hits coast", "BBC News", "www.bbc.co.uk", []) == (
        "Storm hits coast", "BBC News")
    assert strip_site_name("Putin: West to blame - analysis", None, "example.com", []) == (
        "Putin: West to blame - analysis", None)


def test_visible_headline_needs_agreement() -> None:
    assert visible_headline(["Storm floods coastal towns overnight"], "Storm floods coast", None) == (
        "Storm floods coastal towns overnight")
    assert visible_headline(["Local News | Storm floods coastal towns"], "Storm floods coastal towns", None) == (
        "Storm floods coastal towns")
    assert visible_headline(["Four Years Remaining"], "Interning small integers", None) is None
    two = ["Storm floods coastal towns", "Photos: lifeboat crews at work"]
    assert visible_headline(two, "Storm floods coast", None) == "Storm floods coastal towns"
    assert visible_headline(two, None, None) is None
    assert visible_headline(["Storm floods coast", "Storm floods coast, live"], "Storm floods coast", None) is None


def test_standfirst_rejects_teasers() -> None:
    body = ["The council voted on Tuesday to close the old harbour bridge to traffic after cracks were found."]
    assert not is_standfirst("The council voted on Tuesday to close the old harbour bridge to traffic", None, body)
    assert not is_standfirst("Engineers found deep cracks in two supporting piers and...", None, body)
    assert not is_standfirst("Bridge closed", None, body)
    assert is_standfirst("Repairs will take eighteen months and reroute thousands of commuters.", None, body)
