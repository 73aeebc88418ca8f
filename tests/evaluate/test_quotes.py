"""Gate for the quote stage on the hand-made seeds gold, and the evaluation's own counting on invented data."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.evaluate.quotes import (PolnearReport, SeedQuotesReport, evaluate_quotes_polnear,
                                       evaluate_quotes_seeds)

SHARED = Path(__file__).parents[2].parent / "shared"
GOLD = SHARED / "gold/seeds.json"
POLNEAR_DEV = SHARED / "eval/polnear/dev"


def test_seed_quotes_gate(nlp):
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is not present")
    report = evaluate_quotes_seeds(GOLD)
    assert report.total == 26
    assert report.found >= 26, report.render()
    assert report.right_speaker >= 26, report.render()
    assert report.wrongly_extracted <= 0, report.render()


def _write_seeds(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(
        "Harbour reopens\n\n\u201cThe harbour reopens on Monday,\u201d Mayor Lena Fisk said.\n\n"
        "Critics called the plan a \u201cgamble\u201d.\n", encoding="utf-8")
    gold = {"documents": {"a.txt": {}},
            "quotes": [{"doc": "a.txt", "speaker": "Lena Fisk", "quote": "The harbour reopens on Monday",
                        "speaker_via": "name"},
                       {"doc": "a.txt", "speaker": "Lena Fisk", "quote": "this sentence is not there",
                        "speaker_via": "name"}],
            "not_quotes": [{"doc": "a.txt", "text": "Harbour reopens"}]}
    path = tmp_path / "gold" / "seeds.json"
    path.parent.mkdir()
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def test_seed_report_counts_misses(tmp_path, nlp):
    report = evaluate_quotes_seeds(_write_seeds(tmp_path))
    assert isinstance(report, SeedQuotesReport)
    assert (report.found, report.right_speaker, report.total) == (1, 1, 2)
    assert report.wrongly_extracted == 0
    assert "missed" in report.render()


def test_polnear_scoring_on_an_invented_file(tmp_path, nlp):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = "\u201cWe will win,\u201d Ola Berg said.\n\nThe sky was grey.\n"
    (tmp_path / "text" / "x.txt").write_text(text, encoding="utf-8")
    content, source, cue = (1, 12), (text.index("Ola"), text.index("Ola") + 8), (text.index("said"),) * 2
    (tmp_path / "attributions" / "x_a.ann").write_text(
        f"T1\tContent {content[0]} {content[1]}\tWe will win\nT2\tSource {source[0]} {source[1]}\tOla Berg\n"
        f"T3\tCue {cue[0]} {cue[0] + 4}\tsaid\nE1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n", encoding="utf-8")
    report = evaluate_quotes_polnear(tmp_path, peer=False)
    assert isinstance(report, PolnearReport) and report.texts == 1
    scores = report.get("storyline", "direct", 0.8)
    assert (scores.gold, scores.matched_gold) == (1, 1)
    assert scores.speaker_accuracy == 1.0
    assert "storyline" in report.render()


def test_polnear_dev_floor(nlp):
    if not POLNEAR_DEV.exists():
        pytest.skip(f"{POLNEAR_DEV} is not present")
    report = evaluate_quotes_polnear(POLNEAR_DEV, peer=False)
    # Pinned a little under what the 84 dev texts give with the shipped tagger (all 0.801, direct 0.939,
    # indirect 0.751 with recall 0.695, speaker 0.893); about 25 s.
    assert report.get("storyline", "all", 0.3).f1 >= 0.795, report.render()
    assert report.get("storyline", "direct", 0.3).f1 >= 0.92, report.render()
    assert report.get("storyline", "indirect", 0.3).f1 >= 0.74, report.render()
    assert report.get("storyline", "indirect", 0.3).recall >= 0.68, report.render()
    assert report.get("storyline", "all", 0.3).speaker_accuracy >= 0.88, report.render()
