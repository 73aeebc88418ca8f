"""The ECB+ evaluation reads token XML and CROSS_DOC_COREF chains right and scores pairwise merging."""
from __future__ import annotations

from pathlib import Path

from storyline.evaluate.timeline import EcbReport, EcbSentence, _score_topic, read_ecbplus


def write_doc(folder: Path, name: str, sentences: list[str], action: tuple[int, int], chain: str) -> None:
    """One document; `action` = (sentence, word) of its one action mention, in the chain `chain`."""
    tokens, t_id, anchor = [], 0, None
    for s, sentence in enumerate(sentences):
        for w, word in enumerate(sentence.split()):
            t_id += 1
            tokens.append(f'<token t_id="{t_id}" sentence="{s}" number="{w}">{word}</token>')
            if (s, w) == action:
                anchor = t_id
    folder.joinpath(name).write_text(
        f'<Document doc_name="{name}">{"".join(tokens)}<Markables>'
        f'<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="{anchor}"/></ACTION_OCCURRENCE></Markables>'
        f'<Relations><CROSS_DOC_COREF r_id="9" note="{chain}"><source m_id="1"/><target m_id="2"/>'
        f'</CROSS_DOC_COREF></Relations></Document>', encoding="utf-8")


def test_reads_listed_sentences_with_their_chains(tmp_path):
    topic = tmp_path / "ECB+" / "1"
    topic.mkdir(parents=True)
    write_doc(topic, "1_1ecb.xml", ["A quake hit Chile .", "Rescuers dug all night ."], (0, 2), "ACT1")
    write_doc(topic, "1_2ecb.xml", ["Chile was hit by a quake , officials said ."], (0, 2), "ACT1")
    (tmp_path / "ECB+_LREC2014").mkdir()
    (tmp_path / "ECB+_LREC2014" / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n1,1ecb,0\n1,1ecb,1\n1,2ecb,0\n", encoding="utf-8")
    sentences = read_ecbplus(tmp_path, range(1, 2))
    assert [(s.doc, s.index, s.chains) for s in sentences] == [
        ("1_1ecb.xml", 0, {"ACT1"}), ("1_1ecb.xml", 1, set()), ("1_2ecb.xml", 0, {"ACT1"})]
    assert sentences[0].text == "A quake hit Chile."
    assert sentences[2].text == "Chile was hit by a quake, officials said."


def test_pairwise_scores_count_cross_document_pairs_only():
    sentences = [EcbSentence("1", "a", 0, "x", {"E1"}), EcbSentence("1", "a", 1, "y", {"E1"}),
                 EcbSentence("1", "b", 0, "z", {"E1"}), EcbSentence("1", "c", 0, "w", {"E2"})]
    report = EcbReport()
    _score_topic(report, sentences, [[0, 1, 2, 3]])
    assert (report.gold_pairs, report.predicted_pairs, report.correct_pairs) == (2, 5, 2)
    assert "precision 0.400, recall 1.000" in report.render()
