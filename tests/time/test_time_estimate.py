"""The corpus-level estimate from a story's dated articles: a pure function on dates."""
from __future__ import annotations

from datetime import date

from storyline.time.estimate import NeighbourDate, neighbour_span, period_start, within_own


def estimate_from_neighbours(neighbours, own=None):
    """What the corpus layer gives an undated article: its story's span within its own bounds."""
    return within_own(neighbour_span(neighbours), own)


def test_neighbours_give_their_span_padded_and_name_themselves():
    found = estimate_from_neighbours([NeighbourDate("b", date(2015, 10, 21)), NeighbourDate("a", date(2015, 10, 22))])
    assert found is not None and found.value == "2015-10-19/2015-10-24"
    assert found.evidence[0].text == "b (2015-10-21), a (2015-10-22)"


def test_a_story_of_many_dated_articles_names_only_those_that_bound_the_range():
    neighbours = [NeighbourDate(f"a{d:02d}", date(2015, 10, d)) for d in range(1, 29)]
    found = estimate_from_neighbours(neighbours)
    assert found.value == "2015-09-29/2015-10-30"
    assert found.evidence[0].text == ("a01 (2015-10-01), a02 (2015-10-02), a03 (2015-10-03), 22 more, "
                                      "a26 (2015-10-26), a27 (2015-10-27), a28 (2015-10-28)")


def test_a_far_neighbour_from_another_phase_of_the_story_is_left_out():
    found = estimate_from_neighbours([NeighbourDate(n, date(2015, 10, d)) for n, d in (("a", 20), ("b", 21))]
                                     + [NeighbourDate("c", date(2016, 3, 1))])
    assert found is not None and found.value == "2015-10-18/2015-10-23"


def test_the_articles_own_bounds_narrow_the_range_and_win_when_they_disagree():
    neighbours = [NeighbourDate("a", date(2015, 10, 20)), NeighbourDate("b", date(2015, 10, 24))]
    assert estimate_from_neighbours(neighbours, own="2015-10-21/..").value == "2015-10-21/2015-10-26"
    assert estimate_from_neighbours(neighbours, own="2016-01-01/..") is None
    assert estimate_from_neighbours([]) is None


def test_period_start_reads_any_precision():
    assert period_start("2011-03") == date(2011, 3, 1)
    assert period_start("2011") == date(2011, 1, 1)
    assert period_start("2011-03-04T10:00") == date(2011, 3, 4)
    assert period_start("2011-W03") is None


def test_a_story_of_two_phases_far_apart_gives_no_neighbour_estimate():
    from datetime import date


    phases = [NeighbourDate("a", date(2020, 1, 5)), NeighbourDate("b", date(2020, 6, 20))]
    assert estimate_from_neighbours(phases) is None  # the median falls between them, near neither
    one_phase = phases + [NeighbourDate("c", date(2020, 6, 22))]
    found = estimate_from_neighbours(one_phase)
    assert found.value == "2020-06-18/2020-06-24"
