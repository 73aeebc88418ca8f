"""Transcript turns: speaker labels in capitals open a speaker's verbatim turn."""
import pytest

from storyline.evaluate.quotes import build_article
from storyline.quotes.transcript import find_turns


def _turns(*paragraphs):
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2
    return find_turns(list(paragraphs), starts)


def test_labelled_paragraphs_are_turns_and_unlabelled_ones_between_continue():
    turns = _turns("The mayor spoke to the radio on Sunday.",
                   "HOST: Will the bridge reopen?",
                   "ANNA BERG: It will, by spring.",
                   "We checked every bolt.",
                   "(CROSSTALK)",
                   "HOST: Thank you.",
                   "The bridge has been closed since May.")
    assert [(t.label, t.paragraph) for t in turns] == [("HOST", 1), ("ANNA BERG", 2), (None, 3), ("HOST", 5)]
    assert turns[1].end - turns[1].start == len("It will, by spring.")


def test_one_label_or_a_note_label_is_not_a_transcript():
    assert _turns("UPDATE: The bridge reopened.", "The mayor said so.") == []
    assert _turns("Q: Will it reopen?", "A: Yes.", "Q: When?", "A: In spring.") == []
    assert _turns("EDITOR'S NOTE: This story was corrected.", "UPDATE: The bridge reopened.") == []


def test_a_leading_quotation_mark_does_not_hide_the_label():
    turns = _turns("\"HOST: Will it reopen?", "\"BERG: It will.\"")
    assert [t.label for t in turns] == ["HOST", "BERG"]


@pytest.fixture(scope="module")
def quotes_of(nlp):
    return lambda *paragraphs: build_article(list(paragraphs)).quotes


def test_turns_are_direct_quotes_of_the_person_the_article_names(quotes_of):
    quotes = quotes_of("Mayor Anna Berg spoke to host Tom Lind on Sunday.",
                       "LIND: Will the bridge reopen?",
                       "BERG: I think it will reopen by spring, and \u201csafely.\u201d",
                       "We checked every bolt.",
                       "LIND: Thank you.")
    by_text = {q.text: q for q in quotes}
    answer = by_text["I think it will reopen by spring, and \u201csafely.\u201d"]
    assert answer.kind == "direct" and answer.cue == ":" and answer.speaker == "Anna Berg"
    assert answer.speaker_text == "BERG"
    assert by_text["We checked every bolt."].speaker == "Anna Berg"
    assert by_text["We checked every bolt."].speaker_via == "continuation"
    assert by_text["Will the bridge reopen?"].speaker == "Tom Lind"
    # what a speaker says inside a turn (`I think …`, a quoted word) is the turn, not a second quote
    assert not any(q.text.startswith("it will reopen") or q.text == "safely." for q in quotes)


def test_capitalised_labels_that_name_nobody_the_article_names_are_no_transcript(quotes_of):
    quotes = quotes_of("The council voted on the budget on Monday.",
                       "WHY IT MATTERS: The vote decides how the harbour is paid for.",
                       "BACKGROUND: The harbour opened in 1990 and has lost money since.",
                       "WHAT'S NEXT: The mayor signs the budget on Friday.")
    assert not any(q.cue == ":" for q in quotes)
