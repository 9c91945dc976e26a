"""Measure 8: a job run through the offline Glue service (a process of its own) vs in-process.

The generated features job of the deployed flights app, over the full data: started with
StartJobRun, it runs in a fresh process (on a warm JVM after the first run); the baseline runs
the same deployed job in this process on an already warm Spark (what `make demo` did before the
service).
"""

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.flights_world import FlightsWorld, deployed_flights
from benchmarks.measurement import Measurement
from gluestack.local.glue_compat import BookmarkStore
from gluestack.local.service import executing_glue

RUNS = 5
COMMAND = "python -m benchmarks --only service"


def measure() -> list[Measurement]:
    with tempfile.TemporaryDirectory() as scratch, deployed_flights(Path(scratch)) as world:
        world.run_job("clean")  # the features job's input
        world.run_job("features")  # warm-up of the in-process path
        in_process: list[float] = []
        timings: list[tuple[float, float]] = []
        # Interleaved, so that a load change on the machine falls on both alike.
        for _ in range(RUNS):
            in_process.append(_seconds(lambda: world.run_job("features")))
            with executing_glue(world.workspace):
                timings.append(_own_process(world))
    to_running = statistics.median(t[0] for t in timings)
    whole = statistics.median(t[1] for t in timings)
    baseline = statistics.median(in_process)
    return [
        Measurement(
            8,
            "StartJobRun to RUNNING (offline Glue service)",
            to_running,
            "s",
            None,
            "",
            1.0,
            "figure",
            COMMAND,
            "the job's process is started before StartJobRun returns",
        ),
        Measurement(
            8,
            "features job run in its own process (StartJobRun to SUCCEEDED)",
            whole,
            "s",
            baseline,
            "the same deployed job in-process on a warm Spark",
            1.3,
            "ratio",
            COMMAND,
            "process start, imports and a new SparkContext are in the figure; the median run "
            "found the warm JVM the first one started",
        ),
    ]


def _own_process(world: FlightsWorld) -> tuple[float, float]:
    """Seconds from StartJobRun to RUNNING, and to SUCCEEDED."""
    job = world.manifest.jobs["features"]
    BookmarkStore(world.workspace.bookmarks).reset(job)
    started = time.perf_counter()
    run_id = world.glue.start_job_run(JobName=job)["JobRunId"]
    running = None
    while True:
        state = world.glue.get_job_run(JobName=job, RunId=run_id)["JobRun"]["JobRunState"]
        if running is None and state != "STARTING":
            running = time.perf_counter() - started
        if state not in ("STARTING", "RUNNING"):
            break
        time.sleep(0.05)
    if state != "SUCCEEDED":
        raise RuntimeError(f"the features job ended {state}")
    return running or 0.0, time.perf_counter() - started


def _seconds(run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started
