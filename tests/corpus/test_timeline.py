"""The timeline merges one event reported by several articles, keeps different days and month precision apart;
the summary is cited, traceable, free of reader appeals and of repeats."""
from __future__ import annotations

import re

from storyline.corpus.overlap import word_overlap
from storyline.corpus.summary import summarise
from storyline.corpus.timeline import build_timeline, dates_agree
from storyline.record import Article, Entity, Sentence, TimeExpression


def article(article_id: str, published: str, *sentences: tuple[str, str | None, str | None]) -> Article:
    """An analysed article from (sentence, date expression in it, its value) triples, one paragraph each."""
    made = Article(id=article_id, source=article_id, content_hash=article_id, status="ok", published=published,
                   paragraphs=[s for s, _, _ in sentences])
    for index, ((text, expression, value), start) in enumerate(zip(sentences, made.paragraph_starts())):
        made.sentences.append(Sentence(start, start + len(text), index, value))
        if expression:
            at = start + text.index(expression)
            made.dates.append(TimeExpression(expression, at, at + len(expression), "DATE", value, index))
        for place in re.findall(r"Arland|Brevia|Geneva|Vienna", text):
            at = start + text.index(place)
            made.entities.append(Entity(place, "GPE", at, at + len(place), index))
    return made


def story() -> list[Article]:
    return [
        article("a", "2021-03-03",
                ("The foreign ministers of Arland and Brevia met in Geneva on Tuesday to discuss their border.",
                 "Tuesday", "2021-03-02"),
                ("The two ministers will meet again in Vienna on Friday to sign a water treaty.", "Friday",
                 "2021-03-05"),
                ("Arland says the border has been closed to trade for most of the past two decades.", None,
                 "2021-03-03")),
        article("b", "2021-03-04",
                ("Arland's and Brevia's foreign ministers held border talks in Geneva on Tuesday.", "Tuesday",
                 "2021-03-02"),
                ("Floods in northern Brevia destroyed hundreds of homes in February.", "February", "2021-02")),
    ]


def test_same_event_in_two_articles_is_one_entry_citing_both():
    entries = build_timeline(story())
    top = entries[0]
    assert (top.date, top.precision, top.articles) == ("2021-03-02", "day", 2)
    assert sorted(c.article for c in top.citations) == ["a", "b"]


def test_other_days_and_months_stay_apart_and_undated_present_tense_is_left_out():
    entries = {e.date: e for e in build_timeline(story())}
    assert set(entries) == {"2021-03-02", "2021-03-05", "2021-02"}
    assert entries["2021-02"].precision == "month" and entries["2021-02"].articles == 1
    assert "Vienna" in entries["2021-03-05"].text


def test_dates_agree():
    assert dates_agree("2021-03-02", "2021-03-03") and not dates_agree("2021-03-02", "2021-03-04")
    assert dates_agree("2021-03", "2021-03-30") and not dates_agree("2021-02", "2021-03-01")


def test_summary_is_cited_traceable_and_never_repeats():
    articles = story()
    articles.append(article(
        "c", "2021-03-05",
        ("The foreign ministers of Arland and Brevia met in Geneva on Tuesday to discuss their border.", None, None),
        ("Subscribe to our newsletter for more news about the border talks every morning.", None, None),
        ("Traders on both sides hope the reopened crossing will bring back the cattle market.", None, None)))
    by_id = {a.id: a for a in articles}
    summary = [s for s in summarise(articles, sentences=4) if s.part == "summary"]
    assert len(summary) == 4
    for item in summary:
        assert by_id[item.citation.article].text[item.citation.start:item.citation.end] == item.text
        assert "newsletter" not in item.text
    for i, first in enumerate(summary):
        for second in summary[i + 1:]:
            assert word_overlap(first.text, second.text) < 0.6
