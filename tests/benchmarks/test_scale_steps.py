"""The scale benchmark's per-step seconds: each status kind gets the time until the next status line."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import scale  # noqa: E402


def test_steps_add_up_by_status_kind_with_counts_taken_out(monkeypatch):
    ticks = iter([0.0, 1.0, 3.0, 4.0, 10.0, 12.0])
    monkeypatch.setattr(scale.time, "perf_counter", lambda: next(ticks))
    clock = scale.PhaseClock()
    clock.phase("corpus", None)  # 0
    clock.status("stories and entities: 0/512 new articles")  # opens at 1
    clock.status("stories and entities: 256/512 new articles")  # 3: the same step goes on
    clock.status("stories: 1/2")  # 4
    clock.status(None)  # no line: nothing changes
    assert clock.seconds(10.0) == {"corpus": 10.0}
    assert clock.steps == {"stories and entities": 3.0, "stories": 6.0}
    table = scale._step_table([{"n": 1000, "corpus": {"steps_s": clock.steps}}])
    assert "| stories and entities | 3.00 |" in table and "| stories | 6.00 |" in table
