"""A local run's output lands in CloudWatch Logs within PutLogEvents' limits."""

from typing import Any

import boto3

from gluestack.local.records.job_logs import MAX_EVENTS, write_job_run_logs


def _events(logs: Any, group: str) -> list[str]:
    pages = logs.get_paginator("filter_log_events").paginate(logGroupName=group)
    return [event["message"] for page in pages for event in page["events"]]


def test_long_output_is_written_in_batches_and_read_back_whole(aws: boto3.Session) -> None:
    logs = aws.client("logs")
    text = "\n".join(f"row {i}" for i in range(MAX_EVENTS + 5))
    written = write_job_run_logs(logs, "/aws-glue/jobs", "jr_1", text, failed=False)
    assert written == MAX_EVENTS + 5
    assert _events(logs, "/aws-glue/jobs/output")[-1] == f"row {MAX_EVENTS + 4}"
    assert logs.describe_log_groups(logGroupNamePrefix="/aws-glue/jobs/error")["logGroups"] == []


def test_a_failed_run_puts_its_traceback_in_the_error_group(aws: boto3.Session) -> None:
    logs = aws.client("logs")
    text = "reading\nTraceback (most recent call last):\n  File x\nValueError: bad row\n"
    write_job_run_logs(logs, "/aws-glue/jobs", "jr_2", text, failed=True)
    assert _events(logs, "/aws-glue/jobs/error") == [
        "Traceback (most recent call last):",
        "  File x",
        "ValueError: bad row",
    ]
    assert _events(logs, "/aws-glue/jobs/output")[0] == "reading"
