"""The export formats. JSON is the whole corpus in one object; JSONL is one article a line with its own items;
CSV and Parquet are the article table (Parquet keeps paragraphs and removed pieces as nested lists)."""
from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .record import Article

FORMATS = ("json", "jsonl", "csv", "parquet")
# Per-article item lists, exported under their own key (`Article.entities`, the NER spans, as "mentions").
ITEM_KEYS = {"mentions": "entities", "quotes": "quotes", "dates": "dates", "figures": "figures"}
# Corpus stages' results ("entities": one canonical entity per person or organisation across articles); always
# present so consumers can rely on the keys.
# "figures" are per-article items (above); their corpus views are "series" and "inconsistencies".
CORPUS_KEYS = ("entities", "series", "timeline", "summary", "inconsistencies")
CSV_COLUMNS = (
    "id", "source", "title", "subtitle", "published", "url", "outlet", "language", "status", "status_reason",
    "duplicate_of", "duplicate_kind", "text",
)


def article_dict(article: Article) -> dict[str, Any]:
    """The article's own fields: metadata with evidence, paragraphs, removed pieces, sentences."""
    published = article.evidence_for("published")
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "subtitle": article.subtitle,
        "published": article.published,
        "published_evidence": published.text if published else None,
        "url": article.url,
        "outlet": article.outlet,
        "language": article.language,
        "status": article.status,
        "status_reason": article.status_reason,
        "duplicate_of": article.duplicate_of,
        "duplicate_kind": article.duplicate_kind,
        "paragraphs": article.paragraphs,
        "removed": [dataclasses.asdict(r) for r in article.removed],
        "evidence": [dataclasses.asdict(e) for e in article.evidence],
        "sentences": [dataclasses.asdict(s) for s in article.sentences],
    }


def items(article: Article, field: str) -> list[dict[str, Any]]:
    """An article's extracted items of one kind, each carrying the article id beside its offsets."""
    return [{"article": article.id, **dataclasses.asdict(item)} for item in getattr(article, field)]


def corpus_dict(articles: list[Article], corpus_results: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {"storyline": __version__, "articles": [article_dict(a) for a in articles]}
    for key in CORPUS_KEYS:
        data[key] = corpus_results.get(key, [])
    for key, field in ITEM_KEYS.items():
        data[key] = [item for a in articles for item in items(a, field)]
    return data


def write(articles: list[Article], corpus_results: dict[str, Any], fmt: str, out: IO[str] | Path) -> None:
    """Write the export in `fmt` to a path (any format) or a text stream (all but parquet)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ValueError("parquet is binary: give --out FILE")
        pq.write_table(pa.Table.from_pylist([article_dict(a) for a in articles]), out)
        return
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as stream:
            _write_text(articles, corpus_results, fmt, stream)
    else:
        _write_text(articles, corpus_results, fmt, out)


def _write_text(articles: list[Article], corpus_results: dict[str, Any], fmt: str, stream: IO[str]) -> None:
    if fmt == "json":
        json.dump(corpus_dict(articles, corpus_results), stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif fmt == "jsonl":
        for article in articles:
            line = article_dict(article) | {key: items(article, field) for key, field in ITEM_KEYS.items()}
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
    else:
        writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for article in articles:
            writer.writerow(article_dict(article) | {"text": article.text})
