"""Entity canonicalisation across short invented articles."""
import pytest

from storyline.corpus.entities import canonicalise, entity_id, entity_mentions
from storyline.corpus.mentions import clean_person_name, role_before
from storyline.evaluate.quotes import build_article


@pytest.fixture(scope="module")
def corpus(nlp):
    first = build_article(["Swedish Prime Minister Karin Dahl met Norwegian leader Erik Solberg-Lund in Oslo.",
                           "\u201cWe agreed on the fisheries,\u201d Dahl said."], "a1")
    first.published = "2024-03-01"
    second = build_article(["Prime Minister Karin Dahl arrived in Stockholm on Friday.",
                            "Erik Solberg-Lund stayed in Oslo.",
                            "\u201cThe deal holds,\u201d the Swedish leader said."], "a2")
    articles = [first, second]
    return articles, canonicalise(articles)


def test_name_forms_become_one_entity(corpus):
    _, entities = corpus
    dahl = [e for e in entities if e.label == "PERSON" and "Dahl" in e.name]
    assert len(dahl) == 1
    assert dahl[0].name == "Karin Dahl"
    assert {"Karin Dahl", "Dahl"} <= set(dahl[0].aliases)
    assert sorted(dahl[0].articles) == ["a1", "a2"]


def test_roles_keep_article_offsets_and_date(corpus):
    articles, entities = corpus
    dahl = next(e for e in entities if e.name == "Karin Dahl")
    roles = {(r.article, r.text) for r in dahl.roles}
    assert ("a1", "Swedish Prime Minister") in roles
    role = next(r for r in dahl.roles if r.article == "a1")
    assert role.published == "2024-03-01"
    assert articles[0].text[role.start:role.end].endswith("Karin Dahl")


def test_quotes_get_canonical_speaker_and_entity(corpus):
    articles, entities = corpus
    dahl = next(e for e in entities if e.name == "Karin Dahl")
    quote = next(q for q in articles[0].quotes if "fisheries" in q.text)
    assert quote.speaker == "Karin Dahl" and quote.speaker_entity == dahl.id


def test_description_resolved_through_the_corpus(nlp):
    first = build_article(["Russian President Ivan Petrov met Syrian President Omar Haddad."], "b1")
    second = build_article(["Ivan Petrov and Omar Haddad spoke for an hour.",
                            "\u201cThe war must end,\u201d the Kremlin strongman said."], "b2")
    entities = canonicalise([first, second])
    petrov = next(e for e in entities if e.name == "Ivan Petrov")
    assert "Russia" in petrov.affiliations
    quote = second.quotes[0]
    assert quote.speaker_via == "description"
    assert quote.speaker == "Ivan Petrov" and quote.speaker_entity == petrov.id


def test_an_indefinite_description_stays_unnamed(nlp):
    first = build_article(["Russian President Ivan Petrov met Syrian President Omar Haddad."], "c1")
    second = build_article(["Ivan Petrov and Omar Haddad spoke for an hour.",
                            "\u201cThe talks will go on,\u201d a Russian government source said."], "c2")
    canonicalise([first, second])
    quote = second.quotes[0]
    assert quote.speaker_text == "a Russian government source"
    assert quote.speaker is None and quote.speaker_entity is None


def test_a_continuation_takes_the_entity_of_the_quote_it_continues(nlp):
    """A cue-less quote carried on from reported speech is that speaker's, not the last direct quote's."""
    from storyline.record import Quote

    article = build_article(["\u201cThe port stays shut,\u201d union leader Marta Ruiz said.",
                             "Minister Pedro Lago said the strike had cost millions."], "d1")
    direct, reported = article.quotes
    article.quotes.append(Quote("We will not pay.", reported.end + 1, reported.end + 17, "direct",
                                reported.cue, reported.cue_start, reported.cue_end, reported.speaker_text,
                                reported.speaker_start, reported.speaker_end, "continuation", reported.speaker))
    canonicalise([article])
    assert (direct.speaker, reported.speaker) == ("Marta Ruiz", "Pedro Lago")
    assert article.quotes[-1].speaker == "Pedro Lago" and article.quotes[-1].speaker_entity == reported.speaker_entity


def test_ids_are_stable_and_names_cleaned():
    assert entity_id("Karin Dahl", "PERSON") == entity_id("Karin Dahl", "PERSON")
    assert entity_id("Karin Dahl", "PERSON") != entity_id("Karin Dahl", "ORG")
    assert clean_person_name("President Vladimir Putin") == ("Vladimir Putin", "President")
    assert clean_person_name("Russia's Putin")[0] == "Putin"
    text = "Yesterday Foreign Ministry spokesman Ana Ruiz said"
    assert role_before(text, text.index("Ana"), 0) == "Foreign Ministry spokesman"


def test_a_description_in_front_of_an_organisation_is_not_part_of_its_name(nlp):
    from storyline.corpus.entities import canonicalise
    from storyline.evaluate.quotes import build_article

    article = build_article([
        "Caldera Terminals runs the port. Port operator Caldera Terminals said it was disappointed with the vote.",
    ])
    canonicalise([article])
    speakers = {q.speaker for q in article.quotes}
    assert "Caldera Terminals" in speakers and not any(s and s.startswith("Port operator") for s in speakers)


def test_a_source_named_by_its_publication_is_the_organisation(nlp):
    from storyline.corpus.entities import canonicalise
    from storyline.evaluate.quotes import build_article

    article = build_article([
        "The United Nations opened an inquiry. According to United Nations figures, more than 300 people have fled "
        "the valley since Monday.",
    ])
    canonicalise([article])
    assert any(q.speaker == "United Nations" for q in article.quotes), [q.speaker for q in article.quotes]


@pytest.fixture(scope="module")
def names_corpus(nlp):
    first = build_article(["The United Nations said on Monday that aid had stopped. The U.N. asked for access.",
                           "Russian officials said the UN was wrong. Russia denied it."], "n1")
    second = build_article(["UN envoy Lena Park arrived in Geneva. The U.S. and the European Union backed the EU "
                            "plan.", "Donald Trump spoke. His daughter Ivanka Trump spoke later. Trump said the talks "
                            "were good."], "n2")
    third = build_article(["Mr Trump met the United States delegation. Officials in the state of Ohio said the "
                           "State would help."], "n3")
    return canonicalise([first, second, third])


def test_acronyms_dotted_and_full_forms_are_one_entity(names_corpus):
    by_name = {e.name: e for e in names_corpus}
    assert {"UN", "United Nations"} <= set(by_name["United Nations"].aliases)
    assert sorted(by_name["United Nations"].articles) == ["n1", "n2"]
    assert sorted(by_name["United States"].articles) == ["n2", "n3"]
    assert "EU" in by_name["European Union"].aliases
    assert not {"UN", "U.N.", "US", "U.S.", "EU"} & set(by_name)


def test_junk_and_demonyms_are_no_entities(names_corpus):
    names = {e.name for e in names_corpus}
    assert "State" not in names and "Russian" not in names
    assert next(e for e in names_corpus if e.name == "Russia").articles == ["n1"]


def test_two_people_of_one_surname_never_merge(names_corpus):
    people = {e.name: e for e in names_corpus if e.label == "PERSON"}
    assert people["Donald Trump"].aliases == ["Donald Trump"]
    assert people["Ivanka Trump"].aliases == ["Ivanka Trump"]
    assert "Trump" in people  # the bare surname stays ambiguous: two Trumps, neither dominant


def test_entity_mentions_give_each_mention_its_entity(nlp):
    article = build_article(["The United Nations met. The U.N. said no."], "m1")
    found = {article.text[s:e]: entity.name for _, s, e, entity in entity_mentions([article])}
    assert found == {"The United Nations": "United Nations", "U.N.": "United Nations"}


def test_a_listing_carries_the_first_roles_and_articles_of_each_entity_and_their_counts():
    import sqlite3

    from storyline.corpus.entities import EntityTables
    from storyline.store.schema import ENTITY_SCHEMA

    conn = sqlite3.connect(":memory:")
    conn.executescript(ENTITY_SCHEMA)
    roles = [("Mayor of Lund", "2021-05-01"), ("Russian foreign minister", "2020-01-02"), ("Mayor of Lund", None),
             ("UN envoy", "2022-02-02"), (None, "2019-01-01")]
    conn.executemany("INSERT INTO entity_mentions VALUES (?, ?, ?, 'PERSON', 'berg', 'anna', 'Anna Berg', ?, ?, "
                     "'e1', 'name')", [(f"a{n}", n, n + 9, role, day) for n, (role, day) in enumerate(roles)])
    conn.executemany("INSERT INTO entity_articles VALUES ('e1', ?)", [(f"a{n}",) for n in range(5)])
    conn.execute("INSERT INTO entity_aliases VALUES ('e1', 'Anna Berg', 'PERSON', 5)")
    conn.execute("INSERT INTO canonical_entities VALUES ('e1', 'berg', 'Anna Berg', 'PERSON', 5, 5)")
    tables = EntityTables(conn)
    whole, = tables.entities(["e1"])
    sampled, = tables.entities(["e1"], sample=2)
    assert [r.text for r in whole.roles] == ["Russian foreign minister", "Mayor of Lund", "UN envoy",
                                             "Mayor of Lund"]  # date order, undated last
    assert sampled.roles == whole.roles[:2] and sampled.articles == whole.articles[:2] == ["a0", "a1"]
    assert (sampled.role_count, sampled.article_count) == (whole.role_count, whole.article_count) == (4, 5)
    assert sampled.affiliations == whole.affiliations == ["Russia", "United Nations"]  # of every role, in order
