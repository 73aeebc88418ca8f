"""The attribution tagger: it adds quotes only where the rules found none, never touches the model's own entities,
and the training data it is rebuilt from keeps the annotated spans."""
from pathlib import Path

import pytest

import storyline.quotes.tagged as quotes_stage
from storyline.evaluate.quotes import build_article
from storyline.quotes import learned
from storyline.quotes.train_model import annotated_spans, paragraph_docs


def test_the_package_ships_a_tagger_with_its_labels():
    tagger = learned.load_tagger()
    assert tagger is not None
    assert set(tagger.labels) == {"CONTENT", "CUE", "SOURCE"}


def test_tagging_leaves_the_english_models_entities_alone(nlp):
    doc = nlp("The mayor of Oslo, Anna Berg, argued the harbour should reopen by March.")
    before = [(e.text, e.label_) for e in doc.ents]
    learned.tag([(0, doc[:])])
    assert [(e.text, e.label_) for e in doc.ents] == before


def test_tagged_spans_point_into_the_paragraph_they_came_from(nlp):
    docs = [nlp("The weather was fine."),
            nlp("Union leaders believe the strike will end soon, Tomas Lind told reporters on Monday.")]
    for item in learned.tag([(3, docs[0][:]), (7, docs[1][:])]):
        assert item.paragraph in (3, 7)
        assert item.content.doc is docs[0 if item.paragraph == 3 else 1]
        for part in (item.cue, item.source):
            assert part is None or part.sent == item.content.sent


def test_a_stretch_later_in_a_paragraph_is_tagged_in_place(nlp):
    """Spans of a stretch tagged on its own come back as spans of the whole paragraph, at the same words."""
    doc = nlp("The weather was fine. Union leaders believe the strike will end soon, Tomas Lind told reporters.")
    second = list(doc.sents)[1]
    alone = learned.tag([(0, doc[second.start:second.end])])
    assert alone and all(second.start <= t.content.start < t.content.end <= second.end for t in alone)
    assert all(t.content.doc is doc for t in alone)


def test_a_missing_model_folder_means_no_tagger(tmp_path):
    assert learned.load_tagger.__wrapped__(tmp_path) is None


def test_without_a_model_the_rules_alone_give_the_quotes(monkeypatch):
    with_model = build_article(["Anna Berg said the bridge would reopen in May."]).quotes
    monkeypatch.setattr(learned, "load_tagger", lambda path=None: None)
    without = build_article(["Anna Berg said the bridge would reopen in May."]).quotes
    assert [(q.start, q.end) for q in without] == [(q.start, q.end) for q in with_model]


class _FixedTagger:
    """Stands in for the model: labels the words given as CONTENT (and `cue`, if given, as its CUE) in every
    paragraph where they occur."""

    def __init__(self, words: str, cue: str | None = None):
        self.words, self.cue = words, cue

    def __call__(self, stretches):
        found = []
        for paragraph, stretch in stretches:
            doc, base = stretch.doc, stretch.start_char
            start = stretch.text.find(self.words)
            if start >= 0:
                span = doc.char_span(base + start, base + start + len(self.words), alignment_mode="expand")
                at = stretch.text.find(self.cue) if self.cue else -1
                cue = doc.char_span(base + at, base + at + len(self.cue), alignment_mode="expand") if at >= 0 else None
                found.append(learned.Tagged(paragraph, span, cue, None))
        return found


def test_a_model_span_becomes_a_quote_only_where_no_rule_quote_lies(monkeypatch):
    monkeypatch.setattr(quotes_stage, "tag", _FixedTagger("the ferry will run again", cue="is betting"))
    text = "After the storm the harbour master is betting, in a note, the ferry will run again."
    added = build_article([text]).quotes
    assert [(q.text, q.kind, q.cue, q.speaker) for q in added] == [
        ("the ferry will run again", "indirect", "is betting", "harbour master")]
    ruled = build_article(["Anna Berg said the ferry will run again before winter."]).quotes
    assert len(ruled) == 1 and ruled[0].cue == "said" and ruled[0].speaker == "Anna Berg"


def test_reported_speech_with_neither_cue_nor_source_is_left_out(monkeypatch):
    monkeypatch.setattr(quotes_stage, "tag", _FixedTagger("the ferry will run again"))
    assert build_article(["On the island the ferry will run again before winter."]).quotes == []


def test_a_model_span_inside_quotation_marks_is_a_direct_quote(monkeypatch):
    monkeypatch.setattr(quotes_stage, "tag", _FixedTagger("We will not give up"))
    found = build_article(["The banner at the gate read: \u201cWe will not give up.\u201d"]).quotes
    assert any(q.kind == "direct" and q.text.startswith("We will not give up") for q in found)


ANNOTATION = """T1\tSource 0 9
T2\tCue 10 14
T3\tContent 15 41;50 60
E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3
"""


def test_brat_attributions_become_labelled_pieces(tmp_path: Path):
    ann = tmp_path / "a.ann"
    ann.write_text(ANNOTATION, encoding="utf-8")
    assert annotated_spans(ann) == [(0, 9, "SOURCE"), (10, 14, "CUE"), (15, 41, "CONTENT"), (50, 60, "CONTENT")]


def test_training_docs_carry_the_spans_of_their_paragraph(tmp_path: Path, nlp):
    text = "Anna Berg said the bridge would reopen.\nIt did, and the ferry stopped.\n"
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    ann = tmp_path / "t.ann"
    ann.write_text("T1\tSource 0 9\nT2\tCue 10 14\nT3\tContent 15 38\n"
                   "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n", encoding="utf-8")
    first, second = paragraph_docs(tmp_path / "t.txt", ann)
    assert [(e.text, e.label_) for e in first.ents] == [("Anna Berg", "SOURCE"), ("said", "CUE"),
                                                         ("the bridge would reopen", "CONTENT")]
    assert list(second.ents) == []


def test_a_model_quote_without_source_or_cue_goes_on_from_the_quote_before(nlp):
    from storyline.quotes.tagged import speakers_carried
    from storyline.quotes.layout import Layout
    from storyline.record import Quote

    article = build_article(["\u201cThe bridge is safe,\u201d engineer Maria Costa said.", "\u201cWe checked it.\u201d"])
    before = next(q for q in article.quotes if q.speaker == "Maria Costa")
    second = article.paragraph_starts()[1] + 1
    added = Quote("We checked it.", second, second + 14, "direct")
    quotes = [before, added]
    speakers_carried(quotes, [id(added)], Layout(article.docs, article.paragraphs, article.paragraph_starts()))
    assert added.speaker_via == "continuation" and added.speaker == "Maria Costa"


def test_a_headline_label_is_no_source(monkeypatch, nlp):
    doc = nlp("Update: The road to the harbour is open again.")
    label = doc[0:1]
    content = doc[2:len(doc) - 1]
    monkeypatch.setattr(quotes_stage, "tag", lambda docs: [learned.Tagged(0, content, None, label)])
    assert build_article(["Update: The road to the harbour is open again."]).quotes == []


def test_a_rule_quote_after_a_verb_widens_to_the_models_longer_span(monkeypatch):
    monkeypatch.setattr(quotes_stage, "tag", _FixedTagger("the strike was over, and the shop owners would reopen"))
    found = build_article(["Tomas Lind said the strike was over, and the shop owners would reopen on Monday after a "
                           "long dispute."]).quotes
    assert [(q.text, q.cue, q.speaker) for q in found] == [
        ("the strike was over, and the shop owners would reopen", "said", "Tomas Lind")]


def test_a_mixed_quote_widens_like_reported_speech(monkeypatch):
    span = "the strike was \u201ca disgrace\u201d, and the shop owners would reopen"
    monkeypatch.setattr(quotes_stage, "tag", _FixedTagger(span))
    found = build_article(["Tomas Lind said the strike was \u201ca disgrace\u201d, and the shop owners would reopen on "
                           "Monday after a long dispute."]).quotes
    assert [(q.text, q.kind) for q in found] == [(span, "mixed")]


def test_a_tagged_span_holding_a_rule_quotes_cue_is_the_outer_statement(monkeypatch):
    """`made clear that only the plan that called for talks counted`: the span around `called for talks` is the
    mayor's statement, not the plan's; it takes the nested rule quote's place."""
    span = "that only the plan that called for talks counted"
    monkeypatch.setattr(quotes_stage, "tag", _FixedTagger(span, cue="made clear"))
    found = build_article(["After a long meeting on Monday, the mayor made clear that only the plan that called for "
                           "talks counted."]).quotes
    assert [(q.text, q.cue, q.speaker_text) for q in found] == [(span, "made clear", "the mayor")]


def test_only_sentences_with_words_the_rules_left_are_tagged(monkeypatch):
    """A short sentence, and one a rule quote leaves under OPEN_WORDS words of, are not tagged; neighbouring
    sentences that are go to the tagger as one stretch."""
    seen = []
    monkeypatch.setattr(quotes_stage, "tag", lambda stretches: seen.extend(s.text for _, s in stretches) or [])
    build_article(["The ferry stopped. Anna Berg said it was broken down again.",
                   "There was little support in the town for the harbour plan. The mood turned against the council "
                   "after the statement."])
    assert seen == ["There was little support in the town for the harbour plan. The mood turned against the council "
                    "after the statement."]


def test_a_nouns_complement_is_not_widened(monkeypatch):
    monkeypatch.setattr(quotes_stage, "tag", _FixedTagger("to close the mine angered the town"))
    found = build_article(["Peter Holm met the press.", "His decision to close the mine angered the town."]).quotes
    assert [q.text for q in found] == ["to close the mine"]


def test_a_model_quote_with_a_cue_but_no_speaker_does_not_go_on_from_the_quote_before(monkeypatch):
    """`reportedly`, `is said to`: a cue with no one behind it is anonymous, not the previous speaker's."""
    tagger = _FixedTagger("the road was reportedly closed by the floods", cue="reportedly")
    monkeypatch.setattr(quotes_stage, "tag", tagger)
    found = build_article(["\u201cThe bridge is safe,\u201d engineer Maria Costa said.",
                           "In some places the road was reportedly closed by the floods last night."]).quotes
    road = next(q for q in found if "road" in q.text)
    assert road.cue == "reportedly" and road.speaker is None and road.speaker_via is None


def test_a_cue_inside_the_content_is_not_its_cue(nlp):
    doc = nlp("Officials said the plan that critics attacked would pass.")
    content = doc[2:9]  # "the plan that critics attacked would pass"
    attacked, said = doc[5:6], doc[1:2]
    assert learned._nearest([attacked, said], content).text == "said"
    assert learned._nearest([attacked], content) is None


def test_an_adjective_the_content_hangs_from_brings_its_verb_as_the_cue(nlp):
    doc = nlp("The council has made it clear that the harbour will stay open.")
    content = doc[6:12]  # "that the harbour will stay open"
    assert learned._governing([], content).text == "made it clear"


def test_a_relative_pronoun_source_is_the_noun_it_describes(nlp):
    doc = nlp("The council rejected a plan that called for the harbour to close.")
    that = next(t for t in doc if t.lower_ == "that")
    item = learned.Tagged(0, doc[that.i + 3:len(doc) - 1], doc[that.i + 1:that.i + 3], doc[that.i:that.i + 1])
    assert learned.source_head(item).text == "plan"


def test_train_quotes_rebuilds_a_loadable_tagger(tmp_path: Path, nlp):
    from storyline.quotes.train_model import train

    for folder in ("text", "attributions"):
        (tmp_path / "polnear" / folder).mkdir(parents=True)
    for name in ("a", "b"):
        text = f"Anna Berg said the bridge {name} would reopen.\nThe ferry stopped.\n"
        (tmp_path / "polnear" / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / "polnear" / "attributions" / f"{name}_x.ann").write_text(
            "T1\tSource 0 9\nT2\tCue 10 14\nT3\tContent 15 40\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n",
            encoding="utf-8")
    train(tmp_path / "polnear", tmp_path / "model", steps=2)
    tagger = learned.load_tagger.__wrapped__(tmp_path / "model")
    assert set(tagger.labels) == {"CONTENT", "CUE", "SOURCE"}
    assert tagger.vocab.lookups.has_table("lexeme_norm")
    assert "/tmp" not in (tmp_path / "model" / "config.cfg").read_text(encoding="utf-8").split("[nlp]")[0]


def test_rules_only_switches_the_tagger_off_for_the_block_only():
    with learned.rules_only():
        assert learned.load_tagger() is None
        assert learned.tag([(0, build_article(["The ferry will run again."]).docs[0])]) == []
    assert learned.load_tagger() is not None


def test_the_cues_own_subject_wins_over_a_source_elsewhere_in_the_sentence(nlp):
    doc = nlp("\u201cWe will stay,\u201d Tomas Lind said, days after the council passed a motion calling for the "
              "harbour to close.")
    text = doc.text
    span = lambda words: doc.char_span(text.index(words), text.index(words) + len(words))  # noqa: E731
    item = learned.Tagged(0, span("the harbour to close"), span("calling for"), span("Tomas Lind"))
    assert learned.source_head(item).text == "motion"


def test_a_content_takes_the_verb_it_hangs_from_over_a_distant_labelled_cue(nlp):
    doc = nlp("\u201cWe will stay,\u201d Tomas Lind said, days after the council passed a motion calling for the "
              "harbour to close.")
    text = doc.text
    span = lambda words: doc.char_span(text.index(words), text.index(words) + len(words))  # noqa: E731
    assert learned._governing([span("said")], span("the harbour to close")).text == "calling"
    assert learned._governing([span("calling for")], span("the harbour to close")).text == "calling for"
