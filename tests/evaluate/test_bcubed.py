import pytest

from storyline.evaluate.bcubed import bcubed

GOLD = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}


def test_perfect_clustering_scores_one():
    score = bcubed({"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}, GOLD)
    assert (score.precision, score.recall, score.f1, score.items) == (1.0, 1.0, 1.0, 5)


def test_one_cluster_has_full_recall_and_lumped_precision():
    score = bcubed({k: 0 for k in GOLD}, GOLD)
    assert score.recall == 1.0
    assert score.precision == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)


def test_singletons_have_full_precision_and_split_recall():
    score = bcubed({k: k for k in GOLD}, GOLD)
    assert score.precision == 1.0
    assert score.recall == pytest.approx((3 * 1 / 3 + 2 * 1 / 2) / 5)


def test_one_misplaced_item_by_hand():
    # clusters {a, b}, {c, d, e}: a, b precision 1, recall 2/3; c precision 1/3, recall 1/3; d, e precision 2/3, recall 1
    score = bcubed({"a": 1, "b": 1, "c": 2, "d": 2, "e": 2}, GOLD)
    assert score.precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert score.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert score.f1 == pytest.approx(2 * score.precision * score.recall / (score.precision + score.recall))


def test_only_items_in_both_are_scored():
    score = bcubed({"a": 1, "b": 1, "z": 1}, {"a": "x", "b": "y", "q": "y"})
    assert score.items == 2
    assert score.precision == 0.5 and score.recall == 1.0


def test_nothing_in_common_is_zero():
    assert bcubed({"a": 1}, {"b": "x"}).f1 == 0.0
