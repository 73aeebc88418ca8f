"""The read-only commands: filters, errors for bad values (exit 2), quotes as said, search, tables, plurals."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()

STORY = """Council rejects harbour toll

May 4, 2022

The city council of Arlen refused to back calls for a new harbour toll on Tuesday, its chairman Piet Brandt said.

"We will not tax the fishermen," Brandt told reporters in Arlen. At least 12 boats were damaged in the storm.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("articles")
    (folder / "toll.txt").write_text(STORY, encoding="utf-8")
    path = str(tmp_path_factory.mktemp("store") / "s.db")
    assert runner.invoke(app, ["build", str(folder), "--db", path]).exit_code == 0
    return path


@pytest.mark.parametrize("args, says", [
    (["figures", "--kind", "deaths"], "unknown figure kind 'deaths'; choose one of: killed, injured"),
    (["quotes", "--since", "yesterday"], "expected an ISO date, YYYY-MM-DD"),
    (["timeline", "--until", "2022-13-01"], "expected an ISO date"),
    (["quotes", "--kind", "loud"], "unknown quote kind 'loud'; choose one of: direct, mixed, indirect"),
    (["quotes", "--article", "ffffffff"], "no article with id 'ffffffff'"),
    (["quotes", "--entity", "Nobody At All"], "no entity with id, name or alias 'Nobody At All'"),
    (["figures", "--entity", "Nobody At All"], "no entity with id, name or alias"),
    (["export", "--table", "people"], "unknown table 'people'; choose one of: articles, quotes"),
    (["export", "--format", "xml"], "unknown format 'xml'"),
    (["show", "ffffffff"], "no article with id"),
])
def test_a_bad_filter_value_is_a_one_line_error_with_exit_code_2(db, args, says):
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 2
    assert says in " ".join(result.output.split())


def test_quotes_show_the_cue_so_a_refusal_reads_as_a_refusal(db):
    result = runner.invoke(app, ["quotes", "--db", db], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    assert "refused to back calls for a new harbour toll" in result.output
    assert "“We will not tax the fishermen”, Brandt told" in result.output


def test_listings_count_with_correct_plurals(db):
    articles = runner.invoke(app, ["articles", "--db", db])
    assert "1 article" in articles.output and "1 articles" not in articles.output
    quotes = runner.invoke(app, ["quotes", "--db", db, "--kind", "direct"])
    assert "1 quote" in quotes.output and "1 quotes" not in quotes.output


def test_date_filters_bound_quotes_and_articles(db):
    assert "0 quotes" in runner.invoke(app, ["quotes", "--since", "2023", "--db", db]).output
    assert "0 quotes" not in runner.invoke(app, ["quotes", "--since", "2022-05", "--until", "2022", "--db", db]).output
    assert "0 articles" in runner.invoke(app, ["articles", "--until", "2021-12-31", "--db", db]).output


def test_search_finds_the_sentence_and_cites_it(db):
    result = runner.invoke(app, ["search", "fishermen", "--db", db], env={"COLUMNS": "300"})
    assert result.exit_code == 0 and "tax the" in result.output and "1 sentence shown of 1 matching" in result.output
    assert runner.invoke(app, ["search", "   ", "--db", db]).exit_code == 2


def test_export_a_table_as_csv_with_article_and_source(db):
    result = runner.invoke(app, ["export", "--table", "quotes", "--format", "csv", "--db", db])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(r["source"].endswith("toll.txt") and r["article"] for r in rows)
    assert any("refused" in r["as_said"] for r in rows)
    figures = json.loads(runner.invoke(app, ["export", "--table", "figures", "--db", db]).stdout)
    assert any(f["value"] == 12 and f["kind"] == "other" or f["value"] == 12 for f in figures)


def test_audit_prints_each_kind_with_evidence_and_refuses_an_unknown_kind(db):
    result = runner.invoke(app, ["audit", "--sample", "2", "--seed", "3", "--db", db], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    assert "figure 1" in result.output and "At least 12 boats were damaged in the storm." in result.output
    assert runner.invoke(app, ["audit", "--sample", "2", "--seed", "3", "--db", db]).output == result.output
    bad = runner.invoke(app, ["audit", "--kind", "speech", "--db", db])
    assert bad.exit_code == 2 and "unknown audit kind 'speech'" in bad.output
