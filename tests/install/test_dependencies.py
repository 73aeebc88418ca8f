"""Every third-party module the code imports is declared, and the lock pins what pyproject.toml asks for.

An undeclared import works on the machine where it happens to be installed and breaks a fresh one; an unpinned
distribution lets an upstream release change a fresh install (lxml 6.2 dropping `lxml.html.clean` did).
"""
from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = (ROOT / "constraints.txt").read_text(encoding="utf-8")


def _name(requirement: str) -> str:
    """The canonical distribution name of a requirement string (PEP 503 normalised)."""
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.-]+", requirement).group(0)).lower()


def _declared() -> set[str]:
    project = PYPROJECT["project"]
    groups = [project["dependencies"], *project.get("optional-dependencies", {}).values()]
    return {_name(req) for group in groups for req in group}


def _optional() -> set[str]:
    """Distributions of the optional extras, which a `.[test]` install (CI's) does not bring."""
    return {_name(req) for group in PYPROJECT["project"].get("optional-dependencies", {}).values() for req in group}


def _imported_top_level(folder: Path) -> set[str]:
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"storyline"}


def test_every_imported_module_is_declared():
    distributions = importlib.metadata.packages_distributions()
    undeclared = {}
    for module in sorted(_imported_top_level(ROOT / "src")):
        providers = {_name(d) for d in distributions.get(module, [])}
        if not providers and _name(module) in _optional():
            continue  # an optional extra's module (textacy in `eval`): declared, just not installed here
        if not providers:
            undeclared[module] = "not installed: no distribution provides it"
        elif not providers & _declared():
            undeclared[module] = f"provided by {sorted(providers)}, not in pyproject.toml"
    assert not undeclared, undeclared


def test_the_lock_pins_every_declared_distribution_exactly():
    pinned = {_name(line): line for line in LOCK.splitlines() if line and not line.startswith("#")}
    assert all("==" in line for line in pinned.values()), [line for line in pinned.values() if "==" not in line]
    assert not _declared() - pinned.keys(), sorted(_declared() - pinned.keys())


def test_install_commands_use_the_lock():
    readme = (ROOT / "README.md").read_text(encoding="utf-8").split("## Commands")[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "-c constraints.txt" in readme and "-c constraints.txt" in ci
