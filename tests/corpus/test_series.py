"""Figure series: a measure across articles in date order, undated figures apart, disagreements, the SVG plot."""
from __future__ import annotations

from storyline.corpus.inconsistencies import find_inconsistencies
from storyline.corpus.series import build_series, same_period
from storyline.record import Article, Figure, Sentence


def article(article_id: str, text: str, number: str, value: float | None, qualifier: str | None,
            source: str | None, as_of: str | None, kind: str = "killed", counted: str | None = "people") -> Article:
    start = text.index(number)
    return Article(id=article_id, source=article_id, content_hash=article_id, paragraphs=[text], status="ok",
                   sentences=[Sentence(0, len(text), 0)],
                   figures=[Figure(number, start, start + len(number), kind, value, qualifier=qualifier,
                                   counted=counted, source=source, as_of=as_of, sentence=0)])


def corpus() -> list[Article]:
    return [
        article("late", "The war has killed more than 90,000 people, the monitor says.", "90,000", 90000,
                "more than", "monitor", "2019-05-02"),
        article("early", "The conflict has killed some 8,000 people, the agency says.", "8,000", 8000, "some",
                "agency", "2017-01-10"),
        article("undated", "The war has killed 40,000 people.", "40,000", 40000, None, None, None),
        article("rival", "The war has killed about 30,000 people, officials say.", "30,000", 30000, "around",
                "officials", "2019-05-04"),
    ]


def test_series_in_date_order_with_undated_apart():
    [series] = build_series(corpus())
    assert series.measure == "killed: people (overall)" and series.counted == "people"
    assert [p.value for p in series.points] == [8000, 90000, 30000]
    assert [p.as_of for p in series.points] == ["2017-01-10", "2019-05-02", "2019-05-04"]
    assert [p.citation.article for p in series.undated] == ["undated"]
    assert all(p.as_of for p in series.points)


def test_disagreement_for_the_same_period_only():
    [series] = build_series(corpus())
    [pair] = series.disagreements
    assert {pair.first.citation.article, pair.second.citation.article} == {"late", "rival"}
    assert pair.period == "2019-05-02"


def test_compatible_qualified_figures_do_not_disagree():
    articles = [article("a", "The war has killed more than 5,000 people.", "5,000", 5000, "more than", "UN",
                        "2012-02-01"),
                article("b", "The war has killed 6,100 people.", "6,100", 6100, None, "monitor", "2012-02-03")]
    assert build_series(articles)[0].disagreements == []


def test_incident_figures_are_a_measure_apart():
    articles = corpus() + [article("raid", "Shelling killed 12 people in Homs on Tuesday.", "12", 12, None, None,
                                   "2019-05-01")]
    measures = {s.measure for s in build_series(articles)}
    assert measures == {"killed: people (overall)", "killed: people (incident)"}


def test_periods():
    assert same_period("2019-05-02", "2019-05-08") == "2019-05-02"
    assert same_period("2019-05-02", "2019-06-02") is None
    assert same_period("2019-05", "2019-05-20") == "2019-05"
    assert same_period(None, "2019") is None


def test_inconsistencies_cite_both_sides():
    [found] = find_inconsistencies(corpus())
    assert found.kind == "figures"
    assert {found.first.article, found.second.article} == {"late", "rival"}
    assert "90,000" in found.first_text + found.second_text


def test_a_series_joins_only_figures_of_one_thing_counted():
    articles = [article("early", "The war has killed 3,000 civilians, the agency says.", "3,000", 3000, None,
                        "agency", "2012-03-01", counted="civilians"),
                article("later", "The war has killed 90,000 people, the monitor says.", "90,000", 90000, None,
                        "monitor", "2015-06-01"),
                article("plain", "The war has killed 80,000, the agency says.", "80,000", 80000, None, "agency",
                        "2015-01-01", counted=None),
                article("dead", "The war has left 95,000 people dead.", "95,000", 95000, None, None,
                        "2015-09-01", counted="people dead")]
    by_measure = {s.measure: [p.citation.article for p in s.points] for s in build_series(articles)}
    assert by_measure == {"killed: people (overall)": ["plain", "later", "dead"],
                          "killed: civilians (overall)": ["early"]}


def test_raids_are_one_thing_whatever_the_noun():
    articles = [article("a", "Jets flew 40 air raids, the army says.", "40", 40, None, "army", "2015-01-01",
                        kind="air_raids", counted="air raids"),
                article("b", "Jets carried out 55 airstrikes, the army says.", "55", 55, None, "army", "2015-02-01",
                        kind="air_raids", counted="airstrikes")]
    [series] = build_series(articles)
    assert series.counted == "air raids" and [p.value for p in series.points] == [40, 55]


def test_a_vague_quantity_stays_out_of_a_series():
    articles = corpus() + [article("vague", "The war has killed thousands of people.", "thousands", None, None,
                                   None, "2019-05-03")]
    [series] = build_series(articles)
    assert "vague" not in [p.citation.article for p in series.points + series.undated]
