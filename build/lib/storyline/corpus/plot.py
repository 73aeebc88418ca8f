"""An inline SVG plot of one figure series, for the report and the web UI: no script, no external asset, every
label escaped. Values sit on a log scale (tolls grow from thousands to hundreds of thousands); the x axis is the
date each figure speaks for. Undated figures are not plotted (they have no place on a time axis); the caller
lists them beside the plot.
"""
from __future__ import annotations

import math
import re
from datetime import date
from html import escape

from ..record import FigureSeries, SeriesPoint

MARGIN = 40


def series_svg(series: FigureSeries, width: int = 480, height: int = 200) -> str:
    """The dated points of `series` as an SVG line plot, each point titled with its value, source and date."""
    points = [p for p in series.points if p.as_of and p.value > 0]
    title = escape(f"{series.measure}: {len(points)} dated figures")
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{title}"><title>{title}</title>')
    if not points:
        return head + f'<text x="{MARGIN}" y="{height // 2}" font-size="12">no dated figures</text></svg>'
    xs, ys = _x_positions(points, width), _y_positions(points, height)
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys))
    body = [f'<polyline points="{line}" fill="none" stroke="#336" stroke-width="1.5"/>']
    for x, y, point in zip(xs, ys, points):
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="#c33"><title>{escape(_label(point))}'
                    f'</title></circle>')
    body += _axis_labels(points, xs, ys, height)
    return head + "".join(body) + "</svg>"


def _day(value: str) -> date:
    """The first day a date value can mean ("2015-10" → 1 October; an estimate "2015-10-13/.." → its start)."""
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match:
        return date(1970, 1, 1)
    return date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))


def _x_positions(points: list[SeriesPoint], width: int) -> list[float]:
    days = [_day(p.as_of or "").toordinal() for p in points]
    low, high = min(days), max(days)
    span = (high - low) or 1
    return [MARGIN + (d - low) / span * (width - 2 * MARGIN) if high > low else width / 2 for d in days]


def _y_positions(points: list[SeriesPoint], height: int) -> list[float]:
    logs = [math.log10(p.value) for p in points]
    low, high = min(logs), max(logs)
    span = (high - low) or 1
    return [height - MARGIN - (v - low) / span * (height - 2 * MARGIN) if high > low else height / 2 for v in logs]


def _label(point: SeriesPoint) -> str:
    qualifier = f"{point.qualifier} " if point.qualifier else ""
    return f"{qualifier}{point.value:,.0f} — {point.source or 'no source named'}, {point.as_of}"


def _axis_labels(points: list[SeriesPoint], xs: list[float], ys: list[float], height: int) -> list[str]:
    labels = []
    for x, y, point in zip(xs, ys, points):
        labels.append(f'<text x="{x:.1f}" y="{height - 12}" font-size="9" text-anchor="middle">'
                      f'{escape(point.as_of or "")}</text>')
        labels.append(f'<text x="{x + 5:.1f}" y="{y - 6:.1f}" font-size="9">{escape(f"{point.value:,.0f}")}</text>')
    return labels
