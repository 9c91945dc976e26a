"""Put a local job run's captured output into (moto's) CloudWatch Logs, where Glue puts it."""

import contextlib
import time
from typing import Any

# PutLogEvents takes at most 10,000 events and 1,048,576 bytes, counting 26 bytes per event.
MAX_EVENTS = 10_000
MAX_BATCH_BYTES = 1_048_576
EVENT_OVERHEAD = 26
MAX_MESSAGE_BYTES = 256 * 1024 - EVENT_OVERHEAD


def write_job_run_logs(logs: Any, group: str, run_id: str, text: str, *, failed: bool) -> int:
    """Driver output to <group>/output; the traceback of a failed run to <group>/error too.

    group: the run's LogGroupName (/aws-glue/jobs on AWS). Returns the events written.
    """
    lines = [_truncated(line) for line in text.splitlines() if line.strip()]
    written = _put_lines(logs, f"{group}/output", run_id, lines)
    if failed:
        start = next((i for i, line in enumerate(lines) if line.startswith("Traceback")), 0)
        written += _put_lines(logs, f"{group}/error", run_id, lines[start:])
    return written


def _put_lines(logs: Any, group: str, stream: str, lines: list[str]) -> int:
    _ensure_stream(logs, group, stream)
    now = int(time.time() * 1000)
    events = [{"timestamp": now, "message": line} for line in lines]
    for batch in _batches(events):
        logs.put_log_events(logGroupName=group, logStreamName=stream, logEvents=batch)
    return len(events)


def _batches(events: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    batches: list[list[dict[str, Any]]] = [[]]
    size = 0
    for event in events:
        event_size = len(event["message"].encode()) + EVENT_OVERHEAD
        if len(batches[-1]) == MAX_EVENTS or size + event_size > MAX_BATCH_BYTES:
            batches.append([])
            size = 0
        batches[-1].append(event)
        size += event_size
    return [batch for batch in batches if batch]


def _ensure_stream(logs: Any, group: str, stream: str) -> None:
    for create, arguments in (
        (logs.create_log_group, {"logGroupName": group}),
        (logs.create_log_stream, {"logGroupName": group, "logStreamName": stream}),
    ):
        with contextlib.suppress(logs.exceptions.ResourceAlreadyExistsException):
            create(**arguments)


def _truncated(line: str) -> str:
    return line.encode()[:MAX_MESSAGE_BYTES].decode(errors="ignore")
