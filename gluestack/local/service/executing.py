"""executing_glue(): job runs started in the offline account run their deployed scripts.

Each attempt is a process of its own (a Glue run is a fresh environment), watched by a thread:
Timeout is enforced (TIMEOUT), BatchStopJobRun ends the process (STOPPING, then STOPPED), a
FAILED attempt is retried MaxRetries times as a new run with Attempt and PreviousRunId, as
https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-jobs-runs.html describes.
"""

import json
import math
import os
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pyspark

from gluestack.local.crawl.crawler import NO_FILES_UNDER
from gluestack.local.execution.crawl_process import CrawlProcessConfig
from gluestack.local.execution.evaluation_process import EvaluationProcessConfig
from gluestack.local.execution.job_process import JobProcessConfig
from gluestack.local.execution.jvm_archive import JvmArchive, archive_path, with_java_options
from gluestack.local.execution.process_groups import kill_group, wait_for_group
from gluestack.local.execution.ready_interpreters import (
    ReadyInterpreters,
    RunProcess,
    shared_interpreters,
)
from gluestack.local.execution.runtimes import RuntimeUnavailable, runtime_for
from gluestack.local.execution.warm_jvms import HostFailed, WarmJvms, shared_jvms
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.jdbc.routes import ROUTES_VARIABLE
from gluestack.local.moto_extensions.clock_route import clock_route
from gluestack.local.moto_extensions.crawler_metrics import CrawlMetrics, record_crawl_metrics
from gluestack.local.moto_extensions.data_quality_api import (
    EvaluationRun,
    evaluating_runs,
    record_result,
)
from gluestack.local.moto_extensions.event_targets import rule_targets
from gluestack.local.moto_extensions.mirrored_deletions import mirrored_deletions
from gluestack.local.moto_extensions.run_apis import executing_hooks, running_runs
from gluestack.local.offline import loopback_server
from gluestack.local.offline_identity import OFFLINE_CREDENTIALS, OFFLINE_REGION
from gluestack.local.orchestration.clock import OfflineClock
from gluestack.local.orchestration.glue_events import crawler_state_changed, job_state_changed
from gluestack.local.orchestration.start_context import WorkflowStart
from gluestack.local.orchestration.trigger_chain import Node
from gluestack.local.orchestration.triggers import TriggerEngine
from gluestack.local.orchestration.workflows import WorkflowEngine
from gluestack.local.python_shell.runtime import library_choice, shell_runtime
from gluestack.local.records.crawls import ExecutedCrawl
from gluestack.local.records.job_runs import DEFAULT_TIMEOUT_MINUTES, ExecutedJobRun
from gluestack.local.records.output_guard import recover
from gluestack.local.records.workspace import Workspace
from gluestack.spec.glue_versions import DEFAULT_GLUE_VERSION
from gluestack.spec.job_options import PYTHON_SHELL

# How often a run's process is looked at: its result, a stop request, its deadline.
POLL_SECONDS = 0.05
# How often a served account, whose clock follows real time, looks for schedules to fire.
TICK_SECONDS = 1.0

SHELL_PROCESS = "gluestack.local.python_shell.shell_process"


@dataclass(frozen=True)
class ProcessFiles:
    """One job or crawl process's files: what it is asked, what it answers, what it printed."""

    config: Path
    result: Path
    log: Path

    @classmethod
    def of(cls, folder: Path, name: str) -> "ProcessFiles":
        return cls(
            folder / f"{name}.config.json",
            folder / f"{name}.result.json",
            folder / f"{name}.process.log",
        )


@dataclass
class JobExecutor:
    """Runs ExecutedJobRuns in job processes that reach the account through endpoint."""

    endpoint: str
    region: str
    workspace: Workspace
    # Timeouts are in minutes; tests shorten the minute rather than wait for real ones.
    seconds_per_minute: float = 60.0
    # Run reports (local run, demo) show rows in and out per job; counting costs a pass.
    count_rows: bool = False
    # One class-data archive per Spark version and Python: each runtime has its own.
    archives: dict[str, JvmArchive] = field(default_factory=dict)
    workflows: WorkflowEngine = field(default_factory=WorkflowEngine)
    clock: OfflineClock = field(default_factory=OfflineClock)
    triggers: TriggerEngine = field(init=False)
    threads: list[threading.Thread] = field(default_factory=list)
    # Runs left WAITING by run queuing, per job, oldest first.
    waiting: dict[int, deque[ExecutedJobRun]] = field(default_factory=dict)
    waiting_lock: threading.Lock = field(default_factory=threading.Lock)
    # Deployed database servers to their offline stand-ins (jdbc.routes), for every process.
    jdbc_routes: dict[str, str] = field(default_factory=dict)
    jvms: WarmJvms = field(default_factory=shared_jvms)
    interpreters: ReadyInterpreters = field(default_factory=shared_interpreters)

    def __post_init__(self) -> None:
        self.triggers = TriggerEngine(self.clock)

    def advance_clock(self, by: timedelta) -> tuple[datetime, list[str]]:
        """Move the offline clock forward; the new time and the scheduled triggers that fired."""
        self.triggers.tick()  # schedules first seen now count from the time before the move
        now = self.clock.advance(by)
        return now, self.triggers.tick()

    def start(self, job: Any, run: ExecutedJobRun) -> None:
        thread = threading.Thread(target=self._execute, args=(job, run), daemon=True)
        self._track(thread)

    def stop(self, job: Any, run: ExecutedJobRun) -> None:
        with self.waiting_lock:
            queue = self.waiting.get(id(job), deque())
            waiting = run in queue
            if waiting:
                queue.remove(run)
        if waiting:  # never started: it ends at once
            self._end(job, run, "STOPPED", "")
            return
        run.state = "STOPPING"
        run.stop_requested.set()

    def queue(self, job: Any, run: ExecutedJobRun) -> None:
        """Run queuing: hold run (WAITING) until one of the job's runs ends."""
        with self.waiting_lock:
            self.waiting.setdefault(id(job), deque()).append(run)

    def _start_waiting(self, job: Any) -> None:
        with self.waiting_lock:
            queue = self.waiting.get(id(job))
            limit = job.execution_property.get("MaxConcurrentRuns", 1)
            while queue and running_runs(job) < limit:
                run = queue.popleft()
                run.state = "STARTING"
                self.start(job, run)

    def _track(self, thread: threading.Thread) -> None:
        """Start thread; forget the ones that ended (a served account runs for days)."""
        self.threads = [t for t in self.threads if t.is_alive()]
        self.threads.append(thread)
        thread.start()

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
            if state != "FAILED" or run.attempt >= int(job.max_retries or 0):
                self._end(job, run, state, message)
                return
            run.end(state, message)
            _announce(job, run, state, message)
            retry = ExecutedJobRun(
                job, dict(run.arguments or {}), attempt=run.attempt + 1,
                previous_run_id=run.job_run_id, timeout=run.timeout,
                worker_type=run.worker_type, number_of_workers=run.number_of_workers,
                max_capacity=run.max_capacity,
            )  # fmt: skip
            retry.workflow_start = run.workflow_start
            job.job_runs.append(retry)
            run = retry

    def _end(self, job: Any, run: ExecutedJobRun, state: str, message: str) -> None:
        """The run's last attempt ended: record it, tell what follows it, start a waiting run."""
        run.end(state, message)
        _announce(job, run, state, message)
        detail = run.report if state == "SUCCEEDED" else message
        self._node_ended(job.backend, Node("job", job.name), run.workflow_start, state, detail)
        self._start_waiting(job)

    def _node_ended(
        self, backend: Any, node: Node, start: WorkflowStart | None, state: str, detail: str
    ) -> None:
        """Tell what follows a job or crawl: its workflow run, else the triggers watching it."""
        if start:
            self.workflows.node_ended(start, node, state, detail)
        else:
            self.triggers.node_ended(backend, node)

    def _attempt(self, job: Any, run: ExecutedJobRun) -> tuple[str, str]:
        folder = self._folder("runs", job.name)
        files = ProcessFiles.of(folder, run.job_run_id)
        shell = (job.command or {}).get("Name") == PYTHON_SHELL
        try:  # before the run's clock starts: a new runtime is installed once, first
            if shell:
                shell_runtime(*library_choice({**job.default_arguments, **(run.arguments or {})}))
            runtime = runtime_for(DEFAULT_GLUE_VERSION if shell else run.glue_version)
        except (RuntimeUnavailable, UnsupportedGlueFeature) as error:
            return "FAILED", str(error)
        JobProcessConfig(
            endpoint=self.endpoint, region=self.region, workspace=str(self.workspace.root),
            job_name=job.name, run_id=run.job_run_id, arguments=dict(run.arguments or {}),
            result_file=str(files.result), count_rows=self.count_rows,
        ).write(files.config)  # fmt: skip
        started = time.monotonic()
        deadline = started + self.seconds_per_minute * float(run.timeout or 0)
        run.state = "RUNNING"
        archive = self._archive(runtime.release.spark, str(runtime.python))
        environment = runtime.environment(self._environment())
        if shell:
            ended = _run_process(SHELL_PROCESS, files, run.stop_requested, deadline, archive,
                                 environment, str(runtime.python))  # fmt: skip
        else:
            try:
                ended = self._run_on_warm_jvm(
                    "gluestack.local.execution.job_process", files, run.stop_requested, deadline,
                    archive, environment, str(runtime.python),
                )  # fmt: skip
            except HostFailed as error:
                return "FAILED", f"gluestack could not start the job's Spark: {error}"
        if ended == "STOPPED":
            recover(self.workspace.journal(job.name))  # outputs as they were before the run
            return "STOPPED", ""
        if ended == "TIMEOUT":
            recover(self.workspace.journal(job.name))
            return "TIMEOUT", f"Job run exceeded its timeout of {run.timeout} minutes"
        outcome = _result(files)
        backend = job.backend
        for result in outcome.get("data_quality_results", []):
            record_result(backend.account_id, backend.region_name, result)
        if not outcome["succeeded"]:
            return "FAILED", outcome["error_message"]
        rows = outcome.get("rows")
        counted = f"{rows[0]:,} rows in, {rows[1]:,} out; " if rows else ""
        seconds = time.monotonic() - started
        ran_on = f"{outcome['runtime']}; " if outcome.get("runtime") else ""
        run.report = f"{counted}{ran_on}run {run.job_run_id[:15]}… {seconds:.1f}s"
        return "SUCCEEDED", ""

    def _run_on_warm_jvm(
        self, module: str, files: ProcessFiles, stop: threading.Event, deadline: float,
        archive: JvmArchive, environment: dict[str, str], python: str = sys.executable,
    ) -> str | None:  # fmt: skip
        """`python -m module CONFIG` attached to a warm JVM (warm_jvms.py); STOPPED or TIMEOUT
        if it was ended."""
        with self.jvms.lease(self, python, environment, self.workspace.s3_root, files.log,
                             archive) as lease:  # fmt: skip
            run = RunProcess(python, module, (str(files.config),),
                             {**environment, **lease.environment}, files.log)  # fmt: skip
            ended = _watched_process(run, files, stop, deadline, True, self.interpreters)
            lease.clean = ended is None
        return ended

    def start_crawl(self, crawler: Any, crawl: ExecutedCrawl) -> None:
        thread = threading.Thread(target=self._crawl, args=(crawler, crawl), daemon=True)
        self._track(thread)

    def _crawl(self, crawler: Any, crawl: ExecutedCrawl) -> None:
        account, region = crawler.backend.account_id, crawler.backend.region_name
        crawler_state_changed(account, region, crawler.name, "Started")
        self._run_crawl(crawler, crawl)
        if crawl.api_status in ("SUCCEEDED", "FAILED"):
            state = crawl.api_status.capitalize()
            crawler_state_changed(account, region, crawler.name, state, crawl.error_message)
        detail = crawl.report if crawl.api_status == "SUCCEEDED" else crawl.error_message
        node = Node("crawler", crawler.name)
        self._node_ended(crawler.backend, node, crawl.workflow_start, crawl.api_status, detail)

    def _run_crawl(self, crawler: Any, crawl: ExecutedCrawl) -> None:
        try:
            folder = self._folder("crawls", crawler.name)
            files = ProcessFiles.of(folder, crawl.crawl_id)
            CrawlProcessConfig(
                endpoint=self.endpoint, region=self.region, workspace=str(self.workspace.root),
                crawler_name=crawler.name, result_file=str(files.result),
            ).write(files.config)  # fmt: skip
            ended = _run_process(
                "gluestack.local.execution.crawl_process", files, crawl.stop_requested, math.inf,
                self._archive(), self._environment(), interpreters=self.interpreters,
            )  # fmt: skip
            if ended == "STOPPED":
                crawl.end("STOPPED")
                return
            outcome = _result(files)
        except Exception as error:  # the executor's own failure
            outcome = {"succeeded": False, "error_message": f"gluestack could not crawl: {error}"}
        if not outcome["succeeded"]:
            crawl.end("FAILED", str(outcome["error_message"]))
            return
        metrics = CrawlMetrics(
            TablesCreated=len(outcome["created"]),
            TablesUpdated=len(outcome["updated"]),
            TablesDeleted=len(outcome["deleted"]),
            LastRuntimeSeconds=float(outcome["seconds"]),
        )
        record_crawl_metrics(
            crawler.backend.account_id, crawler.backend.region_name, crawler.name, metrics
        )
        tables = outcome["created"] + outcome["updated"]
        crawl.report = "tables: " + (", ".join(tables) or "none")
        if outcome.get("empty"):
            crawl.report += "; " + NO_FILES_UNDER + ", ".join(outcome["empty"])
        crawl.end("COMPLETED")

    def start_evaluation(self, backend: Any, run: EvaluationRun) -> None:
        thread = threading.Thread(target=self._evaluate, args=(backend, run), daemon=True)
        self._track(thread)

    def _evaluate(self, backend: Any, run: EvaluationRun) -> None:
        """A data quality evaluation run, in a process; its results recorded in the account."""
        try:
            files = ProcessFiles.of(self._folder("evaluations", "runs"), run.run_id)
            EvaluationProcessConfig(
                endpoint=self.endpoint, region=self.region, workspace=str(self.workspace.root),
                run_id=run.run_id, request=run.request, result_file=str(files.result),
            ).write(files.config)  # fmt: skip
            minutes = float(run.request.get("Timeout") or DEFAULT_TIMEOUT_MINUTES)
            run.status = "RUNNING"
            ended = self._run_on_warm_jvm(
                "gluestack.local.execution.evaluation_process", files, run.stop_requested,
                time.monotonic() + self.seconds_per_minute * minutes, self._archive(),
                self._environment(),
            )  # fmt: skip
            if ended:
                run.end(ended, f"Evaluation run exceeded its timeout of {minutes:g} minutes"
                        if ended == "TIMEOUT" else "")  # fmt: skip
                return
            outcome = _result(files)
        except Exception as error:  # the executor's own failure
            message = f"gluestack could not evaluate: {error}"
            outcome = {"succeeded": False, "error_message": message}
        if not outcome["succeeded"]:
            run.end("FAILED", str(outcome["error_message"]))
            return
        ids = [
            record_result(backend.account_id, backend.region_name, result)
            for result in outcome["results"]
        ]
        run.end("SUCCEEDED", result_ids=ids)

    def _archive(
        self, spark_version: str = pyspark.__version__, python: str = sys.executable
    ) -> JvmArchive:
        key = f"{spark_version} {python}"
        if key not in self.archives:
            self.archives[key] = JvmArchive(archive_path(spark_version, python))
        return self.archives[key]

    def _environment(self) -> dict[str, str]:
        """The job's environment: boto3 clients a script makes reach the offline account, and
        JDBC connections the offline databases."""
        return {
            **os.environ,
            **OFFLINE_CREDENTIALS,
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_DEFAULT_REGION": self.region,
            ROUTES_VARIABLE: json.dumps(self.jdbc_routes),
        }

    def _folder(self, kind: str, name: str) -> Path:
        folder = self.workspace.root / kind / name
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def _announce(job: Any, run: ExecutedJobRun, state: str, message: str) -> None:
    """Glue's state-change event for the run's end, on the offline EventBridge."""
    backend = job.backend
    job_state_changed(
        backend.account_id, backend.region_name, job.name, run.job_run_id, state, message
    )


def _run_process(
    module: str, files: ProcessFiles, stop: threading.Event, deadline: float,
    archive: JvmArchive, env: dict[str, str], python: str = sys.executable,
    interpreters: ReadyInterpreters | None = None,
) -> str | None:  # fmt: skip
    """Run `python -m module CONFIG` as a process group (a ready one from interpreters, if
    given); STOPPED or TIMEOUT if it was ended."""
    options, partial = archive.options()
    run = RunProcess(python, module, (str(files.config),), with_java_options(env, options),
                     files.log)  # fmt: skip
    # A process that writes the archive must exit by itself; the others end with their result.
    try:
        return _watched_process(run, files, stop, deadline, not partial, interpreters)
    finally:
        archive.written(partial)


def _watched_process(
    run: RunProcess, files: ProcessFiles, stop: threading.Event, deadline: float,
    end_with_result: bool, interpreters: ReadyInterpreters | None,
) -> str | None:  # fmt: skip
    """Watch the run's process; once its result is written, its JVM's shutdown is not waited
    for. With interpreters, the process a next such run takes is started when it is over."""
    process = interpreters.start(run) if interpreters else _started(run)
    try:
        while process.poll() is None:
            if stop.is_set():
                kill_group(process)
                return "STOPPED"
            if time.monotonic() > deadline:
                kill_group(process)
                return "TIMEOUT"
            if end_with_result and files.result.is_file():
                kill_group(process)  # what it did is in the result, its outputs are pushed
                return None
            time.sleep(POLL_SECONDS)
        return None
    finally:
        wait_for_group(process.pid)  # a run is over when its JVM is gone too
        if interpreters:
            interpreters.prepare(run)


def _started(run: RunProcess) -> "subprocess.Popen[bytes]":
    # Appending: a warm JVM's host appends the JVM's output to the same log.
    with run.log.open("a") as log:
        return subprocess.Popen(
            [run.python, "-m", run.module, *run.arguments],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=run.environment,
        )  # fmt: skip


def _result(files: ProcessFiles) -> dict[str, Any]:
    if not files.result.is_file():
        return {
            "succeeded": False,
            "error_message": f"the process ended without a result; see {files.log}",
        }
    outcome: dict[str, Any] = json.loads(files.result.read_text())
    return outcome


@contextmanager
def executing_glue(
    workspace: Workspace,
    *,
    endpoint: str | None = None,
    region: str = OFFLINE_REGION,
    seconds_per_minute: float = 60.0,
    count_rows: bool = False,
    clock: OfflineClock | None = None,
) -> Iterator[JobExecutor]:
    """Inside an offline account (offline_account or a served moto), job runs execute.

    endpoint: where job processes reach the account; None serves the in-process account on a
    free loopback port for them (servers in one process share moto's backends).
    clock: the account's time for schedules; by default it stands still until advanced.
    """
    with ExitStack() as stack:
        if endpoint is None:
            endpoint = stack.enter_context(loopback_server())
        root = Workspace(Path(workspace.root).resolve())
        executor = JobExecutor(
            endpoint, region, root, seconds_per_minute, count_rows, clock=clock or OfflineClock()
        )
        stack.callback(executor.jvms.end_lent, executor)
        stack.enter_context(mirrored_deletions(root.s3_root))
        stack.enter_context(rule_targets(executor.triggers.event_arrived))
        stack.enter_context(evaluating_runs(executor.start_evaluation))
        stack.enter_context(clock_route(executor.advance_clock, executor.clock.now))
        stack.enter_context(
            executing_hooks(
                executor.start, executor.stop, executor.start_crawl, executor.workflows.start,
                executor.triggers.start_trigger, executor.queue,
            )
        )  # fmt: skip
        if executor.clock.follows_real_time:
            stack.enter_context(_ticking(executor.triggers))
        yield executor


@contextmanager
def _ticking(triggers: TriggerEngine) -> Iterator[None]:
    """Fire schedules as real time passes, checking every TICK_SECONDS, until the block ends."""
    done = threading.Event()

    def tick() -> None:
        while not done.wait(TICK_SECONDS):
            triggers.tick()

    thread = threading.Thread(target=tick, name="gluestack-schedules", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join(TICK_SECONDS * 2)
