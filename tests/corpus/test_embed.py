"""The packaged MiniLM model embeds offline with meaningful similarities, and the cache computes each sentence once."""
from __future__ import annotations

import numpy as np
from storyline.corpus import embed as embedding

TEXTS = ["The ministers met in Vienna on Tuesday.", "Floods killed 40 people.", "ok"]


def test_encoder_gives_unit_vectors_that_rank_paraphrases_closest():
    vectors = embedding.encode(TEXTS + ["On Tuesday the ministers held talks in Vienna."])
    assert vectors.shape == (4, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarity = vectors @ vectors[3]
    assert similarity[0] > 0.7 and similarity[0] > similarity[1] + 0.3


def test_cache_encodes_each_sentence_once(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    first = embedding.embed(TEXTS)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)

    def refuse(texts):
        raise AssertionError(f"re-encoded {texts}")

    monkeypatch.setattr(embedding, "encode", refuse)
    again = embedding.embed(list(reversed(TEXTS)))
    assert np.allclose(again, first[::-1])
    assert (tmp_path / "embeddings.sqlite3").exists()
