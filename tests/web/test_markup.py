"""Cutting article text into highlighted segments, and the full-text index the search pages read."""
from __future__ import annotations

from storyline.record import Article, Quote, RawArticle, Sentence
from storyline.store import Database
from storyline.store.database import MARK_START, fts_query
from storyline.web.markup import Span, cut


def test_cut_keeps_the_text_and_splits_at_every_span_boundary():
    text = "Mayor Brandt said the bridge opens Monday."
    spans = [Span(0, 12, "speaker", "/entities/1", "Brandt", 3), Span(6, 12, "name", "/entities/2", "PERSON", 2),
             Span(18, 41, "quote"), Span(35, 41, "date", title="DATE 2022-03-07")]
    segments = cut(text, 0, len(text), spans)
    assert "".join(s.text for s in segments) == text
    assert [s.text for s in segments] == ["Mayor ", "Brandt", " said ", "the bridge opens ", "Monday", "."]
    assert segments[1].href == "/entities/1" and segments[1].css.split() == ["speaker", "name"]  # priority wins
    assert segments[4].css.split() == ["quote", "date"] and segments[4].title == "DATE 2022-03-07"
    assert segments[5].css == "" and segments[5].href is None


def test_cut_clips_spans_to_the_range_and_ignores_empty_ones():
    segments = cut("abcdef", 2, 5, [Span(0, 4, "quote"), Span(3, 3, "cue")])
    assert [(s.text, s.css) for s in segments] == [("cd", "quote"), ("e", "")]


def _article(source: str, text: str) -> Article:
    raw = RawArticle(source=source, text=text)
    return Article(id=raw.content_hash[:16], source=source, content_hash=raw.content_hash, title="T", status="ok",
                   paragraphs=[text], sentences=[Sentence(0, len(text), 0)], quotes=[Quote(text, 0, len(text),
                                                                                             "direct")])


def test_search_index_follows_the_stored_articles(tmp_path):
    db = Database(tmp_path / "s.db")
    db.save([(_article("a.txt", "The ferry resumes on Monday."), None)])
    assert db.search("ferry")[0] == 1
    db.save([(_article("a.txt", "The bridge reopens on Tuesday."), None)])  # the source changed: replaced
    assert db.search("ferry") == (0, [])
    total, hits = db.search("bridge reopens")
    assert total == 1 and hits[0].sentence == 0 and hits[0].text == "The bridge reopens on Tuesday."


def test_search_pages_order_ties_by_article_whatever_the_build_order(tmp_path):
    """Ties in bm25 (copies of a sentence) are ordered by article and sentence on every page, so the pages of a
    store built in one order are those of a store built in the other, and together they make the whole list."""
    texts = [f"The ferry resumes on Monday {n}." for n in range(5)] + ["The ferry, the ferry!"]
    pages = []
    for order in (texts, texts[::-1]):
        db = Database(tmp_path / f"{len(pages)}.db")
        db.save([(_article(f"{n}.txt", text), None) for n, text in enumerate(order)])
        total, whole = db.search("ferry", limit=10)
        paged = [hit for offset in (0, 2, 4) for hit in db.search("ferry", limit=2, offset=offset)[1]]
        assert total == 6 and [h.article for h in paged] == [h.article for h in whole]
        assert db.search("ferry", limit=0) == (6, []) and db.search("ferry", offset=6)[1] == []
        assert whole[0].text == "The ferry, the ferry!"  # twice the word ranks first
        assert whole[0].snippet.count(MARK_START) == 2 and whole[1].title == "T"
        assert [h.article for h in whole[1:]] == sorted(h.article for h in whole[1:])
        pages.append([(h.article, h.rank) for h in paged])
    assert pages[0] == pages[1]


def test_user_text_never_becomes_fts_syntax():
    assert fts_query('bridge OR "lune river" floo* NEAR(') == '"bridge" "OR" "lune river" "floo"* "NEAR"'
    assert fts_query('"" * - ^') == ""


def test_dates_histogram_groups_by_month_when_days_are_too_many():
    from storyline.web.views import dates_histogram

    assert dates_histogram(["2022-03-02", "2022-03-02", "2022-04-20"]) == [("2022-03-02", 2), ("2022-04-20", 1)]
    days = [f"2022-{m:02d}-{d:02d}" for m in (1, 2, 3) for d in range(1, 21)]
    assert dates_histogram(days) == [("2022-01", 20), ("2022-02", 20), ("2022-03", 20)]
