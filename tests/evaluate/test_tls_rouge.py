"""tilse's timeline metrics on timelines small enough to score by hand. The words are short and no stop words,
so stemming leaves them as they are and every count can be read off the test."""
from __future__ import annotations

from datetime import date

import pytest
from rouge_score import rouge_scorer

from storyline.evaluate.tls_rouge import agreement, align_many_to_one, concat, date_f1, score_timeline, tokens

D1, D2, D3 = date(2020, 1, 1), date(2020, 1, 2), date(2020, 1, 3)
PREDICTED = {D1: ["cat dog"], D2: ["fox owl"]}
GOLD = {D1: ["cat dog elk"], D3: ["fox"]}


def test_tokens_drop_stop_words_then_stem():
    assert tokens("The cats were running , and 40 % fled .") == ("cat", "run", "40", "fled")


def test_concat():
    # R1: predicted cat dog fox owl, gold cat dog elk fox: 3 of 4 either way.
    assert concat(PREDICTED, GOLD, 1).f == pytest.approx(0.75)
    # R2: bigrams (cat dog) (dog fox) (fox owl) against (cat dog) (dog elk) (elk fox): 1 of 3.
    assert concat(PREDICTED, GOLD, 2).f == pytest.approx(1 / 3)


def test_concat_of_one_day_is_plain_rouge_when_no_stop_words():
    predicted, gold = "police arrested men near the port", "men arrested at port by police"
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    # "the", "at", "by" are stop words: without them both scorers read the same tokens.
    plain = scorer.score("men arrested port police", "police arrested men near port")["rouge1"].fmeasure
    assert concat({D1: [predicted]}, {D1: [gold]}, 1).f == pytest.approx(plain)


def test_agreement():
    # Day 1 matches 2 of 2 predicted, 2 of 3 gold; day 2 only predicted (2), day 3 only gold (1): P = R = 2/4.
    assert agreement(PREDICTED, GOLD, 1).f == pytest.approx(0.5)
    # Bigrams: day 1 (cat dog) of 1 predicted and 2 gold; day 2 one predicted bigram; day 3 none: P = R = 1/2.
    assert agreement(PREDICTED, GOLD, 2).f == pytest.approx(0.5)


def test_align_many_to_one():
    # Precision: day 1 -> gold day 1 (2 hits, weight 1); day 2 -> gold day 3 (closer in content than day 1 at
    # the same distance): 1 hit weighted 1/2. (2 + 0.5) / 4. Recall the same way: (2 + 0.5) / 4.
    scores = align_many_to_one(PREDICTED, GOLD, 1)
    assert (scores.precision, scores.recall, scores.f) == pytest.approx((0.625, 0.625, 0.625))
    # Bigrams: day 1 (cat dog) matches; day 2's (fox owl) has nothing on gold day 3: P = 1/2, R = 1/2.
    assert align_many_to_one(PREDICTED, GOLD, 2).f == pytest.approx(0.5)


def test_align_takes_the_nearest_day_when_contents_tie():
    gold = {D1: ["cat"], date(2020, 1, 10): ["cat"]}
    scores = align_many_to_one({D3: ["cat"]}, gold, 1)
    assert scores.precision == pytest.approx(1 / 3)  # aligned to day 1, two days away
    assert scores.recall == pytest.approx((1 / 3 + 1 / 8) / 2)  # both gold days align to the one predicted day


def test_date_f1_and_all_scores():
    assert date_f1(PREDICTED, GOLD) == pytest.approx(0.5)
    assert date_f1({}, GOLD) == 0.0
    scores = score_timeline(PREDICTED, GOLD)
    assert scores["concat R1"] == pytest.approx(0.75) and scores["date F1"] == pytest.approx(0.5)
    assert score_timeline(GOLD, GOLD)["align+ m:1 R1"] == pytest.approx(1.0)
