import pytest

from storyline.settings import Setting, parse_settings

ROWS = (Setting("size", 20.0, "mb"), Setting("batch", 32, "n"))


def test_defaults_and_overrides_are_typed():
    assert parse_settings([], ROWS) == {"size": 20.0, "batch": 32}
    assert parse_settings(["size=2.5", "batch = 8"], ROWS) == {"size": 2.5, "batch": 8}


@pytest.mark.parametrize("pair, message", [
    ("nope=1", "unknown setting"), ("size", "unknown setting"), ("batch=1.5", "whole number"),
    ("size=-1", "positive"),
])
def test_bad_pairs_are_named(pair, message):
    with pytest.raises(ValueError, match=message):
        parse_settings([pair], ROWS)


def test_build_honours_a_setting(corpus_dir, tmp_path):
    import storyline

    corpus = storyline.build(corpus_dir, db=tmp_path / "s.db", settings={"max_file_mb": 0.0001})
    reasons = [f.reason for f in corpus.last_build.failures]
    assert any("too large" in reason for reason in reasons)
