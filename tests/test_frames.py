"""`storyline.open(db)`: every table as a pandas DataFrame with the CLI's filters, for notebooks."""
from __future__ import annotations

import pandas as pd
import pytest

import storyline
from storyline.filters import FilterError


@pytest.fixture(scope="module")
def frames(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    (folder / "a.txt").write_text(
        "Ministers agree to resume border talks\n\nMarch 3, 2021\n\nThe foreign ministers of Arland and Brevia "
        "agreed on Tuesday to resume talks on their disputed border, officials said.\n\n\"We have wasted enough "
        "time,\" Arland's foreign minister Tomas Keller told reporters in Geneva. At least 30 people were killed in "
        "border clashes last year, according to the Red Cross.\n", encoding="utf-8")
    db = tmp_path_factory.mktemp("store") / "s.db"
    storyline.build(folder, db=db).close()
    with storyline.open(db) as opened:
        yield opened


def test_every_listing_is_a_dataframe_with_its_evidence_columns(frames):
    for frame, columns in ((frames.articles(), {"id", "source", "published", "text"}),
                           (frames.quotes(), {"article", "source", "speaker", "as_said", "cue", "start", "end"}),
                           (frames.figures(), {"article", "source", "kind", "value", "start", "end", "given_by"}),
                           (frames.entities(), {"id", "name", "label", "aliases"}),
                           (frames.search("border"), {"article", "sentence", "text", "rank"})):
        assert isinstance(frame, pd.DataFrame) and len(frame) and columns <= set(frame.columns)


def test_filters_narrow_the_frames(frames):
    keller = frames.quotes(entity="Tomas Keller")
    assert len(keller) == 1 and "wasted enough time" in keller.as_said[0]
    assert frames.quotes(since="2022").empty
    assert set(frames.figures(kind="killed").kind) == {"killed"}
    assert frames.figures(kind="refugees").empty


def test_bad_values_raise_as_everywhere(frames):
    with pytest.raises(FilterError):
        frames.figures(kind="deaths")
    with pytest.raises(KeyError):
        frames.quotes(entity="Nobody At All")


def test_opening_a_missing_store_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="no store at"):
        storyline.open(tmp_path / "none.db")
