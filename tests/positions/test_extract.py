"""Stance statements on hand-written sentences: one test per construction the rules handle."""
import pytest

from storyline.evaluate.quotes import build_article
from storyline.positions.stage import extract_positions


@pytest.fixture(scope="module")
def stances(nlp):
    def run(*paragraphs):
        article = build_article(list(paragraphs))
        article.published = "2021-03-03"
        return extract_positions(article).positions

    return run


def _one(found, actor):
    matching = [p for p in found if p.actor == actor]
    assert len(matching) == 1, found
    return matching[0]


def test_reported_action_for(stances):
    position = _one(stances("Brevia backed the ceasefire plan on Monday."), "Brevia")
    assert (position.stance, position.target, position.cue) == ("for", "the ceasefire plan", "backed")


def test_veto_is_against(stances):
    position = _one(stances("Arland vetoed the resolution on water rights."), "Arland")
    assert position.stance == "against" and position.target == "the resolution on water rights"


def test_negation_turns_support_around(stances):
    position = _one(stances("Germany did not support the border proposal."), "Germany")
    assert position.stance == "against" and position.target == "the border proposal"


def test_refused_to_back_calls_for_is_against_the_inner_proposal(stances):
    position = _one(stances("Russia refused to back calls for Assad to step down."), "Russia")
    assert position.stance == "against"
    assert position.target == "Assad to step down"
    assert position.cue == "refused to back calls for"


def test_rejection_of_calls_belongs_to_the_possessor(stances):
    found = stances("Putin repeated Russia's firm rejection of calls for the minister's ouster.")
    position = _one(found, "Russia")
    assert position.stance == "against" and position.target == "the minister's ouster"


def test_only_if_makes_a_conditional_stance_with_its_condition(stances):
    position = _one(stances("Brevia will back the plan only if the rebels join the talks."), "Brevia")
    assert position.stance == "conditional"
    assert position.condition == "only if the rebels join the talks"
    assert position.target == "the plan"


def test_modal_in_a_quote_is_the_speakers_stance(stances):
    found = stances("\u201cThe governor should resign,\u201d Senator Maria Lopez said.")
    position = _one(found, "Maria Lopez")
    assert position.stance == "for" and position.target == "The governor resign" and position.via == "quote"


def test_negated_belief_over_a_modal_is_against(stances):
    found = stances("\u201cWe do not think that the governor should resign today,\u201d Senator Maria Lopez said.")
    position = _one(found, "Maria Lopez")
    assert position.stance == "against" and position.target == "the governor resign today"


def test_called_on_someone_to_act(stances):
    position = _one(stances("Lavrov called on the rebels to end the siege."), "Lavrov")
    assert position.stance == "for" and position.target == "the rebels to end the siege"


def test_declined_to_comment_is_neutral(stances):
    position = _one(stances("Tomas Keller declined to comment on the proposal."), "Tomas Keller")
    assert position.stance == "neutral" and position.target == "the proposal"


def test_thanked_for_an_act_is_for_the_act(stances):
    position = _one(stances("Assad thanked Putin for launching air strikes."), "Assad")
    assert position.stance == "for" and position.target == "launching air strikes"


def test_protect_from_is_against(stances):
    position = _one(stances("China protected Arland from United Nations sanctions."), "China")
    assert position.stance == "against" and position.target == "United Nations sanctions"


def test_a_document_calling_for_something_is_no_actor(stances):
    found = stances("Russia blocked a UN resolution calling for the leader to cede power.")
    assert [p.actor for p in found] == ["Russia"]
    assert found[0].stance == "against"


def test_pronoun_actor_is_the_resolved_speaker(stances):
    found = stances("Brevia has long backed the government. It has refused to endorse calls for early elections.")
    position = next(p for p in found if "elections" in p.target)
    assert position.actor == "Brevia" and position.stance == "against"


def test_evidence_is_the_sentence_and_date_the_publication(stances):
    text = "The weather was fine. Brevia backed the ceasefire plan."
    position = _one(stances(text), "Brevia")
    assert text[position.start:position.end] == "Brevia backed the ceasefire plan."
    assert position.sentence == 1 and position.date == "2021-03-03"
    assert text[position.target_start:position.target_end] == "the ceasefire plan"


def test_object_of_the_governing_verb_is_the_actor(stances):
    found = stances("The remarks prompted Senator Maria Lopez to call for the chairman's resignation.")
    position = _one(found, "Maria Lopez")
    assert position.stance == "for" and position.target == "the chairman's resignation"
