from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

import storyline


@pytest.fixture
def corpus(corpus_dir, tmp_path):
    return storyline.build(corpus_dir, db=tmp_path / "s.db")


def test_json_has_the_documented_keys(corpus):
    data = corpus.to_dict()
    for key in ("articles", "entities", "mentions", "quotes", "dates", "figures", "timeline", "summary"):
        assert isinstance(data[key], list)
    article = next(a for a in data["articles"] if a["status"] == "ok")
    for key in ("id", "source", "title", "subtitle", "published", "url", "outlet", "language", "paragraphs",
                "removed", "duplicate_of"):
        assert key in article
    entity = data["mentions"][0]
    text = "\n\n".join(article["paragraphs"])
    assert entity["article"] == article["id"]
    assert text[entity["start"]:entity["end"]] == entity["text"]
    keller = next(e for e in data["entities"] if "Keller" in e["name"])
    assert keller["label"] == "PERSON" and article["id"] in keller["articles"]
    quote = next(q for q in data["quotes"] if "wasted enough time" in q["text"])
    assert quote["speaker"] == keller["name"] and quote["speaker_entity"] == keller["id"]


def test_every_format_writes(corpus, tmp_path):
    buffer = io.StringIO()
    corpus.export("jsonl", buffer)
    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]
    assert len(lines) == len(corpus.articles())
    buffer = io.StringIO()
    corpus.export("csv", buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert {r["id"] for r in rows} == {a.id for a in corpus.articles()}
    out = tmp_path / "a.parquet"
    corpus.export("parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == len(rows) and "paragraphs" in table.column_names


def test_unknown_format_is_refused(corpus):
    with pytest.raises(ValueError, match="unknown export format"):
        corpus.export("xml", io.StringIO())
