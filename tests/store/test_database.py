from __future__ import annotations

import sqlite3

import pytest

from storyline.record import Article, Entity, Quote, RawArticle, Removed, Sentence
from storyline.store import Database, SchemaMismatch
from storyline.store.database import QuoteFilter


def _article(source: str = "a.txt", text: str = "Hello there.") -> Article:
    raw = RawArticle(source=source, text=text)
    return Article(
        id=raw.content_hash[:16], source=source, content_hash=raw.content_hash, raw=raw, title="T",
        status="ok", paragraphs=[text], removed=[Removed("Subscribe now", "subscription appeal")],
        sentences=[Sentence(0, len(text), 0, "2020-01-01")], entities=[Entity("Hello", "PERSON", 0, 5, 0)],
        quotes=[Quote("there", 6, 11, "direct", cue="said")],
    )


def test_round_trip_keeps_every_field(tmp_path):
    db = Database(tmp_path / "s.db")
    article = _article()
    db.save([(article, None)])
    loaded = db.load(article.id, with_raw=True)
    assert loaded == article
    assert loaded.raw == article.raw


def test_changed_source_replaces_old_version(tmp_path):
    db = Database(tmp_path / "s.db")
    db.save([(_article(text="First version."), None)])
    db.save([(_article(text="Second version."), None)])
    ids = db.article_ids()
    assert len(ids) == 1
    assert db.load(ids[0]).paragraphs == ["Second version."]
    assert db.conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == 1


def test_failed_write_leaves_stored_articles(tmp_path):
    db = Database(tmp_path / "s.db")
    first = _article()
    db.save([(first, None)])
    broken = _article(source="b.txt", text="Other text.")
    broken.quotes = [Quote("x", 0, 1, "direct", cue=object())]  # not storable: the write must roll back
    with pytest.raises(sqlite3.Error):
        db.save([(_article(source="c.txt", text="Third."), None), (broken, None)])
    assert db.article_ids() == [first.id]


def test_schema_mismatch_is_detected(tmp_path):
    path = tmp_path / "s.db"
    Database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = 'old' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaMismatch, match="new --db"):
        Database(path)


def test_resolve_id_prefix(tmp_path):
    db = Database(tmp_path / "s.db")
    article = _article()
    db.save([(article, None)])
    assert db.resolve_id(article.id[:6]) == article.id
    assert db.resolve_id("zzz") is None


def test_speaker_filter_takes_the_resolved_name_over_the_words_around_it(tmp_path):
    db = Database(tmp_path / "s.db")
    article = _article(text="Putin's spokesman Dmitry Peskov said no. Putin said yes. The Kremlin chief said maybe.")
    article.quotes = [
        Quote("no", 38, 40, "direct", cue="said", speaker_text="Putin's spokesman Dmitry Peskov",
              speaker="Dmitry Peskov"),
        Quote("yes", 53, 56, "direct", cue="said", speaker_text="Putin", speaker="Vladimir Putin"),
        Quote("maybe", 82, 87, "direct", cue="said", speaker_text="The Kremlin chief"),
    ]
    db.save([(article, None)])
    assert [s.quote.text for s in db.quotes(QuoteFilter(speaker="putin"))] == ["yes"]
    assert [s.quote.text for s in db.quotes(QuoteFilter(speaker="Kremlin"))] == ["maybe"]


def _dated(source: str, published: str | None, outlet: str | None = None, status: str = "ok") -> Article:
    article = _article(source=source, text=f"Text of {source}.")
    article.published, article.outlet, article.status = published, outlet, status
    return article


def test_article_listing_filters_pages_and_counts_in_sql(tmp_path):
    from storyline.store.database import ArticleFilter

    db = Database(tmp_path / "s.db")
    db.save([(_dated("a", "2022-03-02", "Daily Post"), None), (_dated("b", "2022-04-20T10:00", "daily post"), None),
             (_dated("c", None, "Other"), None), (_dated("d", "2021-12-31", status="skipped"), None)])
    assert [a.source for a in db.headers()] == ["d", "a", "b", "c"]  # date order, undated last
    assert [a.source for a in db.headers(limit=2, offset=1)] == ["a", "b"]
    assert [a.source for a in db.headers(ArticleFilter(outlet="DAILY POST"))] == ["a", "b"]
    assert [a.source for a in db.headers(ArticleFilter(since="2022-03-02", until="2022-04"))] == ["a", "b"]
    assert [a.source for a in db.headers(ArticleFilter(until="2022-03-02"))] == ["d", "a"]
    assert db.count_articles(ArticleFilter(status="skipped")) == 1 and db.count_articles() == 4
    assert db.headers(with_text=False)[0].paragraphs == [] and db.headers()[0].paragraphs


def test_listings_in_date_order_read_an_index_not_a_sort_of_the_table(tmp_path):
    db = Database(tmp_path / "s.db")
    plan = " ".join(r[-1] for r in db.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM articles a WHERE 1 ORDER BY a.published IS NULL, a.published, a.id "
        "LIMIT 10"))
    assert "articles_by_date" in plan and "TEMP B-TREE" not in plan
    plan = " ".join(r[-1] for r in db.conn.execute(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM quote_speakers r WHERE r.entity IN (SELECT value FROM json_each(?))",
        ('["e1"]',)))
    assert "quote_speakers_entity" in plan


def test_a_page_of_quotes_walks_the_articles_in_date_order_without_sorting_every_quote(tmp_path):
    db = Database(tmp_path / "s.db")
    db.save([(_dated("a", "2022-03-02"), None), (_dated("b", "2021-01-01"), None), (_dated("c", None), None)])
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    page = db.quotes(QuoteFilter(kind="direct"), limit=2)
    db.conn.set_trace_callback(None)
    assert [s.article for s in page] == [a.id for a in db.headers()][:2]
    listing = next(s for s in statements if s.lstrip().startswith("SELECT q.article"))
    plan = " ".join(r[-1] for r in db.conn.execute("EXPLAIN QUERY PLAN " + listing))
    assert "articles_by_date" in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan  # at most within an article


def test_listings_show_statements_and_the_store_keeps_the_other_attributions(tmp_path):
    db = Database(tmp_path / "s.db")
    article = _article(text="Hello there, he shared.")
    article.quotes = [Quote("there", 6, 11, "direct", cue="said"),
                      Quote("a photo", 13, 20, "indirect", cue="shared", statement=False)]
    db.save([(article, None)])
    assert [s.quote.text for s in db.quotes()] == ["there"] and db.count_quotes() == 1
    assert db.item_counts("quotes") == {article.id: 1}
    assert [q.statement for q in db.load(article.id).quotes] == [True, False]


def _quoting(source: str, published: str | None, kinds: str) -> Article:
    """An article with one quote per letter of `kinds` (d direct, m mixed, i indirect; upper case: no statement)."""
    article = _dated(source, published)
    names = {"d": "direct", "m": "mixed", "i": "indirect"}
    article.quotes = [Quote(f"q{n}", 0, 1, names[k.lower()], cue="said", statement=k.islower())
                      for n, k in enumerate(kinds)]
    return article


@pytest.mark.parametrize("filters", [QuoteFilter(), QuoteFilter(kind="direct"), QuoteFilter(since="2021-06"),
                                     QuoteFilter(since="2021", until="2022-02", kind="mixed")])
def test_every_deep_page_of_quotes_is_the_slice_of_the_whole_listing(tmp_path, filters):
    db = Database(tmp_path / "s.db")
    db.save([(_quoting("a", "2022-03-02", "dmDi"), None), (_quoting("b", "2021-01-01", "mmd"), None),
             (_quoting("c", None, "di"), None), (_quoting("d", "2021-07-04", ""), None),
             (_quoting("e", "2021-07-04", "IDdddm"), None), (_quoting("f", "2022-01-15", "M"), None),
             (_quoting("g", None, "mid"), None), (_quoting("h", "2021-06-30", "imd"), None)])
    whole = db.quotes(filters)
    assert whole and db.count_quotes(filters) == len(whole)
    for limit in (1, 2, 5, 50):
        for offset in range(len(whole) + 2):
            assert db.quotes(filters, limit, offset) == whole[offset:offset + limit], (limit, offset)


def test_a_deep_page_of_quotes_counts_the_articles_before_it_on_an_index(tmp_path):
    db = Database(tmp_path / "s.db")
    db.save([(_quoting(str(n), f"2021-01-{n + 1:02d}", "dmi"), None) for n in range(9)])
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    page = db.quotes(QuoteFilter(), limit=2, offset=20)
    db.conn.set_trace_callback(None)
    assert [s.published for s in page] == ["2021-01-07", "2021-01-08"]
    counted = next(s for s in statements if s.lstrip().startswith("WITH counted"))
    plan = " ".join(r[-1] for r in db.conn.execute("EXPLAIN QUERY PLAN " + counted))
    assert "COVERING INDEX quotes_statements" in plan, plan  # no quote row read to skip the quotes before


def test_a_store_built_without_the_listing_indexes_gets_them_when_opened(tmp_path):
    from storyline.store.schema import LISTING_INDEXES

    path = tmp_path / "s.db"
    db = Database(path)
    for name in LISTING_INDEXES:
        db.conn.execute(f"DROP INDEX {name}")
    db.close()
    reopened = Database(path)
    present = {r[0] for r in reopened.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert set(LISTING_INDEXES) <= present


def test_the_quote_listings_running_sums_are_read_once_per_store_version(tmp_path):
    db = Database(tmp_path / "s.db")
    db.save([(_quoting(str(n), f"2021-01-{n + 2:02d}", "dmi"), None) for n in range(9)])
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    first = db.quotes(QuoteFilter(), limit=2, offset=20)
    again = db.quotes(QuoteFilter(), limit=2, offset=10)
    assert sum(s.lstrip().startswith("WITH counted") for s in statements) == 1  # the second page reused the sums
    assert [s.published for s in first] == ["2021-01-08", "2021-01-09"] and again[0].published == "2021-01-05"
    other = Database(tmp_path / "s.db")  # another process's build: the sums are read again
    other.save([(_quoting("early", "2021-01-01", "ddd"), None)])
    assert [s.published for s in db.quotes(QuoteFilter(), limit=2, offset=20)] == ["2021-01-07", "2021-01-08"]
    db.save([(_quoting("late", "2020-12-31", "d"), None)])  # this connection's own write too
    assert db.quotes(QuoteFilter(), limit=1, offset=4)[0].published == "2021-01-02"
