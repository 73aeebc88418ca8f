"""Readers on small files written here: encodings, gzip, JSONL, WARC, and every kind of bad input."""
from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from storyline.read import read_paths
from storyline.record import RawArticle, ReadFailure

CURLY = "He called it \u201ca massacre\u201d \u2014 the caf\u00e9\u2019s owner agreed, na\u00efvely."
RUSSIAN = (
    "Президент Владимир Путин заявил, что гражданская война в Сирии стала «бойней» и должна прекратиться."
)


def read_all(*paths, **kwargs) -> list[RawArticle | ReadFailure]:
    return list(read_paths([str(p) for p in paths], **kwargs))


def only_article(items) -> RawArticle:
    assert len(items) == 1 and isinstance(items[0], RawArticle), items
    return items[0]


def only_failure(items) -> ReadFailure:
    assert len(items) == 1 and isinstance(items[0], ReadFailure), items
    return items[0]


def test_cp1252_curly_quotes_decode(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes((CURLY + "\n\n" + CURLY).encode("cp1252"))
    article = only_article(read_all(path))
    assert article.text == CURLY + "\n\n" + CURLY
    assert article.encoding == "cp1252"
    assert article.source == str(path)


def test_cp1251_russian_decodes(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    article = only_article(read_all(path))
    assert article.text == RUSSIAN
    assert article.encoding == "cp1251"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_utf16_and_bom(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "u.txt"
    path.write_bytes(("The minister said the talks would resume on Monday. " * 3).encode(codec))
    article = only_article(read_all(path))
    assert article.text.startswith("The minister said")
    assert "\ufeff" not in article.text


def test_single_path_not_walked_by_character(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("One story.", encoding="utf-8")
    assert [item.text for item in read_paths(str(path))] == ["One story."]


def test_gzipped_html(tmp_path: Path) -> None:
    html = "<html><head><title>Talks resume</title></head><body><p>Caf\u00e9 talks.</p></body></html>"
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(html.encode("utf-8")))
    article = only_article(read_all(path))
    assert article.html == html and article.text is None


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    html = '<html><head><meta charset="windows-1251"></head><body><p>' + RUSSIAN + "</p></body></html>"
    path = tmp_path / "ru.htm"
    path.write_bytes(html.encode("cp1251"))
    article = only_article(read_all(path))
    assert RUSSIAN in article.html and article.encoding == "cp1251"


def test_jsonl_bad_line_in_the_middle(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": "https://example.org/a", "title": "A", "text": "First story.", "published": "2024-03-01"}),
        '{"title": "broken", "text": "no closing brace"',
        "",
        json.dumps({"title": "C", "html": "<p>Third story.</p>"}),
        json.dumps({"title": "no content"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["RawArticle", "ReadFailure", "RawArticle", "ReadFailure"]
    first, bad, third, empty = items
    assert (first.source, first.url, first.title) == (f"{path}#L1", "https://example.org/a", "A")
    assert first.published == "2024-03-01"
    assert bad.source == f"{path}#L2" and "invalid JSON" in bad.reason
    assert third.source == f"{path}#L4" and third.html == "<p>Third story.</p>" and third.text is None
    assert empty.source == f"{path}#L5" and "no article content" in empty.reason


def test_json_file_is_one_article_with_paragraph_lists(tmp_path: Path) -> None:
    path = tmp_path / "event_1.json"
    record = {"title": "Council votes", "date": "2014-03-02",
              "body-paragraphs": [["The council voted on Monday.", "It passed."], ["Critics objected."]]}
    path.write_text(json.dumps(record), encoding="utf-8")
    article = only_article(read_all(path))
    assert article.title == "Council votes" and article.published == "2014-03-02"
    assert article.text == "The council voted on Monday. It passed.\n\nCritics objected."


def test_json_file_without_content_fails(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps({"spans": [1, 2]}), encoding="utf-8")
    assert "no article content" in only_failure(read_all(path)).reason


def test_jsonl_line_over_limit_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    big = json.dumps({"text": "x" * 500})
    small = json.dumps({"text": "A short story."})
    path.write_text(big + "\n" + small + "\n", encoding="utf-8")
    items = read_all(path, max_bytes=200)
    assert isinstance(items[0], ReadFailure) and "too large" in items[0].reason
    assert isinstance(items[1], RawArticle) and items[1].text == "A short story."


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(writer, uri, status, ctype, body: bytes):
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        writer.write_record(response(writer, "https://news.example/a", "200 OK", "text/html; charset=utf-8",
                                     "<html><body><p>Story \u201cA\u201d.</p></body></html>".encode("utf-8")))
        writer.write_record(response(writer, "https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\x00"))
        writer.write_record(response(writer, "https://news.example/gone", "404 Not Found", "text/html", b"<p>x</p>"))
        writer.write_record(response(writer, "https://news.example/b", "200 OK", "text/html; charset=windows-1251",
                                     ("<p>" + RUSSIAN + "</p>").encode("cp1251")))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_only(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path)
    items = read_all(path)
    assert all(isinstance(i, RawArticle) for i in items), items
    assert [i.url for i in items] == ["https://news.example/a", "https://news.example/b"]
    assert "\u201cA\u201d" in items[0].html and RUSSIAN in items[1].html
    assert items[0].source.startswith(f"{path}#") and items[0].source != items[1].source


def test_warc_record_over_limit_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    items = read_all(path, max_bytes=60)
    assert len(items) == 2
    assert isinstance(items[0], RawArticle) and items[0].url == "https://news.example/a"
    assert isinstance(items[1], ReadFailure) and "WARC record too large" in items[1].reason


def test_truncated_warc_keeps_earlier_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 40])
    items = read_all(path)
    assert isinstance(items[0], RawArticle)
    assert isinstance(items[-1], ReadFailure) and "WARC" in items[-1].reason


def test_jsonl_empty_and_binary(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    binary = tmp_path / "noise.jsonl"
    binary.write_bytes(b"\x00\x01\x02\n" * 100)
    assert only_failure(read_all(empty)).reason == "empty file"
    assert only_failure(read_all(binary)).reason == "binary file, not JSON Lines"


def test_warc_without_html_pages(tmp_path: Path) -> None:
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "meta.warc"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=False)
        writer.write_record(writer.create_warcinfo_record("meta.warc", {"software": "test"}))
    assert "no HTML page" in only_failure(read_all(path)).reason


@pytest.mark.parametrize("name", ["empty.txt", "empty.html.gz", "empty.warc", "empty.jsonl", "empty"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert only_failure(read_all(path)).reason == "empty file"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 10)
    assert "binary" in only_failure(read_all(path)).reason


def test_unknown_binary_extension_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "blob.dat"
    path.write_bytes(b"\x00\x01\x02garbage\x00" * 50)
    assert "unsupported file type" in only_failure(read_all(path)).reason


def test_unknown_text_extension_is_read(tmp_path: Path) -> None:
    path = tmp_path / "article"
    path.write_text("A plain story without an extension.", encoding="utf-8")
    assert only_article(read_all(path)).text == "A plain story without an extension."


def test_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "cut.html.gz"
    data = gzip.compress(("<p>" + "word " * 2000 + "</p>").encode())
    path.write_bytes(data[: len(data) // 2])
    assert "truncated gzip" in only_failure(read_all(path)).reason


def test_not_gzip(tmp_path: Path) -> None:
    path = tmp_path / "fake.txt.gz"
    path.write_bytes(b"this is not gzip at all")
    assert "gzip" in only_failure(read_all(path)).reason


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 60_000)
    reason = only_failure(read_all(path, max_bytes=100_000)).reason
    assert reason == "file too large (0.3 MB > 0.1 MB)"


def test_oversized_after_decompression(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 1_000_000))
    assert "too large" in only_failure(read_all(path, max_bytes=100_000)).reason


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "missing.txt")
    assert "broken symlink" in only_failure(read_all(link)).reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden", encoding="utf-8")
    path.chmod(0)
    try:
        assert "permission denied" in only_failure(read_all(path)).reason
    finally:
        path.chmod(0o644)


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "x.txt").mkdir()
    assert "no such file" in only_failure(read_all(tmp_path / "nope.txt")).reason
    assert "holds no files" in only_failure(read_all(tmp_path / "x.txt")).reason


def test_folder_with_junk(tmp_path: Path) -> None:
    folder = tmp_path / "scrape"
    (folder / "sub").mkdir(parents=True)
    for index in range(5):
        (folder / f"good{index}.txt").write_text(f"Story number {index}.", encoding="utf-8")
    (folder / "sub" / "page.html").write_text("<p>Nested page.</p>", encoding="utf-8")
    (folder / ".hidden.txt").write_text("never read", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (folder / "cut.txt.gz").write_bytes(gzip.compress(b"x" * 5000)[:30])
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    items = list(read_paths([folder]))
    failures = {Path(i.source).name: i.reason for i in items if isinstance(i, ReadFailure)}
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert sorted(failures) == ["cut.txt.gz", "dangling.txt", "empty.txt", "image.png"]
    assert "empty" in failures["empty.txt"] and "unsupported" in failures["image.png"]
    assert "truncated gzip" in failures["cut.txt.gz"] and "broken symlink" in failures["dangling.txt"]
    assert [Path(a.source).name for a in articles] == [f"good{i}.txt" for i in range(5)] + ["page.html"]
    assert articles[-1].source == os.path.join(str(folder), "sub", "page.html")
    assert articles == [i for i in read_paths([folder]) if isinstance(i, RawArticle)]
