"""The figures stage on short invented articles: values in words and digits, qualifiers, kinds, sources, dates."""
from __future__ import annotations

import pytest

from storyline.annotate import annotate
from storyline.figures import extract_figures
from storyline.figures.numbers import find_numbers
from storyline.figures.stage import is_count
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
    ("30 or 40", 30, 40),
    ("twenty-two", 22, None), ("between 40 and 60", 40, 60), ("1,000-2,000", 1000, 2000),
    ("a dozen", 12, None), ("two dozen", 24, None),
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


@pytest.mark.parametrize("text, words, lower_bound", [
    ("Dozens of people were killed in the blast.", "Dozens", 24),
    ("Thousands of people have fled the town.", "Thousands", 2_000),
    ("Hundreds of villagers were detained.", "Hundreds", 200),
    ("The flood has displaced tens of thousands of people.", "tens of thousands", 20_000),
    ("Scores of protesters were injured.", "Scores", 40),
    ("Several people were killed on the bridge.", "Several", 3),
    ("A handful of students were arrested.", "A handful", 3),
    ("The storm left several hundred people homeless.", "several hundred", 300),
])
def test_a_vague_quantity_stays_words_with_its_lower_bound(nlp, text, words, lower_bound):
    [figure] = analysed(text).figures
    assert (figure.text, figure.value, figure.lower_bound) == (words, None, lower_bound)
    assert figure.kind != "other"


def test_an_exact_figure_has_no_lower_bound(nlp):
    [figure] = analysed("Shelling killed 42 people in Dorvan.").figures
    assert (figure.value, figure.lower_bound) == (42, None)


def test_a_small_vague_quantity_of_nothing_newsworthy_is_no_figure(nlp):
    assert analysed("Several countries sent a few envoys to the talks.").figures == []


def test_scores_of_a_match_are_not_a_vague_quantity():
    assert find_numbers("The scores were level at the break.") == []


@pytest.mark.parametrize("text", [
    "Police arrested Anna Berg, 45, and Tomas Lind, 52, at the harbour.",
    "A man, 23, and a woman, 19, were arrested in Selmar.",
    "Brahim Holm, 31 - named as the driver who was detained.",
    "Two suspects aged 19 were detained overnight.",
    "The injured driver, Ola Dahl (67), was taken to hospital.",
])
def test_ages_are_not_counts(nlp, text):
    assert [f.text for f in analysed(text).figures if f.text not in ("Two",)] == []


@pytest.mark.parametrize("text", [
    "As the clock strikes 13, air raids begin over the city.",
    "The clock struck 12 as the wounded arrived.",
    "The air raids began at 9 in the morning.",
    "The strikes stopped at 3 pm and resumed at 13:00.",
])
def test_times_of_day_and_clock_readings_are_not_counts(nlp, text):
    assert analysed(text).figures == []


@pytest.mark.parametrize("text", [
    "Injured fans watched Selmar lose 1-3 and draw 2-2 at home.",
    "Dorvan took a 0-2 lead before half time.",
    "The court voted 4-5 to free the detained men.",
])
def test_scores_and_votes_are_not_counts(nlp, text):
    assert analysed(text).figures == []


def test_a_range_with_a_dash_is_still_a_count(nlp):
    [figure] = analysed("In the raid 20-30 people were killed.").figures
    assert (figure.value, figure.value_high, figure.kind) == (20, 30, "killed")


def test_years_are_not_counts(nlp):
    assert analysed("In 1492 the invaders killed the king.").figures == []
    body = "During 2012-2015 the garrison of 300 troops grew."
    assert [body[n.start:n.end] for n in find_numbers(body) if is_count(body, n)] == ["300"]


def test_a_hedged_four_digit_count_of_people_is_no_year(nlp):
    [figure] = analysed("Some 2000 people were killed in the fighting.").figures
    assert (figure.value, figure.kind) == (2000, "killed")


@pytest.mark.parametrize("text", [
    "Under point 2 of the deal, the detained men go free.",
    "Article 5 was invoked after the attack killed the envoy.",
    "He wore the No. 3 shirt when he was injured.",
    "The 13th convoy reached the wounded.",
    "The convoy waited at gate 7 for the soldiers.",
])
def test_list_and_ordinal_numbers_are_not_counts(nlp, text):
    assert [f.text for f in analysed(text).figures] == []


def test_a_count_after_point_is_still_a_count(nlp):
    [figure] = analysed("At one point 20 people were hurt in the crush.").figures
    assert (figure.value, figure.kind) == (20, "injured")


def test_the_numbers_own_verb_after_it_decides_its_kind(nlp):
    figures = by_text(analysed("Dozens of people were killed, while scores of others were wounded and tens of "
                               "thousands were displaced."))
    assert [figures[w].kind for w in ("Dozens", "scores", "tens of thousands")] == ["killed", "injured",
                                                                                  "displaced"]
    figures = by_text(analysed("The attacks, which killed at least 129 people and injured at least 352, shook the "
                               "city. Several people were killed and a handful were injured."))
    assert [figures[w].kind for w in ("129", "352", "Several", "a handful")] == ["killed", "injured", "killed",
                                                                                "injured"]


def test_wounding_is_an_injury_and_missing_is_its_own_kind(nlp):
    figures = by_text(analysed("The gunmen attacked the office, killing 12 and wounding 11.",
                               "At least 1,600 people died and 10,000 were missing."))
    assert figures["12"].kind == "killed" and figures["11"].kind == "injured"
    assert figures["1,600"].kind == "killed" and figures["10,000"].kind == "missing"


def test_police_raids_are_not_air_raids(nlp):
    figures = by_text(analysed("Police carried out 168 raids overnight. The air force flew 40 raids on the hills."))
    assert figures["168"].kind == "other" and figures["40"].kind == "air_raids"


def test_custody_is_detention_and_the_counted_noun_stops_at_an_adverb(nlp):
    figures = by_text(analysed("Police swept eight people into custody. Three Chileans also were killed."))
    assert figures["eight"].kind == "detained"
    assert (figures["Three"].kind, figures["Three"].counted) == ("killed", "Chileans")


def test_the_parse_gives_each_number_its_own_words(nlp):
    figures = by_text(analysed("Clashes with riot police left more than 60 people injured and at least fifteen "
                               "arrested.", "The mayor said that one of scores of people injured in the blast had died."))
    assert (figures["60"].kind, figures["fifteen"].kind, figures["scores"].kind) == ("injured", "detained", "injured")


def test_the_doers_of_a_killing_are_not_its_victims(nlp):
    figures = by_text(analysed("Three men killed 12 people in the square."))
    assert list(figures) == ["12"] and figures["12"].kind == "killed"


def test_police_raids_named_so_are_not_air_raids_even_near_bombers(nlp):
    assert analysed("On Monday several police raids were held near the homes of the bombers.").figures == []


def test_those_who_killed_themselves_and_the_elliptical_passive_are_victims(nlp):
    for text, kind in (("All the gunmen are dead: seven killed themselves with vests.", "killed"),
                       ("Two suspects have been killed and seven arrested in a raid.", "detained"),
                       ("Riots left more than 120 people hurt.", "injured")):
        assert [f.kind for f in analysed(text).figures if f.text in ("seven", "120")] == [kind], text


@pytest.mark.parametrize("text", [
    "Fifteen of the Sept. 11 hijackers were Saudi nationals.",
    "The police recovered a 9 mm handgun and a 7.62-caliber rifle.",
    "At his arrest he was 5-foot-11 and 215 pounds.",
])
def test_days_of_the_month_and_calibres_are_not_counts(nlp, text):
    assert [f.text for f in analysed(text).figures if f.value in (11, 9, 215)] == []


def test_a_comparison_with_a_figure_does_not_hedge_it(nlp):
    figures = by_text(analysed("The economy lost $6 billion, more than the $5.7 billion he had requested.",
                               "Asked about the 63 members who voted for him, she laughed."))
    assert figures["$5.7 billion"].qualifier is None and figures["63"].qualifier is None


def test_the_thing_counted_stops_where_a_clause_begins(nlp):
    figures = by_text(analysed("The suit covers 1.5 million women seeking back pay.",
                               "The party has only 51 votes right now."))
    assert figures["1.5 million"].counted == "women" and figures["51"].counted == "votes"


def test_a_range_shares_its_currency_and_scale(nlp):
    [number] = find_numbers("his net worth between $19 and $22 million")
    assert (number.value, number.value_high, number.currency) == (19_000_000, 22_000_000, "USD")
    [troops] = analysed("Officials plan to pull all 2,000 troops out of the country.").figures
    assert troops.counted == "troops"


def test_soldiers_who_died_are_counted_as_killed(nlp):
    figures = by_text(analysed("More than 2,400 American soldiers have died in the war.",
                               "The army sent 3,000 soldiers to the border."))
    assert figures["2,400"].kind == "killed" and figures["3,000"].kind == "troops"


def test_a_date_inside_the_counted_phrase_dates_the_figure(nlp):
    figures = by_text(analysed("There were 520,000 arrests last year, a third of the 1.6 million arrests that "
                               "happened in 2000.", "Saudi Arabia threatened to sell hundreds of billions of dollars "
                               "in assets."))
    assert figures["1.6 million"].as_of == "2000" and figures["520,000"].as_of == "2020"
    assert figures["hundreds of billions"].lower_bound == 200_000_000_000


def test_a_subject_that_cannot_speak_gives_no_figure(nlp):
    [figure] = analysed("The offer would also give a reprieve to 300,000 people from El Salvador.").figures
    assert figure.source is None
    [given] = analysed("Activists reported at least 50 people killed in the shelling.").figures
    assert given.source == "Activists"


def test_a_figure_that_is_its_own_subject_has_no_source(nlp):
    [figure] = analysed("Hundreds of workers at the tax office also did not show up on Friday.").figures
    assert figure.source is None
    [actions] = analysed("Lawmakers who were briefed on the plan said it lists 19 separate actions.").figures
    assert actions.source == "Lawmakers"


@pytest.mark.parametrize("sentence, number, counted", [
    ("It extends protections for 700,000 illegal immigrants brought to the country as children.", "700,000",
     "illegal immigrants"),
    ("It offered protections for roughly 700,000 young undocumented immigrants.", "700,000",
     "young undocumented immigrants"),
    ("The plan includes 23 steps he took without congressional action.", "23", "steps"),
    ("Dozens of groups joined in support of the company.", "Dozens", "groups"),
])
def test_the_thing_counted_is_read_off_the_parse(nlp, sentence, number, counted):
    assert by_text(analysed(sentence))[number].counted == counted


def test_a_year_naming_a_thing_deep_in_the_phrase_does_not_date_the_figure(nlp):
    figures = by_text(analysed("This week more than 10 packages were mailed to critics, including his 2016 "
                               "opponent.", "Republicans picked up 19 state legislative bodies."))
    assert figures["10"].as_of != "2016" and figures["19"].kind == "other"
