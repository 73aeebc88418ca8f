"""Name keys, junk and surname evidence: the rules a careful reader applies, on invented names."""
from collections import Counter

import pytest

from storyline.corpus.names import (
    AcronymIndex,
    Holder,
    LabelVotes,
    Screen,
    acronym_targets,
    clean_name,
    display_name,
    initials,
    is_acronym,
    is_coordination,
    is_common_word,
    is_demonym_adjective,
    is_junk,
    is_place_by_context,
    is_title_case,
    name_key,
    person_key,
    surname_holder,
    word_uses,
)


@pytest.mark.parametrize("forms", [("UN", "U.N.", "the U.N.'s", "United Nations", "the United Nations"),
                                   ("US", "U.S.", "USA", "United States", "the United States"),
                                   ("EU", "European Union", "the E.U."),
                                   ("UK", "Britain", "United Kingdom", "U.K.")])
def test_short_dotted_and_full_forms_share_a_key(forms):
    assert len({name_key(f, "GPE") for f in forms}) == 1


def test_a_pronoun_is_not_the_united_states():
    assert name_key("us", "GPE") == "us" != name_key("US", "GPE")


def test_clean_name_undots_and_drops_articles_and_possessives():
    assert clean_name("the U.S.'s") == "US"
    assert clean_name("  The  Kremlin\u2019s ") == "Kremlin"
    assert clean_name("Acme Inc.") == "Acme Inc"
    assert display_name("U.N.", "ORG") == "United Nations"
    assert display_name("Karin Dahl", "PERSON") == "Karin Dahl"


def test_initials_are_those_of_content_words_and_of_every_word():
    assert "FBI" in initials("Federal Bureau of Investigation")
    assert initials("Department of Justice") == {"DJ", "DOJ"}
    assert initials("North Atlantic Treaty Organization") == {"NATO"}
    assert initials("Kremlin") == set()
    assert initials("Friends of the earth") == set()  # a lower-case content word: not a proper name
    assert is_acronym("NATO") and is_acronym("FBI") and not is_acronym("Nato") and not is_acronym("A")


def test_an_acronym_takes_the_full_name_of_its_own_article_first():
    index = AcronymIndex.build([("a1", "Supreme Court"), ("a2", "Security Council"), ("a3", "Security Council")])
    assert index.expand("SC", "a1") == "supreme court"
    assert index.expand("SC", "a2") == "security council"
    assert index.expand("SC", "a9") is None  # two full names in the corpus, none in this article: ambiguous
    only = AcronymIndex.build([("a1", "World Health Organization")])
    assert only.expand("WHO", "a5") == "world health organization"
    assert only.expand("IMF", "a1") is None


def test_acronym_targets_map_each_article_mention():
    targets = acronym_targets([("a1", "Federal Bureau of Investigation"), ("a1", "FBI"), ("a2", "FBI"),
                               ("a2", "Kremlin")])
    assert targets == {("a1", "fbi"): "federal bureau of investigation",
                       ("a2", "fbi"): "federal bureau of investigation"}


def test_person_keys_ignore_titles_middle_names_and_particles():
    assert person_key("Hillary Rodham Clinton") == person_key("Hillary Clinton") == ("hillary", "clinton")
    assert person_key("Clinton") == ("", "clinton")
    assert name_key("Donald Trump", "PERSON") != name_key("Ivanka Trump", "PERSON")
    assert name_key("Trump", "PERSON") == "|trump"


@pytest.mark.parametrize("text,label", [("china", "GPE"), ("State", "ORG"), ("the Ministry", "ORG"),
                                        ("President", "PERSON"), ("2015", "ORG"), ("X", "ORG"), ("", "ORG"),
                                        ("Tuesday", "DATE")])
def test_junk(text, label):
    assert is_junk(text, label)


@pytest.mark.parametrize("text,label", [("China", "GPE"), ("Foreign Ministry", "ORG"), ("al-Qaeda", "ORG"),
                                        ("eBay", "ORG"), ("Karin Dahl", "PERSON"), ("U.N.", "ORG")])
def test_not_junk(text, label):
    assert not is_junk(text, label)


def test_a_demonym_qualifying_a_noun_is_not_the_country():
    assert is_demonym_adjective("Russian", " officials said")
    assert is_demonym_adjective("Iraqi", " forces entered")
    assert not is_demonym_adjective("Russia", " said on Monday")
    assert not is_demonym_adjective("Russian", " President Petrov")  # a title follows: still a role, not a noun
    assert not is_demonym_adjective("US", " officials said")  # the United States' officials


def test_a_lone_word_after_in_is_a_place():
    assert is_place_by_context("Ankara", "talks in ", " on Monday")
    assert not is_place_by_context("Merkel", "confidence in ", "'s plan")
    assert not is_place_by_context("Ankara", "Erdogan told ", " officials")
    assert not is_place_by_context("Karin Dahl", "in ", "")


def test_label_votes_outvote_a_stray_label():
    votes = LabelVotes.count([("Ankara", "GPE"), ("Ankara", "GPE"), ("Ankara", "PERSON"), ("Dahl", "PERSON"),
                              ("Dahl", "ORG")])
    assert votes.label("Ankara", "PERSON") == "GPE"
    assert votes.label("Dahl", "ORG") == "ORG"  # a tie keeps the tagger's label
    assert votes.label("Nowhere", "LOC") == "LOC"


def test_common_words_by_their_lower_case_uses():
    lower, capital = word_uses(["The state said. It is a state matter for the State of the art.",
                                "Officials met Mr Dahl. Dahl left the state."])
    assert lower["state"] == 3 and capital["state"] == 1
    assert is_common_word("State", lower, capital)
    assert not is_common_word("Dahl", lower, capital)
    assert not is_common_word("NATO", Counter({"nato": 5}), Counter())


def test_screen_labels_mentions_in_context():
    screen = Screen.build(["Talks in Ankara. Ankara said no. Ankara rejected it."],
                          [("a", "Ankara", "PERSON", False), ("a", "Ankara", "GPE", False),
                           ("a", "Ankara", "GPE", False), ("a", "Russian", "GPE", False)])
    assert screen.label("Ankara", "PERSON") == "GPE"
    assert screen.label("Russian", "GPE", "", " officials said") is None
    assert screen.label("china", "GPE") is None


def test_a_known_seat_of_government_tagged_person_is_a_place_unless_it_is_a_surname():
    screen = Screen.build([], [("a", "Ankara", "PERSON", False), ("b", "Denzel Washington", "PERSON", False),
                               ("b", "Washington", "PERSON", False)], places={"ankara", "washington"})
    assert screen.label("Ankara", "PERSON", article="a") == "GPE"
    assert screen.label("Washington", "PERSON", article="b") == "PERSON"
    assert screen.label("Washington", "PERSON", article="a") == "GPE"


def test_a_surname_tagged_as_an_organisation_is_the_person_of_its_article():
    screen = Screen.build(["Karin Dahl spoke. Dahl left."], [("a", "Karin Dahl", "PERSON", False),
                                                              ("a", "Dahl", "ORG", False), ("b", "Dahl", "ORG", False)])
    assert screen.label("Dahl", "ORG", article="a") == "PERSON"
    assert screen.label("Dahl", "ORG", article="b") == "ORG"


def test_headline_words_run_on_to_a_name_are_cut():
    screen = Screen.build([], [("a", "Lindsay Lohan", "PERSON", False), ("b", "Lindsay Lohan", "PERSON", False),
                               ("c", "Lindsay Lohan Checks Into Rehab", "PERSON", True)])
    assert screen.person_name("Lindsay Lohan Checks Into Rehab") == "Lindsay Lohan"
    assert screen.person_name("Lindsay Lohan") == "Lindsay Lohan"
    assert screen.person_name("Hillary Rodham Clinton") == "Hillary Rodham Clinton"


def _holders(**counts):
    return [Holder(("", "trump") if not k else (k, "trump"), here, total) for k, (here, total) in counts.items()]


def test_a_bare_surname_goes_to_the_person_named_in_full_in_its_article():
    assert surname_holder(_holders(donald=(0, 50), ivanka=(1, 2))) == ("ivanka", "trump")


def test_a_bare_surname_stays_ambiguous_between_two_people_without_evidence():
    assert surname_holder(_holders(donald=(0, 3), ivanka=(0, 2))) is None
    assert surname_holder(_holders(donald=(1, 3), ivanka=(1, 2))) is None


def test_a_dominant_person_takes_the_bare_surname():
    assert surname_holder(_holders(donald=(0, 30), ivanka=(0, 2))) == ("donald", "trump")
    assert surname_holder(_holders(donald=(1, 30), ivanka=(1, 2))) == ("donald", "trump")
    assert surname_holder(_holders(donald=(0, 1))) == ("donald", "trump")


def test_title_case_headlines_are_told_from_prose():
    assert is_title_case("Obama Reverses Bush Rule On Endangered Species")
    assert not is_title_case("Obama reversed a rule on endangered species set by George Bush.")
    assert not is_title_case("Karin Dahl")
    assert not is_title_case("Swedish Prime Minister Karin Dahl Met Erik Lund In Oslo.")


def test_a_name_from_a_headline_counts_only_when_prose_tags_it_too():
    screen = Screen.build([], [("a", "Obama Reverses Bush", "PERSON", True), ("a", "Bush", "PERSON", True),
                               ("b", "Bush", "PERSON", False)])
    assert screen.label("Obama Reverses Bush", "PERSON", headline=True) is None
    assert screen.label("Bush", "PERSON", headline=True) == "PERSON"
    run_on = Screen.build([], [("a", "Lindsay Lohan", "PERSON", False), ("b", "Lindsay Lohan", "PERSON", False),
                               ("c", "Lindsay Lohan Checks Into Rehab", "PERSON", True)])
    assert run_on.label("Lindsay Lohan Checks Into Rehab", "PERSON", headline=True) == "PERSON"


def test_two_names_joined_are_no_one_name():
    known = {"lopez": 1, "carrasquillo": 1, "bosnia": 1}
    assert is_coordination("Lopez and Carrasquillo", known)
    assert not is_coordination("Bosnia and Herzegovina", known)
    assert not is_coordination("Lopez", known)
