"""Canonical entities across articles, kept in their own tables and updated for the articles that arrive.

Every person and organisation an article names is a row of `entity_mentions` (`corpus.mentions`), in the block of
its surname or bare organisation name. Within a block, a full name is the entity of its first name and surname
(`Vladimir Putin`, `President Vladimir Putin`); a bare surname is the person its own article names in full, else
the one person of that surname the corpus names (or one named three times as often as all others together), else
an entity of the surname alone: two people who share a surname are never merged on it (Donald and Ivanka Trump).
An organisation whose name is a person's surname is left to the person.

Each quote's speaker is resolved to an entity in `quote_speakers`; the quote as its article said it stays in the
article's own record. Each mention and resolution records *how* it was made (`via`), so that when a block's
evidence changes (a second full name for a surname, a person for a name once read as an organisation) the rows that
rested on it are moved with one set-based update, and every table is a function of the set of articles, never of
the order they came in. The work for a batch is in proportion to the names it mentions, never the corpus.
"""
from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter

from ..quotes.speakers import PERSON_NOUNS, is_indefinite
from ..record import Article, CanonicalEntity, Quote, Role
from ..store.database import like_escape
from ..store.schema import ENTITY_SCHEMA
from . import names
from .mentions import DOCUMENT_NOUNS, NameMention, clean_person_name, name_mentions, person_key, places

DOMINANCE = 3  # a bare surname goes to the person named this many times as often as all others of that surname



def entity_id(key: str, label: str) -> str:
    """A stable id from an entity's block key: the same names give the same id in every build, in any order."""
    return hashlib.sha1(f"{label}\0{key}".encode()).hexdigest()[:12]


def person_id(first: str, surname: str) -> str:
    return entity_id(f"{first} {surname}".strip(), "PERSON")


def organisation_id(key: str) -> str:
    return entity_id(key, "ORG")


class EntityTables:
    """The entity tables on a connection; `add` resolves a batch of new articles in the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._dirty_blocks: set[str] = set()
        self._dirty_entities: set[str] = set()
        self._new_descriptions: set[tuple[str, int]] = set()

    # --- adding articles ----------------------------------------------------------------------------------------

    def add(self, articles: list[Article]) -> None:
        """Record the names and quotes of `articles` (analysed, not added before); call `finish` after the last
        batch, which settles every block and entity they touched once."""
        by_block: dict[str, list[NameMention]] = {}
        for article in articles:
            for mention in name_mentions(article):
                by_block.setdefault(mention.block, []).append(mention)
        for block in sorted(by_block):
            self._add_block(block, by_block[block])
        for article in articles:
            self._resolve_quotes(article)

    def finish(self) -> None:
        """Settle the blocks and entities the added articles touched: bare surnames to their target, counts,
        aliases and profiles rewritten, descriptions matched against profiles that grew."""
        for block in sorted(self._dirty_blocks):
            self._settle_people(block)
        grown = {e for e in sorted(self._dirty_entities) if self._rewrite(e)}
        self._redo_descriptions(grown, set(self._new_descriptions))
        self._dirty_blocks.clear()
        self._dirty_entities.clear()
        self._new_descriptions.clear()

    def _add_block(self, block: str, mentions: list[NameMention]) -> None:
        people = any(m.label == "PERSON" for m in mentions) or self._has_people(block)
        local = _firsts_before(mentions)
        rows = []
        for m in mentions:
            first = person_key(m.name)[0] if m.label == "PERSON" else ""
            if m.label != "PERSON":
                entity, via = (None, "left to a person") if people else (organisation_id(block), "org")
            elif first:
                entity, via = person_id(first, block), "name"
            elif m in local:
                entity, via = person_id(local[m], block), "article"
            else:
                entity, via = None, "target"
            rows.append((m.article, m.start, m.end, m.label, block, first, m.name, m.role, m.published, entity, via))
        self.conn.executemany("INSERT OR REPLACE INTO entity_mentions VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        self._dirty_entities.update(r[9] for r in rows if r[9])
        if people:
            self._dirty_blocks.add(block)

    def _has_people(self, block: str) -> bool:
        return self.conn.execute("SELECT 1 FROM entity_mentions WHERE block = ? AND label = 'PERSON' LIMIT 1",
                                 (block,)).fetchone() is not None

    def _settle_people(self, block: str) -> None:
        """Point the block's bare surnames (mentions and quotes) at their target, and take organisation readings
        of the name away from it."""
        org = organisation_id(block)
        if self.conn.execute("SELECT 1 FROM entity_mentions WHERE entity = ? LIMIT 1", (org,)).fetchone():
            self.conn.execute("UPDATE entity_mentions SET entity = NULL, via = 'left to a person' "
                              "WHERE block = ? AND via = 'org'", (block,))
            self._dirty_entities.add(org)
        target = self._target(block)
        old = self.conn.execute("SELECT entity FROM surname_targets WHERE block = ?", (block,)).fetchone()
        if old is not None and old[0] != target:
            self._dirty_entities.add(old[0])
        self.conn.execute("INSERT OR REPLACE INTO surname_targets VALUES (?, ?)", (block, target))
        changed = self.conn.execute("UPDATE entity_mentions SET entity = ? WHERE block = ? AND via = 'target' "
                                    "AND entity IS NOT ?", (target, block, target)).rowcount
        if changed:
            self._dirty_entities.add(target)
        self.conn.execute("UPDATE quote_speakers SET entity = ?, via = 'target' "
                          "WHERE block = ? AND via IN ('target', 'org') AND entity IS NOT ?", (target, block, target))

    def _target(self, block: str) -> str:
        """The entity a bare surname with no full name in its own article stands for."""
        counts = dict(self.conn.execute(
            "SELECT first, count(*) FROM entity_mentions WHERE block = ? AND via = 'name' GROUP BY first",
            (block,)).fetchall())
        return person_id(_dominant(counts), block)

    def _rewrite(self, entity: str) -> bool:
        """Rewrite one entity's row, aliases, articles and profile from its mentions; whether its profile (the
        places and role heads descriptions are matched on) grew."""
        before = self._profile(entity)
        rows = self.conn.execute(
            "SELECT name, label, article, role, block FROM entity_mentions WHERE entity = ?", (entity,)).fetchall()
        for table in ("canonical_entities", "entity_aliases", "entity_articles", "entity_places", "entity_heads"):
            self.conn.execute(f"DELETE FROM {table} WHERE {'id' if table == 'canonical_entities' else 'entity'} = ?",
                              (entity,))
        if not rows:
            return False
        aliases = Counter((r[0], r[1]) for r in rows)
        self.conn.executemany("INSERT INTO entity_aliases VALUES (?, ?, ?, ?)",
                              [(entity, name, label, uses) for (name, label), uses in aliases.items()])
        articles = sorted({r[2] for r in rows})
        self.conn.executemany("INSERT INTO entity_articles VALUES (?, ?)", [(entity, a) for a in articles])
        roles = {r[3] for r in rows if r[3]}
        self.conn.executemany("INSERT OR IGNORE INTO entity_places VALUES (?, ?)",
                              [(entity, p) for role in roles for p in places(role)])
        self.conn.executemany("INSERT OR IGNORE INTO entity_heads VALUES (?, ?)",
                              [(entity, w.lower()) for role in roles for w in role.split()
                               if w.lower() in PERSON_NOUNS])
        labels: Counter = Counter()
        for (_, label), uses in aliases.items():
            labels[label] += uses
        label = "PERSON" if "PERSON" in labels else min(labels, key=lambda k: (-labels[k], k))
        shown = _display_name(aliases) if label == "PERSON" else names.display_name(_display_name(aliases), label)
        self.conn.execute("INSERT INTO canonical_entities VALUES (?, ?, ?, ?, ?, ?)",
                          (entity, rows[0][4], shown, label, len(articles), len(rows)))
        return self._profile(entity) != before

    def _profile(self, entity: str) -> tuple:
        return (tuple(r[0] for r in self.conn.execute(
                    "SELECT place FROM entity_places WHERE entity = ? ORDER BY place", (entity,))),
                tuple(r[0] for r in self.conn.execute(
                    "SELECT head FROM entity_heads WHERE entity = ? ORDER BY head", (entity,))))

    # --- quote speakers -----------------------------------------------------------------------------------------

    def _resolve_quotes(self, article: Article) -> None:
        """Each quote's entity: the one its speaker mention was resolved to, else by name; a continuation takes
        the entity of the quote it continues; a description the nearest person named before it whose profile
        fits (kept as candidates, so a profile that grows later can still resolve it)."""
        self.conn.execute("DELETE FROM quote_speakers WHERE article = ?", (article.id,))
        self.conn.execute("DELETE FROM description_candidates WHERE article = ?", (article.id,))
        last_by_mention: dict[tuple, tuple[str, str | None, str] | Quote] = {}
        for index, quote in enumerate(article.quotes):
            mention = (quote.speaker_start, quote.speaker_end)
            found: tuple[str, str | None, str] | Quote | None = None
            if quote.speaker_via == "continuation":
                found = last_by_mention.get(mention)
            elif quote.speaker_via == "description" and quote.speaker is None:
                found = quote  # matched once every profile is settled (`finish`)
            elif quote.speaker:
                found = self._by_name(article, quote)
            if isinstance(found, Quote):
                self._describe(article, index, found)
            elif found is not None:
                self.conn.execute("INSERT OR REPLACE INTO quote_speakers VALUES (?, ?, ?, ?, ?)",
                                  (article.id, index, *found))
            last_by_mention[mention] = found

    def _by_name(self, article: Article, quote: Quote) -> tuple[str, str | None, str] | None:
        """A named speaker's entity: an organisation's name first when the quote stage read it as one, else the
        person first; a name that is a person's surname goes to the person whatever the reading."""
        if quote.speaker_via == "organisation":
            return self._organisation(quote.speaker or "") or self._person(article, quote)
        return self._person(article, quote) or self._organisation(quote.speaker or "")

    def _person(self, article: Article, quote: Quote) -> tuple[str, str | None, str] | None:
        first, surname = person_key(clean_person_name(quote.speaker or "")[0] or quote.speaker or "")
        if first and self._exists(person_id(first, surname)):
            return person_id(first, surname), surname, "name"
        at = quote.speaker_start if quote.speaker_start is not None else quote.start
        local = Counter({r[0]: r[1] for r in self.conn.execute(
            "SELECT entity, count(*) FROM entity_mentions WHERE article = ? AND block = ? AND via = 'name' "
            "AND start < ? GROUP BY entity", (article.id, surname, at))})
        chosen = _most_named(local) if local else None
        if chosen:
            return chosen, surname, "article"
        if surname and self._has_people(surname):  # settled by `finish`
            return None, surname, "target"
        return None

    def _organisation(self, name: str) -> tuple[str, str | None, str] | None:
        """The organisation a speaker names; a description in front of the name ("port operator Caldera
        Terminals") is tried away word by word, longest name first; "UN figures" is the UN."""
        words = names.clean_name(name).split()
        while len(words) > 1 and words[-1].lower() in DOCUMENT_NOUNS:
            words = words[:-1]
        for start in range(len(words)):
            key = names.name_key(" ".join(words[start:]), "ORG")
            if self._exists(organisation_id(key)):
                return organisation_id(key), key, "org"
        return None

    def _exists(self, entity: str) -> bool:
        return self.conn.execute("SELECT 1 FROM entity_mentions WHERE entity = ? LIMIT 1",
                                 (entity,)).fetchone() is not None

    def _describe(self, article: Article, index: int, quote: Quote) -> None:
        words = quote.speaker_text or ""
        if is_indefinite(words):
            return
        wanted_places = places(words)
        heads = sorted({w.lower() for w in words.split() if w.lower() in PERSON_NOUNS})
        before = self.conn.execute(
            "SELECT entity FROM entity_mentions WHERE article = ? AND label = 'PERSON' AND \"end\" <= ? "
            "AND entity IS NOT NULL ORDER BY start DESC", (article.id, quote.start)).fetchall()
        candidates = list(dict.fromkeys(r[0] for r in before))
        self.conn.executemany("INSERT INTO description_candidates VALUES (?, ?, ?, ?, ?, ?)",
                              [(article.id, index, rank, entity, " ".join(wanted_places), " ".join(heads))
                               for rank, entity in enumerate(candidates)])
        self._new_descriptions.add((article.id, index))

    def _settle_description(self, article: str, index: int) -> None:
        for entity, wanted, heads in self.conn.execute(
                "SELECT entity, places, heads FROM description_candidates WHERE article = ? AND idx = ? "
                "ORDER BY rank", (article, index)).fetchall():
            place_set, head_set = self._profile(entity)
            if (wanted and set(wanted.split()) <= set(place_set)) or (not wanted and set(heads.split()) & set(head_set)):
                self.conn.execute("INSERT OR REPLACE INTO quote_speakers VALUES (?, ?, ?, NULL, 'description')",
                                  (article, index, entity))
                return
        self.conn.execute("DELETE FROM quote_speakers WHERE article = ? AND idx = ?", (article, index))

    def _redo_descriptions(self, grown: set[str], new: set[tuple[str, int]]) -> None:
        """New descriptions, and those whose candidates' profiles grew (in any article), are matched again."""
        todo = set(new)
        for entity in sorted(grown):
            todo.update((r[0], r[1]) for r in self.conn.execute(
                "SELECT DISTINCT article, idx FROM description_candidates WHERE entity = ?", (entity,)))
        for article, index in sorted(todo):
            self._settle_description(article, index)

    # --- reads --------------------------------------------------------------------------------------------------

    def entities(self, ids: list[str], sample: int | None = None) -> list[CanonicalEntity]:
        """The entities with these ids (in the given order), with aliases, roles (in date order), affiliations and
        articles; with `sample`, only the first `sample` roles and articles are read (a listing: a widely reported
        entity has thousands), `role_count` and `article_count` say how many there are in all."""
        found = []
        cap = -1 if sample is None else sample
        for entity in ids:
            row = self.conn.execute("SELECT id, name, label, articles FROM canonical_entities WHERE id = ?",
                                    (entity,)).fetchone()
            if row is None:
                continue
            aliases = sorted({r[0] for r in self.conn.execute(
                "SELECT alias FROM entity_aliases WHERE entity = ?", (entity,))})
            roles = [Role(r[0], r[1], r[2], r[3], r[4]) for r in self.conn.execute(
                "SELECT role, article, start, \"end\", published FROM entity_mentions WHERE entity = ? "
                "AND role IS NOT NULL ORDER BY published IS NULL, published, article, start LIMIT ?", (entity, cap))]
            role_count = len(roles) if sample is None else self.conn.execute(
                "SELECT count(*) FROM entity_mentions WHERE entity = ? AND role IS NOT NULL", (entity,)).fetchone()[0]
            articles = [r[0] for r in self.conn.execute(
                "SELECT article FROM entity_articles WHERE entity = ? ORDER BY article LIMIT ?", (entity, cap))]
            found.append(CanonicalEntity(row[0], row[1], row[2], aliases, roles, self._affiliations(entity),
                                         articles, row[3], role_count))
        return found

    def _affiliations(self, entity: str) -> list[str]:
        """The places and organisations of an entity's roles, in the order its roles first name them (each
        distinct role text once, in the order of its first use)."""
        texts = [r[0] for r in self.conn.execute(
            "SELECT role FROM (SELECT role, row_number() OVER (ORDER BY published IS NULL, published, article, start) "
            "AS position FROM entity_mentions WHERE entity = ? AND role IS NOT NULL) GROUP BY role "
            "ORDER BY min(position)", (entity,))]
        found: list[str] = []
        for text in texts:
            found.extend(p for p in places(text) if p not in found)
        return found

    def find(self, name: str | None = None, label: str | None = None, article: str | None = None,
             story: str | None = None, ids: list[str] | None = None, limit: int | None = None,
             offset: int = 0) -> tuple[int, list[str]]:
        """(total, ids) of the entities that match, most widely reported first: `name` is part of the name or
        of an alias (case-insensitive), `label` PERSON/ORG/GPE, `article` an article id that mentions them,
        `story` a story some of whose articles mention them, `ids` a set of ids to keep."""
        where, args = ["1=1"], []
        if name:
            where.append("(e.name LIKE ? ESCAPE '\\' OR e.id IN (SELECT entity FROM entity_aliases "
                         "WHERE alias LIKE ? ESCAPE '\\'))")
            args += [f"%{like_escape(name)}%"] * 2
        if label:
            where.append("e.label = ?")
            args.append(label)
        if article:
            where.append("e.id IN (SELECT entity FROM entity_articles WHERE article = ?)")
            args.append(article)
        if story:
            where.append("e.id IN (SELECT x.entity FROM entity_articles x JOIN story_members m "
                         "ON m.article = x.article WHERE m.story = ?)")
            args.append(story)
        if ids is not None:
            where.append(f"e.id IN ({', '.join('?' * len(ids))})")
            args += list(ids)
        sql = f"FROM canonical_entities e WHERE {' AND '.join(where)}"
        total = self.conn.execute(f"SELECT count(*) {sql}", args).fetchone()[0]
        if limit == 0:  # a count only (`Corpus.count_entities`)
            return total, []
        page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        # within a story, the entities most of its articles report come first
        rank, rank_args = ("(SELECT count(*) FROM entity_articles x JOIN story_members m ON m.article = x.article "
                           "WHERE x.entity = e.id AND m.story = ?) DESC, ", [story]) if story else ("", [])
        rows = self.conn.execute(f"SELECT e.id {sql} ORDER BY {rank}e.articles DESC, e.name, e.id{page}",
                                 args + rank_args)
        return total, [r[0] for r in rows]

    def named(self, key: str) -> list[str]:
        """Ids of the entities whose id is `key` or whose name or an alias is `key` (case-insensitive)."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM canonical_entities WHERE id = ? OR name = ? COLLATE NOCASE UNION "
            "SELECT entity FROM entity_aliases WHERE alias = ? COLLATE NOCASE", (key, key, key))]

    def speakers(self, article: str) -> dict[int, tuple[str, str]]:
        """Quote index -> (entity id, canonical name) for one article's resolved quotes."""
        return {r[0]: (r[1], r[2]) for r in self.conn.execute(
            "SELECT q.idx, q.entity, e.name FROM quote_speakers q JOIN canonical_entities e ON e.id = q.entity "
            "WHERE q.article = ?", (article,))}


def _firsts_before(mentions: list[NameMention]) -> dict[NameMention, str]:
    """For each bare surname, the person of that surname its article named in full before it (journalists give
    the full name first; a full name only after it is someone else's): the only one, or the one named most
    there; none when two were named as often (then the corpus decides, in `_settle_people`)."""
    seen: dict[str, Counter] = {}
    result: dict[NameMention, str] = {}
    for m in sorted(mentions, key=lambda m: (m.article, m.start)):
        if m.label != "PERSON":
            continue
        first = person_key(m.name)[0]
        counts = seen.setdefault(m.article, Counter())
        if first:
            counts[first] += 1
        elif counts:
            chosen = _most_named(counts)
            if chosen:
                result[m] = chosen
    return result


def _most_named(counts: Counter) -> str | None:
    ranked = counts.most_common()
    if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    return None


def _dominant(counts: dict[str, int]) -> str:
    """The first name a bare surname stands for: the only one, or one named `DOMINANCE` times as often as all
    the others together; otherwise none (the surname alone)."""
    if not counts:
        return ""
    best = min(counts, key=lambda f: (-counts[f], f))
    others = sum(counts.values()) - counts[best]
    return best if others == 0 or counts[best] >= DOMINANCE * others else ""


def _display_name(aliases: Counter) -> str:
    """The most used form with more than one word (else the most used), longer first on ties."""
    uses: Counter = Counter()
    for (name, _), count in aliases.items():
        uses[name] += count
    multi = [n for n in uses if len(n.split()) > 1] or list(uses)
    return min(multi, key=lambda n: (-uses[n], -len(n), n))


def canonicalise(articles: list[Article]) -> list[CanonicalEntity]:
    """One entity per person and organisation across `articles` (in memory, as the store does it), most widely
    reported first; sets each quote's `speaker` and `speaker_entity` on these in-memory records (evaluation and
    tests; the store keeps resolutions in `quote_speakers` instead)."""
    tables = _resolved_in_memory(articles)
    for article in articles:
        for index, (entity, name) in tables.speakers(article.id).items():
            article.quotes[index].speaker, article.quotes[index].speaker_entity = name, entity
    return tables.entities(tables.find()[1])


def entity_mentions(articles: list[Article]) -> list[tuple[str, int, int, CanonicalEntity]]:
    """(article, start, end, entity) of every mention resolved to an entity, as the store would resolve them (in
    memory; the articles' quotes are not touched): what `storyline eval entities` scores."""
    tables = _resolved_in_memory(articles)
    by_id = {e.id: e for e in tables.entities(tables.find()[1])}
    return [(r[0], r[1], r[2], by_id[r[3]]) for r in tables.conn.execute(
        'SELECT article, start, "end", entity FROM entity_mentions WHERE entity IS NOT NULL '
        "ORDER BY article, start") if r[3] in by_id]


def _resolved_in_memory(articles: list[Article]) -> EntityTables:
    """The entity tables of `articles` alone, in an in-memory SQLite, resolved exactly as a build resolves them."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(ENTITY_SCHEMA)
    tables = EntityTables(conn)
    tables.add(articles)
    tables.finish()
    return tables
