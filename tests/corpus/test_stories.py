import sqlite3

import numpy as np

from storyline.corpus.stories import StoryFeatures, StoryIndex


def _features(article: str, direction: int, keys: dict[str, float]) -> StoryFeatures:
    vector = np.zeros(8, dtype=np.float32)
    vector[direction] = 1.0
    return StoryFeatures(article, f"{article}.txt", "2020-01-01", vector, keys, {}, {k: k[2:] for k in keys})


def test_reset_forgets_every_story_and_the_next_add_assigns_afresh():
    conn = sqlite3.connect(":memory:")
    index = StoryIndex(conn)
    batch = [_features("a", 0, {"e:quake": 1.0}), _features("b", 0, {"e:quake": 1.0}),
             _features("c", 3, {"e:budget": 1.0})]
    first = index.add(batch)
    assert first["a"] == first["b"] != first["c"]
    index.reset()
    assert index.assignment() == {} and index.stories() == []
    assert index.add(batch) == first  # ids derive from each story's first article: the same again


def test_a_day_that_is_not_on_the_calendar_leaves_the_article_undated_for_stories():
    from storyline.corpus.stories.features import article_date
    from storyline.record import Article

    def dated(published: str | None, estimate: str | None = None) -> Article:
        return Article(id="a", source="a", content_hash="a", published=published, published_estimate=estimate)

    assert article_date(dated("2015-02-29")) is None
    assert article_date(dated("2015-02-29", "2015-02-20/..")) == "2015-02-20"
    assert article_date(dated("2016-02-29T10:00")) == "2016-02-29"
