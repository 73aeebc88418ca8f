from __future__ import annotations

from storyline.report import write_report

import storyline

HOSTILE = """<script>alert('x')</script> Hostile page

Officials said on Monday that the <img src=x onerror=alert(1)> bridge would reopen next week after repairs.

Click <a href="javascript:alert(2)">here</a> to read the statement the ministry published about the bridge.
"""


def test_report_is_self_contained_and_escapes_article_text(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    corpus = storyline.build(folder, db=tmp_path / "s.db")
    html = write_report(corpus, tmp_path / "dossier.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html and 'href="javascript:' not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "http://" not in html and "https://" not in html  # no external assets
