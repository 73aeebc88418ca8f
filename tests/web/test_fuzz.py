"""Schema-driven fuzzing of the REST API with schemathesis: requests generated from the OpenAPI schema (valid
ones, then invalid ones) must never get a server error and must answer what the schema documents. Bounded (few
examples per operation, no deadline) so CI stays fast.

The hypothesis strategies are driven directly rather than through schemathesis' pytest plugin, whose lazy
fixture loader does not run under pytest 9.
"""
from __future__ import annotations

from collections import Counter

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation.modes import GenerationMode

from storyline.web.app import create_app

EXAMPLES = 25


def _fuzz(operation, mode: GenerationMode, statuses: Counter) -> list[str]:
    failures: list[str] = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
              database=None)
    def run(case) -> None:
        response = case.call()
        statuses[response.status_code // 100 * 100] += 1
        try:
            case.validate_response(response)
        except (AssertionError, BaseExceptionGroup) as error:  # a grouped failure: keep its message, go on
            failures.append(f"{operation.label} [{mode}]: {error}")

    try:
        run()
    except Unsatisfiable:
        if mode is GenerationMode.POSITIVE:
            raise  # an operation with no parameter a request could get wrong has no negative cases; fine
    return failures


def test_api_never_errors_and_answers_as_documented(web_db):
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(web_db))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 6
    statuses: Counter = Counter()
    failures = [f for op in operations for mode in GenerationMode for f in _fuzz(op, mode, statuses)]
    print(f"schemathesis: {sum(statuses.values())} requests over {len(operations)} operations, by status class "
          f"{dict(sorted(statuses.items()))}")
    assert statuses[500] == 0
    assert statuses[200] > 0 and statuses[400] > 0  # both valid and invalid requests were really made
    assert not failures, "\n\n".join(failures[:5])
