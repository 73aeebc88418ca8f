"""Figures, timeline and summary through a real build: CLI commands, the Python API and the JSON export."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from storyline.api import Corpus
from storyline.cli import common as cli
from storyline.cli import app

runner = CliRunner()

FIRST = """Storm floods the coast

March 3, 2021

Floods have killed more than 120 people along the coast, according to the Red Cross. Dozens of people were
injured.

The governor visited the flooded port of Selmar on Tuesday and promised new sea walls.
"""
SECOND = """Flood toll rises

March 10, 2021

The flood toll has climbed to at least 300 people, the health ministry said.

The governor toured the flooded port of Selmar on Tuesday, March 2, and pledged new sea walls.
"""


def test_commands_api_and_export(tmp_path, monkeypatch):
    monkeypatch.setattr(cli.console, "width", 200)  # one line per figure, whatever the terminal
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "first.txt").write_text(FIRST, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["build", str(folder), "--db", db]).exit_code == 0

    figures = runner.invoke(app, ["figures", "--kind", "killed", "--db", db])
    assert figures.exit_code == 0 and "Red" in figures.output and "300" in figures.output
    injured = runner.invoke(app, ["figures", "--kind", "injured", "--db", db])
    assert injured.exit_code == 0 and "Dozens (at least 24)" in injured.output and " 24 " not in injured.output
    timeline = runner.invoke(app, ["timeline", "--db", db])
    assert timeline.exit_code == 0 and "2021-03-02" in timeline.output
    summary = runner.invoke(app, ["summary", "--sentences", "2", "--db", db])
    assert summary.exit_code == 0 and "sentence" in summary.output

    with Corpus(db) as corpus:
        frame = corpus.figures(kind="killed")
        assert sorted(frame["value"]) == [120, 300]
        assert set(frame["qualifier"]) == {"more than", "at least"}
        meeting = [e for e in corpus.timeline() if e.date == "2021-03-02"]
        assert meeting and meeting[0].articles == 2
        assert [p.value for p in corpus.series()[0].points] == [120, 300]
        assert len([s for s in corpus.summary(sentences=1) if s.part == "summary"]) == 1

    data = json.loads(runner.invoke(app, ["export", "--format", "json", "--db", db]).stdout)
    texts = {a["id"]: "\n\n".join(a["paragraphs"]) for a in data["articles"]}
    for item in data["figures"]:
        assert texts[item["article"]][item["start"]:item["end"]] == item["text"]
    [vague] = [item for item in data["figures"] if item["text"] == "Dozens"]
    assert (vague["value"], vague["lower_bound"], vague["kind"]) == (None, 24, "injured")
    assert data["timeline"] and all({"date", "precision", "text", "citations"} <= set(e) for e in data["timeline"])
    assert data["summary"] and "series" in data
