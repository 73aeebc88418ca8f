from __future__ import annotations

import pytest

from storyline.filters import FIGURE_KINDS, FilterError, check_choice, check_date, date_range


@pytest.mark.parametrize("value", ["2015", "2015-10", "2015-10-20"])
def test_iso_dates_of_any_precision_pass(value):
    assert check_date(value) == value


@pytest.mark.parametrize("value", ["yesterday", "20151020", "2015-13", "2015-10-32", "15-10-20", "0.0", ""])
def test_anything_else_names_the_expected_form(value):
    with pytest.raises(FilterError, match="expected an ISO date, YYYY-MM-DD"):
        check_date(value, "since")


def test_a_range_is_inclusive_and_a_coarse_bound_covers_its_year_or_month():
    october = date_range("2015-10", "2015-10")
    assert october.holds("2015-10-01") and october.holds("2015-10-31") and not october.holds("2015-11-01")
    assert date_range(until="2015").holds("2015-12-31") and not date_range(since="2016").holds("2015-12-31")
    assert not october.holds(None) and date_range().holds(None)
    assert date_range("2015-10-05").holds("2015-10")  # a month-precision item overlaps a range that starts in it


def test_an_unknown_choice_lists_the_allowed_values():
    assert check_choice("killed", FIGURE_KINDS, "figure kind") == "killed"
    with pytest.raises(FilterError, match="unknown figure kind 'deaths'; choose one of: killed, injured"):
        check_choice("deaths", FIGURE_KINDS, "figure kind")
