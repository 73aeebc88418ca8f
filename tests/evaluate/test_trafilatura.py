"""The trafilatura-eval comparison on a two-page set written here, and on the real set when it is present."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyline.evaluate.trafilatura import evaluate_trafilatura

REAL_DATA = Path("/work/shared/eval/trafilatura-eval")
STORY = (
    "The regional court in Lyon ruled on Monday that the water company must refund customers overcharged "
    "during the drought, ending a dispute that lasted four years and involved thousands of households. "
)
PAGE = """<html><head><title>Court orders water refunds | Lyon Daily</title>
<meta property="og:site_name" content="Lyon Daily">
<meta property="article:published_time" content="2023-06-12"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<article><p>%s</p><p>%s</p><p>The company said it would appeal the decision before the end of the month.</p>
</article><footer><p>Contact the newsroom</p></footer></body></html>""" % (STORY, STORY.replace("Monday", "Tuesday"))


def write_set(folder: Path) -> None:
    (folder / "html").mkdir(parents=True)
    (folder / "html" / "lyon.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    gold = {
        "https://lyon.example/refunds": {
            "file": "lyon.html", "title": "Court orders water refunds", "date": "2023-06-12",
            "with": ["ruled on Monday that the water company", "would appeal the decision"],
            "without": ["Subscribe to our newsletter", "Contact the newsroom"],
        },
        "https://lyon.example/missing": {
            "file": "absent.html", "title": "x", "date": "2020-01-01", "with": ["x"], "without": ["y"],
        },
    }
    (folder / "evaldata.json").write_text(json.dumps(gold), encoding="utf-8")


def test_scores_on_a_small_set(tmp_path: Path) -> None:
    write_set(tmp_path)
    report = evaluate_trafilatura(tmp_path)
    assert report.pages == 1  # the page whose file is absent is not scored
    ours = report.storyline
    assert (ours.tp, ours.fn, ours.tn, ours.fp) == (2, 0, 2, 0)
    assert ours.f1 == 1.0 and ours.title_rate == 1.0 and ours.date_rate == 1.0
    assert len(report.trafilatura.pages) == 1 and report.trafilatura.tp == 2
    table = report.render()
    assert "snippet F1" in table and "storyline" in table and "trafilatura" in table


def test_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="evaldata.json"):
        evaluate_trafilatura(tmp_path / "nowhere")


@pytest.mark.skipif(not (REAL_DATA / "evaldata.json").is_file(), reason="trafilatura-eval data not present")
def test_real_set_floor() -> None:
    report = evaluate_trafilatura(REAL_DATA)
    assert report.pages >= 70
    assert report.storyline.f1 >= 0.93
    assert report.storyline.title_rate >= report.trafilatura.title_rate
    assert report.storyline.date_rate >= 0.85
