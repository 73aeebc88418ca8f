"""Nothing hangs and nothing passes in silence: what is not a regular file is skipped with a notice, and content
decoded from a legacy encoding or cut by the HTML parser's depth limit is named in the build's report."""
from __future__ import annotations

import os
import socket
import threading

import pytest

import storyline
from storyline.read import read_paths
from storyline.read.files import MAX_HTML_DEPTH, nesting_depth
from storyline.record import Notice, RawArticle

STORY = "The harbour board met on Tuesday and agreed the new plan for the quay, officials said.\n"


def test_a_named_pipe_is_skipped_without_opening_it(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    found: list = []
    reader = threading.Thread(target=lambda: found.extend(read_paths([tmp_path])), daemon=True)
    reader.start()
    reader.join(timeout=20)
    assert not reader.is_alive(), "reading a folder with a FIFO in it blocked"
    notices = [item for item in found if isinstance(item, Notice)]
    assert [(n.kind, n.source.endswith("pipe.txt")) for n in notices] == [("skipped", True)]
    assert "named pipe" in notices[0].reason
    assert sum(isinstance(item, RawArticle) for item in found) == 1


def test_a_socket_given_by_name_is_skipped(tmp_path):
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        [item] = list(read_paths([path]))
    finally:
        server.close()
    assert isinstance(item, Notice) and "socket" in item.reason


@pytest.mark.timeout(120)
def test_a_build_over_a_folder_with_a_fifo_finishes_and_reports_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Quay plan agreed\n\n" + STORY * 3, encoding="utf-8")
    os.mkfifo(folder / "b.txt")
    (folder / "c.txt").write_bytes(("Caf\u00e9 owners on the quay said on Monday that the closure had cost them "
                                    "\u201cdearly\u201d. " * 4).encode("cp1252"))
    heard: list[Notice] = []
    corpus = storyline.Corpus(tmp_path / "s.db")
    summary = corpus.build([folder], on_notice=heard.append)
    assert summary.new == 2 and summary.skipped == 1 and summary.failed == 0
    assert {(n.source.rsplit("/", 1)[-1], n.kind) for n in heard} == {("b.txt", "skipped"), ("c.txt", "decoded")}
    assert any(n.reason == "decoded from cp1252" for n in summary.notices)


def test_html_nested_deeper_than_the_parser_keeps_is_reported_as_cut(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 400 + f"<p>{STORY}</p>" + "</div>" * 400 + "</body></html>")
    [raw] = list(read_paths([page]))
    assert [n.kind for n in raw.notices] == ["cut"] and "403 elements deep" in raw.notices[0].reason


def test_nesting_depth_counts_open_elements_not_void_or_self_closing_ones():
    assert nesting_depth("<div><p>a<br>b<img src='x.png'/><hr></p><p>c</p></div>") == 2
    assert nesting_depth("<ul>" + "<li><span>x</span></li>" * 50 + "</ul>") == 3
    assert MAX_HTML_DEPTH == 255


def test_a_skipped_article_is_named_with_its_reason(tmp_path):
    (tmp_path / "fr.txt").write_text(
        "Les ministres reprennent les discussions\n\nLes ministres des affaires étrangères se sont mis d'accord "
        "mardi pour reprendre les discussions sur la frontière, ont déclaré des responsables.\n", encoding="utf-8")
    summary = storyline.Corpus(tmp_path / "s.db").build([tmp_path / "fr.txt"])
    assert summary.skipped == 1
    assert [(n.kind, "not English" in n.reason) for n in summary.notices] == [("skipped", True)]
