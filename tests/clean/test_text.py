"""The plain-text cleaner on short invented articles, one page habit at a time."""
from __future__ import annotations

import re

import pytest

from storyline.clean.text import clean_text
from storyline.record import Article, RawArticle

LEAD = ("The city council of Eastmoor voted on Tuesday to close the old harbour bridge to heavy traffic, "
        "officials said.")
SECOND = "Engineers found cracks in two of the bridge's steel supports during an inspection last month."
THIRD = "Repairs are expected to take at least a year, according to the council's transport office."


@pytest.fixture(autouse=True)
def _model_once(nlp):
    """The caption check tags one paragraph with the shared model: load it once for the session."""


def clean(text: str, **given: str) -> Article:
    raw = RawArticle(source="test.txt", text=text, **given)
    return clean_text(Article(id="t", source="test.txt", content_hash="h", raw=raw))


def reasons(article: Article) -> dict[str, str]:
    return {removed.text: removed.reason for removed in article.removed}


def test_title_is_the_plain_first_line():
    article = clean(f"Eastmoor closes harbour bridge to lorries\n\n{LEAD}\n\n{SECOND}\n")
    assert article.title == "Eastmoor closes harbour bridge to lorries"
    assert article.paragraphs == [LEAD, SECOND]
    assert article.evidence_for("title").method == "first line"


def test_title_from_markdown_heading():
    article = clean(f"\n\n# Eastmoor closes harbour bridge\n\n{LEAD}\n\n{SECOND}\n")
    assert article.title == "Eastmoor closes harbour bridge"
    assert article.evidence_for("title").method == "markdown heading"
    assert article.paragraphs[0] == LEAD


def test_no_title_when_text_starts_with_the_body():
    article = clean(f"{LEAD}\n{SECOND}\n{THIRD}")  # one paragraph a line, no headline
    assert article.title is None
    assert article.paragraphs == [LEAD, SECOND, THIRD]


def test_subtitle_under_the_title():
    article = clean(f"Eastmoor closes harbour bridge\n\nFriday 13/03/2020\nA crack that could cost a year\n\n{LEAD}\n\n{SECOND}")
    assert article.subtitle == "A crack that could cost a year"
    assert article.published == "2020-03-13"
    assert article.paragraphs[0] == LEAD


@pytest.mark.parametrize(
    ("line", "iso"),
    [("Friday 16/10/2015", "2015-10-16"), ("March 03, 2021", "2021-03-03"), ("14.02.2019", "2019-02-14"),
     ("Published: 5 June 2019 | 14:05 GMT", "2019-06-05")],
)
def test_date_lines(line, iso):
    article = clean(f"Bridge to close\n\n{line}\n\n{LEAD}\n\n{SECOND}")
    assert article.published == iso
    assert reasons(article)[line] == "date line"
    assert article.evidence_for("published").text == line


def test_day_first_date_is_read_day_first():
    article = clean(f"Bridge to close\n\nMonday 04/05/2020\n\n{LEAD}\n\n{SECOND}")
    assert article.published == "2020-05-04"


def test_empty_published_updated_line_means_no_date():
    article = clean(f"Bridge to close\n\nPublished: Updated:\n\n{LEAD}\n\n{SECOND}")
    assert article.published is None
    assert reasons(article)["Published: Updated:"] == "empty metadata line"
    assert article.evidence_for("published") is None


def test_url_line_gives_url_and_outlet_from_the_domain():
    url = "https://www.thecoastaltribune.com/2020/03/13/bridge-to-close"
    article = clean(f"Bridge to close\n\n{LEAD}\n\n{SECOND}\n\nOriginal url:\n\n<{url}>\n\n3")
    assert article.url == url
    assert article.outlet == "The Coastal Tribune"
    assert article.paragraphs == [LEAD, SECOND]
    assert reasons(article)["Original url:"] == "url line"
    assert reasons(article)["3"] == "page counter"


def test_outlet_spelled_as_the_page_shows_it():
    article = clean(f"Bridge to close\n\n{LEAD}\n\n{SECOND}\n\n© 2020 Harbor-Gazette Media\n\nURL: https://harborgazette.net/x")
    assert article.outlet == "Harbor-Gazette"
    assert article.evidence_for("outlet").method == "url domain, name shown on page"


def test_unreadable_domain_stays_the_domain():
    article = clean(f"Bridge to close\n\n{LEAD}\n\n{SECOND}\n\nhttps://xqzvk.org/a/1")
    assert article.outlet == "xqzvk.org"


def test_container_metadata_outranks_the_text():
    article = clean(f"Bridge to close\n\nMarch 03, 2021\n\n{LEAD}\n\n{SECOND}", title="Given title",
                    url="https://example.org/a", published="2021-03-04")
    assert (article.title, article.url, article.published) == ("Given title", "https://example.org/a", "2021-03-04")
    assert article.evidence_for("title").method == "container"
    assert LEAD in article.paragraphs and "Bridge to close" not in article.paragraphs


DONATION_BLOCK = """A Message from The Eastmoor Courier:

Dear readers,

We have covered this town for ninety years. Times are hard for local news and our newsroom is small.

If you value our reporting, please consider a gift. Every contribution, however small, keeps us going.

Monthly
Annual
Continue
Maybe next time?
Remind me later."""


def test_donation_block_to_the_end_is_removed_and_names_the_outlet():
    article = clean(f"Bridge to close\n\n{LEAD}\n\n{SECOND}\n\n{DONATION_BLOCK}")
    assert article.paragraphs == [LEAD, SECOND]
    assert article.outlet == "The Eastmoor Courier"
    kinds = reasons(article)
    assert kinds["Dear readers,"] == "donation appeal"
    assert kinds["Remind me later."] == "navigation"
    assert kinds["Maybe next time?"] in ("navigation", "donation appeal")


def test_navigation_words_are_removed():
    article = clean(f"Bridge to close\n\nShare | Tweet | Email\n\n{LEAD}\n\nRead more\n\n{SECOND}\n\nBack to top")
    assert article.paragraphs == [LEAD, SECOND]
    assert {reasons(article)[t] for t in ("Share | Tweet | Email", "Read more", "Back to top")} == {"navigation"}


def test_glyph_bullet_is_cut_and_its_sentence_kept():
    article = clean(f"Bridge to close\n\n{LEAD}\n\n✅ {SECOND}\n\n{THIRD} ❌")
    assert article.paragraphs == [LEAD, SECOND, THIRD]
    assert [r.text for r in article.removed if r.reason == "stray glyph"] == ["✅", "❌"]


def test_broken_paragraphs_are_rejoined_mid_sentence_and_mid_quote():
    text = (f"Bridge to close\n\n{LEAD}\n\n"
            "\"We will not reopen it until it is safe, whatever the cost or\n\n"
            "the delay,\" the mayor said.\n\n"
            "The closure adds an hour to lorry journeys. Two\n\n"
            "haulage firms have already complained to the council.")
    article = clean(text)
    assert article.paragraphs[1] == ("\"We will not reopen it until it is safe, whatever the cost or the delay,\" "
                                     "the mayor said.")
    assert article.paragraphs[2] == ("The closure adds an hour to lorry journeys. Two haulage firms have "
                                     "already complained to the council.")


def test_capitalised_continuation_after_a_dangling_word_is_rejoined():
    article = clean(f"Bridge to close\n\n{LEAD}\n\nThe council met for three hours. Nine\n\nMembers voted in favour.")
    assert article.paragraphs[-1] == "The council met for three hours. Nine Members voted in favour."


def test_complete_sentence_without_full_stop_is_not_glued():
    article = clean(f"Bridge to close\n\n{LEAD}\n\n\"It is a sad day for the town,\" the mayor said\n\n{SECOND}")
    assert article.paragraphs[1] == "\"It is a sad day for the town,\" the mayor said"
    assert article.paragraphs[2] == SECOND


def test_body_that_mentions_support_and_subscribe_is_kept():
    support = ("\"We are ready to support these repairs,\" the transport minister said, adding that the ministry "
               "would subscribe to the council's monitoring reports.")
    appeal_words = ("Residents who support the closure can subscribe to updates from the council, "
                    "which said about 300 people had already signed a petition backing it.")
    article = clean(f"Bridge to close\n\n{LEAD}\n\n{support}\n\n{appeal_words}\n\n{SECOND}")
    assert article.paragraphs == [LEAD, support, appeal_words, SECOND]


@pytest.mark.parametrize("caption", ["Police officers stand guard at the harbour bridge in Eastmoor as lorries are turned away.",
                                     "The harbour bridge in Eastmoor, pictured from the north bank on Monday."])
def test_photo_caption_before_the_body_is_removed(caption):
    article = clean(f"Bridge to close\n\nMarch 03, 2021\n\n{caption}\n\n{LEAD}\n\n{SECOND}")
    assert article.paragraphs[0] == LEAD
    assert reasons(article)[caption] == "photo caption"


@pytest.mark.parametrize("lead", [
    "Eastmoor says it will close the harbour bridge to lorries from Monday.",
    "Eastmoor is to close the harbour bridge to lorries from Monday as cracks spread.",
    "The council sticks to its plan to close the harbour bridge.",
    "Hauliers fear long detours as the harbour bridge closes.",
])
def test_present_tense_lead_is_not_a_caption(lead):
    article = clean(f"Bridge to close\n\n{lead}\n\n{SECOND}")
    assert article.paragraphs[0] == lead


def test_wire_credit_and_nbsp():
    article = clean(f"Bridge to close\n\nThe\u00a0city council of Eastmoor voted on Tuesday.\n\n{SECOND}\n\n*(AP, Reuters)*")
    assert article.paragraphs == ["The city council of Eastmoor voted on Tuesday.", SECOND]
    assert reasons(article)["*(AP, Reuters)*"] == "wire credit"


def test_nothing_is_lost_silently():
    text = f"×\nSupport us\n\nBridge to close\n\nPublished: Updated:\n\n{LEAD}\n\n{SECOND}\n\n{DONATION_BLOCK}\n\n7"
    article = clean(text)
    kept = " ".join(article.paragraphs + [r.text for r in article.removed])
    for word in re.findall(r"\w+", text):
        assert word in kept


def test_headline_closed_by_a_full_stop_is_the_title():
    article = clean(f"Eastmoor Council Closes Harbour Bridge, Mayor Says.\n\nABSTRACT.\n\n{LEAD}\n\n{SECOND}")
    assert article.title == "Eastmoor Council Closes Harbour Bridge, Mayor Says"
    assert reasons(article)["ABSTRACT."] == "section label"
    assert article.paragraphs == [LEAD, SECOND]


def test_short_lead_sentence_in_a_one_line_per_paragraph_text_is_not_a_title():
    lead = "The harbour bridge in Eastmoor will close on Monday."
    article = clean(f"{lead}\n{SECOND}\n{THIRD}")
    assert article.title is None
    assert article.paragraphs[0] == lead


def test_bare_link_inside_the_body_is_not_the_article_url():
    article = clean(f"Bridge to close\n\n{LEAD}\n\n{SECOND}\n\nhttps://eastmoor.example/report.pdf\n\n{THIRD}\n\n"
                    "The council will meet again in April to review the repair plan.\n\nA second paragraph follows here.")
    assert article.url is None
    assert reasons(article)["https://eastmoor.example/report.pdf"] == "link line"


def test_date_line_with_a_compact_time():
    article = clean(f"Bridge to close\n\n0930 GMT, 12 March 2011\n\n{LEAD}\n\n{SECOND}")
    assert article.published == "2011-03-12"


def test_first_person_present_tense_lead_is_not_a_caption():
    lead = "In a rare moment of agreement, I stand with the mayor as the bridge closes."
    article = clean(f"Bridge to close\n\n{lead}\n\n{SECOND}")
    assert article.paragraphs[0] == lead


def test_labelled_header_lines():
    article = clean(f"Title: Eastmoor closes harbour bridge\nAuthor: Jo Marsh\nPublisher: Eastmoor Courier\n"
                    f"Date: 2021-03-04\n\n{LEAD}\n\n{SECOND}")
    assert (article.title, article.outlet, article.published) == (
        "Eastmoor closes harbour bridge", "Eastmoor Courier", "2021-03-04")
    assert reasons(article)["Author: Jo Marsh"] == "byline"
    assert article.paragraphs == [LEAD, SECOND]


def test_date_line_inside_the_body_is_a_timeline_entry():
    article = clean(f"Bridge to close\n\n{LEAD}\n\n{SECOND}\n\nMarch 3, 2021\n\n{THIRD}\n\n"
                    "The council will meet again in April to review the repair plan.")
    assert article.published is None
    assert "March 3, 2021" in article.paragraphs


def test_container_date_is_normalised():
    article = clean(f"Bridge to close\n\n{LEAD}\n\n{SECOND}", published="2021-03-04T10:00:00+00:00")
    assert article.published == "2021-03-04"


def test_date_line_beside_a_repeated_headline_is_the_date():
    article = clean(f"Bridge to close\n\n{LEAD}\n\n{SECOND}\n\nHome | News\n\nMarch 3, 2021 12:56 pm\n\nBridge to close\n\n"
                    f"{THIRD}\n\nThe council will meet again in April to review the repair plan.")
    assert article.published == "2021-03-03"


def test_source_label_is_a_credit_not_the_outlet():
    article = clean(f"Bridge to close\n\n{LEAD}\n\n{SECOND}\n\nSource: Eastmoor Council")
    assert article.outlet is None
    assert reasons(article)["Source: Eastmoor Council"] == "source credit"


def test_publisher_label_needs_a_name():
    article = clean(f"Publisher: bridge was unsafe for years\n\n{LEAD}\n\n{SECOND}")
    assert article.outlet is None


def test_page_naming_itself_beats_a_bare_domain():
    article = clean(f"Bridge to close\n\n{LEAD}\n\n{SECOND}\n\n© 2021 Eastmoor Courier\n\nhttps://ecr.example/a")
    assert article.outlet == "Eastmoor Courier"
    assert article.url == "https://ecr.example/a"


def test_section_word_above_the_headline():
    article = clean(f"Politics\n\nEastmoor closes harbour bridge\n\n{LEAD}\n\n{SECOND}")
    assert article.title == "Eastmoor closes harbour bridge"
    assert reasons(article)["Politics"] == "section label"


def test_byline_and_date_on_one_line():
    article = clean(f"Bridge to close\n\nBy Jo Marsh | March 3, 2021\n\n{LEAD}\n\n{SECOND}")
    assert article.published == "2021-03-03"
    assert article.paragraphs == [LEAD, SECOND]


def test_credit_after_a_full_stop_is_not_a_broken_sentence():
    article = clean(f"Bridge to close\n\n{LEAD}\n\nThe bridge opened in 1931. (Reuters)\n\n{SECOND}")
    assert article.paragraphs[1:] == ["The bridge opened in 1931. (Reuters)", SECOND]


NEWSPAPER_PAGE = """Ministers face revolt over housing plan
Backbenchers say targets will ‘concrete over’ the countryside
Jane Doe Political correspondent
Tue 3 Mar 2021 10.00 GMT
Last modified on Tue 3 Mar 2021 12.15 GMT
Share on Facebook
Share via Email
The government faces a rebellion from dozens of its own MPs over plans to build 300,000 homes a year, party \
sources said on Monday night.
“We will not vote for this,” one former minister said. “It would
concrete over the shires.”
Advertisement
The housing secretary is expected to meet the rebels on Wednesday.
Topics
Housing
Conservatives
Reuse this content
"""


def test_newspaper_page_header_and_tag_tail():
    article = clean(NEWSPAPER_PAGE)
    assert article.title == "Ministers face revolt over housing plan"
    assert article.subtitle == "Backbenchers say targets will ‘concrete over’ the countryside"
    assert article.published == "2021-03-03"
    assert article.paragraphs[0].startswith("The government faces a rebellion")
    assert article.paragraphs[1] == "“We will not vote for this,” one former minister said. “It would concrete over the shires.”"
    assert article.paragraphs[-1] == "The housing secretary is expected to meet the rebels on Wednesday."
    assert reasons(article)["Jane Doe Political correspondent"] == "header line"
    assert reasons(article)["Reuse this content"] == "navigation"


def test_sentence_case_headline_with_full_stop_and_present_tense_attribution():
    article = clean(f"Mayor says bridge 'absolutely unsafe' after inspection.\n\n{LEAD}\n\n{SECOND}")
    assert article.title == "Mayor says bridge 'absolutely unsafe' after inspection"


def test_short_lead_with_past_tense_attribution_is_not_a_title():
    lead = "The bridge closed on Monday, officials said."
    article = clean(f"{lead}\n\n{SECOND}\n\n{THIRD}")
    assert article.title is None
    assert article.paragraphs[0] == lead


@pytest.mark.parametrize("text", ["", "  \n\n \u00a0 \n", "☒\n\n❌"])
def test_empty_or_junk_only_text(text):
    article = clean(text)
    assert article.paragraphs == [] and article.title is None
