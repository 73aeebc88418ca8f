"""The timeline summarisation metrics of tilse (Martschat & Markert 2017, 2018), as news-tls (Ghalandari & Ifrim,
ACL 2020) reports them on Timeline17: concat, agreement and align+ m:1 ROUGE-1/2 F, and date F1.

Which variant, exactly. tilse runs ROUGE-1.5.5 with stemming (-m) and stop words removed (-s), reads the raw counts
(-t 2: matched n-grams, n-grams in the prediction, n-grams in the reference) and aggregates them micro-style over
the dates of a timeline; news-tls scores each gold timeline alone (a ground truth of one timeline) and averages the
F scores over timelines. Here the counts come from `rouge-score`'s tokenizer (lower-cased, non-alphanumerics split,
Porter stemming of tokens longer than 3 characters, as ROUGE-1.5.5 does); the stop words are spaCy's English list,
not ROUGE-1.5.5's SMART list (which ships only inside the Perl package), so absolute figures can differ a little
from a ROUGE-1.5.5 run of tilse: `--out` writes the predictions in tilse's format for that. n-grams run across the
sentences of one day's summary (ROUGE-1.5.5 reads a summary as one token stream after removing stop words).

- concat: all days' sentences of each timeline as one summary.
- agreement: days in both timelines compare their summaries; a predicted day missing from the gold adds only to
  the precision denominator, a gold day missing from the prediction only to the recall denominator.
- align+ m:1: every predicted day is aligned to the gold day of least cost (for precision), every gold day to the
  predicted day of least cost (for recall); cost = (1 - 1/(|days apart| + 1)) x (1 - unigram F1 of the two
  summaries), so a same-day pair costs nothing; the first day wins a tie. An aligned pair's matches count
  1/(|days apart| + 1) each. tilse's unigram F1 in the cost reads whitespace tokens as they are; here it reads the
  same normalised tokens as the scores (a prediction in ordinary text and a PTB-tokenised gold would otherwise
  never match "BP's" with "BP 's").
- date F1: the predicted days against the gold days, as sets.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

Timeline = dict[date, list[str]]
ORDERS = (1, 2)


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem import porter

    return porter.PorterStemmer()


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=65536)
def tokens(sentence: str) -> tuple[str, ...]:
    """ROUGE tokens of one sentence, in ROUGE-1.5.5's order: rouge-score's tokenisation (lower case, split at
    non-alphanumerics), stop words dropped, then its Porter stemming of the words longer than 3 characters."""
    from rouge_score import tokenize

    stop = _stop_words()
    words = [w for w in tokenize.tokenize(sentence, None) if w not in stop]
    return tuple(_stemmer().stem(w) if len(w) > 3 else w for w in words)


def ngrams(sentences: list[str], n: int) -> Counter[tuple[str, ...]]:
    words = [w for s in sentences for w in tokens(s)]
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


@dataclass
class Counts:
    """Micro-averaged ROUGE counts: matched n-grams (weighted), n-grams predicted, n-grams in the gold."""

    hit_p: float = 0.0
    predicted: int = 0
    hit_r: float = 0.0
    reference: int = 0

    @property
    def precision(self) -> float:
        return self.hit_p / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.hit_r / self.reference if self.reference else 0.0

    @property
    def f(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def overlap(predicted: list[str], reference: list[str], n: int) -> tuple[int, int, int]:
    """(matched, predicted, reference) n-gram counts of two summaries, clipped as ROUGE clips them."""
    a, b = ngrams(predicted, n), ngrams(reference, n)
    return sum((a & b).values()), sum(a.values()), sum(b.values())


def concat(predicted: Timeline, gold: Timeline, n: int) -> Counts:
    flat = lambda tl: [s for day in sorted(tl) for s in tl[day]]  # noqa: E731
    hit, p, m = overlap(flat(predicted), flat(gold), n)
    return Counts(hit, p, hit, m)


def agreement(predicted: Timeline, gold: Timeline, n: int) -> Counts:
    counts = Counts()
    for day in set(predicted) | set(gold):
        hit, p, m = overlap(predicted.get(day, []), gold.get(day, []), n)
        if day in predicted:
            counts.hit_p, counts.predicted = counts.hit_p + hit, counts.predicted + p
        if day in gold:
            counts.hit_r, counts.reference = counts.hit_r + hit, counts.reference + m
    return counts


def unigram_f(predicted: list[str], reference: list[str]) -> float:
    hit, p, m = overlap(predicted, reference, 1)
    precision, recall = (hit / p if p else 0.0), (hit / m if m else 0.0)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _closeness(a: date, b: date) -> float:
    return 1 / (abs(a.toordinal() - b.toordinal()) + 1)


def _cheapest(day: date, others: list[date], content: Callable[[date], float]) -> date:
    costs = [(1 - _closeness(day, other)) * (1 - content(other)) for other in others]
    return others[min(range(len(others)), key=costs.__getitem__)]


def align_many_to_one(predicted: Timeline, gold: Timeline, n: int) -> Counts:
    """tilse's align+ m:1 (`evaluate_align_date_content_costs_many_to_one`)."""
    counts = Counts()
    pred_days, gold_days = sorted(predicted), sorted(gold)
    for day in pred_days:
        if not gold_days:
            counts.predicted += overlap(predicted[day], [], n)[1]
            continue
        match = _cheapest(day, gold_days, lambda g, d=day: unigram_f(predicted[d], gold[g]))
        hit, p, _ = overlap(predicted[day], gold[match], n)
        counts.hit_p += _closeness(day, match) * hit
        counts.predicted += p
    for day in gold_days:
        if not pred_days:
            counts.reference += overlap([], gold[day], n)[2]
            continue
        match = _cheapest(day, pred_days, lambda p_, d=day: unigram_f(predicted[p_], gold[d]))
        hit, _, m = overlap(predicted[match], gold[day], n)
        counts.hit_r += _closeness(day, match) * hit
        counts.reference += m
    return counts


def date_f1(predicted: Timeline, gold: Timeline) -> float:
    both = len(set(predicted) & set(gold))
    p = both / len(predicted) if predicted else 0.0
    r = both / len(gold) if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


VARIANTS: dict[str, Callable[[Timeline, Timeline, int], Counts]] = {
    "concat": concat, "agreement": agreement, "align+ m:1": align_many_to_one}


def score_timeline(predicted: Timeline, gold: Timeline) -> dict[str, float]:
    """Every figure for one predicted timeline against one gold timeline: `concat R1`, …, `date F1`."""
    scores = {f"{name} R{n}": variant(predicted, gold, n).f for name, variant in VARIANTS.items() for n in ORDERS}
    scores["date F1"] = date_f1(predicted, gold)
    return scores
