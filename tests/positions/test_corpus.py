"""Positions through the corpus: the API, the positions table and its export, the CLI listing and REST."""
import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import storyline
from storyline.cli import app
from storyline.web.app import create_app

EARLY = """Brevia rejects border plan

February 8, 2012

Brevia rejected the Arland border plan on Wednesday, its foreign ministry said.

Foreign minister Tomas Keller told reporters the talks would go on.
"""

LATER = """Brevia backs border plan

October 16, 2015

Brevia backed the Arland border plan on Friday after months of talks, officials said.

Arland's president Ana Ruiz refused to back calls for new elections.

Senator Ivo Marek backed the <script>alert(1)</script> levy.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("positions_articles")
    (folder / "a_early.txt").write_text(EARLY, encoding="utf-8")
    (folder / "b_later.txt").write_text(LATER, encoding="utf-8")
    path = folder.parent / "positions.db"
    storyline.build(folder, db=path).close()
    return path


def test_corpus_positions_and_map_show_the_change(db):
    with storyline.Corpus(db) as corpus:
        found = corpus.positions(actor="Brevia")
        assert [(s.position.stance, s.position.date) for s in found] == [("against", "2012-02-08"),
                                                                         ("for", "2015-10-16")]
        assert found[0].evidence.startswith("Brevia rejected the Arland border plan")
        cell = corpus.positions_map(actor="Brevia").cell("Brevia", found[0].group)
        assert cell.changes == ["was against (2012-02-08), now for (2015-10-16)"]
        elections = corpus.positions(target="elections")
        assert [(s.actor, s.position.stance) for s in elections] == [("Ana Ruiz", "against")]


def test_positions_table_exports_its_columns(db, tmp_path):
    import pyarrow.parquet as pq

    with storyline.Corpus(db) as corpus:
        out = io.StringIO()
        corpus.export("csv", out, table="positions")
        corpus.export("parquet", tmp_path / "positions.parquet", table="positions")
        whole = io.StringIO()
        corpus.export("json", whole)
    assert pq.read_table(tmp_path / "positions.parquet").num_rows == len(json.loads(whole.getvalue())["positions"])
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {"article", "source", "story", "actor", "target", "stance", "date", "evidence"} <= set(rows[0])
    assert {(r["source"].rsplit("/", 1)[-1], r["stance"]) for r in rows if r["actor"] == "Brevia"} == {
        ("a_early.txt", "against"), ("b_later.txt", "for")}


def test_cli_positions_lists_per_target_and_refuses_an_unknown_story(db):
    result = CliRunner().invoke(app, ["positions", "--db", str(db), "--actor", "Brevia"])
    assert result.exit_code == 0, result.output
    assert "Brevia: against (2012-02-08) -> for (2015-10-16)" in result.output
    assert CliRunner().invoke(app, ["positions", "--db", str(db), "--story", "nosuchstory"]).exit_code == 2


def test_rest_positions_pages_and_filters(db):
    with TestClient(create_app(db)) as client:
        response = client.get("/api/positions", params={"actor": "Brevia", "limit": 1})
        assert response.status_code == 200
        body = response.json()
        assert body["total"] == 2 and len(body["items"]) == 1 and body["items"][0]["stance"] == "against"
        assert client.get("/api/positions", params={"story": "nosuchstory"}).status_code == 404
        assert json.loads(client.get("/api/positions", params={"target": "zzz"}).text)["total"] == 0


def test_web_matrix_links_each_stance_to_its_sentence_and_escapes_text(db):
    with TestClient(create_app(db)) as client:
        page = client.get("/positions")
        assert page.status_code == 200
        assert 'class="stance stance-against"' in page.text and "/articles/" in page.text and "#s-" in page.text
        assert "<script>alert(1)" not in page.text and "&lt;script&gt;alert(1)" in page.text
        assert client.get("/positions", params={"story": "nosuchstory"}).status_code == 404


def test_dossier_has_the_positions_matrix(db):
    from storyline.report import render_report

    with storyline.Corpus(db) as corpus:
        html = render_report(corpus)
    assert 'id="positions-h"' in html and "was against (2012-02-08), now for (2015-10-16)" in html
    assert "<script>alert(1)" not in html
