from pathlib import Path

from typer.testing import CliRunner

from storyline.evaluate.cli import app
from storyline.evaluate.tls_store import mixed_articles, topic_of, topic_story


def _collection(root: Path, name: str, days: dict[str, list[str]]) -> None:
    for day, texts in days.items():
        folder = root / name / "InputDocs" / day
        folder.mkdir(parents=True)
        for number, text in enumerate(texts):
            (folder / f"{number}.htm.txt").write_text(text)
    (root / name / "timelines").mkdir()


def test_topic_is_the_collection_name_before_the_first_underscore():
    assert topic_of("bpoil_bbc") == "bpoil"
    assert topic_of("H1N1_guardian") == "h1n1"
    assert topic_of("MJ") == "mj"


def test_mixed_articles_keep_sources_apart_and_sample_each_collection(tmp_path: Path):
    _collection(tmp_path, "quake_a", {"2020-01-02": ["The quake hit .", "Rescuers dig ."]})
    _collection(tmp_path, "quake_b", {"2020-01-02": ["The quake hit ."], "2020-01-03": ["Aid arrives ."]})
    raws = list(mixed_articles(tmp_path))
    assert [r.source for r in raws] == ["quake_a/InputDocs/2020-01-02/0.htm.txt",
                                        "quake_a/InputDocs/2020-01-02/1.htm.txt",
                                        "quake_b/InputDocs/2020-01-02/0.htm.txt",
                                        "quake_b/InputDocs/2020-01-03/0.htm.txt"]
    assert raws[0].text == "The quake hit." and raws[3].published == "2020-01-03"
    assert [r.source for r in mixed_articles(tmp_path, every=2)] == [raws[0].source, raws[2].source]


def test_topic_story_is_the_largest_story_mostly_of_the_topic():
    gold = {"a1": "a", "a2": "a", "a3": "a", "a4": "a", "b1": "b", "b2": "b", "b3": "b"}
    # s1: 2 a + 3 b (mostly b); s2: 2 a (all a); s3: b alone
    predicted = {"a1": "s1", "a2": "s1", "b1": "s1", "b2": "s1", "b3": "s1", "a3": "s2", "a4": "s2"}
    assert topic_story(predicted, gold, "a") == "s2"
    assert topic_story(predicted, gold, "b") == "s1"
    assert topic_story(predicted, gold, "c") is None


def test_every_below_one_is_a_usage_error(tmp_path: Path):
    result = CliRunner().invoke(app, ["tls", str(tmp_path), "--one-store", str(tmp_path / "s.db"), "--every", "0"])
    assert result.exit_code == 2
