"""Put a local job run's captured output into (moto's) CloudWatch Logs, where Glue puts it."""

import contextlib
import io
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mypy_boto3_logs import CloudWatchLogsClient
    from mypy_boto3_logs.type_defs import InputLogEventTypeDef

# How often a running job's new output lines are put into its /output stream.
LIVE_FLUSH_SECONDS = 1.0

# PutLogEvents takes at most 10,000 events and 1,048,576 bytes, counting 26 bytes per event.
MAX_EVENTS = 10_000
MAX_BATCH_BYTES = 1_048_576
EVENT_OVERHEAD = 26
MAX_MESSAGE_BYTES = 256 * 1024 - EVENT_OVERHEAD


def write_job_run_logs(
    logs: "CloudWatchLogsClient", group: str, run_id: str, text: str, *, failed: bool
) -> int:
    """Driver output to <group>/output; the traceback of a failed run to <group>/error too.

    group: the run's LogGroupName (/aws-glue/jobs on AWS). Returns the events written.
    """
    log = LiveRunLog(logs, group, run_id).start()
    log.write(text)
    return log.finish(failed=failed)


class LiveRunLog(io.TextIOBase):
    """A run's stdout and stderr: kept whole, and put line by line into <group>/output as the
    run goes (every LIVE_FLUSH_SECONDS), as Glue's continuous logging shows a running job."""

    def __init__(self, logs: "CloudWatchLogsClient", group: str, run_id: str) -> None:
        super().__init__()
        self._logs, self._group, self._run_id = logs, group, run_id
        self._text = io.StringIO()
        self._partial = ""
        self._pending: list[InputLogEventTypeDef] = []
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._flush_often, daemon=True)
        self._written = 0

    def start(self) -> "LiveRunLog":
        _ensure_stream(self._logs, f"{self._group}/output", self._run_id)
        self._thread.start()
        return self

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        with self._lock:
            self._text.write(text)
            *lines, self._partial = (self._partial + text).split("\n")
            now = int(time.time() * 1000)
            self._pending += [
                {"timestamp": now, "message": _truncated(line)} for line in lines if line.strip()
            ]
        return len(text)

    def getvalue(self) -> str:
        with self._lock:
            return self._text.getvalue()

    def finish(self, *, failed: bool) -> int:
        """Put what is left (the traceback of a failed run into <group>/error too).

        Returns the events written in all."""
        self._done.set()
        self._thread.join()
        if self._partial.strip():
            self.write("\n")
        self._flush()
        if failed:
            lines = [_truncated(line) for line in self.getvalue().splitlines() if line.strip()]
            start = next((i for i, line in enumerate(lines) if line.startswith("Traceback")), 0)
            self._written += _put_lines(
                self._logs, f"{self._group}/error", self._run_id, lines[start:]
            )
        return self._written

    def _flush_often(self) -> None:
        while not self._done.wait(LIVE_FLUSH_SECONDS):
            self._flush()

    def _flush(self) -> None:
        with self._lock:
            events, self._pending = self._pending, []
        self._written += len(events)
        for batch in _batches(events):
            self._logs.put_log_events(
                logGroupName=f"{self._group}/output", logStreamName=self._run_id, logEvents=batch
            )


def _put_lines(logs: "CloudWatchLogsClient", group: str, stream: str, lines: list[str]) -> int:
    _ensure_stream(logs, group, stream)
    now = int(time.time() * 1000)
    events: list[InputLogEventTypeDef] = [{"timestamp": now, "message": line} for line in lines]
    for batch in _batches(events):
        logs.put_log_events(logGroupName=group, logStreamName=stream, logEvents=batch)
    return len(events)


def _batches(events: list["InputLogEventTypeDef"]) -> list[list["InputLogEventTypeDef"]]:
    batches: list[list[InputLogEventTypeDef]] = [[]]
    size = 0
    for event in events:
        event_size = len(event["message"].encode()) + EVENT_OVERHEAD
        if len(batches[-1]) == MAX_EVENTS or size + event_size > MAX_BATCH_BYTES:
            batches.append([])
            size = 0
        batches[-1].append(event)
        size += event_size
    return [batch for batch in batches if batch]


def _ensure_stream(logs: "CloudWatchLogsClient", group: str, stream: str) -> None:
    with contextlib.suppress(logs.exceptions.ResourceAlreadyExistsException):
        logs.create_log_group(logGroupName=group)
    with contextlib.suppress(logs.exceptions.ResourceAlreadyExistsException):
        logs.create_log_stream(logGroupName=group, logStreamName=stream)


def _truncated(line: str) -> str:
    return line.encode()[:MAX_MESSAGE_BYTES].decode(errors="ignore")
