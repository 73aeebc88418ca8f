"""Sentence vectors of replicas reused from their base article, for the scale benchmark.

A replica's sentence differs from its base sentence only in names, digits and years (`scale_replicas`), so its
MiniLM vector is taken to be the base sentence's. Without this, the corpus phase at 64k articles would spend its
time encoding millions of replica sentences: a per-article cost (each sentence is embedded once, ever), not what the
corpus phase's growth is about. How: while a store is written, each replica sentence, title and story lead text is
recorded in a side file (`<store>.translations`) under a hash of its text, with the base article and the piece it
came from; in every benchmark process that reads the store, `storyline.embed.encode` is wrapped so that a
text found in the side file is encoded as its base text (each base text once per process), and any other text (a
query, a new article's sentence, a composite the side file does not know) is encoded for real. Both counts are
reported, so a reader sees how much was reused. The base texts' own vectors are read from the base build's
embedding cache where they are there (so the model need not load at all), else encoded once per process.
"""
from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from storyline.record import Article
from storyline.store import Database

STATS = {"reused": 0, "encoded": 0, "base_encoded": 0}


def _key(text: str) -> int:
    return int.from_bytes(hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest()[:8], "big", signed=True)


def _lead_text() -> Callable[[Article], str] | None:
    try:
        from storyline.corpus.stories.features import lead_text
    except ImportError:  # the story features moved: leads are encoded for real (and counted)
        return None
    return lead_text


def pieces(article: Article) -> Iterable[tuple[str, str]]:
    """(piece name, text) of everything of an article the corpus stages may embed: sentences, title, lead."""
    text = article.text
    for index, sentence in enumerate(article.sentences):
        yield f"s{index}", text[sentence.start:sentence.end]
    if article.title:
        yield "title", article.title
    lead = _lead_text()
    if lead is not None:
        yield "lead", lead(article)


class TranslationWriter:
    """Records, for each replica piece, which base piece it stands for."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path)
        self.conn.execute("CREATE TABLE IF NOT EXISTS t (key INTEGER PRIMARY KEY, base TEXT NOT NULL)")

    def add(self, replica: Article, base: Article) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO t VALUES (?, ?)",
                              [(_key(text), f"{base.id}\t{name}") for name, text in pieces(replica)])

    def close(self) -> None:
        self.conn.commit()
        self.conn.close()


def _cached_vectors(cache: Path | None, model: str | None) -> Callable[[list[str]], dict[str, object]]:
    """Vectors of base texts from the base build's embedding cache, where its layout is still the one
    `storyline.embed` writes (a `vectors` table keyed by sha1 of model and text); else nothing is found."""
    import numpy as np

    if cache is None or model is None or not cache.exists():
        return lambda texts: {}
    conn = sqlite3.connect(cache, check_same_thread=False)

    def found(texts: list[str]) -> dict[str, object]:
        keys = {hashlib.sha1(f"{model}\0{t}".encode()).hexdigest(): t for t in texts}
        vectors: dict[str, object] = {}
        try:
            for begin in range(0, len(texts), 500):
                chunk = list(keys)[begin:begin + 500]
                rows = conn.execute(f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(chunk))})",
                                    chunk)
                vectors.update({keys[k]: np.frombuffer(v, dtype=np.float32) for k, v in rows})
        except sqlite3.Error:
            return {}
        return vectors

    return found


def install(translations: Path, base_db: Path, base_cache: Path | None = None) -> bool:
    """Wrap `storyline.embed.encode` in this process (see the module docstring); False if there is no
    such function any more (then every text is encoded for real, and the report says 0 reused). A base text's
    vector comes from the base build's cache `base_cache` where it is there, so the model need not even load."""
    try:
        from storyline import embed as module
    except ImportError:
        return False
    real = getattr(module, "encode", None)
    if real is None or not translations.exists():
        return False
    lookup = sqlite3.connect(translations, check_same_thread=False)  # the web server encodes on pool threads
    lock = threading.Lock()
    base = Database(base_db)
    base_pieces = {a.id: dict(pieces(a)) for a in base.load_all() if a.analysable}  # a few hundred: load them now
    base.close()
    memo: dict[str, object] = {}
    from_cache = _cached_vectors(base_cache, getattr(module, "MODEL_NAME", None))

    def base_text(reference: str) -> str | None:
        article_id, name = reference.split("\t")
        return base_pieces.get(article_id, {}).get(name)

    def encode(texts: list[str]):
        import numpy as np

        keys = [_key(t) for t in texts]
        found: dict[int, str] = {}
        with lock:
            for begin in range(0, len(keys), 500):
                chunk = keys[begin:begin + 500]
                rows = lookup.execute(f"SELECT key, base FROM t WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                found.update(rows.fetchall())
            wanted = [base_text(found[k]) if k in found else None for k in keys]
            wanted = [w if w is not None else t for w, t in zip(wanted, texts)]
            STATS["reused"] += sum(1 for k in keys if k in found)
            STATS["encoded"] += sum(1 for k in keys if k not in found)
            fresh = sorted({w for w in wanted if w not in memo})
            memo.update(from_cache(fresh))
            fresh = [w for w in fresh if w not in memo]
            STATS["base_encoded"] += len(fresh)
            if fresh:
                memo.update(zip(fresh, real(fresh)))
            vectors = [memo[w] for w in wanted]
        return np.array(vectors, dtype=np.float32).reshape(len(texts), -1) if texts else real([])

    module.encode = encode
    return True
