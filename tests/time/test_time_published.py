"""URL-path publication dates and calendar helpers."""
from __future__ import annotations

from datetime import date

from storyline.time.published import url_date
from storyline.time.units import format_at, month_year, weekday_near


def test_url_day_paths():
    assert url_date("https://www.themoscowtimes.com/2012/02/08/russia-pressing-a1247").value == "2012-02-08"
    assert url_date("https://example.org/news/2015-10-16/assad-visit").value == "2015-10-16"
    assert url_date("https://example.org/20151016/assad-visit.html").value == "2015-10-16"


def test_url_month_path_is_month_precision_and_nonsense_is_none():
    found = url_date("https://example.org/2015/10/assad-visit")
    assert (found.value, found.precision) == ("2015-10", "month")
    assert url_date("https://example.org/2015/13/45/x") is None
    assert url_date("https://example.org/story/123456") is None
    assert url_date(None) is None


def test_weekday_directions():
    wednesday = date(2012, 2, 8)
    assert weekday_near(wednesday, 1, "past") == date(2012, 2, 7)
    assert weekday_near(wednesday, 2, "past") == wednesday
    assert weekday_near(wednesday, 2, "before") == date(2012, 2, 1)
    assert weekday_near(wednesday, 4, "future") == date(2012, 2, 10)
    assert weekday_near(wednesday, 3, "nearest") == date(2012, 2, 9)


def test_month_year_directions_and_formats():
    february = date(2012, 2, 8)
    assert month_year(february, 3, "past") == 2011
    assert month_year(february, 1, "past") == 2012
    assert month_year(february, 11, "before") == 2011
    assert month_year(february, 1, "future") == 2013
    assert month_year(february, 10, "nearest") == 2011
    assert format_at(february, "week") == "2012-W06"
    assert format_at(february, "quarter") == "2012-Q1"
    assert format_at(february, "decade") == "201"


def test_movable_and_fixed_holidays():
    from storyline.time.holidays import holiday_date

    assert holiday_date("Easter", 2024) == date(2024, 3, 31)
    assert holiday_date("Thanksgiving Day", 2012) == date(2012, 11, 22)
    assert holiday_date("Election Day", 2016) == date(2016, 11, 8)
    assert holiday_date("Christmas  Eve", 2011) == date(2011, 12, 24)
    assert holiday_date("Diwali", 2011) is None
