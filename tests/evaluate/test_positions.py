"""The positions evaluation: BASIL-style scoring on a folder written here, and the seeds' floor where gold is present."""
import json

from storyline.evaluate.positions import evaluate_basil, evaluate_seed_positions, gold_triples, name_key


def _basil(folder, paragraphs, phrases):
    (folder / "articles" / "2015").mkdir(parents=True)
    (folder / "annotations" / "2015").mkdir(parents=True)
    (folder / "articles" / "2015" / "ev_1.json").write_text(json.dumps({"body-paragraphs": paragraphs}))
    (folder / "annotations" / "2015" / "ev_1_ann.json").write_text(
        json.dumps({"phrase-level-annotations": phrases}))


def test_names_fold_to_surnames():
    assert name_key("Donald_Trump") == name_key("Mr. Trump's") == "trump"


def test_gold_keeps_quotes_of_named_people_only():
    phrases = [{"quote": "yes", "speaker": "Maria_Lopez", "target": "Tomas_Keller", "polarity": "neg"},
               {"quote": "yes", "speaker": "other_anti", "target": "Tomas_Keller", "polarity": "neg"},
               {"quote": "no", "speaker": "", "target": "Tomas_Keller", "polarity": "neg"},
               {"quote": "yes", "speaker": "House_Democrats", "target": "Tomas_Keller", "polarity": "pos"}]
    assert gold_triples(phrases, {"lopez", "keller"}) == {("lopez", "keller", "neg")}


def test_basil_scores_triples_and_writes_them(tmp_path, nlp):
    _basil(tmp_path, [["Senator Maria Lopez condemned Governor Tomas Keller on Monday."],
                      ["Keller did not answer."]],
           [{"quote": "yes", "speaker": "Maria_Lopez", "target": "Tomas_Keller", "polarity": "neg"}])
    out = tmp_path / "triples.jsonl"
    report = evaluate_basil(tmp_path, out)
    ours = report.systems[0]
    assert (ours.gold, ours.predicted, ours.correct, ours.polarity_right) == (1, 1, 1, 1)
    line = json.loads(out.read_text().splitlines()[0])
    assert (line["speaker"], line["target"], line["polarity"]) == ("Maria Lopez", "Tomas Keller", "neg")
    assert line["evidence"].startswith("Senator Maria Lopez condemned")
    assert "lexicon baseline" in report.render()


def test_seed_positions_floor(shared):
    gold = shared / "gold" / "seeds-positions.json"
    report = evaluate_seed_positions(gold)
    assert report.total == 24
    assert report.found >= 15 and report.right_stance >= 14
