"""BCubed precision, recall and F1 of a clustering against gold classes (Bagga & Baldwin 1998; Amigó et al. 2009).

Per item: precision is the share of its cluster that shares its gold class, recall the share of its gold class
that shares its cluster; both are averaged over the items and F1 is their harmonic mean. Unlike purity, it
penalises both splitting a class and lumping classes, and it weighs every item alike, so a large story counts in
proportion to its articles. Only items in both mappings are scored.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    items: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "items": self.items}


def bcubed(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> BCubed:
    """BCubed of `predicted` (item -> cluster) against `gold` (item -> class), over the items both name."""
    items = [item for item in gold if item in predicted]
    if not items:
        return BCubed(0.0, 0.0, 0)
    cluster_size = Counter(predicted[i] for i in items)
    class_size = Counter(gold[i] for i in items)
    shared = Counter((predicted[i], gold[i]) for i in items)
    precision = sum(shared[predicted[i], gold[i]] / cluster_size[predicted[i]] for i in items) / len(items)
    recall = sum(shared[predicted[i], gold[i]] / class_size[gold[i]] for i in items) / len(items)
    return BCubed(precision, recall, len(items))
