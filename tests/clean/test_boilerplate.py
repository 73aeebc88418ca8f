"""The paragraph-level boilerplate classifier: single-line rules, appeal regions, and what it must keep."""
from __future__ import annotations

import pytest

from storyline.clean.boilerplate import filter_paragraphs

STORY = [
    "Flood defences along the river Wend held overnight as water levels peaked, the environment agency said.",
    "About 200 homes in the lower town were evacuated as a precaution, according to the county police.",
]


def reasons(paragraphs: list[str]) -> dict[str, str]:
    return {removed.text: removed.reason for removed in filter_paragraphs(paragraphs).removed}


def test_story_paragraphs_are_kept_untouched():
    result = filter_paragraphs(STORY)
    assert result.kept == STORY
    assert result.removed == []


def test_appeal_box_at_the_top_is_removed_as_a_region():
    box = [
        "✕",
        "Enjoying our coverage?",
        "Our reporters work around the clock. Your support keeps our journalism free for everyone.",
        "Donate now",
        "It takes a minute and helps us stay independent.",
        "Chip in from $5 a month so that we can keep going.",
    ]
    result = filter_paragraphs(box + STORY)
    assert result.kept == STORY
    assert reasons(box + STORY)["Enjoying our coverage?"] == "donation appeal"
    assert reasons(box + STORY)["It takes a minute and helps us stay independent."] == "donation appeal"


def test_subscription_appeal():
    assert reasons(STORY + ["Subscribe to our newsletter to get your morning briefing every day."]) == {
        "Subscribe to our newsletter to get your morning briefing every day.": "subscription appeal"}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Read more", "navigation"),
        ("Share | Tweet | Email", "navigation"),
        ("Remind me later.", "navigation"),
        ("Advertisement", "ad notice"),
        ("We use cookies to give you the best experience. By browsing you accept our cookie policy.", "cookie notice"),
        ("Photo: Jane Doe / Wend Valley News", "photo credit"),
        ("Residents fill sandbags. (Getty Images)", "photo credit"),
        ("(Reuters)", "wire credit"),
        ("*(AP, AFP)*", "wire credit"),
        ("Reporting by Anna Berg; Editing by Tom Hale", "wire credit"),
        ("© 2024 Wend Valley News", "copyright notice"),
        ("By Anna Berg", "byline"),
        ("12", "page counter"),
        ("Page 2 of 3", "page counter"),
        ("Read more: Town braces for second flood wave", "related link"),
        ("A Message from Wend Valley News:", "donation appeal"),
        ("Dear readers,", "donation appeal"),
        ("★", "stray glyph"),
        ("Post a Comment", "comment prompt"),
        ("Share your thoughts and join the debate below.", "comment prompt"),
        ("This article contains affiliate links: we may earn a commission when you buy.", "affiliate disclosure"),
        ("Do you want to hear about our events? Sign up here", "subscription appeal"),
        ("Image copyright Wend Valley News", "photo credit"),
        ("Image caption Volunteers filled sandbags outside the town hall on Sunday", "photo caption"),
        ("Follow us on Twitter", "navigation"),
        ("Please enable JavaScript to view the comments.", "browser notice"),
        ("Comments (12)", "comment prompt"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "copyright notice"),
        ("Never miss a story by signing up to our newsletter today!", "subscription appeal"),
    ],
)
def test_single_line_furniture(line, reason):
    result = filter_paragraphs([STORY[0], line, STORY[1]])
    assert result.kept == STORY
    assert [(r.text, r.reason) for r in result.removed] == [(line, reason)]


def test_glyph_is_cut_and_sentence_kept():
    result = filter_paragraphs(["☑ " + STORY[0], STORY[1] + " ➤"])
    assert result.kept == STORY
    assert [(r.text, r.reason) for r in result.removed] == [("☑", "stray glyph"), ("➤", "stray glyph")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "\"We are ready to support the families who lost everything,\" the mayor said, urging residents to donate.",
        "Volunteers who want to support the clean-up can subscribe to text alerts from the council, officials said.",
        "The charity said readers had given more than $40,000 a month since the floods began.",
        "Cookies and cakes were handed out at the shelter, where 80 people spent the night.",
        "Read the full report, which runs to 300 pages, on the agency's website.",
        "The agency urged residents to register now for flood alerts, the mayor said.",
        "He declined to comment on the cost of the repairs.",
    ],
)
def test_story_sentences_with_appeal_words_are_kept(paragraph):
    assert filter_paragraphs([STORY[0], paragraph, STORY[1]]).kept == [STORY[0], paragraph, STORY[1]]


def test_story_paragraph_between_two_ad_markers_is_kept():
    paragraphs = [STORY[0], "Advertisement", "The river is expected to fall back to normal levels by the weekend.",
                  "Advertisement", STORY[1]]
    result = filter_paragraphs(paragraphs)
    assert result.kept == [STORY[0], paragraphs[2], STORY[1]]


def test_widget_words_inside_an_appeal_are_swept_with_it():
    tail = ["Please support our reporting: your donation helps us cover the floods.", "One-time", "Monthly",
            "payment options", "Not today?", "Remind me later."]
    result = filter_paragraphs(STORY + tail)
    assert result.kept == STORY
    assert len(result.removed) == len(tail)


def test_campaign_finance_story_is_not_an_appeal():
    paragraph = ("The super PAC supporting Senator Vale spent $1.2 million on digital ads last month, and donors "
                 "pledged more for the autumn.")
    assert filter_paragraphs([STORY[0], paragraph, STORY[1]]).kept == [STORY[0], paragraph, STORY[1]]


def test_product_review_in_we_and_you_voice_is_not_an_appeal():
    paragraph = ("In our tests the battery lasted two days, and you get support for fast charging; we think the "
                 "monthly data plans advertised with it are poor value.")
    assert filter_paragraphs([STORY[0], paragraph, STORY[1]]).kept == [STORY[0], paragraph, STORY[1]]


def test_leaked_style_sheet_and_separators():
    junk = [".bio-box {", "text-align: left;", "}", "___", "~~~~"]
    result = filter_paragraphs([STORY[0], *junk, STORY[1]])
    assert result.kept == STORY
    assert {r.reason for r in result.removed} == {"page code", "separator"}


def test_long_lines_are_judged_quickly():
    import time

    start = time.perf_counter()
    filter_paragraphs(["word " * 2000 + "{", "a-b " * 3000 + ";", "(" + "Name, " * 500])
    assert time.perf_counter() - start < 2


def test_long_story_paragraph_between_appeals_is_kept():
    appeal = "Get our flood briefing by email every morning! Just click here and sign up for free."
    story = ("The river authority resigned after months of criticism over the defences, which failed in two places "
             "on Sunday. Here is why you should be worried about the next storm, which is due on Friday.")
    result = filter_paragraphs([STORY[0], appeal, story, appeal, STORY[1]])
    assert result.kept == [STORY[0], story, STORY[1]]


def test_call_to_action_inside_a_long_paragraph_is_not_an_appeal():
    paragraph = ("We tested every mode of the camera, from night shots to slow motion, and compared the results with "
                 "last year's model. Click any of the links below for the details of each mode and our verdict.")
    assert filter_paragraphs([STORY[0], paragraph, STORY[1]]).kept == [STORY[0], paragraph, STORY[1]]


def test_promotion_line():
    assert reasons([*STORY, "Click here to follow our live blog"]) == {"Click here to follow our live blog": "promotion"}


def test_heading_line_above_an_appeal_goes_with_it_but_a_story_line_does_not():
    paragraphs = [
        "The council approved the new budget on Monday after a four-hour debate, officials said.",
        "Keep local news alive",
        "Become a member today and help us keep our reporting free for everyone.",
    ]
    filtered = filter_paragraphs(paragraphs)
    assert filtered.kept == paragraphs[:1]
    assert [r.reason for r in filtered.removed] == ["donation appeal", "donation appeal"]
