"""Figure series charts: points placed by date and value, log scale when figures span orders of magnitude."""
from __future__ import annotations

from storyline.record import Citation, FigureSeries, SeriesPoint
from storyline.web.story import HEIGHT, MARGIN, chart, day_of


def _point(value: float, as_of: str | None) -> SeriesPoint:
    return SeriesPoint(value, None, f"{value} killed", "monitor", as_of, "sentence", Citation("a1", 0, 3, 0))


def test_points_are_placed_by_date_and_value():
    drawn = chart(FigureSeries("killed (overall)", "killed", "overall",
                               [_point(10, "2022-01-01"), _point(40, "2022-01-31"), _point(20, "2022-01-31")],
                               undated=[_point(5, None)]))
    assert not drawn.log and drawn.bottom == 0 and drawn.top == 40
    xs = [d.x for d in drawn.dots]
    assert xs[0] == MARGIN and xs[1] == xs[2] > xs[0]
    top = next(d for d in drawn.dots if d.point.value == 40)
    assert top.y == MARGIN and len(drawn.dots) == 3  # the undated figure is listed, not plotted
    assert drawn.line.count(",") == 2  # one vertex per date: the highest figure


def test_log_scale_when_figures_span_orders_of_magnitude():
    drawn = chart(FigureSeries("killed (overall)", "killed", "overall",
                               [_point(50, "2012-02"), _point(5_000, "2013"), _point(250_000, "2015-10-16")]))
    assert drawn.log and drawn.bottom == 50
    ys = [d.y for d in drawn.dots]
    assert ys[0] == HEIGHT - MARGIN and ys[2] == MARGIN and ys[2] < ys[1] < ys[0]


def test_day_of_reads_timeml_dates():
    assert str(day_of("2015-10")) == "2015-10-01" and day_of("2015-10-16T10:00").day == 16
    assert day_of("PRESENT_REF") is None and day_of("2015-13") is None
