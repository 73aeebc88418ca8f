"""Statements (shown as quotes) against attributions of actions and perceptions (kept, not shown), and the speaker
rules a reader checks first: a dateline is no speaker, a name is not cut, several speakers stay several."""
import pytest

from storyline.evaluate.quotes import build_article


@pytest.fixture(scope="module")
def quotes_of(nlp):
    def run(*paragraphs):
        return build_article(list(paragraphs)).quotes

    return run


def _holding(quotes, fragment):
    return [q for q in quotes if fragment in q.text]


def test_a_verb_of_saying_with_a_clause_is_a_statement(quotes_of):
    quotes = _holding(quotes_of("Mayor Anna Berg said the harbour would reopen next week."), "harbour")
    assert quotes and all(q.statement for q in quotes)


def test_according_to_is_a_statement(quotes_of):
    quotes = _holding(quotes_of("The harbour will reopen next week, according to Mayor Anna Berg."), "harbour")
    assert quotes and all(q.statement for q in quotes)


def test_a_quote_in_marks_is_a_statement(quotes_of):
    quotes = _holding(quotes_of("\u201cThe harbour will reopen,\u201d Mayor Anna Berg said."), "harbour")
    assert quotes and all(q.statement for q in quotes)


@pytest.mark.parametrize("sentence, fragment", [
    ("Senator Tomas Lind shared a photo from his visit to the flooded harbour towns.", "photo"),
    ("Mayor Anna Berg offered her first comments on the flooding at the harbour.", "comments"),
    ("Councillor Erik Dahl announced his resignation from the harbour board.", "resignation"),
    ("Mayor Anna Berg did not disclose what the harbour repairs would cost the town.", "repairs"),
])
def test_actions_and_unsaid_things_are_not_shown(quotes_of, sentence, fragment):
    shown = [q for q in _holding(quotes_of(sentence), fragment) if q.statement]
    assert shown == []


def test_a_cue_in_a_relative_clause_with_a_gap_is_not_a_statement(quotes_of):
    quotes = quotes_of("The repairs, which Mayor Anna Berg said would cost millions, start in May.")
    assert not [q for q in quotes if q.statement and "cost" in q.text]


def test_shown_quotes_are_the_statements(quotes_of):
    from storyline.record import Article

    article = Article(id="x", source="x", content_hash="x")
    article.quotes = quotes_of("Mayor Anna Berg said the harbour would reopen next week.",
                               "Senator Tomas Lind shared a photo from his visit to the flooded harbour towns.")
    assert article.statements() == [q for q in article.quotes if q.statement]
    assert all("photo" not in q.text for q in article.statements())


def test_a_dateline_is_no_speaker(quotes_of):
    quote = _holding(quotes_of("OSTBY, N.D. \u2014 Gov. Anna Berg of Dakota on Monday said she would sign the "
                               "harbour bill."), "harbour")[0]
    assert quote.speaker == "Anna Berg" and "OSTBY" not in (quote.speaker_text or "")


def test_an_organisation_name_with_a_preposition_is_whole(quotes_of):
    quote = _holding(quotes_of("\u201cThe vote was a disgrace for the harbour towns,\u201d said Friends of the "
                               "Harbour, a local group."), "disgrace")[0]
    assert quote.speaker_text == "Friends of the Harbour"


def test_several_speakers_stay_several(quotes_of):
    quote = _holding(quotes_of("Liberals and some Conservatives said the harbour bill was badly drafted."),
                     "drafted")[0]
    assert quote.speaker_text == "Liberals and some Conservatives"
    assert quote.speaker == "Liberals and some Conservatives"


def test_a_title_in_marks_after_a_verb_of_giving_is_not_a_statement(quotes_of):
    quotes = quotes_of("The teachers gave the pupils a book to read: \u201cThe Long History of the Harbour Towns,\u201d "
                       "which the council published.")
    assert not [q for q in quotes if q.statement and "Long History" in q.text]


def test_words_in_marks_after_a_verb_of_knowing_are_not_a_statement(quotes_of):
    quotes = quotes_of("But little is known about these \u201cvolunteers\u201d at the harbour.")
    assert not [q for q in quotes if q.statement]


def test_a_pronoun_and_others_are_several_speakers(quotes_of):
    quotes = quotes_of("Mayor Anna Berg spoke first.",
                       "She and other councillors said that the harbour bill was badly drafted.")
    quote = _holding(quotes, "drafted")[0]
    assert quote.speaker != "Anna Berg" and quote.speaker_text == "She and other councillors"


def test_the_president_is_not_the_vice_president(quotes_of):
    quotes = quotes_of("Vice President Tomas Lind met the mayors on Monday.",
                       "The president said that the harbour bill would pass next week.")
    assert _holding(quotes, "harbour")[0].speaker != "Tomas Lind"


def test_someones_lawyer_is_not_resolved_to_a_person_with_a_role(quotes_of):
    quotes = quotes_of("Inspector General Anna Berg wrote the report.",
                       "Mr. Lind\u2019s lawyer said that the harbour delays were an error.")
    assert _holding(quotes, "delays")[0].speaker != "Anna Berg"


def test_a_statement_speaks_through_its_issuer(quotes_of):
    quote = _holding(quotes_of("The harbour board released a statement saying that the repairs would take a year."),
                     "repairs")[0]
    assert quote.speaker_text == "The harbour board"


def test_an_unresolved_pronoun_speaker_is_not_shown(quotes_of):
    quotes = _holding(quotes_of("But it said that the harbour repairs would take a year."), "repairs")
    assert quotes and not any(q.statement for q in quotes)


def test_declining_is_not_saying(quotes_of):
    quotes = quotes_of("Mayor Anna Berg declined to join the \u201cendless quarrel\u201d over the harbour.")
    assert not [q for q in quotes if q.statement]


def test_content_cut_before_a_nested_claim_is_a_fragment(quotes_of):
    quotes = quotes_of("Mayor Anna Berg blamed her rival for the harbour report that alleged she had lied.")
    assert not [q for q in quotes if q.statement and q.text.rstrip().endswith("alleged")]
