"""Coreference metrics on hand-made chains, values worked out by hand from the definitions."""
import pytest

from storyline.evaluate.coreference import b_cubed, ceaf_e, conll_f1, muc

# Gold {a b c} {d e f g}; response {a b} {c d} {f g h i}: e is missed, h and i are invented.
KEY = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 2, "g": 2}
RESPONSE = {"a": "x", "b": "x", "c": "y", "d": "y", "f": "z", "g": "z", "h": "z", "i": "z"}


def test_muc_counts_links():
    score = muc(KEY, RESPONSE)
    assert score.recall == pytest.approx(2 / 5) and score.precision == pytest.approx(2 / 5)


def test_b_cubed_counts_mentions():
    score = b_cubed(KEY, RESPONSE)
    assert score.recall == pytest.approx(35 / 12 / 7) and score.precision == pytest.approx(4 / 8)


def test_ceaf_e_aligns_entities_one_to_one():
    score = ceaf_e(KEY, RESPONSE)
    assert score.recall == pytest.approx(1.3 / 2) and score.precision == pytest.approx(1.3 / 3)


def test_conll_is_the_mean_of_the_three():
    expected = (muc(KEY, RESPONSE).f1 + b_cubed(KEY, RESPONSE).f1 + ceaf_e(KEY, RESPONSE).f1) / 3
    assert conll_f1(KEY, RESPONSE) == pytest.approx(expected)


def test_a_perfect_response_scores_one_and_singletons_carry_no_links():
    assert conll_f1(KEY, {m: f"r{c}" for m, c in KEY.items()}) == pytest.approx(1.0)
    alone = {m: m for m in KEY}
    assert muc(KEY, alone).recall == 0.0
    assert b_cubed(KEY, alone).precision == 1.0 and b_cubed(KEY, alone).recall == pytest.approx((3 / 3 + 4 / 4) / 7)
    one = {m: 0 for m in KEY}
    assert muc(KEY, one).recall == 1.0 and muc(KEY, one).precision == pytest.approx(5 / 6)
