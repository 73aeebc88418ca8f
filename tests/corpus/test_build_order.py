"""Results do not depend on build order: A then B, B then A and A+B together give the same answers."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import storyline

FIRST = """Arland and Brevia reopen border talks

March 3, 2021

Arland's foreign minister Tomas Keller met Brevia's envoy Lena Brandt in Geneva on Tuesday.

"We have wasted enough time," Keller told reporters.

Brandt said Brevia wanted the first round finished by April.
"""

SECOND = """Border talks stall over water rights

March 9, 2021

The talks between Arland and Brevia stalled on Monday over water rights, officials said.

"There is no deal without the river," Keller said in Geneva.

Ana Keller, a water engineer from Arland, said the dam could be shared. Brandt refused to comment.
"""


def _answers(db: Path) -> dict:
    corpus = storyline.Corpus(db)
    try:
        return {
            "stories": [dataclasses.asdict(s) for s in corpus.stories()],
            "entities": [dataclasses.asdict(e) for e in corpus.entities()],
            "quotes": sorted((s.article, s.quote.start, s.quote.speaker, s.quote.speaker_entity)
                             for s in corpus.quotes()),
            "timeline": [dataclasses.asdict(e) for e in corpus.timeline()],
            "summary": [dataclasses.asdict(s) for s in corpus.summary()],
            "series": [dataclasses.asdict(s) for s in corpus.series()],
        }
    finally:
        corpus.close()


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("order")
    for name, text in (("a.txt", FIRST), ("b.txt", SECOND)):
        (folder / name).write_text(text, encoding="utf-8")
    plans = {"a then b": [["a.txt"], ["b.txt"]], "b then a": [["b.txt"], ["a.txt"]], "a+b": [["a.txt", "b.txt"]]}
    found = {}
    for label, steps in plans.items():
        db = folder / f"{label.replace(' ', '_').replace('+', '_')}.db"
        for step in steps:
            storyline.build([folder / name for name in step], db=db).close()
        found[label] = _answers(db)
    return found


def test_every_answer_is_the_same_whatever_the_order(builds):
    together = builds["a+b"]
    assert together["entities"] and together["quotes"]
    for label in ("a then b", "b then a"):
        for key, value in together.items():
            assert builds[label][key] == value, f"{key} differs for {label}"


def test_two_people_of_one_surname_are_not_merged_on_it(builds):
    names = {e["name"] for e in builds["a+b"]["entities"] if e["label"] == "PERSON"}
    assert {"Tomas Keller", "Ana Keller"} <= names
    ids = {e["name"]: e["id"] for e in builds["a+b"]["entities"]}
    assert ids["Tomas Keller"] != ids["Ana Keller"]
    first_article = [q for q in builds["a+b"]["quotes"] if q[2] == "Tomas Keller"]
    assert first_article and all(q[3] == ids["Tomas Keller"] for q in first_article)
