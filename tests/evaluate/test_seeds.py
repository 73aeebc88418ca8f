"""Gate: the plain-text cleaner passes every check of the hand-made seeds gold (skipped where the data is absent)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.evaluate.seeds import SeedsReport, evaluate_seeds

GOLD = Path(__file__).parents[2].parent / "shared/gold/seeds.json"


def test_every_seed_check_passes(nlp):
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is not present")
    report = evaluate_seeds(GOLD)
    assert report.total > 0
    assert report.passed == report.total, report.render()


def test_report_counts_and_renders_failures(tmp_path, nlp):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Bridge closes\n\nMarch 03, 2021\n\nThe council closed the bridge on Tuesday, "
                                 "officials said.\n\nRepairs will take a year.\n", encoding="utf-8")
    gold = {"documents": {"a.txt": {
        "title": "Bridge closes", "subtitle": None, "published": "2021-03-04", "url": None, "outlet": None,
        "body_first": "The council closed the bridge", "body_last": "Repairs will take a year.",
        "must_drop": ["March 03, 2021"], "must_join": []}}}
    gold_path = tmp_path / "gold" / "seeds.json"
    gold_path.parent.mkdir()
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate_seeds(gold_path)
    assert isinstance(report, SeedsReport)
    assert (report.passed, report.total) == (7, 8)
    assert [c.section for c in report.failures] == ["published"]
    assert "FAIL a.txt published" in report.render()


def test_missing_gold_and_missing_seed_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        evaluate_seeds(tmp_path / "absent.json")
    gold_path = tmp_path / "gold" / "seeds.json"
    gold_path.parent.mkdir()
    gold_path.write_text(json.dumps({"documents": {"gone.txt": {"body_first": "x", "body_last": "y"}}}))
    report = evaluate_seeds(gold_path)
    assert [(c.section, c.ok) for c in report.checks] == [("file", False)]
