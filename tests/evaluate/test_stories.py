from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from storyline.evaluate import stories
from storyline.evaluate.bcubed import bcubed
from storyline.evaluate.cli import app
from storyline.evaluate.timeline import read_ecbplus_documents

QUAKE = "Earthquake strikes the coast of {}, buildings collapse, rescuers search rubble for survivors of the quake."
VOTE = "Parliament votes on the budget of {}; the finance minister defends tax rises before the election vote."


def test_wikiref_cluster_is_the_name_without_its_number():
    assert stories.wikiref_cluster("ParisAttacks2015 (13).txt") == "ParisAttacks2015"
    assert stories.wikiref_cluster("samsung.galaxy.s5.7.txt") == "samsung.galaxy.s5"
    assert stories.wikiref_cluster("NBA.draft.2.txt") == "NBA.draft"


def test_read_wikiref_decodes_cp1252_and_skips_the_readme(tmp_path: Path):
    inner = tmp_path / "WikiRef220"
    inner.mkdir()
    (inner / "topic.1.txt").write_bytes("It\x92s a \x93quote\x94".encode("latin-1"))
    (tmp_path / "readme.txt").write_text("about the set")
    assert stories.read_wikiref(tmp_path) == {"topic.1.txt": "It\u2019s a \u201cquote\u201d"}


def test_baseline_separates_two_topics_at_a_middle_threshold():
    texts = {f"q{i}": QUAKE.format(place) for i, place in enumerate(["Chile", "Peru", "Japan"])}
    texts |= {f"v{i}": VOTE.format(place) for i, place in enumerate(["Spain", "Italy", "Greece"])}
    names = sorted(texts)
    tree = stories.dendrogram([texts[n] for n in names])
    gold = {n: n[0] for n in names}
    assert bcubed(stories.cut(tree, names, 0.8), gold).f1 == 1.0
    assert len(set(stories.cut(tree, names, 0.01).values())) == 6
    assert stories.best_threshold(tree, names, gold) < 0.95


def test_cross_validation_scores_each_fold_apart():
    texts = {f"q{i}": QUAKE.format(i) for i in range(5)} | {f"v{i}": VOTE.format(i) for i in range(5)}
    names = sorted(texts)
    tree = stories.dendrogram([texts[n] for n in names])
    predicted, chosen = stories.cross_validated(tree, names, {n: n[0] for n in names}, lambda n: int(n[1]))
    assert len(chosen) == stories.FOLDS
    assert set(predicted) == set(names)
    assert {p.split(":")[0] for p in predicted.values()} == {str(f) for f in range(stories.FOLDS)}


ECB = """<Document doc_name="{name}"><token t_id="1" sentence="0">Quake</token><token t_id="2" sentence="0">hits</token>
<token t_id="3" sentence="1">Rescuers</token><token t_id="4" sentence="1">dig</token><token t_id="5" sentence="1">.</token>
<Markables/><Relations/></Document>"""


def test_ecbplus_documents_are_plain_text_with_subtopics(tmp_path: Path):
    for topic in ("3", "12"):
        (tmp_path / "ECB+" / topic).mkdir(parents=True)
        for kind in ("ecb", "ecbplus"):
            name = f"{topic}_1{kind}.xml"
            (tmp_path / "ECB+" / topic / name).write_text(ECB.format(name=name))
    documents = read_ecbplus_documents(tmp_path)
    assert [d.topic for d in documents] == ["3", "3", "12", "12"]
    assert {d.subtopic for d in documents} == {"3_ecb", "3_ecbplus", "12_ecb", "12_ecbplus"}
    assert documents[0].text == "Quake hits\n\nRescuers dig."


def test_a_path_that_does_not_exist_is_skipped(tmp_path: Path):
    result = CliRunner().invoke(app, ["stories", "--wikiref", str(tmp_path / "absent")])
    assert result.exit_code == 0 and "does not exist" in " ".join(result.output.split())
    assert "F1" not in result.output


def test_no_set_given_is_a_usage_error():
    assert CliRunner().invoke(app, ["stories"]).exit_code == 2


def test_shared_sets_read_as_documented(shared: Path):
    wikiref = stories.read_wikiref(shared / "eval" / "wikiref220")
    sizes = Counter(stories.wikiref_cluster(n) for n in wikiref)
    assert len(wikiref) == 220
    assert sum(n for n in sizes.values() if n <= 5) == 35 and sum(1 for n in sizes.values() if n > 5) == 5
    documents = read_ecbplus_documents(shared / "eval" / "ecbplus", range(1, 36))
    # ECB+ as released has no topics 15 and 17
    assert len({d.topic for d in documents}) == 33 and len({d.subtopic for d in documents}) == 66


def test_report_renders_and_serialises_both_systems():
    from storyline.evaluate.bcubed import BCubed

    row = stories.Scored("set", BCubed(1.0, 0.5, 4), BCubed(0.5, 1.0, 4), 3, 1, "0.90")
    report = stories.StoriesReport([row], ["note"])
    assert "0.667" in report.render() and report.render().endswith("note")
    data = report.as_dict()["sets"][0]
    assert data["storyline"]["f1"] == data["baseline"]["f1"] and data["baseline_threshold"] == "0.90"
