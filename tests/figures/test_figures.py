"""The figures stage on short invented articles: values in words and digits, qualifiers, kinds, sources, dates."""
from __future__ import annotations

import pytest

from storyline.annotate import annotate
from storyline.figures import extract_figures
from storyline.figures.numbers import find_numbers
from storyline.quotes import extract_quotes
from storyline.record import Article
from storyline.time import resolve_time


def analysed(*paragraphs: str, published: str | None = "2021-03-03") -> Article:
    article = Article(id="a", source="a", content_hash="a", paragraphs=list(paragraphs), language="en",
                      status="ok", published=published)
    return extract_figures(extract_quotes(resolve_time(annotate(article))))


def by_text(article: Article) -> dict[str, object]:
    return {f.text: f for f in article.figures}


@pytest.mark.parametrize("text, value, high", [
    ("some 12,500 people", 12500, None), ("three million", 3_000_000, None), ("$4.5bn", 4_500_000_000, None),
    ("twenty-two", 22, None), ("between 40 and 60", 40, 60), ("1,000-2,000", 1000, 2000),
    ("tens of thousands", 10_000, None), ("dozens", 24, None),
])
def test_numbers_in_words_and_digits(text, value, high):
    [number] = find_numbers(text if not text.startswith("some") else text[5:])
    assert (number.value, number.value_high) == (value, high)


def test_clock_times_are_not_numbers():
    assert find_numbers("at 10:30 on Monday") == []


def test_casualty_figure_with_qualifier_and_according_to(nlp):
    article = analysed("Shelling killed at least 42 people in Dorvan on Monday, according to the Red Crescent.")
    [figure] = article.figures
    assert (figure.kind, figure.value, figure.qualifier, figure.counted) == ("killed", 42, "at least", "people")
    assert figure.source == "Red Crescent" and figure.source_via == "according to"
    assert figure.as_of == "2021-03-01" and figure.as_of_via == "sentence"
    assert article.text[figure.start:figure.end] == "42"


def test_reporting_verb_subject_is_the_source(nlp):
    article = analysed("The World Health Organization says nearly four million people have fled the fighting.")
    [figure] = article.figures
    assert (figure.kind, figure.value, figure.qualifier) == ("displaced", 4_000_000, "nearly")
    assert figure.source == "World Health Organization"


def test_unsourced_figure_has_no_source_and_takes_the_publication_date(nlp):
    article = analysed("The war has left more than 9,000 refugees in camps.")
    [figure] = article.figures
    assert (figure.kind, figure.source, figure.as_of) == ("refugees", None, "2021-03-03")


def test_undated_article_leaves_the_figure_undated(nlp):
    [figure] = analysed("In the capital, 75 people were detained.", published=None).figures
    assert (figure.kind, figure.as_of, figure.as_of_via) == ("detained", None, None)


def test_kinds_of_noun_and_money(nlp):
    figures = by_text(analysed("The air force flew 300 air raids and hit 45 targets. "
                               "Donors pledged $25 million in aid, while 1,200 troops were deployed."))
    assert figures["300"].kind == "air_raids" and figures["45"].kind == "targets"
    assert figures["$25 million"].kind == "money" and figures["$25 million"].currency == "USD"
    assert figures["1,200"].kind == "troops"


def test_dates_durations_percentages_and_small_counts_are_not_figures(nlp):
    article = analysed("In 2019 the talks lasted 24 hours, turnout rose 12 percent and two ministers resigned "
                       "from one of three parties.")
    assert article.figures == []


def test_since_date_does_not_date_the_count(nlp):
    article = analysed("The conflict has killed thousands of people since March 2011.")
    [figure] = article.figures
    assert figure.kind == "killed" and figure.as_of == "2021-03-03" and figure.as_of_via == "published"


def test_quote_speaker_is_the_source(nlp):
    article = analysed('"We counted 350 wounded in the city," said Maria Lopez, a hospital director.')
    [figure] = article.figures
    assert figure.kind == "injured" and figure.source_via in ("quote", "reporting verb")
    assert "Lopez" in (figure.source or "")


def test_names_measures_dimensions_and_addresses_are_not_figures(nlp):
    article = analysed("The Boeing 777 carried a 5.1 kg radio and a 1920 x 1080 screen to 70 Broad Street, "
                       "where 300 people in the square cheered.")
    assert [(f.text, f.counted) for f in article.figures] == [("300", "people")]


def test_other_currencies_are_money(nlp):
    figures = by_text(analysed("Canberra set aside up to A$90 million for the search."))
    assert figures["A$90 million"].currency == "AUD" and figures["A$90 million"].qualifier == "up to"
