"""A build tells its watcher each phase with its total up front, every item as it is done, and model loading."""
from __future__ import annotations

import json

import storyline
from storyline.read.count import count_items


class Recorder:
    def __init__(self) -> None:
        self.phases: list[tuple[str, int | None]] = []
        self.done: dict[str, int] = {}
        self.statuses: list[str] = []

    def phase(self, name: str, total: int | None, unit: str = "") -> None:
        self.phases.append((name, total))
        self.done[name] = 0

    def advance(self, count: int = 1) -> None:
        self.done[self.phases[-1][0]] += count

    def status(self, text: str | None) -> None:
        if text:
            self.statuses.append(text)


def _folder(tmp_path, corpus_dir):
    lines = [json.dumps({"title": f"Item {n}", "text": f"The board of Arlen met for the {n}th time on Monday, "
                                                       "officials said, and agreed to meet again."})
             for n in range(3)]
    (corpus_dir / "e_dump.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    return corpus_dir


def test_the_articles_phase_knows_its_total_before_it_starts_and_reaches_it(corpus_dir, tmp_path):
    folder = _folder(tmp_path, corpus_dir)
    watch = Recorder()
    summary = storyline.Corpus(tmp_path / "s.db").build([folder], progress=watch)
    names = [name for name, _ in watch.phases]
    assert names == ["counting inputs", "articles", "corpus"]
    assert watch.done["counting inputs"] == dict(watch.phases)["articles"]
    total = dict(watch.phases)["articles"]
    # a.txt, b.txt, c.txt, d_junk.txt and the three JSONL lines
    assert total == 7 == summary.read + summary.failed
    assert watch.done["articles"] == total
    assert any("loading the spaCy model" in s for s in watch.statuses)
    assert any(s.startswith("stories and entities: 0/") for s in watch.statuses)
    assert "entities: settling the names the new articles mention" in watch.statuses
    assert any(s.startswith("stories: 1/") for s in watch.statuses)


def test_a_second_build_of_the_same_folder_still_advances_over_every_item(corpus_dir, tmp_path):
    corpus = storyline.Corpus(tmp_path / "s.db")
    corpus.build([corpus_dir])
    watch = Recorder()
    summary = corpus.build([corpus_dir], progress=watch)
    assert summary.unchanged == 3 and watch.done["articles"] == dict(watch.phases)["articles"] == 4


def test_counting_sees_jsonl_lines_and_one_item_per_other_file(corpus_dir, tmp_path):
    assert count_items([_folder(tmp_path, corpus_dir)]) == 7
    assert count_items([tmp_path / "missing"]) == 1  # its failure
