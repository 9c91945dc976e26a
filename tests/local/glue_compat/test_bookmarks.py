"""Job bookmarks: committed runs skip files they read; a failed run does not advance."""

from pathlib import Path
from typing import Any

from gluestack.local.glue_compat import GlueRuntime
from tests.local.glue_compat.conftest import put


def _run(runtime: GlueRuntime, *, commit: bool = True) -> int:
    from awsglue.context import GlueContext
    from awsglue.job import Job

    context = GlueContext(runtime.spark.sparkContext)
    job = Job(context)
    job.init("clean", {})
    frame = context.create_dynamic_frame.from_options(
        "s3",
        {"paths": ["s3://raw/events/"]},
        format="json",
        transformation_ctx="read_events",
    )
    rows = frame.count()
    if commit:
        job.commit()
    return rows


def test_a_committed_run_is_not_read_again(runtime: GlueRuntime, s3_root: Path) -> None:
    put(s3_root, "raw/events/a.json", '{"id": 1}\n{"id": 2}\n')
    assert _run(runtime) == 2
    assert _run(runtime) == 0
    put(s3_root, "raw/events/b.json", '{"id": 3}\n')
    assert _run(runtime) == 1


def test_a_run_that_does_not_commit_leaves_the_bookmark(
    runtime: GlueRuntime, s3_root: Path
) -> None:
    put(s3_root, "raw/events/a.json", '{"id": 1}\n')
    assert _run(runtime, commit=False) == 1
    assert _run(runtime) == 1
    assert _run(runtime) == 0


def test_bookmarks_are_off_unless_the_job_enables_them(runtime: GlueRuntime, s3_root: Path) -> None:
    runtime.arguments["--job-bookmark-option"] = "job-bookmark-disable"
    put(s3_root, "raw/events/a.json", '{"id": 1}\n')
    assert [_run(runtime), _run(runtime)] == [1, 1]


def test_reset_forgets_what_was_read(runtime: GlueRuntime, s3_root: Path) -> None:
    put(s3_root, "raw/events/a.json", '{"id": 1}\n')
    assert _run(runtime) == 1
    runtime.bookmarks.reset("clean")
    assert _run(runtime) == 1


def test_partition_columns_survive_a_bookmarked_read(runtime: GlueRuntime, s3_root: Path) -> Any:
    from awsglue.context import GlueContext

    put(s3_root, "raw/events/month=1/a.json", '{"id": 1}\n')
    context = GlueContext(runtime.spark.sparkContext)
    context.job_name = "clean"
    frame = context.create_dynamic_frame.from_options(
        "s3",
        {"paths": ["s3://raw/events/"], "recurse": True},
        format="json",
        transformation_ctx="read_events",
    )
    assert [tuple(r) for r in frame.toDF().collect()] == [(1, 1)]
