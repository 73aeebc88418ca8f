"""Timeline17 layout: PTB-tokenised lines detokenised into ordinary text, the publication date from the folder,
and the tilse timeline format read and written back unchanged."""
from __future__ import annotations

from datetime import date

from storyline.read.timeline17 import collections, detokenise, format_timeline, parse_timeline, read_collection


def test_detokenise_quotes_brackets_clitics_and_currency():
    assert detokenise("The mayor said `` we will not rest '' , and he ca n't .") == \
        'The mayor said "we will not rest", and he can\'t.'
    assert detokenise("The town 's council pledged $ 500m -LRB- about 40 % -RRB- on Monday ; nobody objected !") == \
        "The town's council pledged $500m (about 40%) on Monday; nobody objected!"
    assert detokenise("Her reply : ` Not today . '") == "Her reply: 'Not today.'"
    assert detokenise("The A\\/B strain spread .") == "The A/B strain spread."


TIMELINE = """2021-03-02
Ministers meet in Geneva .
They agree to talk again .
--------------------------------
2021-02-10
Floods hit the north .
--------------------------------
"""


def test_tilse_format_round_trip():
    parsed = parse_timeline(TIMELINE)
    assert parsed == {date(2021, 3, 2): ["Ministers meet in Geneva .", "They agree to talk again ."],
                      date(2021, 2, 10): ["Floods hit the north ."]}
    written = format_timeline(parsed)
    assert written.splitlines()[0] == "2021-02-10"  # dates in order
    assert parse_timeline(written) == parsed


def test_collection_reader_sets_publication_date_and_one_paragraph_a_line(tmp_path):
    day = tmp_path / "story" / "InputDocs" / "2021-03-03"
    day.mkdir(parents=True)
    (tmp_path / "story" / "timelines").mkdir()
    (day / "1.htm.txt").write_text("Ministers met on Tuesday .\nThey `` agreed '' .\n", encoding="utf-8")
    assert collections(tmp_path) == [tmp_path / "story"]
    [raw] = read_collection(tmp_path / "story")
    assert raw.published == "2021-03-03"
    assert raw.source == "InputDocs/2021-03-03/1.htm.txt"
    assert raw.text == 'Ministers met on Tuesday.\n\nThey "agreed".'
