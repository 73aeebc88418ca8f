"""The read-only listings: articles, one article, quotes, entities, figures, timeline, summary, search and
positions.

Each is a table of what the `Corpus` API returns, with the same filters, and a caption counting what it shows.
"""
from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from .common import (DEFAULT_DB, DbOption, EntityOption, Since, StoryOption, Until, console, errors, opened, plural,
                     short)

FIGURE_KINDS_HELP = ("killed, injured, missing, displaced, refugees, detained, air_raids, targets, troops, money "
                     "or other.")


def _show(table: Table, count: int, noun: str, plural_form: str | None = None) -> None:
    table.caption = plural(count, noun, plural_form)
    console.print(table)


def stories(db: DbOption = DEFAULT_DB) -> None:
    """The stories in the store, largest first: id, label (key actors and terms), date span, articles, sources."""
    with opened(db) as corpus:
        table = Table("story", "label", "from", "to", "articles", "sources")
        found = corpus.stories()
        for story in found:
            table.add_row(story.id, escape(story.label), story.first_date or "undated", story.last_date or "",
                          str(story.articles), str(story.sources))
        _show(table, len(found), "story", "stories")


def articles(db: DbOption = DEFAULT_DB, since: Since = None, until: Until = None, story: StoryOption = None) -> None:
    """List the stored articles."""
    with opened(db) as corpus:
        table = Table("published", "outlet", "title", "status", "story", "source")
        table.add_column("id", no_wrap=True)
        rows = corpus.table("articles", since=since, until=until, story=story)
        for row in rows:
            status = row["status"] if not row["duplicate_of"] else f"duplicate of {short(row['duplicate_of'])}"
            table.add_row(row["published"] or "", escape(row["outlet"] or ""), escape(row["title"] or ""),
                          escape(status), row["story"] or "", escape(row["source"]), short(row["id"]))
        _show(table, len(rows), "article")


def show(article_id: Annotated[str, typer.Argument(help="Article id or a unique prefix of it.")],
         db: DbOption = DEFAULT_DB) -> None:
    """Print the cleaned article, then what was removed and why."""
    with opened(db) as corpus:
        article = corpus.article(article_id)
        for name in ("title", "subtitle", "published", "published_estimate", "url", "outlet", "language", "status",
                     "status_reason", "duplicate_of"):
            value = getattr(article, name)
            if value:
                found = [e for e in article.evidence if e.field == name]
                how = "; ".join(f"{escape(e.method)}: {escape(e.text)}" for e in found)
                estimated = " (estimated, not stated)" if name == "published_estimate" else ""
                console.print(f"[bold]{name}[/bold]: {escape(str(value))}{estimated}"
                              + (f"  [dim]({how})[/dim]" if how else ""))
        for conflict in (e for e in article.evidence if e.field == "published_conflict"):
            console.print(f"[bold red]date line disputed[/bold red]: {escape(conflict.method)}: {escape(conflict.text)}")
        console.print()
        for paragraph in article.paragraphs:
            console.print(escape(paragraph), end="\n\n")
        if article.removed:
            console.rule("removed")
            for piece in article.removed:
                console.print(f"[dim]{escape(piece.reason)}[/dim]: {escape(piece.text)}")


def quotes(
    speaker: Annotated[str | None, typer.Option(
        help="Canonical name (substring); the name as written where none was resolved.")] = None,
    article: Annotated[str | None, typer.Option(help="Article id or unique prefix.")] = None,
    since: Since = None, until: Until = None, entity: EntityOption = None,
    kind: Annotated[str | None, typer.Option(help="direct, mixed or indirect.")] = None,
    story: StoryOption = None, db: DbOption = DEFAULT_DB,
) -> None:
    """Who said what, in date order: the speaker, and the cue and content as the article says them."""
    with opened(db) as corpus:
        table = Table("published", "speaker", "kind", "as said", "article")
        statements = corpus.quotes(speaker=speaker, article=article, since=since, until=until, entity=entity,
                                   kind=kind, story=story)
        for statement in statements:
            quote = statement.quote
            table.add_row(statement.published or "undated", escape(quote.speaker or quote.speaker_text or "?"),
                          quote.kind, escape(quote.as_said()), short(statement.article))
        _show(table, len(statements), "quote")


def entities(db: DbOption = DEFAULT_DB,
             name: Annotated[str | None, typer.Option(help="Name or alias contains (case-insensitive).")] = None,
             story: StoryOption = None) -> None:
    """People and organisations across the corpus: aliases and roles over time."""
    with opened(db) as corpus:
        table = Table("name", "label", "articles", "aliases", "roles")
        rows = corpus.table("entities", name=name, story=story)
        for row in rows:
            table.add_row(escape(row["name"]), row["label"], str(row["articles"]), escape(row["aliases"]),
                          escape(row["roles"]))
        _show(table, len(rows), "entity", "entities")


def figures(
    kind: Annotated[str | None, typer.Option(help=FIGURE_KINDS_HELP)] = None,
    since: Since = None, until: Until = None, entity: EntityOption = None, story: StoryOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Every reported count or amount: kind, value, qualifier, what was counted, who gave it, date, article."""
    with opened(db) as corpus:
        table = Table("as of", "kind", "figure", "value", "counted", "given by", "article")
        rows = corpus.table("figures", kind=kind, since=since, until=until, entity=entity, story=story)
        for row in rows:
            table.add_row(row["as_of"] or "undated", row["kind"], escape(row["text"]), _value(row),
                          escape(row["counted"] or ""), escape(row["given_by"] or ""), short(row["article"]))
        _show(table, len(rows), "figure")


def _value(row: dict) -> str:
    """A figure's value as a reader should take it: "dozens (at least 24)" for a vague quantity, never "24"."""
    if row.get("value") is None:
        bound = row.get("lower_bound")
        return f"{row['text']} (at least {bound:,.0f})" if bound is not None else "?"
    value = f"{row['value']:,.0f}" + (f"–{row['value_high']:,.0f}" if row.get("value_high") is not None else "")
    return f"{row.get('qualifier') or ''} {value}".strip()


def timeline(since: Since = None, until: Until = None, entity: EntityOption = None, story: StoryOption = None,
             db: DbOption = DEFAULT_DB) -> None:
    """Dated events of each story, merged across the articles reporting them, in date order with how widely each
    was reported."""
    with opened(db) as corpus:
        table = Table("date", "articles", "event", "cited")
        entries = corpus.timeline(since=since, until=until, entity=entity, story=story)
        for entry in entries:
            cited = ", ".join(sorted({short(c.article) for c in entry.citations}))
            table.add_row(entry.date, str(entry.articles), escape(entry.text), cited)
        _show(table, len(entries), "event")


def summary(
    sentences: Annotated[int | None, typer.Option(help="Summary length in sentences (default: as built, 5).",
                                                  min=1)] = None,
    story: StoryOption = None, db: DbOption = DEFAULT_DB,
) -> None:
    """A story's cited extractive summary, then what changed between its earliest and latest figures (without
    --story: each story's, largest first)."""
    with opened(db) as corpus:
        chosen = [corpus.story(story)] if story else corpus.stories()
        for one in chosen:
            if not story:
                console.rule(f"[bold]{escape(one.label)}[/bold] ({one.id}, {plural(one.articles, 'article')})")
            _summary(corpus.summary(sentences=sentences, story=one.id))


def _summary(items: list) -> None:
    part = None
    for item in items:
        if item.part != part:
            part = item.part
            console.rule(escape(part))
        cite = f"[dim]({short(item.citation.article)} sentence {item.citation.sentence}, " \
               f"{item.published or 'undated'})[/dim]"
        console.print(f"{escape(item.text)} {cite}", soft_wrap=True)


def search(
    query: Annotated[str, typer.Argument(help='Words that must all occur in a sentence; "a phrase" and prefix* '
                                              "work (with --semantic: any text, matched by meaning).")],
    semantic: Annotated[bool, typer.Option(help="Rank by meaning (sentence embeddings) instead of words.")] = False,
    limit: Annotated[int, typer.Option(help="Sentences to show.", min=1, max=500)] = 20,
    story: StoryOption = None, db: DbOption = DEFAULT_DB,
) -> None:
    """Search the sentences of the analysed articles, best match first, each with its article."""
    from ..store.database import MARK_END, MARK_START

    if not query.strip():
        errors.print("[red]give words to search for[/red]")
        raise typer.Exit(2)
    with opened(db) as corpus:
        if semantic:
            with errors.status("semantic search: loading the sentence model (and, the first time, embedding the "
                               "corpus' sentences)…"):
                total, hits = corpus.similar_sentences(query, limit=limit, story=story)
        else:
            total, hits = corpus.search(query, limit=limit, story=story)
        table = Table("rank", "published", "sentence", "article")
        for hit in hits:
            text = escape(hit.snippet).replace(MARK_START, "[bold yellow]").replace(MARK_END, "[/bold yellow]")
            table.add_row(f"{hit.rank:.2f}", hit.published or "undated", text, f"{short(hit.article)}:{hit.sentence}")
        table.caption = f"{plural(len(hits), 'sentence')} shown of {total:,} matching"
        console.print(table)


def positions(
    story: StoryOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor's canonical name or as written (part).")] = None,
    target: Annotated[str | None, typer.Option(help="Target or its group (part).")] = None,
    semantic: Annotated[bool, typer.Option(help="Also group targets by embedding similarity.")] = False,
    brief: Annotated[bool, typer.Option(help="Stances over time only, without their evidence sentences.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Who stands where: per target, each actor's stance over time with its evidence; changes of stance flagged."""
    from ..positions.group import render

    with opened(db) as corpus:
        found = corpus.positions_map(story=story, actor=actor, target=target, semantic=semantic)
        console.print(render(found, evidence=not brief), markup=False, highlight=False, soft_wrap=True)
        console.print(plural(sum(len(c.statements) for c in found.cells), "stance statement"))

def audit(
    sample: Annotated[int, typer.Option(help="How many extractions of each kind to draw.")] = 10,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed on the same corpus draws the same items.")] = 0,
    kind: Annotated[str | None, typer.Option(help="quote, entity, figure or date (all four when not given).")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Random extractions of each kind (quote, entity merge, figure, date) with their evidence, for a person to
    judge: what is shown, its parts, the article id, the offsets and the sentence that says it."""
    with opened(db) as corpus:
        items = corpus.audit(sample, seed, [kind] if kind else None)
        counts: dict[str, int] = {}
        for item in items:
            counts[item.kind] = counts.get(item.kind, 0) + 1
            console.print(f"[bold]{item.kind} {counts[item.kind]}[/bold]  {escape(item.key)}", soft_wrap=True)
            console.print(f"  shows: {escape(item.claim)}", soft_wrap=True)
            console.print(f"  {escape(item.detail)}", soft_wrap=True)
            console.print(f"  evidence ({escape(item.article[:10])} {item.start}-{item.end}): "
                          f"{escape(item.evidence)}", soft_wrap=True, end="\n\n")
        nouns = {"entity": ("entity merge", "entity merges")}
        console.print(", ".join(plural(n, *nouns.get(k, (k,))) for k, n in counts.items()) or "nothing to sample")
