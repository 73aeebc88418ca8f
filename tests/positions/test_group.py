"""Grouping across articles without spaCy: canonical actors, target groups, the map and its changes of stance."""
from storyline.positions.group import Statement, build_map, canonical_names, group_targets, render, target_key
from storyline.record import CanonicalEntity, Position


def _statement(actor, target, stance, date, article="a"):
    position = Position(actor=actor, target=target, stance=stance, start=0, end=10, sentence=0, cue="backed",
                        cue_start=0, cue_end=6, target_start=7, target_end=10, date=date)
    return Statement(article, f"{article}.txt", None, date, None, actor, position, "evidence", target)


def test_canonical_name_from_alias_and_surname():
    canonical = canonical_names([CanonicalEntity("e1", "Vladimir Putin", "PERSON", aliases=["Putin", "Mr Putin"]),
                                 CanonicalEntity("e2", "Anna Berg", "PERSON")])
    assert canonical("Mr Putin") == "Vladimir Putin"
    assert canonical("Berg") == "Anna Berg"
    assert canonical("Berg's") == "Anna Berg"
    assert canonical("Russia") == "Russia"


def test_targets_group_by_content_words_not_by_wrapping():
    labels = group_targets(["Assad's ouster", "calls for Assad's ouster", "Assad's ouster", "harsher sanctions"])
    assert labels["calls for Assad's ouster"] == "Assad's ouster"
    assert labels["harsher sanctions"] == "harsher sanctions"
    assert target_key("the Arab League plan") == target_key("Arab League plans")


def test_targets_group_by_similarity_when_given():
    def similar(texts):
        return [[1.0 if {a, b} == {"the peace plan", "the ceasefire proposal"} or a == b else 0.0 for b in texts]
                for a in texts]

    labels = group_targets(["the peace plan", "the ceasefire proposal"], similar)
    assert labels["the peace plan"] == labels["the ceasefire proposal"]


def test_map_flags_a_change_of_stance_and_lists_backers_and_opponents():
    found = build_map([_statement("Brevia", "the plan", "against", "2012-02-08"),
                       _statement("Brevia", "the plan", "neutral", "2013-01-01"),
                       _statement("Brevia", "the plan", "for", "2015-10-16", "b"),
                       _statement("Arland", "the plan", "against", "2015-10-17")])
    cell = found.cell("Brevia", "the plan")
    assert cell.stance == "for"
    assert cell.changes == ["was against (2012-02-08), now for (2015-10-16)"]
    proposal = found.proposals[0]
    assert (proposal.backers, proposal.opponents) == (["Brevia"], ["Arland"])
    text = render(found)
    assert "Brevia: against (2012-02-08) -> neutral (2013-01-01) -> for (2015-10-16)" in text
    assert "! was against (2012-02-08), now for (2015-10-16)" in text
