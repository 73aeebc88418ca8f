"""A story's undated articles are dated by its dated ones: an estimate in its own table, shown as an estimate."""
from __future__ import annotations

from storyline.corpus.dating import estimate_story
from storyline.record import Article
from storyline.store import Database


def _article(article_id: str, published: str | None, own: str | None = None) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", content_hash=article_id, paragraphs=["Some text."],
                   status="ok", published=published, published_estimate=own)


def _member(db: Database, article: str, story: str) -> None:
    db.conn.execute("INSERT INTO story_members VALUES (?, ?, ?, NULL, x'00', '[]')", (article, story, article))


def test_an_undated_article_is_estimated_from_its_story_and_stays_undated(tmp_path):
    db = Database(tmp_path / "s.db")
    db.save([(_article("a", "2015-10-16"), None), (_article("b", "2015-10-18"), None),
             (_article("c", None, "2015-10-01/.."), None), (_article("d", "2012-02-08"), None)])
    for article in "abc":
        _member(db, article, "s1")
    _member(db, "d", "s2")
    assert estimate_story(db.conn, "s1") == 1
    undated = db.load("c")
    assert undated.published is None
    assert undated.published_estimate == "2015-10-14/2015-10-20"
    assert any("a (2015-10-16)" in e.text for e in undated.evidence if e.field == "published_estimate")
    assert db.load("a").published_estimate is None


def test_the_articles_own_bounds_win_over_its_story(tmp_path):
    db = Database(tmp_path / "s.db")
    db.save([(_article("a", "2015-10-16"), None), (_article("c", None, "2016-01-01/.."), None)])
    for article in "ac":
        _member(db, article, "s1")
    assert estimate_story(db.conn, "s1") == 0
    assert db.load("c").published_estimate == "2016-01-01/.."
