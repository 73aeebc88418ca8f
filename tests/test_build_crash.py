"""Crash safety: a build killed with SIGKILL at any moment, then run again, gives what a clean build gives.

A child process runs `storyline.build` and kills itself (SIGKILL, as `kill -9` would) when its connection to the
store is about to run its N-th SQL statement: a moment chosen at random, by seed, among every statement a clean
build runs, in the per-article phase and in the corpus update alike (a statement is where the store's state can
change; between two of them the store is as it was at the first). Then the same build runs again, and: SQLite's
integrity check passes, every article stored before the crash is still there unchanged, what the crashed build had
committed is not done again, and everything the API returns equals a clean build's answers.
"""
from __future__ import annotations

import dataclasses
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import storyline

SEED = int(os.environ.get("STORYLINE_CRASH_SEED", "18"))
SETTINGS = {"batch_size": 1}  # one transaction per article: more moments between commits to crash at

FIRST = {
    "talks_1.txt": "Arland and Brevia agree to resume border talks\n\nMarch 2, 2021\n\n"
                   "The foreign ministers of Arland and Brevia agreed on Tuesday to resume talks on their disputed "
                   "border, officials said.\n\n\"We have wasted enough time,\" Arland's foreign minister Tomas Keller "
                   "told reporters in Geneva.\n\nThe talks have been frozen since 2019.\n",
    "talks_2.txt": "Border talks to open in Vienna\n\nMarch 9, 2021\n\n"
                   "Negotiators from Arland and Brevia will meet in Vienna on April 6, Brevia's foreign ministry "
                   "said on Tuesday.\n\nTomas Keller said the first round would last three days. \"Water rights "
                   "come first,\" he said.\n",
    "storm_1.txt": "Storm closes ports on the northern coast\n\nJanuary 15, 2021\n\n"
                   "A storm closed three ports near Norvik on Friday, the coast guard said, and at least 12 people "
                   "were injured.\n\n\"Stay off the roads,\" said Ana Sorel, the mayor of Norvik.\n",
}
LATER = {
    "talks_3.txt": "Arland and Brevia end first round of talks\n\nApril 9, 2021\n\n"
                   "The first round of border talks between Arland and Brevia ended in Vienna on Thursday without "
                   "a deal, Tomas Keller said.\n\n\"We made progress on water rights,\" Keller told reporters.\n",
    "storm_2.txt": "Norvik counts the cost of the storm\n\nJanuary 18, 2021\n\n"
                   "The storm that hit Norvik last week injured 15 people and damaged 200 homes, mayor Ana Sorel "
                   "said on Monday.\n\nRepairs will cost about 4 million euros, she said.\n",
}

CHILD = """
import os, signal, sqlite3, sys
from pathlib import Path
import storyline
store, kill_at, count = str(Path(sys.argv[1])), int(sys.argv[2]), [0]
real_connect = sqlite3.connect
def trace(statement):
    count[0] += 1
    if count[0] == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
def connect(path, *args, **kwargs):
    conn = real_connect(path, *args, **kwargs)
    if str(Path(path)) == store:
        conn.set_trace_callback(trace)
    return conn
sqlite3.connect = connect
storyline.build(sys.argv[3], db=store, workers=1, settings={"batch_size": 1})
"""


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def _plain(items: list) -> list:
    return [dataclasses.asdict(i) if dataclasses.is_dataclass(i) else i for i in items]


def answers(db: Path) -> dict[str, str]:
    """What the API returns for the store, as JSON text per listing."""
    with storyline.Corpus(db) as corpus:
        found = {
            "articles": _plain(corpus.articles()), "quotes": _plain(corpus.quotes()),
            "entities": _plain(corpus.entities()), "stories": _plain(corpus.stories()),
            "assignment": corpus.story_assignment(), "timeline": _plain(corpus.timeline()),
            "summary": _plain(corpus.summary()), "series": _plain(corpus.series()),
            "failures": _plain(corpus.failures()),
        }
    return {name: json.dumps(value, sort_keys=True, default=str) for name, value in found.items()}


class StatementCounter:
    """Counts the SQL statements run on one store's connections (what the child counts to choose its moment), and
    notes the count when the corpus phase starts (as a `storyline` progress watcher)."""

    def __init__(self, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count, self.corpus_starts = 0, None
        real_connect = sqlite3.connect

        def connect(path, *args, **kwargs):
            conn = real_connect(path, *args, **kwargs)
            if str(Path(path)) == str(store):
                conn.set_trace_callback(self._seen)
            return conn

        monkeypatch.setattr(sqlite3, "connect", connect)

    def _seen(self, statement: str) -> None:
        self.count += 1

    def phase(self, name: str, total: int | None, unit: str = "") -> None:
        if name == "corpus":
            self.corpus_starts = self.count

    def advance(self, count: int = 1) -> None:
        pass

    def status(self, text: str | None) -> None:
        pass


def clean_build(folder: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> StatementCounter:
    with monkeypatch.context() as patch:
        counter = StatementCounter(db, patch)
        with storyline.Corpus(db) as corpus:
            corpus.build([folder], workers=1, progress=counter, settings=SETTINGS)
    assert counter.corpus_starts is not None, "the clean build ran no corpus phase"
    return counter


def moments(counter: StatementCounter, rng: random.Random) -> list[int]:
    """A random statement in the per-article phase and two in the corpus update (its first and last few
    statements are where it reads and where it commits)."""
    return [rng.randint(1, counter.corpus_starts), rng.randint(counter.corpus_starts + 1, counter.count),
            rng.randint(max(counter.corpus_starts + 1, counter.count - 3), counter.count)]


def crash(folder: Path, db: Path, kill_at: int) -> None:
    done = subprocess.run([sys.executable, "-c", CHILD, str(db), str(kill_at), str(folder)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, f"statement {kill_at}: the build was not killed: {done.stderr[-800:]}"


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def stored_ids(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM articles")}


def copy_store(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as old, sqlite3.connect(target) as new:
        old.backup(new)


def check_crash_then_rebuild(folder: Path, db: Path, kill_at: int, before: dict[str, str] | None,
                             clean: dict[str, str]) -> None:
    crash(folder, db, kill_at)
    assert integrity(db) == "ok", f"statement {kill_at}: integrity check failed"
    survived = stored_ids(db)
    if before is not None:  # what the store held before this build is all there, unchanged
        with storyline.Corpus(db) as corpus:
            still = {a.id: a for a in corpus.articles()}
        earlier = [a["id"] for a in json.loads(before["articles"])]
        assert set(earlier) <= set(still), f"statement {kill_at}: articles stored before the build were lost"
        kept = json.dumps(_plain([still[i] for i in earlier]), sort_keys=True, default=str)
        assert kept == before["articles"], f"statement {kill_at}: articles stored before the build changed"
    again = storyline.build(folder, db=db, workers=1, settings=SETTINGS)
    again.close()
    assert again.last_build.unchanged >= len(survived), f"statement {kill_at}: committed articles were redone"
    assert integrity(db) == "ok"
    assert stored_ids(db) >= survived
    after = answers(db)
    for name in clean:
        assert after[name] == clean[name], f"killed at statement {kill_at}: {name} differ from a clean build"


@pytest.mark.timeout(300)
def test_a_build_killed_at_random_moments_then_run_again_equals_a_clean_build(tmp_path, monkeypatch):
    rng = random.Random(SEED)
    folder = tmp_path / "articles"
    folder.mkdir()
    _write(folder, FIRST)
    reference = tmp_path / "reference.db"
    first = clean_build(folder, reference, monkeypatch)
    first_answers = answers(reference)
    snapshot = tmp_path / "first.db"
    copy_store(reference, snapshot)
    for number, kill_at in enumerate(moments(first, rng)[:2]):  # into an empty store
        check_crash_then_rebuild(folder, tmp_path / f"empty-{number}.db", kill_at, None, first_answers)

    _write(folder, LATER)
    grown = clean_build(folder, reference, monkeypatch)
    grown_answers = answers(reference)
    assert grown_answers != first_answers
    for number, kill_at in enumerate(moments(grown, rng)):  # into a store that holds the first build
        db = tmp_path / f"grown-{number}.db"
        copy_store(snapshot, db)
        check_crash_then_rebuild(folder, db, kill_at, first_answers, grown_answers)
