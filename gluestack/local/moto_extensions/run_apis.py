"""Patches that route moto's run APIs (jobs, crawls, workflows, triggers) to the executor.

Installed and removed together by executing_glue(); while installed, every StartJobRun in the
process (in-process mock or served endpoint) makes an ExecutedJobRun and hands it to the
executor, which runs it; BatchStopJobRun asks the executor to stop runs.
"""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from moto.glue.exceptions import (
    ConcurrentRunsExceededException,
    CrawlerNotRunningException,
    CrawlerRunningException,
)
from moto.glue.models import FakeCrawler, FakeJob, FakeTrigger, GlueBackend
from moto.glue.responses import GlueResponse

from gluestack.local.records.crawls import ExecutedCrawl
from gluestack.local.records.job_runs import ExecutedJobRun

StartRun = Callable[[Any, ExecutedJobRun], None]  # (moto's job, the new run)
StopRun = Callable[[Any, ExecutedJobRun], None]  # (moto's job, the run)
StartCrawl = Callable[[Any, ExecutedCrawl], None]  # (moto's crawler, the new crawl)
StartWorkflowRun = Callable[[Any, str, str], None]  # (moto's backend, workflow, run id)
StartTrigger = Callable[[Any, Any], None]  # (moto's backend, moto's trigger)
QueueRun = Callable[[Any, ExecutedJobRun], None]  # (moto's job, a run left WAITING)

# StartJobRun's JobRunQueuingEnabled, which moto's backend call does not carry.
_run_queuing: ContextVar[bool | None] = ContextVar("gluestack_run_queuing", default=None)


@contextmanager
def executing_hooks(
    start: StartRun,
    stop: StopRun,
    start_crawl: StartCrawl,
    start_workflow: StartWorkflowRun,
    start_trigger: StartTrigger,
    queue: QueueRun,
) -> Iterator[None]:
    """Inside the block moto's job runs, crawls, workflow runs and triggers are executed."""
    original_start = FakeJob.start_job_run
    original_trigger_start = FakeTrigger.start_trigger
    original_job_dict = FakeJob.as_dict
    original_create_job = GlueResponse.create_job
    original_start_response = GlueResponse.start_job_run
    original_workflow_start = GlueBackend.start_workflow_run
    original_crawler = {
        n: FakeCrawler.__dict__[n] for n in ("start_crawler", "stop_crawler", "as_dict")
    }

    def start_job_run(
        self: FakeJob, allocated_capacity: int | None, max_capacity: float | None,
        timeout: int | None, worker_type: str | None, security_configuration: str | None,
        number_of_workers: int | None, notification_property: dict[str, int] | None,
        previous_run_id: str | None, arguments: dict[str, str] | None,
    ) -> str:  # fmt: skip
        requested = _run_queuing.get()
        queuing = bool(
            getattr(self, "job_run_queuing_enabled", False) if requested is None else requested
        )
        full = running_runs(self) >= self.execution_property.get("MaxConcurrentRuns", 1)
        if full and not queuing:
            raise ConcurrentRunsExceededException(f"Job with name {self.name} already running")
        merged = {
            **self.default_arguments,
            **(arguments or {}),
            **(self.non_overridable_arguments or {}),
        }
        run = ExecutedJobRun(
            self, merged, timeout=timeout, worker_type=worker_type,
            number_of_workers=number_of_workers, max_capacity=max_capacity,
            previous_run_id=previous_run_id,
        )  # fmt: skip
        run.job_run_queuing_enabled = queuing
        self.job_runs.append(run)
        if full:
            run.state = "WAITING"
            queue(self, run)
        else:
            start(self, run)
        return str(run.job_run_id)

    def create_job(response: GlueResponse) -> Any:
        answer = original_create_job(response)
        job: Any = response.glue_backend.get_job(response._get_param("Name"))
        job.job_run_queuing_enabled = bool(response._get_param("JobRunQueuingEnabled"))
        return answer

    def start_job_run_response(response: GlueResponse) -> Any:
        token = _run_queuing.set(response._get_param("JobRunQueuingEnabled"))
        try:
            return original_start_response(response)
        finally:
            _run_queuing.reset(token)

    def job_as_dict(self: FakeJob) -> dict[str, Any]:
        answer: dict[str, Any] = original_job_dict(self)
        if _job_queuing(self):
            answer["JobRunQueuingEnabled"] = True
        return answer

    def batch_stop_job_run(response: GlueResponse) -> str:
        name = response._get_param("JobName")
        backend: Any = response.glue_backend
        job = backend.get_job(name)
        stopped, errors = [], []
        for run_id in response._get_param("JobRunIds") or []:
            run = next((r for r in job.job_runs if r.job_run_id == run_id), None)
            if not isinstance(run, ExecutedJobRun) or run.ended:
                state = run.status if run else "unknown"
                errors.append(_stop_error(name, run_id, f"Job run is in {state} state"))
                continue
            stop(job, run)
            stopped.append({"JobName": name, "JobRunId": run_id})
        return json.dumps({"SuccessfulSubmissions": stopped, "Errors": errors})

    def start_crawler(self: FakeCrawler) -> None:
        if self.crawls and self.crawls[-1].status in ("RUNNING", "STOPPING"):
            raise CrawlerRunningException(f"Crawler with name {self.name} has already started")
        crawl = ExecutedCrawl(self.name)
        self.crawls.append(crawl)
        start_crawl(self, crawl)

    def stop_crawler(self: FakeCrawler) -> None:
        crawl = self.crawls[-1] if self.crawls else None
        if not isinstance(crawl, ExecutedCrawl) or crawl.state != "RUNNING":
            raise CrawlerNotRunningException(f"Crawler with name {self.name} isn't running")
        crawl.state = "STOPPING"
        crawl.stop_requested.set()

    def crawler_as_dict(self: FakeCrawler) -> dict[str, Any]:
        answer: dict[str, Any] = original_crawler["as_dict"](self)
        crawl = self.crawls[-1] if self.crawls else None
        if isinstance(crawl, ExecutedCrawl) and "LastCrawl" in answer:
            answer["LastCrawl"] = crawl.last_crawl_info(answer["LastCrawl"])
        return answer

    def start_workflow_run(
        self: GlueBackend, workflow_name: str, properties: dict[str, str] | None
    ) -> str:
        run_id: str = original_workflow_start(self, workflow_name, properties)
        start_workflow(self, workflow_name, run_id)
        return run_id

    def trigger_start(self: FakeTrigger) -> None:
        start_trigger(self.backend, self)

    FakeJob.start_job_run = start_job_run  # type: ignore[method-assign]
    FakeJob.as_dict = job_as_dict  # type: ignore[method-assign]
    GlueResponse.create_job = create_job  # type: ignore[method-assign,assignment]
    GlueResponse.start_job_run = start_job_run_response  # type: ignore[method-assign,assignment]
    FakeTrigger.start_trigger = trigger_start  # type: ignore[method-assign]
    GlueBackend.start_workflow_run = start_workflow_run  # type: ignore[method-assign]
    GlueResponse.batch_stop_job_run = batch_stop_job_run  # type: ignore[attr-defined]
    FakeCrawler.start_crawler = start_crawler  # type: ignore[method-assign]
    FakeCrawler.stop_crawler = stop_crawler  # type: ignore[method-assign]
    FakeCrawler.as_dict = crawler_as_dict  # type: ignore[method-assign]
    try:
        yield
    finally:
        FakeJob.start_job_run = original_start  # type: ignore[method-assign]
        FakeJob.as_dict = original_job_dict  # type: ignore[method-assign]
        GlueResponse.create_job = original_create_job  # type: ignore[method-assign]
        GlueResponse.start_job_run = original_start_response  # type: ignore[method-assign]
        FakeTrigger.start_trigger = original_trigger_start  # type: ignore[method-assign]
        GlueBackend.start_workflow_run = original_workflow_start  # type: ignore[method-assign]
        del GlueResponse.batch_stop_job_run  # type: ignore[attr-defined]
        for name, original in original_crawler.items():
            setattr(FakeCrawler, name, original)


def _job_queuing(job: Any) -> bool:
    return bool(getattr(job, "job_run_queuing_enabled", False))


def running_runs(job: Any) -> int:
    """The job's runs that hold one of its MaxConcurrentRuns: started and not ended."""
    return sum(1 for r in job.job_runs if not getattr(r, "ended", True) and r.status != "WAITING")


def _stop_error(job: str, run_id: str, message: str) -> dict[str, Any]:
    return {
        "JobName": job,
        "JobRunId": run_id,
        "ErrorDetail": {"ErrorCode": "InvalidInputException", "ErrorMessage": message},
    }
