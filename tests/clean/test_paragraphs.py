"""Splitting text into pieces and gluing sentences the page broke."""
from __future__ import annotations

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
