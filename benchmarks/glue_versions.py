"""Measure 10: Glue versions offline. A 6.0 job's first run, which installs its Spark (pyspark
4.1.1) into an empty cache, against a warm 6.0 run; a warm 6.0 run against the same job on 5.1;
and the peak memory of a run (every process of this benchmark, JVM included).

One Glue Studio-style script writing 100,000 rows, deployed as a 5.1 and a 6.0 job into an
executing offline account; runs start with StartJobRun and end when the API says SUCCEEDED.
"""

import os
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.measurement import Measurement
from benchmarks.process_memory import SAMPLE_SECONDS, tree_rss
from gluestack.local.offline import offline_account
from gluestack.local.records.workspace import Workspace
from gluestack.local.service import executing_glue

COMMAND = "python -m benchmarks --only glue-versions"
RUNS = 3
SCRIPT = """import sys
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "target_path"])
glueContext = GlueContext(SparkContext())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)
rows = glueContext.spark_session.range(100000).selectExpr("id", "id % 7 AS weekday")
rows.groupBy("weekday").count().write.mode("overwrite").parquet(args["target_path"])
job.commit()
"""
GIB = 1024**3


def measure() -> list[Measurement]:
    with (
        tempfile.TemporaryDirectory() as scratch,
        _empty_cache(Path(scratch) / "cache"),
        offline_account() as session,
        executing_glue(Workspace(Path(scratch) / "ws")),
    ):
        glue, s3 = session.client("glue"), session.client("s3")
        for bucket in ("scripts", "out"):
            s3.create_bucket(Bucket=bucket)
        s3.put_object(Bucket="scripts", Key="count.py", Body=SCRIPT.encode())
        for version in ("5.1", "6.0"):
            _job(glue, version)
        first = _timed_run(glue, "6.0")[0]
        warm = {v: [_timed_run(glue, v) for _ in range(RUNS)] for v in ("5.1", "6.0")}
    seconds = {v: statistics.median(t for t, _ in runs) for v, runs in warm.items()}
    peaks = {v: max(p for _, p in runs) / GIB for v, runs in warm.items()}
    return [
        Measurement(
            10, "first run of a 6.0 job (its pyspark 4.1.1 installed into an empty cache)",
            first, "s", seconds["6.0"], "a warm run of the same 6.0 job", 180, "figure", COMMAND,
            "pip's download and install, the s3fs jar built for Spark 4, a JVM without a "
            "class-data archive; later runs install nothing",
        ),
        Measurement(
            10, "warm 6.0 job run (Spark 4.1.1, StartJobRun to SUCCEEDED)",
            seconds["6.0"], "s", seconds["5.1"], "the same job on 5.1 (Spark 3.5.6)", 1.3,
            "ratio", COMMAND, "each version's job processes have their own class-data archive",
        ),
        Measurement(
            10, "peak RSS during a 6.0 job run (this process, moto and the job's JVM)",
            peaks["6.0"], "GiB", peaks["5.1"], "the same during a 5.1 run", 4, "figure",
            COMMAND,
        ),
    ]  # fmt: skip


@contextmanager
def _empty_cache(folder: Path) -> Iterator[None]:
    """gluestack's cache (runtimes, jars, archives) and pip's start empty inside the block."""
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["XDG_CACHE_HOME"]
        else:
            os.environ["XDG_CACHE_HOME"] = saved


def _job(glue: Any, version: str) -> None:
    glue.create_job(
        Name=f"count-{version}", Role="arn:aws:iam::123456789012:role/glue", GlueVersion=version,
        Command={"Name": "glueetl", "ScriptLocation": "s3://scripts/count.py"},
        DefaultArguments={"--target_path": f"s3://out/count-{version}/"},
        WorkerType="G.1X", NumberOfWorkers=2, Timeout=30,
    )  # fmt: skip


def _timed_run(glue: Any, version: str) -> tuple[float, int]:
    """Seconds from StartJobRun to SUCCEEDED, and the peak RSS of this process tree meanwhile."""
    peak, done = 0, threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(os.getpid()))
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    name = f"count-{version}"
    run_id = glue.start_job_run(JobName=name)["JobRunId"]
    deadline = started + 900
    try:
        while (state := glue.get_job_run(JobName=name, RunId=run_id)["JobRun"]["JobRunState"]) in (
            "STARTING", "RUNNING", "WAITING",
        ):  # fmt: skip
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{name} did not end within 900 s")
            time.sleep(0.1)
    finally:
        done.set()
        sampler.join()
    if state != "SUCCEEDED":
        raise RuntimeError(f"{name} ended {state}")
    return time.perf_counter() - started, peak
