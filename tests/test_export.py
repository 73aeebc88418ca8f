from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

import storyline

WIRE_STORY = """Ministers agree to resume border talks

March 3, 2021

The foreign ministers of Arland and Brevia agreed on Tuesday to resume talks on their disputed border, officials said.

"We have wasted enough time," Arland's foreign minister Tomas Keller told reporters in Geneva. "Now we talk."

The talks, frozen since 2019, will restart in Vienna next month, according to a joint statement.
"""


FLOOD_STORY = """Floods force thousands from river towns

June 14, 2021

At least 40 people were killed and 12,000 displaced by floods in the Velt valley, the regional governor Anna Moreau
said on Monday.

"We have never seen water like this," Moreau told reporters in Castra.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The shared test folder (an article, its copy, a French one, junk) and an article with figures, built once."""
    folder = tmp_path_factory.mktemp("articles")
    (folder / "a_wire.txt").write_text(WIRE_STORY, encoding="utf-8")
    (folder / "b_copy.txt").write_text(WIRE_STORY.replace("Ministers agree", "Ministers agree again"),
                                       encoding="utf-8")
    (folder / "e_flood.txt").write_text(FLOOD_STORY, encoding="utf-8")
    return storyline.build(folder, db=tmp_path_factory.mktemp("store") / "s.db")


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
    assert table.num_rows == len(rows) and {"id", "source", "text"} <= set(table.column_names)


@pytest.mark.parametrize("name", ["articles", "quotes", "figures", "entities", "timeline"])
def test_every_table_exports_in_every_format_with_the_same_rows(corpus, tmp_path, name):
    expected = corpus.table(name)
    assert expected, f"the test corpus has no {name}"
    buffer = io.StringIO()
    corpus.export("csv", buffer, table=name)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert len(rows) == len(expected) and set(rows[0]) == set(expected[0])
    buffer = io.StringIO()
    corpus.export("jsonl", buffer, table=name)
    assert [json.loads(line) for line in buffer.getvalue().splitlines()] == expected
    out = tmp_path / f"{name}.parquet"
    corpus.export("parquet", out, table=name)
    assert pq.read_table(out).to_pylist() == expected


@pytest.mark.parametrize("name", ["articles", "quotes", "figures"])
def test_rows_from_articles_carry_the_article_id_and_its_source_path(corpus, name):
    sources = {a.id: a.source for a in corpus.articles()}
    for row in corpus.table(name):
        article = row.get("article", row.get("id"))
        assert row["source"] == sources[article]


def test_a_quote_row_keeps_the_cue_as_said(corpus):
    rows = [r for r in corpus.table("quotes") if r["cue"] and r["kind"] == "indirect"]
    assert rows and all(r["cue"] in r["as_said"] and r["text"] in r["as_said"] for r in rows)


def test_an_unknown_table_is_refused(corpus):
    from storyline.filters import FilterError

    with pytest.raises(FilterError, match="unknown table 'people'; choose one of: articles"):
        corpus.table("people")


def test_unknown_format_is_refused(corpus):
    with pytest.raises(ValueError, match="unknown export format"):
        corpus.export("xml", io.StringIO())
