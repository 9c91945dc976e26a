"""Estimated cost: DPU-hours at the execution class's rate, with Glue's one-minute minimum."""

from dataclasses import replace

import pytest

from gluestack.ops.costs import Rates, estimated_cost
from gluestack.ops.job_result import job_run_result


def run(**fields: object) -> dict[str, object]:
    return {"Id": "jr_1", "JobRunState": "SUCCEEDED", **fields}


def test_standard_runs_cost_dpu_hours_at_the_standard_rate() -> None:
    ten_workers_one_hour = job_run_result(
        "etl", run(WorkerType="G.1X", NumberOfWorkers=10, ExecutionTime=3600)
    )
    assert estimated_cost(ten_workers_one_hour) == pytest.approx(4.40)


def test_flex_runs_cost_less_and_rates_can_be_overridden() -> None:
    flex = job_run_result(
        "etl",
        run(WorkerType="G.2X", NumberOfWorkers=5, ExecutionTime=1800, ExecutionClass="FLEX"),
    )
    assert estimated_cost(flex) == pytest.approx(5 * 2 * 0.5 * 0.29)
    assert estimated_cost(flex, Rates(standard=1.0, flex=0.5)) == pytest.approx(2.5)


def test_short_runs_are_billed_for_a_minute_and_glues_dpu_seconds_win() -> None:
    short = job_run_result("etl", run(WorkerType="G.1X", NumberOfWorkers=2, ExecutionTime=15))
    assert estimated_cost(short) == pytest.approx(2 * 60 / 3600 * 0.44)
    autoscaled = job_run_result(
        "etl", run(WorkerType="G.1X", NumberOfWorkers=10, ExecutionTime=600, DPUSeconds=1200.0)
    )
    assert estimated_cost(autoscaled) == pytest.approx(1200 / 3600 * 0.44)


def test_a_run_of_unknown_capacity_has_no_estimate() -> None:
    unknown = job_run_result("etl", run(ExecutionTime=600))
    assert estimated_cost(unknown) is None
    assert estimated_cost(replace(unknown, dpu_seconds=0.0)) == 0.0
