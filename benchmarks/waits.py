"""Measure 4: API calls to wait out a simulated 10-minute job, and how late its end is noticed."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from benchmarks.measurement import Measurement
from gluestack.ops import PollSchedule, run_job

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient

# Ten minutes, plus a little so the end does not fall on a 6-second poll by luck.
JOB_SECONDS = 601.0
# A scheduled job's recent runs: the waiter learns their typical length from one GetJobRuns.
HISTORY_SECONDS = (570.0, 590.0, 610.0, 640.0, 600.0)
# Airflow's GlueJobHook polls at a fixed job_poll_interval of 6 seconds.
FIXED_POLL = PollSchedule(first_seconds=6, factor=1, cap_seconds=6, jitter=0)
COMMAND = "python -m benchmarks --only waits"


@dataclass
class FakeClock:
    now_seconds: float = 0.0

    def now(self) -> float:
        return self.now_seconds

    def sleep(self, seconds: float) -> None:
        self.now_seconds += seconds


@dataclass
class SimulatedJobGlue:
    """A Glue client double: one job whose runs last job_seconds on clock; counts every call."""

    clock: FakeClock
    job_seconds: float
    history_seconds: tuple[float, ...] = ()
    calls: list[str] = field(default_factory=list)
    started_at: float = 0.0
    meta: Any = field(default_factory=lambda: SimpleNamespace(region_name="us-east-1"))

    def start_job_run(self, **_: Any) -> dict[str, str]:
        self.calls.append("StartJobRun")
        self.started_at = self.clock.now()
        return {"JobRunId": "jr_simulated"}

    def get_job_run(self, **_: Any) -> dict[str, Any]:
        self.calls.append("GetJobRun")
        done = self.clock.now() >= self.started_at + self.job_seconds
        state = "SUCCEEDED" if done else "RUNNING"
        return {"JobRun": {"Id": "jr_simulated", "JobRunState": state}}

    def get_job_runs(self, **_: Any) -> dict[str, Any]:
        self.calls.append("GetJobRuns")
        start = datetime(2026, 1, 1, tzinfo=UTC)
        runs = [
            {
                "JobRunState": "SUCCEEDED",
                "StartedOn": start,
                "CompletedOn": start + timedelta(seconds=seconds),
            }
            for seconds in self.history_seconds
        ]
        return {"JobRuns": runs}

    @property
    def noticed_late_by(self) -> float:
        return self.clock.now() - (self.started_at + self.job_seconds)


def simulate_wait(
    schedule: PollSchedule, *, history: tuple[float, ...] = (), learn: bool = True
) -> SimulatedJobGlue:
    """Start and wait out one simulated run; the double holds the calls and the final clock."""
    glue = SimulatedJobGlue(FakeClock(), JOB_SECONDS, history)
    run_job(
        cast("GlueClient", glue),  # the double answers the calls a waiter makes
        "simulated",
        deadline_seconds=4 * JOB_SECONDS,
        schedule=schedule,
        clock=glue.clock,
        learn_from_history=learn,
    )
    return glue


def measure() -> list[Measurement]:
    fixed = simulate_wait(FIXED_POLL, learn=False)
    rows = []
    unknown_length = (
        f"without a typical length, intervals grow to {PollSchedule().cap_seconds:g} s; waiting "
        "on Glue's EventBridge state-change events instead of polling would close this"
    )
    for label, waited, note in (
        ("run history known", simulate_wait(PollSchedule(), history=HISTORY_SECONDS), ""),
        ("first run, no history", simulate_wait(PollSchedule()), unknown_length),
    ):
        rows += [
            Measurement(
                4,
                f"wait for a 10-minute job, {label}: API calls",
                len(waited.calls),
                "calls",
                len(fixed.calls),
                "fixed 6 s poll, as Airflow's GlueJobHook",
                1 / 3,
                "ratio",
                COMMAND,
            ),
            Measurement(
                4,
                f"wait for a 10-minute job, {label}: end noticed after",
                waited.noticed_late_by,
                "s",
                fixed.noticed_late_by,
                "fixed 6 s poll",
                10,
                "figure",
                COMMAND,
                note,
            ),
        ]
    return rows
