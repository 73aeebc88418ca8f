"""Typed records back from the stored JSON of the story stages (figure series, timeline, summary,
inconsistencies)."""
from __future__ import annotations

from typing import Any

from ..record import (Citation, Disagreement, FigureSeries, Inconsistency, SeriesPoint, SummarySentence,
                      TimelineEntry)


def point(data: dict[str, Any]) -> SeriesPoint:
    return SeriesPoint(**{**data, "citation": Citation(**data["citation"])})


def series(data: dict[str, Any]) -> FigureSeries:
    return FigureSeries(
        measure=data["measure"], kind=data["kind"], scope=data["scope"], counted=data.get("counted"),
        points=[point(p) for p in data["points"]], undated=[point(p) for p in data["undated"]],
        disagreements=[Disagreement(d["period"], point(d["first"]), point(d["second"]))
                       for d in data["disagreements"]])


def timeline_entry(data: dict[str, Any]) -> TimelineEntry:
    return TimelineEntry(**{**data, "citations": [Citation(**c) for c in data["citations"]]})


def summary_sentence(data: dict[str, Any]) -> SummarySentence:
    return SummarySentence(**{**data, "citation": Citation(**data["citation"])})


def inconsistency(data: dict[str, Any]) -> Inconsistency:
    return Inconsistency(**{**data, "first": Citation(**data["first"]), "second": Citation(**data["second"])})
