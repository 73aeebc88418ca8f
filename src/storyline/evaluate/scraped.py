"""The plain-text cleaner on scraped text: trafilatura's evaluation pages flattened as a text-only scraper would.

Real users feed text that a scraper pulled out of web pages, menus, share buttons, related headlines and footers in
among the article. To measure that, each page of trafilatura-eval (`html/*.gz`, read by storyline's own reader so
its decoding is used) is flattened with lxml: every text node of the page on a line of its own, `script` and
`style` dropped, comments skipped (they are no text nodes). The text is written to a `.txt` file and goes through
storyline exactly as a user's `.txt` article goes: the reader, then the clean stage. The output scored is what
storyline keeps of the article: its title, subtitle and body paragraphs.

Scoring is trafilatura's snippet scoring over all snippets of all pages: whitespace-folded substring matching;
a `with` snippet found in the output is a true positive, a `with` snippet not found a false negative, a `without`
snippet found a false positive (one not found a true negative); precision tp/(tp+fp), recall tp/(tp+fn),
F1 2tp/(2tp+fp+fn). Beside storyline on the same flattened text: keep-everything (the flattened text itself) and
jusText (each line a paragraph of a minimal HTML page, English stoplist, default settings).

`split` names a subset of the pages, by position in the sorted list of page files: "even" (indexes 0, 2, …: the
pages the cleaner was developed on), "odd" (the held-out half) or "all".
"""
from __future__ import annotations

import html as html_escape
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import justext
import lxml.html
from lxml import etree

from ..clean import clean
from ..pipeline import new_article
from ..read import read_file
from ..record import Article, RawArticle
from .trafilatura import Extraction, SystemScores, score_page

DROPPED_TAGS = {"script", "style"}
SPLITS = ("all", "even", "odd")
SYSTEMS = ("storyline", "keep everything", "jusText")


def flatten_html(page: str) -> str:
    """Every text node of the page, one per line, stripped, empty ones left out; script and style dropped."""
    try:
        root = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return ""
    lines: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments and processing instructions: only their tail is text
            _add(lines, element.tail)
            continue
        if element.tag.lower() not in DROPPED_TAGS:
            _add(lines, element.text)
        _add(lines, element.tail)
    return "\n".join(lines)


def _add(lines: list[str], text: str | None) -> None:
    if text and text.strip():
        lines.append(" ".join(text.split()))


def flatten_page(path: Path) -> str:
    """A gzipped page of the set, decoded by storyline's reader, flattened to scraped text."""
    raws = [item for item in read_file(path, path.name) if isinstance(item, RawArticle)]
    if not raws:
        return ""
    return flatten_html(raws[0].html or raws[0].text or "")


def clean_as_text(text: str, folder: Path, name: str = "page.txt") -> Article:
    """The text written to a `.txt` file and taken through the reader and the clean stage, as a user's would."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    raws = [item for item in read_file(path, name) if isinstance(item, RawArticle)]
    if not raws:
        return Article(id="", source=name, content_hash="")
    return clean(new_article(raws[0]))


def storyline_text(article: Article) -> str:
    """What storyline keeps of the article: title, subtitle and body."""
    return "\n\n".join(part for part in (article.title, article.subtitle, article.text) if part)


def justext_text(text: str) -> str:
    """jusText's kept paragraphs, each line of the flattened text given to it as one paragraph."""
    body = "".join(f"<p>{html_escape.escape(line)}</p>" for line in text.split("\n"))
    page = f"<html><body>{body}</body></html>".encode("utf-8")
    paragraphs = justext.justext(page, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


@dataclass
class ScrapedReport:
    """The three systems' snippet scores on one split of the flattened pages."""

    split: str
    pages: int
    systems: list[SystemScores] = field(default_factory=list)

    def render(self) -> str:
        """A plain-text table, one column a system."""
        head = f"{'measure':<22}" + "".join(f"{s.name:>17}" for s in self.systems)
        lines = [f"trafilatura-eval flattened to scraped text: {self.pages} pages ({self.split})", head]
        for label, attribute in (("snippet precision", "precision"), ("snippet recall", "recall"),
                                 ("snippet F1", "f1")):
            lines.append(f"{label:<22}" + "".join(f"{getattr(s, attribute):>17.3f}" for s in self.systems))
        counts = "".join(f"{f'{s.tp}/{s.fp}/{s.fn}':>17}" for s in self.systems)
        lines.append(f"{'tp/fp/fn':<22}{counts}")
        return "\n".join(lines)


def page_items(eval_dir: Path, split: str = "all") -> list[tuple[str, dict, Path]]:
    """(url, gold item, page file) for the pages of `split`, ordered by page file name."""
    eval_dir = Path(eval_dir)
    gold_path = eval_dir / "evaldata.json"
    if not gold_path.is_file():
        raise FileNotFoundError(f"no evaldata.json in {eval_dir}: the trafilatura evaluation data is absent")
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    items = [(url, item, eval_dir / "html" / f"{item['file']}.gz") for url, item in gold.items()]
    items = sorted((entry for entry in items if entry[2].is_file()), key=lambda entry: entry[2].name)
    if split == "all":
        return items
    return items[0 if split == "even" else 1::2]


def evaluate_scraped(eval_dir: Path, split: str = "all") -> ScrapedReport:
    """Score storyline, keep-everything and jusText on the flattened pages of `split`."""
    systems = [SystemScores(name) for name in SYSTEMS]
    items = page_items(eval_dir, split)
    with tempfile.TemporaryDirectory() as folder:
        for url, item, path in items:
            text = flatten_page(path)
            runs: list[Callable[[], str]] = [
                lambda: storyline_text(clean_as_text(text, Path(folder))),
                lambda: text,
                lambda: justext_text(text),
            ]
            for scores, run in zip(systems, runs):
                score_page(scores, url, item, lambda run=run: Extraction(run(), None, None))
    return ScrapedReport(split, len(items), systems)


def leaks(report: ScrapedReport, system: str = "storyline") -> list[tuple[str, list[str], list[str]]]:
    """Per page, the snippets one system missed and leaked: what to look at when a figure moves."""
    scores = next(s for s in report.systems if s.name == system)
    return [(p.url, p.missed, p.leaked) for p in scores.pages if p.missed or p.leaked]


if __name__ == "__main__":  # python -m storyline.evaluate.scraped /path/to/trafilatura-eval [split]
    import sys

    print(evaluate_scraped(Path(sys.argv[1]), *sys.argv[2:3]).render())
