"""The time stage on short invented articles with a fixed publication date, one rule per test."""
from __future__ import annotations

import pytest

from storyline.annotate import annotate
from storyline.record import Article, RawArticle
from storyline.time import resolve_time

PUBLISHED = "2012-02-08"  # a Wednesday


def run(nlp, paragraphs: list[str], published: str | None = PUBLISHED, url: str | None = None) -> Article:
    raw = RawArticle(source="test", text="\n\n".join(paragraphs), url=url)
    article = Article(id="t", source="test", content_hash="h", raw=raw, paragraphs=paragraphs,
                      published=published, language="en", status="ok")
    return resolve_time(annotate(article))


def value_of(article: Article, text: str) -> str | None:
    matches = [d for d in article.dates if d.text == text]
    assert matches, f"{text!r} not found in {[d.text for d in article.dates]}"
    return matches[0].value


def test_weekday_in_a_past_report_is_the_last_one(nlp):
    article = run(nlp, ["The minister said Tuesday that talks had failed."])
    assert value_of(article, "Tuesday") == "2012-02-07"


def test_weekday_named_on_its_own_day_is_the_publication_day(nlp):
    article = run(nlp, ["A senior official said Wednesday that sanctions would follow."])
    assert value_of(article, "Wednesday") == "2012-02-08"


def test_weekday_in_a_future_plan_is_the_next_one(nlp):
    article = run(nlp, ["The ministers will meet Friday in Geneva."])
    assert value_of(article, "Friday") == "2012-02-10"


def test_weekday_under_a_gerund_takes_the_tense_of_the_main_verb(nlp):
    article = run(nlp, ["He thanked the president, with both agreeing during the talks late Tuesday to continue."],
                  published="2015-10-16")
    assert value_of(article, "late Tuesday") == "2015-10-13"


def test_month_after_the_publication_month_in_a_past_clause_is_last_year(nlp):
    article = run(nlp, ["The violence has killed thousands of people since March."])
    assert value_of(article, "March") == "2011-03"


def test_month_before_the_publication_month_in_a_past_clause_is_this_year(nlp):
    article = run(nlp, ["Prices rose sharply in January."])
    assert value_of(article, "January") == "2012-01"


def test_month_in_a_future_clause_is_ahead(nlp):
    article = run(nlp, ["The elections will be held in May."])
    assert value_of(article, "May") == "2012-05"


def test_last_november_keeps_month_precision(nlp):
    article = run(nlp, ["He backed an initiative floated last November."])
    assert value_of(article, "last November") == "2011-11"


def test_a_day_after_dates_the_event_it_introduces(nlp):
    article = run(nlp, ["Lavrov insisted Monday that talks must go on.",
                        "He told reporters in Moscow, a day after returning from Damascus."])
    assert value_of(article, "a day") == "P1D"
    assert article.sentences[1].date == "2012-02-05"


def test_earlier_this_week_is_the_publication_week(nlp):
    article = run(nlp, ["The two leaders met earlier this week."])
    assert value_of(article, "earlier this week") == "2012-W06"


def test_hyphenated_age_of_an_event_is_a_duration(nlp):
    article = run(nlp, ["The three-week-old air war has changed the front."])
    assert value_of(article, "three-week-old") == "P3W"


def test_decade_is_three_digits(nlp):
    article = run(nlp, ["The city grew fast in the 1990s."])
    assert value_of(article, "the 1990s") == "199"


def test_since_month_and_year_is_absolute(nlp):
    article = run(nlp, ["Syria has been in a state of civil war since March 2011."])
    expression = next(d for d in article.dates if d.text == "March 2011")
    assert (expression.value, expression.anchor) == ("2011-03", None)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The report came out yesterday.", "yesterday", "2012-02-07"),
        ("Sales fell last year.", "last year", "2011"),
        ("Profits doubled in the third quarter.", "the third quarter", "2011-Q3"),
        ("The plant closed three years ago.", "three years ago", "2009"),
        ("They talked for two hours.", "two hours", "PT2H"),
        ("The paper is printed daily.", "daily", "P1D"),
        ("Unemployment is high now.", "now", "PRESENT_REF"),
        ("Trading closed at 3 p.m. Tuesday.", "3 p.m. Tuesday", "2012-02-07T15:00"),
        ("He visited on 16/10/2015 and left.", "16/10/2015", "2015-10-16"),
        ("The truce collapsed on Christmas Eve.", "Christmas Eve", "2011-12-24"),
        ("Rebels will attack on the eve of Easter.", "Easter", "2012-04-08"),
        ("The ministers planned a rally on Saturday.", "Saturday", "2012-02-11"),
        ("The fighting began in the summer.", "the summer", "2011-SU"),
        ("Sales fell 5% over the months-long strike.", "months-long", "PXM"),
    ],
)
def test_ordinary_news_expressions(nlp, sentence, text, value):
    assert value_of(run(nlp, [sentence]), text) == value


def test_undated_article_keeps_relative_expressions_unresolved(nlp):
    article = run(nlp, ["Officials said Tuesday that the war began in March 2011."], published=None)
    assert value_of(article, "Tuesday") is None
    assert value_of(article, "March 2011") == "2011-03"
    assert article.published is None
    assert article.sentences[0].date == "2011-03"


def test_undated_article_gets_a_marked_estimate_from_the_latest_reported_day(nlp):
    article = run(nlp, ["The treaty was signed on March 3, 2014, officials said."], published=None)
    assert article.published is None
    assert article.published_estimate == "2014-03-03/.."
    evidence = article.evidence_for("published_estimate")
    assert evidence is not None and "March 3, 2014" in evidence.text


def test_url_path_gives_the_publication_date_with_evidence(nlp):
    url = "https://news.example.com/2012/02/08/talks-resume"
    article = run(nlp, ["The minister said Tuesday that talks would resume."], published=None, url=url)
    assert article.published == "2012-02-08"
    assert article.evidence_for("published").method == "url path"
    assert value_of(article, "Tuesday") == "2012-02-07"


def test_sentence_dates_follow_tense(nlp):
    article = run(nlp, ["A senior official said Wednesday that talks failed. Activists reported 50 dead.",
                        "Fighting continues across the region.", "The army attacked a village once."])
    assert [s.date for s in article.sentences] == ["2012-02-08", "2012-02-08", "2012-02-08", None]


def test_month_estimate_from_the_url_resolves_only_what_it_settles(nlp):
    url = "https://news.example.com/2012/02/talks-resume"
    article = run(nlp, ["The minister said Tuesday he backed a plan floated last November."], published=None, url=url)
    assert article.published is None
    assert article.published_estimate == "2012-02"
    november = next(d for d in article.dates if d.text == "last November")
    assert (november.value, november.anchor) == ("2011-11", "estimate")
    assert value_of(article, "Tuesday") is None


def test_n_days_before_a_date_counts_from_that_date(nlp):
    article = run(nlp, ["The ceasefire collapsed on Tuesday.", "Talks had failed 10 days before Christmas."])
    assert value_of(article, "10 days") == "P10D"
    assert article.sentences[1].date == "2011-12-15"


def test_that_day_is_the_story_reference_time(nlp):
    article = run(nlp, ["The treaty was signed on March 3, 2010.", "Later that year the border reopened."])
    assert value_of(article, "Later that year") == "2010"


@pytest.mark.parametrize(("sentence", "date"), [
    ("Syria has been at war since March 2011.", "2012-02-08"),  # a bound: the perfect speaks of today
    ("The fund will be exhausted by 2036, the report indicated.", None),
    ("He played a large role during the 2008 election.", None),  # a year naming a thing: background
    ("Rebels attacked the town in March 2011.", "2011-03"),  # the event's own date
    ("Wednesday's shelling killed 50 people.", "2012-02-08"),
])
def test_background_dates_do_not_date_the_sentence(nlp, sentence, date):
    assert run(nlp, [sentence]).sentences[0].date == date


def test_a_stale_lead_under_the_date_line_is_flagged_with_both_pieces_of_evidence(nlp):
    article = run(nlp, ["LONDON - The two leaders met in London.",
                        "They agreed during the talks late Saturday that the ceasefire must hold.",
                        "Officials said Sunday that the talks would resume."])
    conflict = article.evidence_for("published_conflict")
    assert conflict is not None and "2012-02-08" in conflict.text and "'late Saturday'" in conflict.text
    assert value_of(article, "late Saturday") == "2012-02-04"  # still anchored on the article's own date


def test_a_fresh_lead_and_a_later_past_event_are_told_apart(nlp):
    fresh = run(nlp, ["The two leaders met on Tuesday in London.", "They agreed on a ceasefire."])
    assert fresh.evidence_for("published_conflict") is None
    later = run(nlp, ["The minister resigned on March 3, 2012, officials said."])
    assert "after the date line" in later.evidence_for("published_conflict").method


def test_an_undated_article_gets_a_range_bounded_by_past_and_coming_days(nlp):
    article = run(nlp, ["Syria has been at war since March 2011.",
                        "The vote will take place on May 6, 2012."], published=None)
    assert article.published is None
    assert article.published_estimate == "2011-03-01/2012-05-06"
    methods = [e.method for e in article.evidence if e.field == "published_estimate"]
    assert len(methods) == 2 and any("still to come" in m for m in methods)


def test_a_weekday_with_a_date_but_no_year_fits_one_year(nlp):
    article = run(nlp, ["The war began in March 2011.", "Rebels took the town on Friday, March 2, officials said."],
                  published=None)
    assert article.published_estimate == "2012-03-02/.."  # 2 March was a Friday in 2012, not in 2011 or 2013–16


def test_a_weekend_between_the_lead_and_the_date_line_is_no_conflict(nlp):
    monday = run(nlp, ["The agent has been fired.", "He was fired late Friday afternoon, his lawyer said."],
                 published="2012-02-06")
    assert monday.evidence_for("published_conflict") is None


def test_a_url_with_another_day_disputes_the_date_line(nlp):
    article = run(nlp, ["The council voted on the plan."], url="https://news.example.com/2012/02/11/plan-vote")
    assert article.published == "2012-02-08"
    assert "2012-02-11" in article.evidence_for("published_conflict").text


def test_a_relative_day_takes_the_date_written_after_it(nlp):
    article = run(nlp, ["Officials met on Sept. 10, 2011.", "They reviewed the plan at a meeting the next day, "
                        "Sept. 15, an aide said."])
    assert value_of(article, "the next day") == "2011-09-15"
