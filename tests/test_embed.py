"""The packaged MiniLM model embeds offline with meaningful similarities, and the cache computes each sentence once."""
from __future__ import annotations

import numpy as np
import pytest
from storyline import embed as embedding

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


def test_the_embed_stage_gives_each_sentence_and_the_lead_its_vector_and_the_store_keeps_them(tmp_path, nlp):
    from storyline.corpus import vectors
    from storyline.pipeline import process
    from storyline.record import RawArticle
    from storyline.store import Database

    text = ("Harbour crews reopened the east pier on Monday.\n\n"
            "The port authority said repairs cost 2 million euros. Ferries will resume on Friday.")
    article = process(RawArticle(source="pier.txt", text=text, title="East pier reopens"))
    sentences = [article.text[s.start:s.end] for s in article.sentences]
    stored = np.frombuffer(article.embeddings.sentences, dtype=np.float32).reshape(len(sentences), -1)
    assert np.allclose(stored, embedding.embed(sentences))
    def refuse(texts):
        raise AssertionError(f"re-encoded {texts}")

    with pytest.MonkeyPatch.context() as patch:  # the lead's vector is in the cache: story assignment reads it
        patch.setattr(embedding, "encode", refuse)
        lead = embedding.embed([embedding.lead_text(article)])[0]
    assert np.allclose(np.linalg.norm(lead), 1.0, atol=1e-5)
    assert embedding.lead_text(article) == " ".join(["East pier reopens", *sentences[:embedding.LEAD_SENTENCES]])

    database = Database(tmp_path / "store.db")
    database.save([(article, None)])
    rows = database.conn.execute("SELECT sentence, text FROM sentence_vectors WHERE article = ? ORDER BY sentence",
                                 (article.id,)).fetchall()
    assert [tuple(r) for r in rows] == list(enumerate(sentences))
    assert vectors.add_missing(database) == 0  # nothing left for the corpus update to embed
    assert database.load(article.id).embeddings is None  # the record's vectors are never loaded back
