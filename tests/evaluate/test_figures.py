"""The figure evaluation: scoring on an invented seed set, and the real seeds' gate where the data is present."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.evaluate.figures import evaluate_figures

GOLD = Path(__file__).parents[2].parent / "shared/gold/seeds.json"


def test_scores_found_right_and_not_figures(tmp_path, nlp):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        "Floods hit the valley\n\nMarch 03, 2021\n\nFloods have killed more than 120 people in the valley, "
        "according to the Red Cross.\n\nThe army said 3,000 troops were sent.\n", encoding="utf-8")
    gold = {"figures": [
        {"doc": "a.txt", "kind": "killed", "value": 120, "qualifier": "more than", "source": "Red Cross",
         "evidence": "more than 120 people"},
        {"doc": "a.txt", "kind": "troops", "value": 3000, "qualifier": "some", "source": "army",
         "evidence": "3,000 troops were sent"},
        {"doc": "a.txt", "kind": "injured", "value": 40, "qualifier": None, "source": None,
         "evidence": "in the valley"}],
        "not_figures": [{"doc": "a.txt", "text": "3,000 troops"}]}
    path = tmp_path / "gold" / "seeds.json"
    path.parent.mkdir()
    path.write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate_figures(path)
    assert (report.total, report.found, report.right) == (3, 2, 1)
    assert (report.not_figures, report.wrongly_extracted) == (1, 1)
    assert "qualifier: got None, gold 'some'" in report.render()


def test_a_vague_gold_figure_matches_only_the_words_with_their_lower_bound(tmp_path, nlp):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Storm hits the coast\n\nMarch 03, 2021\n\nDozens of people were injured in the "
                                 "storm.\n\nHundreds of people were killed in the floods.\n", encoding="utf-8")
    gold = {"figures": [
        {"doc": "a.txt", "kind": "injured", "value": None, "lower_bound": 24, "qualifier": None, "source": None,
         "evidence": "Dozens of people were injured"},
        {"doc": "a.txt", "kind": "killed", "value": 200, "qualifier": None, "source": None,
         "evidence": "Hundreds of people were killed"}]}
    path = tmp_path / "gold" / "seeds.json"
    path.parent.mkdir()
    path.write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate_figures(path)
    assert (report.total, report.found, report.right) == (2, 1, 1), report.render()
    assert "not found 'Hundreds of people were killed' (value 200)" in report.render()


def test_seed_figures_gate(nlp):
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is not present")
    report = evaluate_figures(GOLD)
    assert report.right == report.total == 11, report.render()
    assert report.wrongly_extracted == 0, report.render()
