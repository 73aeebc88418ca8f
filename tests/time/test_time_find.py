"""The expression finder alone: spans, and words that are only temporal in context."""
from __future__ import annotations

from storyline.time.find import PATTERNS, find_mentions
from storyline.time.normalise import READERS


def spans(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


def test_longest_expression_wins():
    assert spans("It happened on Tuesday, Feb. 7, 2012 in Homs.") == ["Tuesday, Feb. 7, 2012"]


def test_modal_may_and_pronoun_we_are_not_dates():
    assert spans("We may see a change, he said.") == []


def test_may_after_a_time_preposition_is_a_month():
    assert spans("The vote was held in May.") == ["May"]


def test_ages_of_people_are_not_durations_but_ages_of_events_are():
    assert spans("The 6-year-old boy watched the three-week-old war.") == ["three-week-old"]


def test_numbers_that_are_not_years():
    assert spans("It cost $1990 and weighed 2000.5 kg.") == []


def test_relative_and_duration_rules():
    text = "Earlier this week, after two years of talks and for weeks since last November, they met."
    assert spans(text) == ["Earlier this week", "two years", "weeks", "last November"]


def test_every_finder_rule_has_a_reader():
    assert set(PATTERNS) == set(READERS)
