"""The typed records that flow through storyline.

A reader turns a file into `RawArticle`s; the per-article stages turn one `RawArticle` into one `Article`,
filling its fields step by step (each stage declares which fields it needs and which it adds, see
`storyline.stages`). Every extracted item keeps its evidence: character offsets into `Article.text`, which is the
cleaned paragraphs joined by a blank line.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass
class RawArticle:
    """What a reader found: one article's content as given, before any cleaning.

    Exactly one of `text` (plain text) and `html` is set. The other fields are metadata the container itself
    supplied (a JSONL line's keys, a WARC record's target URI); the cleaners treat them as the strongest evidence.
    """

    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    encoding: str | None = None
    # What the reader had to do to this input that a user should hear of: decoded from a legacy encoding, cut.
    notices: list[Notice] = field(default_factory=list)

    @property
    def content(self) -> str:
        return self.text if self.text is not None else (self.html or "")

    @property
    def content_hash(self) -> str:
        """Hash of the content alone: the same bytes under two names are one article and its exact duplicate."""
        return hashlib.sha256(self.content.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Notice:
    """Something a build did to an input that was not a failure but must not pass in silence: a file skipped (not a
    regular file, not English), content cut, repaired, or decoded from a legacy encoding. One line in the build's
    report each."""

    source: str
    kind: str  # "skipped" | "cut" | "repaired" | "decoded"
    reason: str


@dataclass
class Removed:
    """A piece of the input the cleaner dropped, and why: nothing is lost silently."""

    text: str
    reason: str


@dataclass
class Evidence:
    """Where a metadata field's value came from: the line or markup it was read off, and how."""

    field: str
    text: str
    method: str


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int
    # The date the sentence speaks about (TimeML value), filled by the time stage.
    date: str | None = None


@dataclass
class Entity:
    text: str
    label: str
    start: int
    end: int
    sentence: int


@dataclass
class Quote:
    """Who said what: a direct, mixed or indirect quote with its cue and speaker, all as offsets into the text."""

    text: str
    start: int
    end: int
    kind: str  # "direct" | "mixed" | "indirect"
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_via: str | None = None  # "name" | "pronoun" | "description" | "continuation" | "organisation"
    speaker: str | None = None  # canonical name, filled by entity canonicalisation
    speaker_entity: str | None = None
    sentence: int | None = None
    # A statement is something said or written (a verb or noun of saying, quotation marks, `according to`); False
    # for an attribution of something else (an action, a perception, a stance: `shared a photo`, `polls show`),
    # kept for the attribution evaluation and the positions stage but never shown as a quote (`quotes.statement`).
    statement: bool = True

    def __post_init__(self) -> None:
        self.statement = bool(self.statement)  # stored as an SQLite integer

    def as_said(self) -> str:
        """The speaker as written, the cue and the content in the order the article gives them, so a listing shows
        what was said the way it was said ("it refused to back calls for Assad to step down", not the content
        alone, which can read as its opposite); a direct quote's content stands in quotation marks."""
        content = f"\u201c{self.text}\u201d" if self.kind == "direct" else self.text
        if self.speaker_via == "continuation":  # its cue and speaker stand with the quote it continues
            return content
        pieces = [(self.start, content)]
        if self.cue and self.cue_start is not None and not self.start <= self.cue_start < self.end:
            pieces.append((self.cue_start, self.cue))
        if self.speaker_text and self.speaker_start is not None and not self.start <= self.speaker_start < self.end:
            pieces.append((self.speaker_start, self.speaker_text))
        ordered = [text for _, text in sorted(pieces)]
        if len(ordered) > 1 and ordered[0] == content:  # "…, a senior EU official said"
            return f"{content.rstrip(',')}, {' '.join(ordered[1:])}"
        return " ".join(ordered)


@dataclass
class Statement:
    """A quote with what is needed to cite and date it: its article's id, publication date and title."""

    article: str
    published: str | None
    title: str | None
    quote: Quote


@dataclass
class Role:
    """A role one article gives an entity (`Foreign Ministry spokesman`), where it says so, and when."""

    text: str
    article: str
    start: int
    end: int
    published: str | None = None


@dataclass
class CanonicalEntity:
    """One person or organisation across all articles: its canonical name, the forms used, and its roles."""

    id: str
    name: str
    label: str  # "PERSON" | "ORG"
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)  # countries and organisations its roles tie it to
    articles: list[str] = field(default_factory=list)
    # How many articles and roles it has in all: a listing's `roles` and `articles` are only the first few of them
    # (`EntityTables.entities`' `sample`); None (when constructed) means the lists are whole.
    article_count: int | None = None
    role_count: int | None = None

    def __post_init__(self) -> None:
        if self.article_count is None:
            self.article_count = len(self.articles)
        if self.role_count is None:
            self.role_count = len(self.roles)


@dataclass
class TimeExpression:
    """A time expression normalised TimeML-style against the publication date."""

    text: str
    start: int
    end: int
    type: str  # "DATE" | "TIME" | "DURATION" | "SET"
    value: str | None
    sentence: int | None = None
    anchor: str | None = None  # "published" | "estimate" | None for absolute expressions


@dataclass
class Figure:
    """A reported count or amount: its value (a range's low end in `value`, its high end in `value_high`), the
    hedge before it, what kind of thing was counted, who gives it, and the date it speaks for.

    A vague quantity ("dozens", "tens of thousands", "several") has no value: `value` is None, `text` keeps its
    words and `lower_bound` the least they can mean ("dozens" at least 24), so it is never shown as a number."""

    text: str
    start: int
    end: int
    # killed | injured | missing | displaced | refugees | detained | air_raids | targets | troops | money | other
    kind: str
    value: float | None
    value_high: float | None = None
    lower_bound: float | None = None  # only for a vague quantity, whose value is None
    qualifier: str | None = None  # "more than" | "over" | "at least" | "some" | "around" | "nearly" | "up to" | …
    counted: str | None = None  # the noun counted ("people", "air raids"), as written
    currency: str | None = None  # ISO code for money
    source: str | None = None
    source_via: str | None = None  # "according to" | "reporting verb" | "quote"
    as_of: str | None = None
    as_of_via: str | None = None  # "sentence" | "published" | "estimate"
    sentence: int | None = None


@dataclass
class Position:
    """Who stands where: an actor for, against or conditionally for a target, with the sentence that says so.

    The actor is as written (`actor`, with its offsets); where the stance comes from a quote whose speaker the quote
    stage resolved, `actor` is that speaker and `speaker_via` says how. The target is phrased as the article phrases
    it ("Assad to step down"); `cue` is the chain of words the stance was read off ("refused to back calls for"),
    which is what negation and attribution chains turn around. The canonical actor is looked up at query time."""

    actor: str
    target: str
    stance: str  # "for" | "against" | "conditional" | "neutral"
    start: int  # the evidence sentence
    end: int
    sentence: int
    cue: str
    cue_start: int
    cue_end: int
    target_start: int
    target_end: int
    actor_start: int | None = None
    actor_end: int | None = None
    actor_label: str | None = None  # the entity label of the actor span (PERSON, ORG, GPE, NORP) or None
    condition: str | None = None  # for a conditional stance: the condition as written ("if the opposition joins")
    via: str = "action"  # "action" (a reported act or stance verb) | "quote" (what a quote's content says)
    date: str | None = None  # the date the sentence speaks of, else the article's publication date


@dataclass
class Embeddings:
    """MiniLM vectors of one article's sentences (float32 rows, unit length, in order, as bytes). Computed by a
    per-article stage, so the model runs in the workers; the store keeps them (semantic search), never this
    record."""

    sentences: bytes


@dataclass
class Article:
    """One article as it moves through the stages; the unit stored and exported."""

    id: str
    source: str
    content_hash: str
    raw: RawArticle | None = field(default=None, repr=False)
    title: str | None = None
    subtitle: str | None = None
    published: str | None = None
    # When no publication date is stated but the content bounds it: an ISO 8601 interval ("2015-10-13/..",
    # on or after) or a month ("2012-02"); always an estimate, never copied into `published`.
    published_estimate: str | None = None
    url: str | None = None
    outlet: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    language: str | None = None
    status: str = "new"
    status_reason: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[TimeExpression] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    duplicate_of: str | None = None
    duplicate_kind: str | None = None
    # spaCy Docs, one per paragraph, for the stages after annotation; never stored.
    docs: list[Any] | None = field(default=None, repr=False, compare=False)
    # Sentence and lead vectors from the `embed` stage, on their way to the store; never loaded back.
    embeddings: Embeddings | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    def paragraph_starts(self) -> list[int]:
        """Character offset in `text` where each paragraph begins."""
        starts, offset = [], 0
        for paragraph in self.paragraphs:
            starts.append(offset)
            offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
        return starts

    def evidence_for(self, name: str) -> Evidence | None:
        return next((e for e in self.evidence if e.field == name), None)

    def statements(self) -> list[Quote]:
        """The quotes storyline shows: statements, not the attributions of actions or perceptions kept beside them
        (`Quote.statement`)."""
        return [q for q in self.quotes if q.statement]

    @property
    def analysable(self) -> bool:
        """False for articles stored but not analysed: non-English, empty, or a duplicate of another."""
        return self.status == "ok"


def article_id(content_hash: str, source: str | None = None) -> str:
    """Stable id from the content hash; an exact duplicate under another name also mixes in its source."""
    if source is None:
        return content_hash[:16]
    return hashlib.sha256(f"{content_hash}\0{source}".encode()).hexdigest()[:16]


@dataclass
class ReadFailure:
    """A file (or a record inside one) that could not be read, and the reason, for the build summary."""

    source: str
    reason: str


@dataclass
class Citation:
    """Where a corpus-level item comes from: an article and character offsets into its text."""

    article: str
    start: int
    end: int
    sentence: int | None = None


@dataclass
class SeriesPoint:
    """One figure in a series: its value and hedge, its source, the date it speaks for and how that was known
    ("sentence", "published", "estimate"), and where it is stated."""

    value: float
    qualifier: str | None
    text: str
    source: str | None
    as_of: str | None
    as_of_via: str | None
    citation: Citation
    counted: str | None = None


@dataclass
class Disagreement:
    """Two figures of one measure for the same period whose values cannot both be true."""

    period: str
    first: SeriesPoint
    second: SeriesPoint


@dataclass
class FigureSeries:
    """The same measure (kind, thing counted and scope) across articles in date order; undated figures apart."""

    measure: str
    kind: str
    scope: str  # "overall" (the whole conflict or crisis) | "incident" (one attack, one day)
    points: list[SeriesPoint] = field(default_factory=list)
    undated: list[SeriesPoint] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    counted: str | None = None  # the head of the noun counted ("people", "civilians", "refugees")


@dataclass
class TimelineEntry:
    """A dated event: its date at the precision known (day, month, year), the sentence that says it best, and
    every article sentence reporting it."""

    date: str
    precision: str  # "day" | "month" | "year"
    text: str
    citations: list[Citation] = field(default_factory=list)
    articles: int = 1


@dataclass
class SummarySentence:
    """One sentence of the extractive summary (`part` "summary" or "what changed"), with its citation."""

    text: str
    citation: Citation
    part: str = "summary"
    published: str | None = None


@dataclass
class Inconsistency:
    """Two cited statements that disagree: figures of one measure, or one speaker contradicting themselves."""

    kind: str  # "figures" | "speaker"
    description: str
    first: Citation
    second: Citation
    first_text: str
    second_text: str
