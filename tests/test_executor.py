from __future__ import annotations

import pytest

from storyline.executor import Executor


class LastFirst(Executor):
    """Finishes the tasks in flight last-submitted first."""

    @property
    def capacity(self) -> int:
        return 5

    def results(self):
        return list(reversed(super().results()))


def test_map_yields_in_input_order_whatever_order_tasks_finish_in():
    runner = LastFirst()
    assert list(runner.map(lambda n: n * n, range(23))) == [n * n for n in range(23)]


def test_results_come_back_with_their_tickets_and_count_busy_time():
    runner = Executor()
    tickets = {runner.submit(str.upper, word): word for word in ("a", "b")}
    assert runner.in_flight == 2
    assert {ticket: result for ticket, result in runner.results()} == {t: w.upper() for t, w in tickets.items()}
    assert runner.in_flight == 0 and runner.results() == []
    assert runner.busy_seconds > 0 and 0 < runner.utilisation(1.0) <= 1


def test_capacity_keeps_several_tasks_per_worker_in_flight():
    assert Executor().capacity == 1
    assert Executor(workers=8).capacity == 32
    assert Executor(workers=64).capacity > 32  # more than the old fixed window of 32 Ray tasks


def test_no_utilisation_before_any_task():
    assert Executor(workers=2).utilisation(3.0) is None


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="unknown executor"):
        Executor(backend="threads")


def _threads_setting(_: object) -> str | None:
    import os

    return os.environ.get("STORYLINE_THREADS")


def test_worker_processes_compute_on_one_thread_each_and_this_process_is_left_alone():
    import os

    runner = Executor(workers=2)
    try:
        assert set(runner.map(_threads_setting, range(4))) == {"1"}
    finally:
        runner.close()
    assert os.environ.get("STORYLINE_THREADS") is None
