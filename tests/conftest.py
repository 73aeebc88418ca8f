"""Shared fixtures: the spaCy model is loaded once per test session; articles are short ones written here."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def embedding_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Tests never read or write the user's embedding cache (~/.cache/storyline)."""
    folder = tmp_path_factory.mktemp("embedding-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv("STORYLINE_CACHE", str(folder))
    yield folder
    patch.undo()


@pytest.fixture(scope="session")
def nlp():
    from storyline.annotate import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only `../shared` folder beside the checkout; tests that need it skip where it is absent."""
    if not SHARED.exists():
        pytest.skip("../shared is not present")
    return SHARED


WIRE_STORY = """Ministers agree to resume border talks

March 3, 2021

The foreign ministers of Arland and Brevia agreed on Tuesday to resume talks on their disputed border, officials said.

"We have wasted enough time," Arland's foreign minister Tomas Keller told reporters in Geneva. "Now we talk."

The talks, frozen since 2019, will restart in Vienna next month, according to a joint statement.

Brevia's delegation said it expected the first round to last three days and to cover water rights.
"""


@pytest.fixture
def wire_story() -> str:
    return WIRE_STORY


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A folder with an English article, its copy on another site, a French article and a junk file."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_wire.txt").write_text(WIRE_STORY, encoding="utf-8")
    (folder / "b_copy.txt").write_text(WIRE_STORY.replace("Ministers agree", "Ministers agree again")
                                       + "\nSubscribe to our newsletter.\n", encoding="utf-8")
    (folder / "c_french.txt").write_text(
        "Les ministres reprennent les discussions\n\nLes ministres des affaires étrangères se sont mis d'accord "
        "mardi pour reprendre les discussions sur la frontière, ont déclaré des responsables. Les pourparlers "
        "reprendront à Vienne le mois prochain selon un communiqué commun.\n", encoding="utf-8")
    (folder / "d_junk.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    return folder
