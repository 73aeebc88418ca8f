"""The scale benchmark's replicas must stay valid records: every offset still points at its item's text."""
from __future__ import annotations

import sys
from pathlib import Path

from storyline.record import Article, Entity, Figure, Quote, Sentence, TimeExpression

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from scale_replicas import Generation, replicate  # noqa: E402

PARAGRAPHS = ["Tomas Keller met Ana Sorel in Vienna on March 3, 2021.",
              "Keller said 1,250 people were displaced, and Vienna agreed."]


def _article() -> Article:
    text = "\n\n".join(PARAGRAPHS)

    def span(needle: str, after: int = 0) -> tuple[int, int]:
        start = text.index(needle, after)
        return start, start + len(needle)

    second = text.index("Keller said")
    article = Article(id="a", source="a.txt", content_hash="h", title="Keller in Vienna", published="2021-03-04",
                      status="ok", paragraphs=list(PARAGRAPHS))
    article.sentences = [Sentence(0, len(PARAGRAPHS[0]), 0, "2021-03-03"), Sentence(second, len(text), 1)]
    article.entities = [Entity("Tomas Keller", "PERSON", *span("Tomas Keller"), 0),
                        Entity("Ana Sorel", "PERSON", *span("Ana Sorel"), 0),
                        Entity("Vienna", "GPE", *span("Vienna"), 0), Entity("Keller", "PERSON", *span("Keller", second), 1)]
    article.dates = [TimeExpression("March 3, 2021", *span("March 3, 2021"), "DATE", "2021-03-03", 0)]
    article.figures = [Figure("1,250 people", *span("1,250 people"), "displaced", 1250.0, counted="people",
                              as_of="2021-03-03", sentence=1)]
    article.quotes = [Quote("1,250 people were displaced", *span("1,250 people were displaced"), "indirect",
                            speaker_text="Keller", speaker_start=second, speaker_end=second + 6, speaker="Tomas Keller",
                            speaker_entity="E1", sentence=1)]
    return article


def test_a_replica_keeps_every_offset_and_changes_names_numbers_and_years():
    base = _article()
    replica = replicate(base, Generation(3))
    text = replica.text
    assert len(text) == len(base.text) and replica.id != base.id and replica.source != base.source
    for item in replica.entities + replica.dates + replica.figures + replica.quotes:
        assert text[item.start:item.end] == item.text
    assert text[replica.quotes[0].speaker_start:replica.quotes[0].speaker_end] == replica.quotes[0].speaker_text
    assert "Keller" not in text and "Vienna" not in text and "Keller" not in replica.title
    keller = replica.entities[0].text.split()[1]
    assert replica.entities[3].text == keller and text.count(keller) == 2  # one name, one invented name
    assert replica.dates[0].value == "2029-03-03" and "March 3, 2029" in text  # Δy = +8 for generation 3
    assert replica.published == "2029-03-04" and replica.sentences[0].date == "2029-03-03"
    figure = replica.figures[0]
    assert figure.value == float(figure.text.split()[0].replace(",", "")) != 1250.0
    assert replica.quotes[0].speaker_entity is None


def test_generation_zero_changes_nothing_but_identity():
    base = _article()
    replica = replicate(base, Generation(0))
    assert replica.text == base.text and replica.dates == base.dates and replica.figures == base.figures
    assert replica.id != base.id
