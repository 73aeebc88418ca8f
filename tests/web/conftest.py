"""A small invented corpus, built once for the web tests: two articles quoting the same mayor, a copy of one on
another site, and a hostile article whose text carries markup, event handlers and javascript: links."""
from __future__ import annotations

from pathlib import Path

import pytest

import storyline

BRIDGE_APPROVED = """Valley council approves new bridge

March 2, 2022

The Dornfeld valley council approved a new bridge over the Lune river on Tuesday, officials said.

"This bridge will end a decade of detours," mayor Anika Brandt told reporters at the town hall. "Work starts in May."

Engineers said the crossing would cost about 12 million euros and carry 9,000 cars a day.

Floods in the valley have killed 12 people since January, according to the regional police.
"""

BRIDGE_DELAYED = """Bridge works delayed by floods

April 20, 2022

Work on the Lune bridge has been delayed by spring floods, the Dornfeld valley council said on Wednesday.

"We will not cut corners on safety," mayor Anika Brandt said in a statement. "The bridge will open next year."

Contractors expect to resume work in June once the river has fallen.

Floods in the valley have killed at least 30 people since January, according to the regional police.
"""

HOSTILE = """<script>document.title='pwned'</script> Ferry service <b>resumes</b>

May 5, 2022

Officials said on Monday that the <img src=x onerror="document.title='pwned'"> ferry would resume next week.

Click <a href="javascript:document.title='pwned'">here</a> to read the statement the harbour office published.

"Passengers can <script>alert(1)</script> board again," harbour master Ivo Marek said.
"""


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    """The built store (spaCy loaded once, through the session's `nlp` fixture)."""
    folder = tmp_path_factory.mktemp("web_articles")
    (folder / "a_bridge.txt").write_text(BRIDGE_APPROVED, encoding="utf-8")
    (folder / "b_delay.txt").write_text(BRIDGE_DELAYED, encoding="utf-8")
    (folder / "c_copy.txt").write_text(BRIDGE_DELAYED.replace("Bridge works", "Bridge work"), encoding="utf-8")
    (folder / "d_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = folder.parent / "web.db"
    storyline.build(folder, db=db).close()
    return db


@pytest.fixture(scope="session")
def web_corpus(web_db: Path) -> storyline.Corpus:
    return storyline.Corpus(web_db)
