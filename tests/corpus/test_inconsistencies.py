"""A speaker contradicting themselves across articles is flagged with both quotes cited; agreeing quotes are not."""
from __future__ import annotations

from storyline.corpus.inconsistencies import speaker_contradictions
from storyline.record import Article, Quote


def said(article_id: str, text: str, speaker: str = "Tomas Keller") -> Article:
    paragraph = f'"{text}," {speaker} said.'
    return Article(id=article_id, source=article_id, content_hash=article_id, status="ok", paragraphs=[paragraph],
                   quotes=[Quote(text, 1, 1 + len(text), "direct", speaker=speaker, sentence=0)])


def test_negated_claim_by_the_same_speaker_is_flagged():
    articles = [said("a", "Arland will supply weapons to the northern rebels"),
                said("b", "Arland will never supply weapons to the northern rebels")]
    [found] = speaker_contradictions(articles)
    assert found.kind == "speaker" and "Tomas Keller" in found.description
    assert (found.first.article, found.second.article) == ("a", "b")
    assert "never" in found.second_text


def test_other_speakers_and_unrelated_claims_are_not():
    articles = [said("a", "Arland will supply weapons to the northern rebels"),
                said("b", "Arland will never supply weapons to the northern rebels", speaker="Ana Brun"),
                said("c", "The harvest was not as good as last year")]
    assert speaker_contradictions(articles) == []


def test_a_fragment_is_no_contradiction_of_a_negated_claim():
    articles = [said("a", "Arland does not want the northern valley to slide into chaos"),
                said("b", "Arland")]
    assert speaker_contradictions(articles) == []
