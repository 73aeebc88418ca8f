"""Splitting text into pieces and gluing sentences the page broke."""
from __future__ import annotations

import pytest

from storyline.clean.paragraphs import rejoin_broken, split_pieces


def test_blank_lines_and_single_newlines_both_separate():
    pieces = split_pieces("Title line\n\nFirst paragraph is here.\nSecond paragraph is here.\n\n\nThird one.")
    assert [p.text for p in pieces] == ["Title line", "First paragraph is here.", "Second paragraph is here.",
                                       "Third one."]
    assert [p.block for p in pieces] == [0, 1, 1, 2]


def test_hard_wrapped_block_is_one_paragraph():
    text = ("The flood defences along the river held overnight as the\nwater peaked at a level not seen since the "
            "winter of\n1998, officials said.")
    assert [p.text for p in split_pieces(text)] == [
        "The flood defences along the river held overnight as the water peaked at a level not seen since the "
        "winter of 1998, officials said."]


def test_layout_spaces_are_folded():
    assert split_pieces("A\u00a0river\u2009rose  \u200bhigh.")[0].text == "A river rose high."


def test_rejoin_lowercase_continuation_and_open_quote():
    result = rejoin_broken(["\"Help them, but do not\n", "interfere,\" he said.", "Next paragraph."])
    assert result.paragraphs[0].startswith("\"Help them, but do not")
    assert len(result.paragraphs) == 2 and len(result.joins) == 1


def test_heading_followed_by_capitalised_paragraph_is_not_glued():
    assert rejoin_broken(["Background", "The river has flooded twice."]).paragraphs == [
        "Background", "The river has flooded twice."]


def test_open_quote_continued_by_a_capitalised_word():
    result = rejoin_broken(["“We will defend every", "Syrian city,” he said.", "Next paragraph."])
    assert result.paragraphs == ["“We will defend every Syrian city,” he said.", "Next paragraph."]


def test_multi_paragraph_quote_convention_is_not_glued():
    paragraphs = ["“We will rebuild the bridge.", "“It will take a year,” the mayor said."]
    assert rejoin_broken(paragraphs).paragraphs == paragraphs


@pytest.mark.parametrize(
    ("previous", "following"),
    [
        ("CHINA, U.S. SPENDING", "The other big spenders so far are China and the United States."),
        ("Meet Mrs. Obama", "Just three days before the primary, she spoke in Columbia."),
        ("Is the bridge safe at all? Not So Much", "We walked its length on Monday with two engineers."),
        ("1. Real Madrid 178 2. Barcelona 175 3. Juventus 154", "4. AC Milan 124"),
        ("He said it was “a disgrace.“", "The mayor did not respond to requests for comment."),
    ],
)
def test_labels_lists_and_odd_quotes_are_not_glued(previous, following):
    assert rejoin_broken([previous, following]).paragraphs == [previous, following]
