from __future__ import annotations

import json

from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()


def test_build_then_query_commands(corpus_dir, tmp_path):
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["build", str(corpus_dir), "--db", db])
    assert result.exit_code == 0, result.output
    assert "failed 1" in result.output and "d_junk.txt" in result.output

    listing = runner.invoke(app, ["articles", "--db", db], env={"COLUMNS": "200"})
    assert listing.exit_code == 0 and "Ministers" in listing.output

    exported = runner.invoke(app, ["export", "--format", "json", "--db", db])
    data = json.loads(exported.stdout)
    original = next(a for a in data["articles"] if a["status"] == "ok")
    shown = runner.invoke(app, ["show", original["id"][:8], "--db", db])
    assert shown.exit_code == 0
    assert "wasted enough time" in shown.output

    out = tmp_path / "dossier.html"
    assert runner.invoke(app, ["report", "--out", str(out), "--db", db]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_strict_turns_failures_into_an_error_exit(corpus_dir, tmp_path):
    result = runner.invoke(app, ["build", str(corpus_dir), "--db", str(tmp_path / "s.db"), "--strict"])
    assert result.exit_code == 1


def test_missing_store_and_unknown_id_are_clear_errors(corpus_dir, tmp_path):
    missing = runner.invoke(app, ["articles", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no store" in missing.output
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["build", str(corpus_dir), "--db", db])
    unknown = runner.invoke(app, ["show", "ffffffff", "--db", db])
    assert unknown.exit_code == 2 and "no article" in unknown.output


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n", encoding="utf-8")
    for command in (["articles"], ["build", str(tmp_path / "none")]):
        result = runner.invoke(app, [*command, "--db", str(bad)])
        assert result.exit_code == 2
        assert "not a usable storyline store" in result.output and "Traceback" not in result.output
    assert bad.read_text(encoding="utf-8").startswith("these are my notes")
