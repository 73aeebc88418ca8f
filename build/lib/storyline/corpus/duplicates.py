"""Near-duplicate detection with MinHash LSH over word shingles of the cleaned text.

One wire story on two sites differs in its boilerplate and a few words; the cleaned text's 5-word shingles still
overlap far above chance. Signatures are stored with each article, so a later build checks new articles against
everything already in the store without re-reading it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..record import Article
from ..settings import Setting

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


class DuplicateIndex:
    """The LSH index of every original article seen so far (stored and in this build)."""

    def __init__(self, stored: Iterable[tuple[str, bytes]] = (), threshold: float = THRESHOLD.default) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}
        for article_id, data in stored:
            self.add(article_id, from_bytes(data))

    def add(self, article_id: str, minhash: MinHash) -> None:
        if article_id not in self.signatures:
            self.lsh.insert(article_id, minhash)
            self.signatures[article_id] = minhash

    def discard(self, article_id: str) -> None:
        if self.signatures.pop(article_id, None) is not None:
            self.lsh.remove(article_id)

    def original_of(self, minhash: MinHash) -> str | None:
        """The most similar indexed article above the threshold, checked on the estimated Jaccard, or None."""
        candidates = [(self.signatures[c].jaccard(minhash), c) for c in self.lsh.query(minhash)]
        candidates = [(score, c) for score, c in candidates if score >= self.threshold]
        return max(candidates)[1] if candidates else None
