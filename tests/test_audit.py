"""The audit sample: the same items for the same seed, N of each kind at most, each with its sentence."""
from __future__ import annotations

from storyline.audit import AUDIT_KINDS, sample
from storyline.record import Article, CanonicalEntity, Entity, Figure, Quote, Sentence, TimeExpression

TEXT = "The mayor said on Monday the bridge would reopen. Floods killed 12 people in Arlen. Mayor Kell agreed."


def _article(number: int) -> Article:
    first, second = TEXT.index("Floods"), TEXT.index("Mayor Kell")
    article = Article(id=f"a{number:02d}", source=f"{number}.txt", content_hash="x", status="ok", paragraphs=[TEXT])
    article.sentences = [Sentence(0, first - 1, 0, "2020-03-02"), Sentence(first, second - 1, 0),
                         Sentence(second, len(TEXT), 0)]
    article.quotes = [Quote("the bridge would reopen", 25, 48, "indirect", "said", 10, 14, "The mayor", 0, 9,
                            "description")]
    article.figures = [Figure("12", first + 14, first + 16, "killed", 12.0, counted="people")]
    article.dates = [TimeExpression("Monday", 18, 24, "DATE", "2020-03-02", 0, "published"),
                     TimeExpression("weekly", 0, 0, "SET", "P1W", 0)]
    article.entities = [Entity("Kell", "PERSON", second + 6, second + 10, 2),
                        Entity("Mayor Kell", "PERSON", second, second + 10, 2)]
    return article


ARTICLES = [_article(n) for n in range(8)]
ENTITIES = [CanonicalEntity("e1", "Mayor Kell", "PERSON", aliases=["Kell"], articles=["a00", "a01"]),
            CanonicalEntity("e2", "Arlen", "ORG", aliases=[], articles=["a00"])]


def test_the_same_seed_draws_the_same_items_whatever_the_load_order():
    first = sample(ARTICLES, ENTITIES, 3, seed=7)
    again = sample(list(reversed(ARTICLES)), ENTITIES, 3, seed=7)
    assert first == again
    assert [item.kind for item in first] == ["quote"] * 3 + ["entity"] + ["figure"] * 3 + ["date"] * 3


def test_another_seed_draws_other_items():
    draws = {tuple(i.key for i in sample(ARTICLES, ENTITIES, 3, seed=s, kinds=["quote"])) for s in range(6)}
    assert len(draws) > 1


def test_each_item_carries_its_sentence_and_offsets():
    quote, merge, figure, date = (sample(ARTICLES, ENTITIES, 1, seed=1, kinds=[k])[0] for k in AUDIT_KINDS)
    assert quote.claim == "The mayor said the bridge would reopen"
    assert quote.evidence == "The mayor said on Monday the bridge would reopen."
    assert "Floods killed 12 people" in figure.evidence and "value: 12" in figure.detail
    assert (figure.start, figure.end) == (TEXT.index("12"), TEXT.index("12") + 2)
    assert date.claim == "Monday" and "value: 2020-03-02" in date.detail  # the SET "weekly" is never drawn
    assert merge.key == "e1" and "'Kell'" in merge.evidence and "'Mayor Kell'" in merge.evidence


def test_articles_not_analysed_are_left_out():
    skipped = [_article(99)]
    skipped[0].status = "duplicate"
    assert sample(skipped, [], 5, seed=0, kinds=["quote"]) == []
