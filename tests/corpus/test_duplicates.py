from storyline.corpus.duplicates import DuplicateIndex, from_bytes, signature, to_bytes
from storyline.store.schema import band_keys
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


def test_signature_survives_storage_and_discard_forgets(tmp_path):
    from storyline.store import Database

    minhash = signature(_article("a", STORY))
    database = Database(tmp_path / "s.db")
    stored = _article("a", STORY)
    stored.status = "ok"
    database.save([(stored, to_bytes(minhash)), (_article("c", ["Unrelated words about the weather."]),
                                                 to_bytes(signature(_article("c", ["Unrelated words."]))))])
    index = DuplicateIndex(database)
    assert from_bytes(to_bytes(minhash)).jaccard(minhash) == 1.0
    assert [c for c, _ in database.near_signatures(band_keys(to_bytes(minhash)))] == ["a"]
    assert index.original_of(minhash) == "a"
    index.discard("a")
    assert index.original_of(minhash) is None
