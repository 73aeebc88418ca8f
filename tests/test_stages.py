"""Running stages: a stage that raises fails its article and undoes only its own work."""
from __future__ import annotations

from storyline.record import Article, Evidence, TimeExpression
from storyline.stages import Stage, run_stages


def _clean(article: Article) -> Article:
    article.published = "2021-03-03"
    article.evidence.append(Evidence("published", "March 3, 2021", "date line"))
    article.status = "ok"
    return article


def _broken_time(article: Article) -> Article:
    article.published = None  # a stage may overwrite what it assigns before it fails
    article.evidence.append(Evidence("published", "url", "url date"))
    article.dates = [TimeExpression("Monday", 0, 6, "DATE", "2021-03-01")]
    raise ValueError("cannot cope")


CLEAN = Stage("clean", ("raw",), ("published", "evidence"), _clean)
TIME = Stage("time", ("published",), ("dates", "published", "evidence"), _broken_time)


def test_a_failing_stage_keeps_what_earlier_stages_set():
    article = run_stages(Article(id="a", source="a", content_hash="a"), [CLEAN, TIME])
    assert article.status == "failed" and "'time' failed: ValueError: cannot cope" in (article.status_reason or "")
    assert article.published == "2021-03-03"
    assert [e.method for e in article.evidence] == ["date line"]
    assert article.dates == []


def test_a_failing_first_stage_leaves_its_fields_at_their_defaults():
    article = run_stages(Article(id="a", source="a", content_hash="a"), [TIME])
    assert (article.status, article.published, article.evidence, article.dates) == ("failed", None, [], [])
