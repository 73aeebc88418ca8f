from storyline.quotes.marks import find_marks


def _spans(paragraphs):
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2
    text = "\n\n".join(paragraphs)
    return [(text[m.start:m.end], m) for m in find_marks(paragraphs, starts)]


def test_curly_straight_and_guillemets():
    found = _spans(["He said \u201cyes\u201d, then \"no\" and \u00abmaybe\u00bb."])
    assert [t for t, _ in found] == ["yes", "no", "maybe"]


def test_unclosed_quote_stops_at_its_paragraph():
    found = _spans(["She said \"this never closes.", "A plain paragraph.", "Another one."])
    assert [t for t, _ in found] == ["this never closes."]
    assert found[0][1].balanced is False


def test_reopened_paragraph_convention_ends_each_quote_at_the_break():
    found = _spans(["\u201cFirst part.", "\u201cSecond part,\u201d she said."])
    assert [t for t, _ in found] == ["First part.", "Second part,"]
    assert found[0][1].reopened


def test_page_break_inside_a_quote_is_bridged():
    found = _spans(["\"Help them, but not", "under any circumstances,\" he said."])
    assert [t for t, _ in found] == ["Help them, but not\n\nunder any circumstances,"]


def test_apostrophes_and_inch_marks_do_not_open_quotes():
    found = _spans(["It's the 12\" pipe, isn't it?"])
    assert found == [] or all(len(t) < 3 for t, _ in found)


def test_two_apostrophes_are_a_double_quote():
    found = _spans(["''It can work,'' said Ana Ruiz, who isn't sure."])
    assert [t for t, _ in found] == ["It can work,"]
