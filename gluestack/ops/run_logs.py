"""A job run's logs in CloudWatch Logs: read once, or followed until the run ends.

Glue writes a run's driver output to `<LogGroupName>/output` and its errors to
`<LogGroupName>/error` (LogGroupName from GetJobRun, `/aws-glue/jobs` by default), one stream
named by the run id; continuous logging writes to `/aws-glue/jobs/logs-v2` (or the job's
`--continuous-log-logGroup`) in streams whose names start with the run id (driver, executors,
progress bar). Streams appear only once the run has written something, so a missing group or
stream, like a group the caller may not read, is reported beside the lines, never raised.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from gluestack.ops.errors import WaitDeadlineExceeded
from gluestack.ops.polling import Clock, Deadline, PollSchedule, SystemClock
from gluestack.ops.states import JOB_IN_PROGRESS

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_logs import CloudWatchLogsClient
    from mypy_boto3_logs.type_defs import FilteredLogEventTypeDef

DEFAULT_LOG_GROUP = "/aws-glue/jobs"
CONTINUOUS_LOG_GROUP = "/aws-glue/jobs/logs-v2"
CUSTOM_GROUP_ARGUMENT = "--continuous-log-logGroup"
FOLLOW_SCHEDULE = PollSchedule(first_seconds=2, factor=1.5, cap_seconds=10)
_NOT_THERE = "ResourceNotFoundException"
_DENIED = ("AccessDeniedException", "AccessDenied")


@dataclass(frozen=True)
class LogLine:
    """One log event; kind is output, error or continuous, after the group it came from."""

    timestamp: datetime
    kind: str
    group: str
    stream: str
    message: str


@dataclass
class RunLogs:
    """The lines read so far, and the groups that could not be read and why."""

    lines: list[LogLine] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LogSource:
    kind: str
    group: str


def run_log_group(glue: "GlueClient", job_name: str, run_id: str) -> str:
    """The group whose /output and /error streams hold the run's logs (GetJobRun's LogGroupName)."""
    run = glue.get_job_run(JobName=job_name, RunId=run_id)["JobRun"]
    group: str = run.get("LogGroupName") or DEFAULT_LOG_GROUP
    return group


def run_log_sources(
    glue: "GlueClient", job_name: str, run_id: str, *, errors_only: bool
) -> list[LogSource]:
    """The log groups a run writes to, as its run and its job's arguments name them."""
    run = glue.get_job_run(JobName=job_name, RunId=run_id)["JobRun"]
    base = run.get("LogGroupName") or DEFAULT_LOG_GROUP
    if errors_only:
        return [LogSource("error", f"{base}/error")]
    job = glue.get_job(JobName=job_name)["Job"]
    arguments = {**job.get("DefaultArguments", {}), **run.get("Arguments", {})}
    continuous = arguments.get(CUSTOM_GROUP_ARGUMENT, CONTINUOUS_LOG_GROUP)
    return [
        LogSource("output", f"{base}/output"),
        LogSource("error", f"{base}/error"),
        LogSource("continuous", continuous),
    ]


def read_run_logs(
    logs: "CloudWatchLogsClient",
    glue: "GlueClient",
    job_name: str,
    run_id: str,
    *,
    errors_only: bool = False,
) -> RunLogs:
    """Every line the run has written so far, in time order."""
    reader = _RunLogReader(
        logs, run_id, run_log_sources(glue, job_name, run_id, errors_only=errors_only)
    )
    return reader.read_new()


def follow_run_logs(
    logs: "CloudWatchLogsClient",
    glue: "GlueClient",
    job_name: str,
    run_id: str,
    *,
    deadline_seconds: float,
    on_line: Callable[[LogLine], None],
    errors_only: bool = False,
    schedule: PollSchedule = FOLLOW_SCHEDULE,
    clock: Clock | None = None,
) -> RunLogs:
    """Pass each new line to on_line until the run ends, then read once more for the last lines.

    Raises WaitDeadlineExceeded when the run is still going at the deadline; it does not stop the
    run, which only this call's caller started and knows about.
    """
    deadline = Deadline(clock or SystemClock(), deadline_seconds)
    intervals = schedule.intervals(elapsed=lambda: deadline.elapsed)
    reader = _RunLogReader(
        logs, run_id, run_log_sources(glue, job_name, run_id, errors_only=errors_only)
    )
    while True:
        state = glue.get_job_run(JobName=job_name, RunId=run_id)["JobRun"]["JobRunState"]
        for line in reader.read_new().lines:
            on_line(line)
        if state not in JOB_IN_PROGRESS:
            # Glue flushes the last lines as the run ends: read after seeing the final state.
            for line in reader.read_new().lines:
                on_line(line)
            return reader.seen
        if deadline.remaining <= 0:
            raise WaitDeadlineExceeded(
                "Glue job run", f"{job_name}/{run_id}", state, deadline.elapsed
            )
        deadline.sleep(next(intervals))


@dataclass
class _RunLogReader:
    """Reads each group from where the previous read ended; events are never passed twice."""

    logs: "CloudWatchLogsClient"
    run_id: str
    sources: list[LogSource]
    seen: RunLogs = field(default_factory=RunLogs)
    _start: dict[str, int] = field(default_factory=dict)
    _seen_ids: set[str] = field(default_factory=set)

    def read_new(self) -> RunLogs:
        new = RunLogs()
        for source in self.sources:
            try:
                new.lines += self._new_lines(source)
                self.seen.problems.pop(source.group, None)
            except ClientError as error:
                code = error.response.get("Error", {}).get("Code", "")
                if code == _NOT_THERE:
                    reason = f"no logs yet in {source.group} for run {self.run_id}"
                elif code in _DENIED:
                    reason = f"not allowed to read {source.group}: {code}"
                else:
                    raise
                new.problems[source.group] = self.seen.problems[source.group] = reason
        new.lines.sort(key=lambda line: line.timestamp)
        self.seen.lines += new.lines
        return new

    def _new_lines(self, source: LogSource) -> list[LogLine]:
        request: dict[str, Any] = {
            "logGroupName": source.group,
            "logStreamNamePrefix": self.run_id,
            "startTime": self._start.get(source.group, 0),
        }
        lines = []
        for page in self.logs.get_paginator("filter_log_events").paginate(**request):
            for event in page.get("events", []):
                # moto ignores logStreamNamePrefix; AWS applies it, so this costs nothing there.
                if event["eventId"] in self._seen_ids or not event.get(
                    "logStreamName", self.run_id
                ).startswith(self.run_id):
                    continue
                self._seen_ids.add(event["eventId"])
                # Later events of the same millisecond may come on a later read: start there.
                start = max(self._start.get(source.group, 0), event["timestamp"])
                self._start[source.group] = start
                lines.append(_line(source, event))
        return lines


def _line(source: LogSource, event: "FilteredLogEventTypeDef") -> LogLine:
    return LogLine(
        timestamp=datetime.fromtimestamp(event["timestamp"] / 1000, tz=UTC),
        kind=source.kind,
        group=source.group,
        stream=event.get("logStreamName", ""),
        message=event["message"].rstrip("\n"),
    )
