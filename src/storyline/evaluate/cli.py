"""`storyline eval …`: each subcommand runs one evaluation and prints its table.

Gold data lives outside the project (`../shared`); every path is an argument, and a path that does not exist is a
clean skip (exit 0 with a line saying so), so scripts run the same with or without the data.
"""
from __future__ import annotations

import importlib.util
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Protocol

import typer
from rich.console import Console

app = typer.Typer(help="Measure storyline against gold data.", no_args_is_help=True)
console = Console()

GoldOption = Annotated[Path | None, typer.Option("--gold", help="The seeds gold, e.g. ../shared/gold/seeds.json.")]


class Report(Protocol):
    def render(self) -> str: ...


def _given(**paths: Path | None) -> dict[str, Path]:
    """The paths the user gave; missing ones are reported and left out; none given at all is a usage error."""
    given = {name: path for name, path in paths.items() if path is not None}
    if not given:
        console.print(f"give at least one of: {', '.join('--' + name for name in paths)}")
        raise typer.Exit(2)
    present = {}
    for name, path in given.items():
        if path.exists():
            present[name] = path
        else:
            console.print(f"skipped --{name}: {path} does not exist")
    return present


def _show(report: Report) -> None:
    console.print(report.render(), markup=False, highlight=False, soft_wrap=True)


@app.command()
def seeds(gold: GoldOption = None) -> None:
    """Cleaning on the five seeds: metadata, boilerplate dropped, body kept, broken paragraphs joined."""
    from .seeds import evaluate_seeds

    for _, path in _given(gold=gold).items():
        _show(evaluate_seeds(path))


@app.command()
def html(
    trafilatura: Annotated[Path | None, typer.Option(help="The trafilatura-eval folder.")] = None,
) -> None:
    """The HTML path on trafilatura's evaluation pages, beside bare trafilatura."""
    from .trafilatura import evaluate_trafilatura

    for _, path in _given(trafilatura=trafilatura).items():
        _show(evaluate_trafilatura(path))


@app.command()
def scraped(
    trafilatura: Annotated[Path | None, typer.Option(help="The trafilatura-eval folder.")] = None,
    split: Annotated[str, typer.Option(help="all, even (the pages developed on) or odd (held out), by file name.")]
    = "all",
) -> None:
    """The plain-text cleaner on trafilatura's pages flattened to scraped text, beside keep-everything and jusText."""
    from .scraped import SPLITS, evaluate_scraped

    if split not in SPLITS:
        console.print(f"--split must be one of: {', '.join(SPLITS)}")
        raise typer.Exit(2)
    for _, path in _given(trafilatura=trafilatura).items():
        _show(evaluate_scraped(path, split))


@app.command()
def quotes(
    gold: GoldOption = None,
    polnear: Annotated[Path | None, typer.Option(help="A PolNeAR split folder, e.g. polnear/dev.")] = None,
    rules_only: Annotated[bool, typer.Option(help="Without the attribution tagger: what the rules alone do.")] = False,
) -> None:
    """Quotes and speakers: the seed quotes, and PolNeAR attribution beside textacy."""
    from ..quotes.learned import rules_only as without_tagger
    from . import quotes as evaluation

    present = _given(gold=gold, polnear=polnear)
    with without_tagger() if rules_only else nullcontext():
        if "gold" in present:
            _show(evaluation.evaluate_quotes_seeds(present["gold"]))
        if "polnear" in present:
            peer = importlib.util.find_spec("textacy") is not None
            if not peer:
                console.print("textacy is not installed (pip install -e '.[eval]'): scoring storyline alone")
            _show(evaluation.evaluate_quotes_polnear(present["polnear"], peer=peer))


@app.command()
def time(
    gold: GoldOption = None,
    timeml: Annotated[Path | None, typer.Option(help="TempEval-3 TBAQ-cleaned folder.")] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N TimeML documents.")] = None,
) -> None:
    """Time expressions: the seed dates, and TempEval-3 beside a peer."""
    from . import time as evaluation

    present = _given(gold=gold, timeml=timeml)
    if "gold" in present:
        _show(evaluation.evaluate_time_seeds(present["gold"]))
    if "timeml" in present:
        _show(evaluation.evaluate_timeml(present["timeml"], limit=limit))


@app.command()
def pubdate(
    trafilatura: Annotated[Path | None, typer.Option(help="The trafilatura-eval folder.")] = None,
) -> None:
    """Publication dates of HTML pages, beside htmldate alone."""
    from .time import evaluate_pubdate

    for _, path in _given(trafilatura=trafilatura).items():
        _show(evaluate_pubdate(path))


@app.command()
def figures(gold: GoldOption = None) -> None:
    """Figures on the seeds: kind, value, qualifier and source of each gold figure; not-figures extracted."""
    from .figures import evaluate_figures

    for _, path in _given(gold=gold).items():
        _show(evaluate_figures(path))


@app.command()
def timeline(
    gold: GoldOption = None,
    ecbplus: Annotated[Path | None, typer.Option(help="The ECB+ folder (ECB+/ and ECB+_LREC2014/ inside).")] = None,
) -> None:
    """Seed gold dates in the timeline and the summary checks; ECB+ same-event merging, pairwise P/R."""
    from . import timeline as evaluation

    present = _given(gold=gold, ecbplus=ecbplus)
    if "gold" in present:
        _show(evaluation.evaluate_seed_story(present["gold"]))
    if "ecbplus" in present:
        _show(evaluation.evaluate_ecbplus(present["ecbplus"]))


@app.command()
def entities(
    ecbplus: Annotated[Path | None, typer.Option(help="The ECB+ folder (ECB+/ and ECB+_LREC2014/ inside).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Cross-document entity coreference on ECB+ topics 1-35 (gold HUMAN and NON_HUMAN participants): MUC,
    B-cubed, CEAF-e and CoNLL F1 of storyline's entities beside an exact-string baseline."""
    import json

    from .entities import evaluate_entities

    for _, path in _given(ecbplus=ecbplus).items():
        report = evaluate_entities(path)
        if as_json:
            print(json.dumps(report.to_json(), indent=2))
        else:
            _show(report)


@app.command()
def tls(
    folder: Annotated[Path, typer.Argument(help="Timeline17-style folder: COLLECTION/InputDocs, COLLECTION/timelines.")],
    out: Annotated[Path | None, typer.Option(help="Write each predicted timeline as OUT/COLLECTION/NAME.txt.")] = None,
    cache: Annotated[Path | None, typer.Option(help="Where the analysed articles are kept between runs.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes for the per-article pipeline.")] = 1,
    collection: Annotated[list[str] | None, typer.Option(help="Only this collection (repeatable).")] = None,
    one_store: Annotated[Path | None, typer.Option(
        help="Build every collection into this one store (reused when run again) and score its stories against "
             "the topics (BCubed) and each topic's story timeline beside the per-collection runs.")] = None,
    every: Annotated[int, typer.Option(help="With --one-store: only every N-th document of each collection.")] = 1,
) -> None:
    """Timeline summarisation on Timeline17-style collections: tilse's concat, agreement and align+ m:1 ROUGE-1/2 F
    and date F1, each gold timeline given its number of dates and sentences per date, beside news-tls."""
    from .tls import evaluate_tls

    if every < 1:
        console.print("--every must be at least 1")
        raise typer.Exit(2)
    if not folder.exists():
        console.print(f"skipped: {folder} does not exist")
        return
    if one_store is not None:
        from .tls_store import evaluate_one_store

        _show(evaluate_one_store(folder, one_store, workers=workers, every=every))
        return
    _show(evaluate_tls(folder, out=out, cache=cache, workers=workers, only=collection))


@app.command()
def positions(
    folder: Annotated[Path | None, typer.Argument(help="A BASIL-style folder, e.g. ../shared/eval/basil-dev.")] = None,
    out: Annotated[Path | None, typer.Option(help="Write storyline's predicted triples here as JSONL.")] = None,
    seeds: Annotated[Path | None, typer.Option(
        help="The seeds' positions gold, e.g. ../shared/gold/seeds-positions.json.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N annotated articles.")] = None,
) -> None:
    """Who stands where: speaker-target-polarity triples on BASIL beside a lexicon baseline; the seeds' positions."""
    from .positions import evaluate_basil, evaluate_seed_positions

    for name, path in _given(folder=folder, seeds=seeds).items():
        _show(evaluate_basil(path, out, limit) if name == "folder" else evaluate_seed_positions(path))


@app.command()
def stories(
    wikiref: Annotated[Path | None, typer.Option(help="The WikiRef220 folder (or one of the same layout).")] = None,
    ecbplus: Annotated[Path | None, typer.Option(help="The ECB+ folder (ECB+/TOPIC/*.xml inside).")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes for the builds.")] = 1,
    keep: Annotated[Path | None, typer.Option(help="Keep each set's folder and store under KEEP/SET-FOLDER and reuse them: "
                                              "no article is analysed twice; stories are assigned afresh.")] = None,
    json: Annotated[bool, typer.Option("--json", help="The figures as JSON.")] = False,
) -> None:
    """Stories: BCubed P/R/F1 of the story each article is assigned by a real build, on WikiRef220 (topics) and
    ECB+ (topics and sub-topics), beside a TF-IDF average-link baseline."""
    import json as jsonlib

    from . import stories as evaluation

    present = _given(wikiref=wikiref, ecbplus=ecbplus)
    if not present:
        return
    report = evaluation.StoriesReport()
    threshold = None
    if "ecbplus" in present:
        folder = present["ecbplus"]
        threshold = evaluation.score_ecbplus(folder, report, workers, keep and keep / f"ecbplus-{folder.name}")
    if "wikiref" in present:
        folder = present["wikiref"]
        evaluation.score_wikiref(folder, report, threshold, workers, keep and keep / f"wikiref-{folder.name}")
    if json:
        print(jsonlib.dumps(report.as_dict(), indent=2))
    else:
        _show(report)
