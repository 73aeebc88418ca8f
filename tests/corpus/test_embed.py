"""The numpy MiniLM encoder gives sentence-transformers' vectors, and the cache computes each sentence once."""
from __future__ import annotations

import numpy as np
import pytest

from storyline.corpus import embed as embedding

TEXTS = ["The ministers met in Vienna on Tuesday.", "Floods killed 40 people.", "ok"]


def test_numpy_encoder_matches_sentence_transformers(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    sentence_transformers = pytest.importorskip("sentence_transformers")
    model = sentence_transformers.SentenceTransformer(str(embedding.model_dir()), device="cpu")
    reference = model.encode(TEXTS, normalize_embeddings=True)
    ours = embedding.encode(TEXTS)
    assert ours.shape == (3, 384)
    assert np.abs(ours - reference).max() < 1e-4


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
