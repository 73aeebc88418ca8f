"""The quote stage on short invented articles: each kind of quote and each route to a speaker."""
import pytest
from spacy.tokens import Doc

from storyline.evaluate.quotes import build_article
from storyline.quotes import extract_quotes
from storyline.quotes.learned import rules_only
from storyline.record import Article


@pytest.fixture(scope="module")
def quotes_of(nlp):
    def run(*paragraphs):
        return build_article(list(paragraphs)).quotes

    return run


def _find(quotes, fragment):
    return next(q for q in quotes if fragment in q.text)


def test_direct_quote_with_cue_after(quotes_of):
    quotes = quotes_of("\u201cThe harbour will reopen next week,\u201d Mayor Anna Berg said on Tuesday.")
    quote = _find(quotes, "harbour")
    assert quote.kind == "direct" and quote.cue == "said"
    assert quote.speaker == "Anna Berg" and quote.speaker_via == "name"
    assert quote.speaker_text == "Mayor Anna Berg"


def test_direct_quote_with_inverted_cue(quotes_of):
    quote = _find(quotes_of("\u201cWe are not leaving,\u201d said Tomas Lind, a union leader."), "not leaving")
    assert quote.speaker == "Tomas Lind"


def test_direct_quote_with_cue_before(quotes_of):
    quote = _find(quotes_of("Tomas Lind told reporters: \u201cThe strike goes on until Friday.\u201d"), "strike")
    assert quote.kind == "direct" and quote.cue == "told" and quote.speaker == "Tomas Lind"


def test_continuation_in_the_same_and_the_next_paragraph(quotes_of):
    quotes = quotes_of("\u201cThe bridge is safe,\u201d engineer Maria Costa said. \u201cWe checked every bolt.\u201d",
                       "\u201cNobody should worry.\u201d")
    second, third = _find(quotes, "every bolt"), _find(quotes, "Nobody")
    assert second.speaker_via == third.speaker_via == "continuation"
    assert second.speaker == third.speaker == "Maria Costa"


def test_pronoun_goes_to_the_earlier_subject_not_the_last_name(quotes_of):
    quotes = quotes_of("Peter Holm met Clara Ivers in Oslo on Monday.",
                       "\u201cThe talks went well,\u201d he said.")
    quote = _find(quotes, "talks went well")
    assert quote.speaker_via == "pronoun" and quote.speaker_text == "he"
    assert quote.speaker == "Peter Holm"


def test_a_relative_pronoun_is_no_mention_for_a_later_pronoun(quotes_of):
    """`that` in `any deal that would cap rents` once took the last organisation (the board) and put it first in
    line for the sentence's `it`; the city is the subject the pronoun refers to."""
    quotes = quotes_of("The housing board met on Monday.",
                       "Landlords have refused any deal that would cap rents, while the city is unwilling to accept "
                       "what it believes to be a giveaway to tenants.")
    assert _find(quotes, "giveaway").speaker == "city"


def test_a_bare_surname_is_the_full_name_the_article_uses_most(quotes_of):
    quotes = quotes_of("Ivanka Lind spoke first on Thursday.",
                       "Then Peter Lind took the stage, and the crowd cheered Peter Lind for an hour.",
                       "\u201cWe will win,\u201d Lind said.")
    assert _find(quotes, "We will win").speaker == "Peter Lind"


def test_a_pronoun_with_nothing_to_point_back_to_stays_unresolved(quotes_of):
    quotes = quotes_of("The harbour board met on Monday.", "Those who attended said the plan was dead.")
    quote = _find(quotes, "plan was dead")
    assert quote.speaker_text == "Those" and quote.speaker is None


def test_a_hyphenated_surname_is_one_name(quotes_of):
    quotes = quotes_of("\u201cThe stage was set,\u201d said reporter Isaac Stanley-Becker.")
    assert _find(quotes, "stage was set").speaker == "Isaac Stanley-Becker"


def test_a_known_surname_the_tagger_took_for_a_noun_is_still_the_person(nlp):
    from spacy.tokens import Doc, Span

    from storyline.quotes.speakers import classify

    doc = Doc(nlp.vocab, words=["Sanders", "started", "a", "petition"], pos=["NOUN", "VERB", "DET", "NOUN"],
              deps=["nsubj", "ROOT", "det", "dobj"], heads=[1, 1, 3, 1])
    doc.ents = [Span(doc, 0, 1, label="ORG")]
    referent = classify(doc[0], {"Sanders": "Bernie Sanders"})
    assert referent.kind == "person" and referent.name == "Sanders"


def test_pronoun_skips_an_organisation_subject(quotes_of):
    quotes = quotes_of("Peter Holm praised the deal, the ministry said.",
                       "\u201cIt is a good day,\u201d he said.")
    assert _find(quotes, "good day").speaker == "Peter Holm"


def test_multi_sentence_quote_and_page_break(quotes_of):
    quotes = quotes_of("\u201cWe will build the road. It will take two years and",
                       "cost a great deal,\u201d Governor Sara Nilsen said.")
    quote = _find(quotes, "build the road")
    assert "cost a great deal" in quote.text and quote.speaker == "Sara Nilsen"


def test_mixed_quote_inside_reported_speech(quotes_of):
    quote = _find(quotes_of("Sara Nilsen said the new plan was \u201ca disaster\u201d for the farmers."), "disaster")
    assert quote.kind == "mixed" and quote.speaker == "Sara Nilsen"
    assert quote.text.startswith("the new plan")


def test_indirect_speech_kinds(quotes_of):
    quotes = quotes_of("Sara Nilsen said that the school would close in June.",
                       "The floods destroyed 40 homes, according to the Red Cross.",
                       "Activists accused the company of polluting the river.")
    school = _find(quotes, "school would close")
    assert school.kind == "indirect" and school.speaker == "Sara Nilsen"
    floods = _find(quotes, "floods destroyed")
    assert floods.cue == "according to" and floods.speaker_via == "organisation"
    river = _find(quotes, "polluting")
    assert river.cue == "accused" and river.speaker_text == "Activists"


def test_organisation_speaker(quotes_of):
    quote = _find(quotes_of("\u201cThe border stays open,\u201d the Foreign Ministry said."), "border")
    assert quote.speaker_via == "organisation" and quote.speaker == "Foreign Ministry"


def test_description_speaker_resolved_from_the_article(quotes_of):
    quotes = quotes_of("Finnish Prime Minister Olli Rask arrived on Monday.",
                       "\u201cWe want peace,\u201d the Finnish leader said.")
    quote = _find(quotes, "want peace")
    assert quote.speaker_via == "description" and quote.speaker == "Olli Rask"


def test_scare_quotes_and_titles_are_not_quotes(quotes_of):
    quotes = quotes_of("The group, a \u201cmovement\u201d of farmers, showed the film \u201cNorthern Light\u201d.")
    assert quotes == []


def test_unbalanced_marks_do_not_swallow_the_article(quotes_of):
    quotes = quotes_of("\u201cThis quote never ends, the mayor said.",
                       "The council met on Tuesday to discuss the budget.",
                       "Ola Berg said the budget was too small.")
    assert all("council met" not in q.text for q in quotes)
    assert any(q.speaker == "Ola Berg" for q in quotes)


def test_offsets_point_into_the_article_text(nlp):
    article = build_article(["Intro paragraph here.", "\u201cSecond paragraph quote,\u201d Ola Berg said."])
    for quote in article.quotes:
        assert article.text[quote.start:quote.end] == quote.text
        assert article.text[quote.speaker_start:quote.speaker_end] == quote.speaker_text
        assert article.text[quote.cue_start:quote.cue_end] == quote.cue


def test_junk_marks_and_odd_paragraphs_do_not_crash(nlp):
    paragraphs = ["\u201c\u201c\u201d\u201d \u00ab \" '' \u201e", ":", "\"", "Ola Berg said: \u201c", "\u00bb\u201d\" said he.",
                  "x" * 50, "He said \u201c\u201d.", "\u201cUnclosed and long " + "word " * 40]
    article = build_article(paragraphs)
    for quote in article.quotes:
        assert article.text[quote.start:quote.end] == quote.text
        assert quote.end - quote.start < len(article.text)


def test_pronoun_gender_learnt_from_the_article(quotes_of):
    quotes = quotes_of("Maria Lopez said her plan was ready.", "Peter Holm said his team agreed.",
                       "Peter Holm met Maria Lopez on Monday.",
                       "\u201cWe start tomorrow,\u201d she said.")
    assert _find(quotes, "start tomorrow").speaker == "Maria Lopez"


def test_as_clause_and_parenthetical_cues(quotes_of):
    quotes = quotes_of("Taxes will rise next year, as the finance minister said on Monday.",
                       "The bridge, engineers say, is safe.")
    taxes = _find(quotes, "Taxes will rise")
    assert taxes.kind == "indirect" and taxes.speaker_text == "the finance minister"
    assert "said" not in taxes.text
    bridge = _find(quotes, "is safe")
    assert bridge.speaker_text == "engineers" and bridge.speaker_via == "organisation"


def test_an_as_clause_whose_verb_has_its_own_complement_reports_nothing():
    from storyline.quotes import learned

    with learned.rules_only():
        for text in ("Russia remains one of the few allies left as rebel forces continue to gain ground.",
                     "Prices will rise, as the economy shows signs of recovery."):
            assert build_article([text]).quotes == [], text
        told = build_article(["The plan will fail, as Anna Berg told reporters on Monday."]).quotes
    assert [(q.text, q.speaker) for q in told] == [("The plan will fail", "Anna Berg")]


def test_object_infinitive_and_preposition_patterns(quotes_of):
    quotes = quotes_of("Mayor Anna Berg denounced the new toll on the harbour bridge.",
                       "Tomas Lind vowed to reopen the old ferry line by spring.",
                       "Clara Ivers spoke about the shortage of teachers in the north.")
    toll = _find(quotes, "toll")
    assert toll.kind == "indirect" and toll.cue == "denounced" and toll.speaker == "Anna Berg"
    assert toll.text == "the new toll on the harbour bridge"
    ferry = _find(quotes, "ferry")
    assert ferry.text.startswith("to reopen") and ferry.speaker == "Tomas Lind"
    teachers = _find(quotes, "teachers")
    assert teachers.text.startswith("the shortage") and teachers.cue == "spoke"


def test_a_named_object_alone_is_content_a_pronoun_is_not(quotes_of):
    quotes = quotes_of("Governor Sara Nilsen endorsed Lindqvist on Tuesday.", "Peter Holm mentioned it.")
    assert _find(quotes, "Lindqvist").speaker == "Sara Nilsen"
    assert not any(q.text == "it" for q in quotes)


def test_nominal_cue_with_possessor(quotes_of):
    quotes = quotes_of("Peter Holm met the press on Monday.",
                       "His decision to close the mine angered the town.",
                       "Clara Ivers visited the ward. Her call for a new hospital won wide backing.")
    mine = _find(quotes, "close the mine")
    assert mine.text == "to close the mine" and mine.cue == "decision" and mine.speaker == "Peter Holm"
    hospital = _find(quotes, "hospital")
    assert hospital.text == "a new hospital" and hospital.speaker == "Clara Ivers"


def test_clause_on_the_cue_object(quotes_of):
    quotes = quotes_of("Ola Berg expressed concern that the dam might fail.",
                       "The union said in a statement that the strike would go on.")
    dam = _find(quotes, "dam might fail")
    assert dam.text == "that the dam might fail" and dam.speaker == "Ola Berg"
    strike = _find(quotes, "strike would go on")
    assert strike.cue == "said" and strike.speaker_via == "organisation"


def test_a_said_object_heading_a_clause_is_part_of_what_was_said():
    """The parser reads `said Western refusal to make …` as `said [refusal]` with the rest hung on the noun."""
    from storyline.quotes import learned

    with learned.rules_only():
        quotes = build_article(["Anna Berg said Western refusal to make that demand of the council has encouraged "
                                "them to keep going."]).quotes
    assert [q.text for q in quotes] == [
        "Western refusal to make that demand of the council has encouraged them to keep going"]


def test_a_clause_subject_taken_for_the_cues_object_is_part_of_what_was_said():
    from storyline.quotes import learned

    with learned.rules_only():
        quotes = build_article(["They state their goal is to take the capital.",
                                "Officials told reporters the talks would resume."]).quotes
    assert [q.text for q in quotes] == ["their goal is to take the capital", "the talks would resume"]


def test_the_owner_of_words_said_is_the_speaker(quotes_of):
    quotes = quotes_of("Foreign Minister Anna Berg spoke in Oslo on Monday.",
                       "Her remarks indicated that Norway would not back the plan.")
    quote = _find(quotes, "would not back")
    assert quote.speaker_text == "Her" and quote.speaker == "Anna Berg"


def test_the_group_counted_is_the_speaker(quotes_of):
    quotes = quotes_of("A number of dockworkers said the strike would go on.", "Some of the owners said it would not.")
    assert [q.speaker_text for q in quotes] == ["dockworkers", "the owners"]


def test_headline_label_before_a_colon(quotes_of):
    quotes = quotes_of("Poll: Fisk Leads Berg By Ten Points In The North", "Update: The road is open again.")
    poll = _find(quotes, "Leads Berg")
    assert poll.speaker_text == "Poll"
    assert not any("road is open" in q.text for q in quotes)


def test_stance_adjective_after_a_copula(quotes_of):
    quotes = quotes_of("Senator Ola Berg is critical of the new fishing quota.",
                       "Mayor Anna Berg was eager to open the bridge before winter.")
    quota = _find(quotes, "quota")
    assert quota.text == "the new fishing quota" and quota.speaker == "Ola Berg" and quota.cue == "critical"
    bridge = _find(quotes, "open the bridge")
    assert bridge.text.startswith("to open") and bridge.speaker == "Anna Berg"


def test_second_cue_conjoined_to_the_first_clause_is_its_own_statement(quotes_of):
    quotes = quotes_of("Clara Ivers said the harbour plan was sound and predicted that ferries would return.")
    plan = _find(quotes, "harbour plan")
    assert "ferries" not in plan.text and plan.speaker == "Clara Ivers"
    ferries = _find(quotes, "ferries would return")
    assert ferries.cue == "predicted" and ferries.speaker == "Clara Ivers"


def test_continued_is_a_saying_verb_and_the_quote_goes_on(quotes_of):
    quotes = quotes_of("\u201cThe port will stay shut,\u201d Ola Berg continued."
                       " \u201cNobody can change that now.\u201d")
    assert _find(quotes, "port will stay").kind == "direct"
    assert _find(quotes, "Nobody can").speaker == "Ola Berg"


def test_no_statement_in_the_words_describing_a_quoted_speaker(quotes_of):
    quotes = quotes_of("\u201cWe are ready,\u201d said Tomas Lind, a union leader who criticized the sale of the port"
                       " last year.")
    assert _find(quotes, "We are ready").speaker == "Tomas Lind"
    assert not any("sale of the port" in q.text for q in quotes)


def test_passive_cue_with_its_agent(quotes_of):
    quote = _find(quotes_of("The harbour deal was first reported by the Northern Herald."), "harbour deal")
    assert quote.text == "The harbour deal" and quote.speaker_text == "the Northern Herald"


def test_as_phrase_goes_with_the_object(quotes_of):
    quote = _find(quotes_of("Mayor Anna Berg described the toll as a tax on the poor."), "toll")
    assert quote.text == "the toll as a tax on the poor" and quote.speaker == "Anna Berg"


def test_a_quoted_title_before_a_cue_that_reports_its_own_clause_is_not_a_quote(quotes_of):
    quotes = quotes_of("On Sunday\u2019s broadcast of \u201cMorning Talk,\u201d Mayor Anna Berg said the bridge "
                       "would reopen in May.")
    assert not any(q.text == "Morning Talk" for q in quotes)
    assert _find(quotes, "bridge would reopen").speaker == "Anna Berg"


def test_marks_inside_a_sentence_with_a_cue_after_make_the_sentence_a_mixed_quote(quotes_of):
    quote = _find(quotes_of("The new toll is a \u201cvery welcome step,\u201d Mayor Anna Berg said."), "toll")
    assert quote.kind == "mixed" and quote.speaker == "Anna Berg"
    assert quote.text.startswith("The new toll is a")


def test_a_quoted_fragment_a_verb_applies_is_its_subjects_mixed_quote(quotes_of):
    quote = _find(quotes_of("Mayor Anna Berg branded the plan a \u201creckless gamble with public money.\u201d"),
                  "gamble")
    assert quote.kind == "mixed" and quote.cue == "branded" and quote.speaker == "Anna Berg"
    assert quote.text.startswith("the plan a")


def test_a_quoted_title_after_a_verb_is_not_a_quote(quotes_of):
    quotes = quotes_of("Mayor Anna Berg appeared on \u201cGood Morning Harbour\u201d to discuss the bridge.")
    assert not any("Good Morning" in q.text for q in quotes)


def test_a_quote_signed_after_a_dash_is_the_signers(quotes_of):
    quotes = quotes_of("\u201cThe bridge scares me. Nobody checked it for years.\u201d \u2015 Carla Mendes.",
                       "\u201cI drive over it every day.\u201d\u2014 Tom McKay")
    first, second = _find(quotes, "scares me"), _find(quotes, "every day")
    assert first.kind == "direct" and first.speaker == "Carla Mendes" and first.speaker_text == "Carla Mendes"
    assert first.text == "The bridge scares me. Nobody checked it for years."
    assert second.speaker == "Tom McKay"


def test_a_dash_inside_a_paragraph_is_not_a_signature(quotes_of):
    quotes = quotes_of("He called it \u201ca disgrace\u201d \u2014 Mayor Anna Berg disagreed, the paper wrote.")
    assert not any(q.speaker == "Mayor Anna Berg" or q.speaker_text == "Mayor Anna Berg disagreed"
                   for q in quotes)


def test_a_sentence_opening_with_a_poll_reports_what_the_poll_found(quotes_of):
    quotes = quotes_of("In a Harbour Times poll released Monday, Berg led Lind 56 percent to 32 percent.",
                       "In an interview, Tom Lind defended the plan.",
                       "In May, tolls rose.")
    poll = _find(quotes, "Berg led Lind")
    assert poll.text == "Berg led Lind 56 percent to 32 percent" and poll.cue == "In"
    assert poll.speaker_text == "a Harbour Times poll"
    assert not any(q.cue == "In" and q.speaker_text in ("an interview", "May") for q in quotes)


def test_in_a_possessors_view_is_the_possessors(quotes_of):
    quote = _find(quotes_of("In Anna Berg\u2019s view, the toll is far too high."), "toll")
    assert quote.speaker == "Anna Berg" and quote.text == "the toll is far too high"


def test_what_a_banner_reads_is_quoted_by_the_rules(quotes_of):
    with rules_only():
        quote = _find(quotes_of("A banner over the stage read \u201cNo new taxes.\u201d"), "No new taxes")
    assert quote.kind == "direct" and quote.cue == "read" and quote.speaker_text == "A banner"


def test_a_fragment_the_parse_left_after_a_statement_belongs_to_it(nlp):
    """The parse hangs `fighting a "…"` on the cue, not on what it reports (as in a seed); hand-built here, since
    the model's parse of an invented sentence varies."""
    words = ["Mia", "Berg", "criticized", "those", "who", "arm", "the", "rebels", "fighting", "a", "\u201c",
             "legitimate", "council", ".", "\u201d"]
    doc = Doc(nlp.vocab, words=words,
              spaces=[True] * 9 + [True, False, True, False, False, False],
              heads=[1, 2, 2, 2, 5, 3, 7, 5, 2, 12, 12, 12, 8, 2, 2],
              deps=["compound", "nsubj", "ROOT", "dobj", "nsubj", "relcl", "det", "dobj", "advcl", "det", "punct",
                    "amod", "dobj", "punct", "punct"],
              pos=["PROPN", "PROPN", "VERB", "PRON", "PRON", "VERB", "DET", "NOUN", "VERB", "DET", "PUNCT", "ADJ",
                   "NOUN", "PUNCT", "PUNCT"],
              lemmas=["Mia", "Berg", "criticize", "those", "who", "arm", "the", "rebel", "fight", "a", "\"",
                      "legitimate", "council", ".", "\""],
              ents=["B-PERSON", "I-PERSON"] + ["O"] * 13)
    article = Article(id="a", source="a", content_hash="a", paragraphs=[doc.text], language="en", status="ok")
    article.docs = [doc]
    with rules_only():
        quotes = extract_quotes(article).quotes
    assert [(q.cue, q.kind, q.text) for q in quotes] == [
        ("criticized", "mixed", "those who arm the rebels fighting a \u201clegitimate council.\u201d")]


def test_what_someone_continues_is_no_statement_but_a_continued_quote_is(quotes_of):
    with rules_only():
        quotes = quotes_of("Mayor Anna Berg continued her tour of the harbour on Monday.",
                           "\u201cWe will build it,\u201d she continued.")
    assert [q.text for q in quotes] == ["We will build it"]
