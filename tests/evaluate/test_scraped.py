"""The scraped-text evaluation on tiny pages written here: flattening, the three systems and the split."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyline.evaluate.scraped import evaluate_scraped, flatten_html, justext_text, page_items

BODY = (
    "The harbour authority in Brest said on Monday that the old dry dock will reopen next spring after two years "
    "of repairs, and that the first ship to use it will be a research vessel of the national fleet."
)
SECOND = (
    "Workers replaced the gates and the pumps, the authority said, and the cost came in below the estimate that "
    "the regional council had approved when the work began in the winter."
)


def page(body: str) -> str:
    menu = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("Home", "Ports", "Ships", "Weather", "Jobs"))
    related = "".join(f"<li><a href='/r{i}'>Ferry timetable changes for the holiday week {i}</a></li>"
                      for i in range(6))
    return (f"<html><head><title>Dry dock to reopen</title><style>p {{ color: red }}</style>"
            f"<script>var tracking = 1;</script></head><body><nav><ul>{menu}</ul></nav>"
            f"<article><h1>Dry dock to reopen</h1><p>{body}</p><p>{SECOND}</p></article>"
            f"<aside><h2>Related</h2><ul>{related}</ul></aside><!-- a comment -->"
            f"<footer><p>Contact us</p><p>Privacy settings</p></footer></body></html>")


def write_set(folder: Path, pages: int = 1) -> None:
    (folder / "html").mkdir(parents=True)
    gold = {}
    for number in range(pages):
        name = f"brest{number}.html"
        (folder / "html" / f"{name}.gz").write_bytes(gzip.compress(page(BODY).encode("utf-8")))
        gold[f"https://brest.example/{number}"] = {
            "file": name, "with": ["the old dry dock will reopen", "came in below the estimate"],
            "without": ["Ferry timetable changes for the holiday week 3", "Privacy settings"],
        }
    (folder / "evaldata.json").write_text(json.dumps(gold), encoding="utf-8")


def test_flattening_puts_each_text_node_on_a_line() -> None:
    text = flatten_html("<html><head><script>x = 1;</script><style>a {}</style></head><body>"
                        "<p>Ships <a href='/'>left   the</a> harbour.</p><!-- hidden --><div>Tail</div></body></html>")
    assert text.split("\n") == ["Ships", "left the", "harbour.", "Tail"]


def test_scores_storyline_beside_keep_everything_and_justext(tmp_path: Path) -> None:
    write_set(tmp_path)
    report = evaluate_scraped(tmp_path)
    ours, everything, _ = report.systems
    assert report.pages == 1
    assert (everything.tp, everything.fp, everything.fn) == (2, 2, 0)  # keeping all keeps the junk too
    assert (ours.tp, ours.fp, ours.fn) == (2, 0, 0)
    table = report.render()
    assert "keep everything" in table and "jusText" in table and "snippet F1" in table


def test_justext_keeps_the_prose_lines() -> None:
    kept = justext_text("Home\nPorts\n" + BODY + "\n" + SECOND + "\nContact us")
    assert "dry dock will reopen" in kept and "Ports" not in kept


def test_splits_take_alternate_pages_by_file_name(tmp_path: Path) -> None:
    write_set(tmp_path, pages=5)
    names = [path.name for _, _, path in page_items(tmp_path, "all")]
    assert names == sorted(names)
    assert [p.name for _, _, p in page_items(tmp_path, "even")] == names[0::2]
    assert [p.name for _, _, p in page_items(tmp_path, "odd")] == names[1::2]
    assert evaluate_scraped(tmp_path, "odd").pages == 2
    with pytest.raises(ValueError):
        page_items(tmp_path, "half")


def test_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="evaldata.json"):
        evaluate_scraped(tmp_path / "nowhere")


def test_command_skips_a_missing_folder_and_runs_a_present_one(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyline.cli import app

    runner = CliRunner()
    missing = runner.invoke(app, ["eval", "scraped", "--trafilatura", str(tmp_path / "absent")])
    assert missing.exit_code == 0 and "does not exist" in " ".join(missing.output.split())
    write_set(tmp_path / "set")
    present = runner.invoke(app, ["eval", "scraped", "--trafilatura", str(tmp_path / "set"), "--split", "even"])
    assert present.exit_code == 0 and "1 pages (even)" in present.output
    assert runner.invoke(app, ["eval", "scraped", "--trafilatura", str(tmp_path / "set"), "--split", "x"]).exit_code == 2
