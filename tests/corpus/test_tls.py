"""Timeline summarisation: the days most articles point at, the sentences dated that day, cited, never repeated;
the controls (how many days, sentences a day, a date range) hold; captions and leaning sentences stay out."""
from __future__ import annotations

from storyline.corpus.summary import summarise
from storyline.corpus.tls import date_scores, default_dates, is_candidate, summarise_timeline
from storyline.record import Article, Sentence, TimeExpression


def article(article_id: str, published: str, *sentences: tuple[str, str | None, str | None]) -> Article:
    """An analysed article from (sentence, its own date, the expression naming it) triples, one paragraph each."""
    made = Article(id=article_id, source=article_id, content_hash=article_id, status="ok", published=published,
                   paragraphs=[s for s, _, _ in sentences])
    for index, ((text, value, expression), start) in enumerate(zip(sentences, made.paragraph_starts())):
        made.sentences.append(Sentence(start, start + len(text), index, value))
        if expression:
            at = start + text.index(expression)
            made.dates.append(TimeExpression(expression, at, at + len(expression), "DATE", value, index))
    return made


def story() -> list[Article]:
    return [
        article("a", "2021-03-03",
                ("A dam burst above the valley town of Orlen on Tuesday, flooding its lower streets.", "2021-03-02",
                 "Tuesday"),
                ("It was the worst flood the town had known.", "2021-03-02", None),
                ("Engineers had warned in January that the dam wall was cracking badly.", "2021-01", "January")),
        article("b", "2021-03-03",
                ("The Orlen dam gave way on Tuesday and water poured through the valley town.", "2021-03-02",
                 "Tuesday"),
                ("Photo: rescuers carry a boy through the water in Orlen on Tuesday.", "2021-03-02", "Tuesday"),
                ("Rescuers pulled forty residents from flooded homes by Tuesday night.", "2021-03-02", None)),
        article("c", "2021-03-05",
                ("The regional governor visited Orlen on Thursday and promised money to rebuild.", "2021-03-04",
                 "Thursday"),
                ("A dam burst above the valley town of Orlen on Tuesday, flooding its lower streets.", "2021-03-02",
                 "Tuesday")),
        article("d", "2021-03-06",
                ("Officials opened an inquiry into the dam failure on Friday in the capital.", "2021-03-05",
                 "Friday"),
                ("The governor's visit to Orlen on Thursday drew angry crowds of residents.", "2021-03-04",
                 "Thursday")),
    ]


def test_most_pointed_at_day_ranks_first():
    scores = date_scores(story())
    assert max(scores, key=scores.get) == "2021-03-02"
    assert scores["2021-03-02"] > scores["2021-03-04"] > scores["2021-03-05"]


def test_days_in_date_order_each_sentence_of_its_own_day_cited_and_traceable():
    articles = story()
    by_id = {a.id: a for a in articles}
    entries = summarise_timeline(articles, dates=2, per_date=2)
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    assert {e.date for e in entries} == {"2021-03-02", "2021-03-04"}
    for entry in entries:
        [citation] = entry.citations
        source = by_id[citation.article]
        assert source.text[citation.start:citation.end] == entry.text
        assert source.sentences[citation.sentence].date == entry.date


def test_no_repeats_and_no_captions():
    entries = summarise_timeline(story(), dates=3, per_date=2)
    texts = [e.text for e in entries]
    assert len(texts) == len(set(texts))
    assert texts.count("A dam burst above the valley town of Orlen on Tuesday, flooding its lower streets.") <= 1
    assert not any(t.startswith("Photo:") for t in texts)
    assert not is_candidate("Photo: rescuers carry a boy through the water in Orlen on Tuesday.")


def test_controls_date_range_and_defaults():
    entries = summarise_timeline(story(), dates=5, per_date=1, start="2021-03-03", end="2021-03-31")
    assert {e.date for e in entries} <= {"2021-03-04", "2021-03-05"} and entries
    assert len(summarise_timeline(story(), dates=1, per_date=1)) == 1
    assert default_dates(5) == 4 and default_dates(300) == 35 and default_dates(0) == 3


def test_readable_only_leaves_out_opening_pronouns():
    entries = summarise_timeline(story(), dates=3, per_date=3, readable_only=True)
    assert entries and not any(e.text.startswith("It ") for e in entries)


def test_summary_in_date_order_readable_and_cited():
    articles = story()
    by_id = {a.id: a for a in articles}
    summary = [s for s in summarise(articles, sentences=3) if s.part == "summary"]
    assert len(summary) == 3
    days = [by_id[s.citation.article].sentences[s.citation.sentence].date for s in summary]
    assert days == sorted(days)
    assert not any(s.text.startswith(("It ", "They ")) for s in summary)
    for item in summary:
        assert by_id[item.citation.article].text[item.citation.start:item.citation.end] == item.text
