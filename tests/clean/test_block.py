"""Scraped text: the article found among a page's menus, related headlines and footer by the shape of its lines."""
from __future__ import annotations

import pytest

from storyline.clean.block import best_stretch, function_share, outside_reason
from storyline.clean.fragments import join_fragments, joins
from storyline.clean.paragraphs import Piece
from storyline.clean.text import clean_text
from storyline.record import Article, RawArticle

STORY = [
    "The water board of Kessling said on Friday that the reservoir above the town is full for the first time "
    "in six years, after a wet spring.",
    "Engineers opened two of the four sluice gates to keep the level below the dam's safety mark, the board said.",
    "Farmers downstream were warned to move livestock away from the river banks until the end of the month.",
    "The board expects to close the gates again in early June, when the snow on the hills has melted.",
]
MENU = ["Home", "News", "Local", "Sport", "Weather", "Events", "Jobs", "Contact Us"]
RELATED = [
    "Kessling mayor opens new library wing in the old market hall",
    "School bus timetable changes from next week across the valley",
    "Police appeal for witnesses after van fire on the ring road",
]
FOOTER = ["About us", "Privacy policy", "Terms of use", "Advertise with us"]


@pytest.fixture(autouse=True)
def _model_once(nlp):
    """The caption check tags one paragraph with the shared model: load it once for the session."""


def clean(text: str) -> Article:
    raw = RawArticle(source="page.txt", text=text)
    return clean_text(Article(id="t", source="page.txt", content_hash="h", raw=raw))


def scraped(story: list[str]) -> str:
    return "\n".join(MENU + ["Reservoir full for first time in six years"] + story + ["Related"] + RELATED + FOOTER)


def test_menus_related_headlines_and_footer_go_with_their_shape() -> None:
    article = clean(scraped(STORY))
    assert article.paragraphs == STORY
    reasons = {removed.text: removed.reason for removed in article.removed}
    assert all(reasons.get(item) for item in MENU)  # nothing dropped without a reason
    assert reasons[RELATED[0]] == "related link"
    assert all(reasons.get(item) for item in FOOTER)


def test_a_sentence_split_at_its_links_stays_in_the_article() -> None:
    split = ["The water board of Kessling said on Friday that the reservoir above", "the town", "is full,",
             "according to", "Hydrology Weekly", ", for the first time in six years."]
    article = clean(scraped(split + STORY[1:]))
    assert article.paragraphs[0] == ("The water board of Kessling said on Friday that the reservoir above the town "
                                     "is full, according to Hydrology Weekly, for the first time in six years.")
    assert article.paragraphs[1:] == STORY[1:]


def test_a_clean_article_loses_nothing() -> None:
    text = "Reservoir full for first time in six years\n\n" + "\n\n".join(STORY)
    article = clean(text)
    assert article.title == "Reservoir full for first time in six years"
    assert article.paragraphs == STORY and article.removed[0].reason == "title line"
    assert len(article.removed) == 1


def test_a_short_text_without_a_block_is_left_to_the_other_passes() -> None:
    article = clean("\n".join(MENU[:3] + [STORY[2]]))
    assert STORY[2] in article.paragraphs


def test_best_stretch_is_the_maximum_sum_run() -> None:
    assert best_stretch([-4, 10, -1, 5, -20, 3]) == (1, 4, 14)
    assert best_stretch([-1, -2])[2] == 0


def test_function_words_mark_running_text() -> None:
    assert function_share("the board said that it would open the gates") > 0.5
    assert function_share("Home News Local Sport Weather") == 0.0


def test_outside_reasons_follow_the_shape() -> None:
    assert outside_reason("Contact Us") == "navigation"
    assert outside_reason(RELATED[1]) == "related link"
    assert outside_reason(STORY[0]) == "outside the article"


def test_joins_only_open_sentences() -> None:
    assert joins("the reservoir above", "the town")  # stops on a function word
    assert joins("according to Hydrology Weekly", ", for the first time.")  # the next piece starts with a comma
    assert not joins("Local", "Sport") and not joins("It is full.", "and more")
    pieces = join_fragments([Piece("rain fell on", 0), Piece("Kessling", 0), Piece("all week", 1)])
    assert [p.text for p in pieces] == ["rain fell on Kessling", "all week"]  # never across a blank line
