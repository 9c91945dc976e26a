"""Measure 6: rerunning the bookmarked flights job when no new input has arrived."""

import tempfile
import time
from pathlib import Path

from benchmarks.flights_world import deployed_flights
from benchmarks.measurement import Measurement
from gluestack.local.execution.job_execution import execute_job
from gluestack.local.records import local_s3

BOOKMARKS_ON = {"--job-bookmark-option": "job-bookmark-enable"}


def measure() -> list[Measurement]:
    with tempfile.TemporaryDirectory() as scratch, deployed_flights(Path(scratch)) as world:
        output = world.workspace.local_path(
            f"s3://{world.outputs['CuratedBucketName']}/flights_clean/"
        )

        def run() -> tuple[float, int]:
            """Seconds for a bookmarked run, and the rows it added to flights_clean."""
            before = _rows(world.spark, output)
            started = time.perf_counter()
            local_s3.pull(world.s3, world.workspace.s3_root)
            run_id = world.glue.start_job_run(JobName=world.clean_job, Arguments=BOOKMARKS_ON)[
                "JobRunId"
            ]
            execution = execute_job(
                world.glue,
                world.s3,
                world.spark,
                world.workspace,
                world.clean_job,
                run_id,
                BOOKMARKS_ON,
            )
            if not execution.succeeded:
                raise RuntimeError(execution.error_message)
            local_s3.push(world.s3, world.workspace.s3_root)
            return time.perf_counter() - started, _rows(world.spark, output) - before

        first_seconds, first_rows = run()
        rerun_seconds, rerun_rows = run()
    return [
        Measurement(
            6,
            f"bookmarked rerun with no new input: {rerun_rows} rows written",
            rerun_seconds,
            "s",
            first_seconds,
            f"first run ({first_rows:,} rows written)",
            10,
            "figure",
            "python -m benchmarks --only bookmarks",
            "0 rows processed",
            f"the rerun wrote {rerun_rows:,} rows" if rerun_rows else "",
        )
    ]


def _rows(spark: object, folder: Path) -> int:
    if not folder.exists():
        return 0
    return int(spark.read.parquet(str(folder)).count())  # type: ignore[attr-defined]
