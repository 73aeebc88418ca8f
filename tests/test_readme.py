"""The README is the user's manual: every command and every setting must be documented there."""
from __future__ import annotations

from pathlib import Path

import typer.main

from storyline.cli import app
from storyline.builder import SETTINGS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _command_paths(typer_app: typer.Typer, prefix: str = "storyline") -> list[str]:
    group = typer.main.get_group(typer_app)
    paths = []
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            paths += [f"{prefix} {name} {sub}" for sub in command.commands]
        else:
            paths.append(f"{prefix} {name}")
    return paths


def test_every_command_is_documented():
    missing = [path for path in _command_paths(app) if f"`{path}" not in README]
    assert not missing, f"README does not document: {missing}"


def test_every_setting_is_documented_with_its_default():
    for row in SETTINGS:
        assert f"| `{row.name}` | {row.default:g} |" in README, row.name


def test_readme_opens_with_install_and_test_commands():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    test_command = ".venv/bin/python -m pytest -q"
    assert test_command in README.split("## Commands")[0] and test_command in ci


def test_every_public_name_resolves():
    import storyline

    for name in storyline.__all__:
        assert getattr(storyline, name) is not None, name
