"""executing_glue(): job runs started in the offline account run their deployed scripts.

Each attempt is a process of its own (a Glue run is a fresh environment), watched by a thread:
Timeout is enforced (TIMEOUT), BatchStopJobRun ends the process (STOPPING, then STOPPED), a
FAILED attempt is retried MaxRetries times as a new run with Attempt and PreviousRunId, as
https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-jobs-runs.html describes.
"""

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moto.server import ThreadedMotoServer

from gluestack.local.output_guard import recover
from gluestack.local.service.job_process import JobProcessConfig
from gluestack.local.service.job_runs import ExecutedJobRun
from gluestack.local.service.moto_hooks import executing_hooks
from gluestack.local.workspace import Workspace

POLL_SECONDS = 0.2
# A killed process group has this long to go before the executor stops waiting for it.
KILL_GRACE_SECONDS = 30


@dataclass
class JobExecutor:
    """Runs ExecutedJobRuns in job processes that reach the account through endpoint."""

    endpoint: str
    region: str
    workspace: Workspace
    # Timeouts are in minutes; tests shorten the minute rather than wait for real ones.
    seconds_per_minute: float = 60.0
    threads: list[threading.Thread] = field(default_factory=list)

    def start(self, job: Any, run: ExecutedJobRun) -> None:
        thread = threading.Thread(target=self._execute, args=(job, run), daemon=True)
        self.threads.append(thread)
        thread.start()

    def stop(self, run: ExecutedJobRun) -> None:
        run.state = "STOPPING"
        run.stop_requested.set()

    def wait_idle(self, deadline_seconds: float) -> None:
        """Wait for every run started so far to end (used when shutting down)."""
        end = time.monotonic() + deadline_seconds
        for thread in list(self.threads):
            thread.join(max(0.0, end - time.monotonic()))

    def _execute(self, job: Any, run: ExecutedJobRun) -> None:
        while True:
            try:
                state, message = self._attempt(job, run)
            except Exception as error:  # the executor's own failure: Glue's ERROR state
                state, message = "ERROR", f"gluestack could not run the job: {error}"
            run.end(state, message)
            if state != "FAILED" or run.attempt >= int(job.max_retries or 0):
                return
            retry = ExecutedJobRun(
                job, dict(run.arguments or {}), attempt=run.attempt + 1,
                previous_run_id=run.job_run_id, timeout=run.timeout,
                worker_type=run.worker_type, number_of_workers=run.number_of_workers,
                max_capacity=run.max_capacity,
            )  # fmt: skip
            job.job_runs.append(retry)
            run = retry

    def _attempt(self, job: Any, run: ExecutedJobRun) -> tuple[str, str]:
        folder = self.workspace.root / "runs" / job.name
        folder.mkdir(parents=True, exist_ok=True)
        result = folder / f"{run.job_run_id}.result.json"
        config = folder / f"{run.job_run_id}.config.json"
        JobProcessConfig(
            endpoint=self.endpoint, region=self.region, workspace=str(self.workspace.root),
            job_name=job.name, run_id=run.job_run_id, arguments=dict(run.arguments or {}),
            result_file=str(result),
        ).write(config)  # fmt: skip
        with (folder / f"{run.job_run_id}.process.log").open("w") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "gluestack.local.service.job_process", str(config)],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
            run.state = "RUNNING"
            ended = self._watch(process, run)
        if ended is not None:
            recover(self.workspace.journal(job.name))  # outputs as they were before the run
            return ended
        if not result.is_file():
            return "FAILED", f"the job process exited with code {process.returncode}"
        outcome = json.loads(result.read_text())
        return ("SUCCEEDED", "") if outcome["succeeded"] else ("FAILED", outcome["error_message"])

    def _watch(
        self, process: subprocess.Popen[bytes], run: ExecutedJobRun
    ) -> tuple[str, str] | None:
        """Wait for the process; end it on a stop or the timeout, saying how the run ended."""
        deadline = time.monotonic() + self.seconds_per_minute * float(run.timeout or 0)
        while process.poll() is None:
            if run.stop_requested.is_set():
                _kill(process)
                return "STOPPED", ""
            if time.monotonic() > deadline:
                _kill(process)
                return "TIMEOUT", f"Job run exceeded its timeout of {run.timeout} minutes"
            time.sleep(POLL_SECONDS)
        return None


def _kill(process: subprocess.Popen[bytes]) -> None:
    """End the job process and the JVM it started (one process group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(KILL_GRACE_SECONDS)


@contextmanager
def executing_glue(
    workspace: Workspace,
    *,
    endpoint: str | None = None,
    region: str = "us-east-1",
    seconds_per_minute: float = 60.0,
) -> Iterator[JobExecutor]:
    """Inside an offline account (offline_account or a served moto), job runs execute.

    endpoint: where job processes reach the account; None serves the in-process account on a
    free loopback port for them (servers in one process share moto's backends).
    """
    with ExitStack() as stack:
        if endpoint is None:
            server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
            server.start()
            stack.callback(server.stop)
            host, port = server.get_host_and_port()
            endpoint = f"http://{host}:{port}"
        root = Workspace(Path(workspace.root).resolve())
        executor = JobExecutor(endpoint, region, root, seconds_per_minute)
        stack.enter_context(executing_hooks(executor.start, executor.stop))
        yield executor
