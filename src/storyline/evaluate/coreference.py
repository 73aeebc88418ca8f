"""Coreference scores as the CoNLL-2012 reference scorer defines them: MUC (links), B-cubed (mentions), CEAF-e
(entities, best one-to-one alignment) and their F1 average, the CoNLL F1.

A clustering is a mapping from mention to cluster id. Key and response may hold different mentions: a key mention
the response lacks counts as its own response singleton for MUC and as unmatched for B-cubed and CEAF-e, as the
reference scorer does.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Clustering = Mapping[Hashable, Hashable]


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _groups(clustering: Clustering) -> dict[Hashable, set]:
    found: dict[Hashable, set] = defaultdict(set)
    for mention, cluster in clustering.items():
        found[cluster].add(mention)
    return found


def clusters(clustering: Clustering) -> list[set]:
    """The mention sets of a clustering."""
    return list(_groups(clustering).values())


def _muc_recall(key: list[set], response: Clustering) -> float:
    numerator = denominator = 0
    for chain in key:
        parts = {response.get(m, ("alone", m)) for m in chain}
        numerator += len(chain) - len(parts)
        denominator += len(chain) - 1
    return numerator / denominator if denominator else 0.0


def muc(key: Clustering, response: Clustering) -> Score:
    """Links: how many merges of each gold chain the response makes (singletons carry no links)."""
    return Score(_muc_recall(clusters(response), key), _muc_recall(clusters(key), response))


def _b_cubed_recall(key: Clustering, response: Clustering) -> float:
    key_sets, response_sets = _groups(key), _groups(response)
    total = 0.0
    for mention, cluster in key.items():
        if mention in response:
            total += len(key_sets[cluster] & response_sets[response[mention]]) / len(key_sets[cluster])
    return total / len(key) if key else 0.0


def b_cubed(key: Clustering, response: Clustering) -> Score:
    """Per mention: the share of its gold cluster its response cluster holds (recall), and the reverse."""
    return Score(_b_cubed_recall(response, key), _b_cubed_recall(key, response))


def ceaf_e(key: Clustering, response: Clustering) -> Score:
    """Entities: the best one-to-one alignment of gold and response clusters, each pair scored 2|K∩R|/(|K|+|R|)."""
    gold, predicted = clusters(key), clusters(response)
    if not gold or not predicted:
        return Score(0.0, 0.0)
    similarity = np.zeros((len(gold), len(predicted)))
    index = {m: j for j, chain in enumerate(predicted) for m in chain}
    for i, chain in enumerate(gold):
        for mention in chain:
            if mention in index:
                j = index[mention]
                similarity[i, j] += 2 / (len(chain) + len(predicted[j]))
    rows, columns = linear_sum_assignment(similarity, maximize=True)
    total = float(similarity[rows, columns].sum())
    return Score(total / len(predicted), total / len(gold))


def conll_f1(key: Clustering, response: Clustering) -> float:
    """The CoNLL-2012 score: the mean of MUC, B-cubed and CEAF-e F1."""
    return (muc(key, response).f1 + b_cubed(key, response).f1 + ceaf_e(key, response).f1) / 3
