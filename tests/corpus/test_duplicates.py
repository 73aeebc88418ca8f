from storyline.corpus.duplicates import DuplicateIndex, from_bytes, signature, to_bytes
from storyline.record import Article

STORY = [
    "The central bank raised its main interest rate by half a point on Thursday, the third rise this year.",
    "Officials said inflation had stayed above target for eleven months and that further rises were possible.",
    "Markets had expected a smaller move, and the currency rose sharply after the announcement.",
]


def _article(article_id: str, paragraphs: list[str]) -> Article:
    return Article(id=article_id, source=article_id, content_hash=article_id, paragraphs=paragraphs)


def test_near_copy_is_found_and_unrelated_is_not():
    index = DuplicateIndex()
    index.add("a", signature(_article("a", STORY)))
    copy = _article("b", ["By Staff Reporter"] + STORY + ["Reporting by a wire agency; editing by another."])
    other = _article("c", ["The football season starts next week with twenty teams and a new coach in charge."])
    assert index.original_of(signature(copy)) == "a"
    assert index.original_of(signature(other)) is None


def test_signature_survives_storage_and_discard_forgets():
    minhash = signature(_article("a", STORY))
    index = DuplicateIndex([("a", to_bytes(minhash))])
    assert from_bytes(to_bytes(minhash)).jaccard(minhash) == 1.0
    assert index.original_of(minhash) == "a"
    index.discard("a")
    assert index.original_of(minhash) is None
