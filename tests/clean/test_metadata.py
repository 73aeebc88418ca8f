"""Metadata line readers: dates, URLs, outlet names, headline shapes."""
from __future__ import annotations

import pytest

from storyline.clean.dates import is_empty_metadata_line, normalise_date, parse_date_line
from storyline.clean.metadata import (domain_of, is_headline_sentence, outlet_from_url, outlet_named_in,
                                      parse_url_line, segmented_name, strip_final_stop)


@pytest.mark.parametrize(
    ("line", "value", "order"),
    [
        ("February 08, 2012", "2012-02-08", "month-first"),
        ("Friday 16/10/2015", "2015-10-16", "day-first"),
        ("10/16/2015", "2015-10-16", "month-first"),
        ("05/06/2015", "2015-06-05", "ambiguous"),
        ("Posted on Feb. 3, 2019 at 10:30 am GMT", "2019-02-03", "month-first"),
        ("Wednesday, 5 June 2019 | 14:05", "2019-06-05", "day-first"),
        ("March 2019", "2019-03", "month and year"),
    ],
)
def test_date_lines(line, value, order):
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.value == value and order in parsed.method


@pytest.mark.parametrize("line", ["In March 2019 the bridge closed.", "31/02/2015", "Published: Updated:", "Page 2"])
def test_not_date_lines(line):
    assert parse_date_line(line) is None


def test_empty_metadata_line():
    assert is_empty_metadata_line("Published: Updated:")
    assert not is_empty_metadata_line("Published: 5 June 2019")


def test_normalise_date():
    assert normalise_date("2021-03-04T10:00:00+00:00") == "2021-03-04"
    assert normalise_date("no date here") is None


def test_url_lines():
    assert parse_url_line("Original url:").url is None
    assert parse_url_line("<https://www.example.com/a/b>").url == "https://www.example.com/a/b"
    assert parse_url_line("Link: https://example.com/x.").url == "https://example.com/x"
    assert parse_url_line("See https://example.com for more") is None


def test_domains_and_outlet_names():
    assert domain_of("https://www.themoscowtimes.com/2012/02/08/x") == "themoscowtimes.com"
    assert domain_of("https://news.bbc.co.uk/x") == "bbc.co.uk"
    assert segmented_name("theharbourgazette") == "The Harbour Gazette"
    assert segmented_name("nytimes") is None  # "ny" is no word we can capitalise with confidence
    assert outlet_from_url("https://nytimes.com/x", "").name == "nytimes.com"
    assert outlet_from_url("https://nytimes.com/x", "© The NYTimes").name == "NYTimes"


def test_outlet_named_in_its_own_furniture():
    assert outlet_named_in("A Message from The Eastmoor Courier:").name == "The Eastmoor Courier"
    assert outlet_named_in("© 2021 Eastmoor Courier Ltd").name == "Eastmoor Courier Ltd"
    assert outlet_named_in("Please give what you can.") is None


def test_headline_shapes():
    assert is_headline_sentence("Bridge Closes After Cracks Found, Council Says.", "Short.")
    assert not is_headline_sentence("The bridge closed, officials said.", "A much longer paragraph follows it here.")
    assert strip_final_stop("Bridge closes.") == "Bridge closes"
    assert strip_final_stop("Talks with the U.S.") == "Talks with the U.S."
