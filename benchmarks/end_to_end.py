"""Measures 3 and 7: `make demo` wall time and peak memory, and `make test` wall time."""

import sys
from pathlib import Path

from benchmarks.measurement import Measurement
from benchmarks.process_memory import ProcessRun, run_measured

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GIB = 2**30
SPARK_FLOOR = (
    "from gluestack.local.execution.spark import local_spark_session; from pathlib import Path; "
    "s = local_spark_session(Path('.gluestack/bench-floor')); s.range(1000).count(); s.stop()"
)


def _run(command: list[str], timeout_seconds: float) -> ProcessRun:
    run = run_measured(command, PROJECT_ROOT, timeout_seconds)
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{run.output[-3000:]}")
    return run


def measure_demo() -> list[Measurement]:
    floor = _run([sys.executable, "-c", SPARK_FLOOR], 300)
    # --fresh: a first run over all the data, as on a fresh clone, not a bookmarked rerun.
    demo = _run([sys.executable, "-m", "demo", "--fresh"], 900)
    baseline = "a bare local SparkSession: start, count, stop"
    return [
        Measurement(
            3,
            "make demo end to end: wall time",
            demo.wall_seconds,
            "s",
            floor.wall_seconds,
            baseline,
            90,
            "figure",
            "make demo on a fresh workspace (timed: python -m benchmarks --only demo)",
        ),
        Measurement(
            3,
            "make demo end to end: peak RSS of all its processes (JVM included)",
            demo.peak_rss_bytes / GIB,
            "GiB",
            floor.peak_rss_bytes / GIB,
            baseline,
            4,
            "figure",
            "make demo on a fresh workspace (timed: python -m benchmarks --only demo)",
        ),
    ]


def measure_make_test() -> list[Measurement]:
    collect = _run([sys.executable, "-m", "pytest", "--collect-only", "-q"], 300)
    test = _run(["make", "test"], 3600)
    return [
        Measurement(
            7,
            "make test on a warm .venv (lint, synth, cfn-lint, checkov, pytest)",
            test.wall_seconds,
            "s",
            collect.wall_seconds,
            "pytest collecting the suite (imports only)",
            300,
            "figure",
            "make test",
        )
    ]
