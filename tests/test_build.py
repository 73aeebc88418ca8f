from __future__ import annotations

import shutil

import pytest

import storyline
from storyline.store import Database


def test_first_build_counts_every_outcome(corpus_dir, tmp_path):
    corpus = storyline.build(corpus_dir, db=tmp_path / "s.db")
    summary = corpus.last_build
    assert (summary.read, summary.new, summary.duplicates, summary.skipped, summary.failed) == (3, 1, 1, 1, 1)
    assert summary.failures[0].source.endswith("d_junk.txt")
    by_source = {a.source.rsplit("/", 1)[-1]: a for a in corpus.articles()}
    original, copy, french = by_source["a_wire.txt"], by_source["b_copy.txt"], by_source["c_french.txt"]
    assert copy.duplicate_of == original.id and copy.duplicate_kind == "near"
    assert copy.sentences == []  # not analysed twice
    assert original.sentences and original.entities
    assert french.language == "fr" and french.status == "skipped" and "English" in french.status_reason


def test_rebuild_changes_nothing_and_growth_processes_only_the_new(corpus_dir, tmp_path):
    db = tmp_path / "s.db"
    storyline.build(corpus_dir, db=db).close()
    before = Database(db).conn.execute("SELECT id, added_at FROM articles ORDER BY id").fetchall()
    again = storyline.build(corpus_dir, db=db)
    assert (again.last_build.new, again.last_build.unchanged) == (0, 3)
    after = again.db.conn.execute("SELECT id, added_at FROM articles ORDER BY id").fetchall()
    assert [tuple(r) for r in before] == [tuple(r) for r in after]
    (corpus_dir / "e_new.txt").write_text(
        "Storm closes ports\n\nA storm closed three ports on the northern coast on Friday, the coast guard said, "
        "and ferries were cancelled until the weekend.\n", encoding="utf-8")
    grown = storyline.build(corpus_dir, db=db)
    assert (grown.last_build.new, grown.last_build.unchanged) == (1, 3)


def test_exact_copy_is_linked_to_its_original(corpus_dir, tmp_path):
    shutil.copy(corpus_dir / "a_wire.txt", corpus_dir / "z_same.txt")
    corpus = storyline.build(corpus_dir, db=tmp_path / "s.db")
    by_source = {a.source.rsplit("/", 1)[-1]: a for a in corpus.articles()}
    assert by_source["z_same.txt"].duplicate_of == by_source["a_wire.txt"].id
    assert by_source["z_same.txt"].duplicate_kind == "exact"
    assert by_source["z_same.txt"].id != by_source["a_wire.txt"].id


def test_changed_file_replaces_its_old_version(corpus_dir, tmp_path, wire_story):
    db = tmp_path / "s.db"
    storyline.build(corpus_dir, db=db).close()
    (corpus_dir / "a_wire.txt").write_text(wire_story + "\nThe ministers will meet again in June.\n", encoding="utf-8")
    corpus = storyline.build(corpus_dir, db=db)
    wires = [a for a in corpus.articles() if a.source.endswith("a_wire.txt")]
    assert len(wires) == 1 and wires[0].status == "ok"
    assert "June" in wires[0].text


def test_bad_input_in_a_later_build_loses_nothing(corpus_dir, tmp_path):
    db = tmp_path / "s.db"
    first = storyline.build(corpus_dir, db=db)
    stored = sorted(a.id for a in first.articles())
    first.close()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    later = storyline.build([bad, corpus_dir], db=db)
    assert later.last_build.failed == 3  # the two bad files and the junk file still in the folder
    assert sorted(a.id for a in later.articles()) == stored


def test_worker_processes_give_the_same_result(corpus_dir, tmp_path):
    one = storyline.build(corpus_dir, db=tmp_path / "one.db")
    two = storyline.build(corpus_dir, db=tmp_path / "two.db", workers=2)
    strip = lambda corpus: [(a.id, a.paragraphs, a.entities, a.status) for a in corpus.articles()]  # noqa: E731
    assert strip(one) == strip(two)


def test_ray_tasks_give_the_same_result(corpus_dir, tmp_path):
    pytest.importorskip("ray")
    one = storyline.build(corpus_dir, db=tmp_path / "one.db")
    ray_built = storyline.build(corpus_dir, db=tmp_path / "ray.db", workers=2, executor="ray")
    strip = lambda corpus: [(a.id, a.paragraphs, a.entities, a.quotes, a.status) for a in corpus.articles()]  # noqa: E731
    assert strip(one) == strip(ray_built)


def test_unknown_executor_is_refused(corpus_dir, tmp_path):
    with pytest.raises(ValueError, match="unknown executor"):
        storyline.build(corpus_dir, db=tmp_path / "s.db", executor="threads")


def test_a_stage_that_raises_fails_one_article_and_a_rebuild_retries_it(corpus_dir, tmp_path, monkeypatch):
    from storyline import pipeline
    from storyline.record import Quote
    from storyline.stages import Stage

    def fragile(article):
        if "Brevia" in article.text:
            article.quotes = ["half-written"]
            raise ValueError("cannot cope")
        return article

    original = list(pipeline.ANALYSE)
    monkeypatch.setattr(pipeline, "ANALYSE", [*original, Stage("fragile", (), ("quotes",), fragile)])
    db = tmp_path / "s.db"
    corpus = storyline.build(corpus_dir, db=db)
    failed = [a for a in corpus.articles() if a.status == "failed"]
    assert len(failed) == 1 and "'fragile' failed: ValueError: cannot cope" in failed[0].status_reason
    # the failed stage's half-written field goes back to what the quotes stage had found; the rest is kept
    assert failed[0].quotes and all(isinstance(q, Quote) for q in failed[0].quotes) and failed[0].paragraphs
    assert any("cannot cope" in f.reason for f in corpus.last_build.failures)
    corpus.close()
    monkeypatch.setattr(pipeline, "ANALYSE", original)
    again = storyline.build(corpus_dir, db=db)
    assert again.last_build.new == 1 and not [a for a in again.articles() if a.status == "failed"]


def test_a_corpus_stage_that_raises_keeps_the_articles_and_the_other_results(corpus_dir, tmp_path, monkeypatch):
    from storyline.corpus import stages as corpus_stages
    from storyline.corpus.stages import CorpusStage

    def broken(articles):
        raise RuntimeError("no summary today")

    stages = [s if s.name != "summary" else CorpusStage("summary", broken) for s in corpus_stages.CORPUS_STAGES]
    monkeypatch.setattr(corpus_stages, "CORPUS_STAGES", stages)
    built = storyline.build(corpus_dir, db=tmp_path / "s.db")
    assert any(f.source.startswith("corpus stage summary (s") and "no summary today" in f.reason
               for f in built.last_build.failures)
    assert built.entities() and any(a.status == "ok" for a in built.articles())


def test_streaming_gives_the_same_articles_whatever_order_the_workers_finish_in(corpus_dir, tmp_path, monkeypatch):
    from storyline import builder
    from storyline.executor import Executor

    class LastFirst(Executor):
        """Finishes the tasks in flight last-submitted first, as a pool does when the first articles are long."""

        @property
        def capacity(self) -> int:
            return 8

        def results(self):
            return list(reversed(super().results()))

    one = storyline.build(corpus_dir, db=tmp_path / "one.db")
    monkeypatch.setattr(builder, "Executor", LastFirst)
    shuffled = storyline.build(corpus_dir, db=tmp_path / "shuffled.db", settings={"batch_size": 1})
    strip = lambda corpus: [(a.id, a.paragraphs, a.entities, a.quotes, a.status, a.duplicate_of)  # noqa: E731
                            for a in corpus.articles()]
    assert strip(one) == strip(shuffled)
    copy = next(a for a in shuffled.articles() if a.source.endswith("b_copy.txt"))
    assert copy.duplicate_of is not None  # the first of two copies in input order stays the original


def test_a_build_reports_how_busy_its_workers_were(corpus_dir, tmp_path):
    summary = storyline.build(corpus_dir, db=tmp_path / "s.db", workers=2).last_build
    assert summary.workers == 2 and 0 < summary.utilisation <= 1
    assert summary.line().endswith(f"; 2 workers {summary.utilisation:.0%} busy")
    again = storyline.build(corpus_dir, db=tmp_path / "s.db").last_build
    assert again.utilisation is None and again.line().endswith("failed 1")  # nothing new: no worker ran


def test_a_build_leaves_the_semantic_index_holding_every_stored_sentence(corpus_dir, tmp_path, monkeypatch):
    from storyline.corpus import vectors

    corpus = storyline.build(corpus_dir, db=tmp_path / "s.db")
    rows = corpus.db.conn.execute("SELECT count(*) FROM sentence_vectors").fetchone()[0]
    assert rows and vectors.shard_path(vectors.index_prefix(corpus.db), 0).is_file()
    monkeypatch.setattr(vectors, "_extend", lambda *a, **k: pytest.fail("a query extended the index"))
    assert sum(len(index) for index in vectors.update(corpus.db)) == rows  # the build added them, not the query
