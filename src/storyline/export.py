"""The export formats. Without a table, JSON is the whole corpus in one object and JSONL one article a line with
its own items; with a table (`storyline.tables`: articles, quotes, figures, entities, timeline, stories, positions) every format writes
that table's flat rows. CSV and Parquet always write a table, the articles table by default."""
from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path
from typing import IO, Any

from . import __version__
from .record import Article
from .tables import Corpus, Row, rows

FORMATS = ("json", "jsonl", "csv", "parquet")
# Per-article item lists, exported under their own key (`Article.entities`, the NER spans, as "mentions").
ITEM_KEYS = {"mentions": "entities", "quotes": "quotes", "dates": "dates", "figures": "figures",
             "positions": "positions"}
# Corpus stages' results ("entities": one canonical entity per person or organisation across articles); always
# present so consumers can rely on the keys.
# "figures" are per-article items (above); their corpus views are "series" and "inconsistencies".
CORPUS_KEYS = ("stories", "entities", "series", "timeline", "summary", "inconsistencies")


def article_dict(article: Article, story: str | None = None) -> dict[str, Any]:
    """The article's own fields: metadata with evidence, paragraphs, removed pieces, sentences, and its story."""
    published = article.evidence_for("published")
    return {
        "id": article.id,
        "source": article.source,
        "story": story,
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
    shown = article.statements() if field == "quotes" else getattr(article, field)
    return [{"article": article.id, **dataclasses.asdict(item)} for item in shown]


def corpus_dict(articles: list[Article], corpus_results: dict[str, Any], stories: dict[str, str]) -> dict[str, Any]:
    """The JSON export's object: the articles (each with its story id), the corpus results, every item list."""
    data: dict[str, Any] = {"storyline": __version__,
                            "articles": [article_dict(a, stories.get(a.id)) for a in articles]}
    for key in CORPUS_KEYS:
        data[key] = corpus_results.get(key, [])
    for key, field in ITEM_KEYS.items():
        data[key] = [item for a in articles for item in items(a, field)]
    return data


def write(corpus: Corpus, fmt: str, out: IO[str] | Path, table: str | None = None, story: str | None = None) -> None:
    """Write the export in `fmt` to a path (any format) or a text stream (all but parquet): one table's rows, or
    with no `table` the whole corpus (JSON, JSONL) or the articles table (CSV, Parquet); `story` keeps one story."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet" and not isinstance(out, Path):
        raise ValueError("parquet is binary: give --out FILE")
    if table is None and fmt in ("csv", "parquet"):
        table = "articles"
    table_rows = rows(corpus, table, **({"story": story} if story and table != "stories" else {})) \
        if table is not None else None
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(table_rows), out)
        return
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as stream:
            _write_text(corpus, fmt, stream, table_rows, story)
    else:
        _write_text(corpus, fmt, out, table_rows, story)


def _write_text(corpus: Corpus, fmt: str, stream: IO[str], table_rows: list[Row] | None, story: str | None) -> None:
    if table_rows is not None:
        _write_rows(table_rows, fmt, stream)
    elif fmt == "json":
        json.dump(corpus.to_dict(story=story), stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    else:
        stories = corpus.story_assignment()
        members = set(corpus.story_articles(story)) if story else None
        for article in corpus.articles():
            if members is not None and article.id not in members:
                continue
            line = article_dict(article, stories.get(article.id)) | {
                key: items(article, field) for key, field in ITEM_KEYS.items()}
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")


def _write_rows(table_rows: list[Row], fmt: str, stream: IO[str]) -> None:
    if fmt == "json":
        json.dump(table_rows, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif fmt == "jsonl":
        for row in table_rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        writer = csv.DictWriter(stream, fieldnames=list(table_rows[0]) if table_rows else [], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(table_rows)
