from storyline.clean import bounds
from storyline.clean.bounds import bound_paragraphs, split_paragraph
from storyline.record import Article, RawArticle


def test_split_paragraph_breaks_at_sentence_ends_within_the_limit():
    paragraph = "The council met again. " * 10
    pieces = split_paragraph(paragraph.strip(), limit=50)
    assert all(len(piece) <= 50 for piece in pieces)
    assert all(piece.endswith("again.") for piece in pieces)
    assert " ".join(pieces) == paragraph.strip()


def test_split_paragraph_without_sentence_ends_breaks_at_spaces():
    pieces = split_paragraph("word " * 30, limit=23)
    assert all(len(piece) <= 23 and not piece.endswith(" ") for piece in pieces)
    assert " ".join(pieces).split() == ["word"] * 30


def _article(paragraphs: list[str]) -> Article:
    raw = RawArticle(source="big.txt", text="\n\n".join(paragraphs))
    return Article(id="a1", source="big.txt", content_hash=raw.content_hash, raw=raw, paragraphs=paragraphs)


def test_an_overlong_article_is_cut_and_split_with_notices(monkeypatch):
    monkeypatch.setattr(bounds, "MAX_BODY_CHARS", 100)
    monkeypatch.setattr(bounds, "MAX_PARAGRAPH_CHARS", 30)
    article = bound_paragraphs(_article(["Short lead.", "The minister spoke. " * 20]))
    assert sum(map(len, article.paragraphs)) <= 100
    assert all(len(p) <= 30 for p in article.paragraphs)
    assert article.paragraphs[0] == "Short lead."
    kinds = {notice.kind: notice.reason for notice in article.raw.notices}
    assert set(kinds) == {"cut", "repaired"}
    assert "not analysed" in kinds["cut"]


def test_an_ordinary_article_is_left_alone():
    paragraphs = ["One paragraph.", "Another one."]
    article = bound_paragraphs(_article(list(paragraphs)))
    assert article.paragraphs == paragraphs
    assert article.raw.notices == []
