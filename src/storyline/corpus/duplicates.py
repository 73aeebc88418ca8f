"""Near-duplicate detection with MinHash LSH over word shingles of the cleaned text.

One wire story on two sites differs in its boilerplate and a few words; the cleaned text's 5-word shingles still
overlap far above chance. Signatures are stored with each article and cut into 32 bands of 4 values in an indexed
table, so a later build finds a new article's candidates by its band keys (an article at the 0.7 threshold shares
a band with near certainty; two unrelated articles almost never do) and checks each on its estimated Jaccard,
without reading every stored signature.
"""
from __future__ import annotations

import re
from typing import Protocol

import numpy as np
from datasketch import MinHash

from ..record import Article
from ..settings import Setting
from ..store.schema import band_keys

SHINGLE_WORDS = 5
NUM_PERM = 128
SCHEME = "affine32"
HASH_DTYPE = np.uint32  # what the affine32 scheme produces
THRESHOLD = Setting(
    "near_duplicate_threshold", 0.7,
    "Estimated Jaccard similarity of two articles' 5-word shingles at or above which the later one is a "
    "near-duplicate of the earlier (stored, linked, not analysed).",
)
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(article: Article) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(shingles(article.text)))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(HASH_DTYPE).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=HASH_DTYPE).copy(), scheme=SCHEME)


class StoredSignatures(Protocol):
    def near_signatures(self, keys: list[bytes]) -> list[tuple[str, bytes]]: ...


class DuplicateIndex:
    """Near-duplicate lookup over the stored originals (by their LSH band keys, through the store's index) and
    the originals of this build (in memory); an article this build replaces is discarded from both."""

    def __init__(self, stored: StoredSignatures | None = None, threshold: float = THRESHOLD.default) -> None:
        self.threshold = threshold
        self.stored = stored
        self.fresh: dict[str, MinHash] = {}
        self.bands: dict[bytes, set[str]] = {}
        self.discarded: set[str] = set()

    def add(self, article_id: str, minhash: MinHash) -> None:
        if article_id not in self.fresh:
            self.fresh[article_id] = minhash
            for key in band_keys(to_bytes(minhash)):
                self.bands.setdefault(key, set()).add(article_id)
            self.discarded.discard(article_id)

    def discard(self, article_id: str) -> None:
        self.discarded.add(article_id)
        minhash = self.fresh.pop(article_id, None)
        if minhash is not None:
            for key in band_keys(to_bytes(minhash)):
                self.bands.get(key, set()).discard(article_id)

    def original_of(self, minhash: MinHash) -> str | None:
        """The most similar original above the threshold, checked on the estimated Jaccard, or None."""
        keys = band_keys(to_bytes(minhash))
        candidates = {c: self.fresh[c] for key in keys for c in self.bands.get(key, ())}
        if self.stored is not None:
            candidates.update((c, from_bytes(data)) for c, data in self.stored.near_signatures(keys)
                              if c not in candidates)
        scored = [(other.jaccard(minhash), c) for c, other in candidates.items() if c not in self.discarded]
        scored = [(score, c) for score, c in scored if score >= self.threshold]
        return max(scored)[1] if scored else None
