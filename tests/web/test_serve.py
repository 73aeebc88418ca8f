"""`storyline serve`: loopback by default, and a clear message instead of a traceback when there is no store."""
from __future__ import annotations

import typer.main
from typer.testing import CliRunner

from storyline.cli import app


def test_serve_binds_to_loopback_by_default():
    command = typer.main.get_command(app).commands["serve"]
    defaults = {param.name: param.default for param in command.params}
    assert defaults["host"] == "127.0.0.1" and defaults["port"] == 8000


def test_serve_without_a_store_says_how_to_build_one(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2
    assert "storyline build" in result.output
    assert not (tmp_path / "missing.db").exists()  # serving never creates a store
