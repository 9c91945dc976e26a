"""Glue Data Quality: evaluate deployed rulesets on their tables, read the results.

The same calls against AWS and the offline account. ListDataQualityResults has no botocore
paginator, so its NextToken is followed here; throttling is botocore's retry config's.
"""

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from gluestack.ops.errors import GlueOpsError, UnknownRunState, WaitDeadlineExceeded
from gluestack.ops.polling import DEFAULT_SCHEDULE, Clock, Deadline, PollSchedule, SystemClock
from gluestack.ops.stacks import PipelineManifest
from gluestack.ops.states import JOB_FAILED, JOB_IN_PROGRESS, JOB_SUCCEEDED

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_glue.type_defs import (
        DataQualityResultDescriptionTypeDef,
        DataQualityResultFilterCriteriaTypeDef,
        DataQualityResultTypeDef,
        GetDataQualityRulesetEvaluationRunResponseTypeDef,
        ListDataQualityResultsRequestTypeDef,
        StartDataQualityRulesetEvaluationRunRequestTypeDef,
    )

# BatchGetDataQualityResult takes at most this many ids (the API's DataQualityResultIds).
BATCH_SIZE = 100


class EvaluationRunFailed(GlueOpsError):
    """A ruleset evaluation run ended FAILED, TIMEOUT or STOPPED."""

    def __init__(self, run_id: str, table: str, status: str, error: str) -> None:
        self.run_id, self.status, self.error = run_id, status, error
        reason = f": {error}" if error else ""
        super().__init__(f"data quality run {run_id} on {table} ended {status}{reason}")


@dataclass(frozen=True)
class RuleResult:
    """One rule's result: Glue's DataQualityRuleResult."""

    name: str
    rule: str
    result: str  # PASS, FAIL or ERROR
    message: str
    metrics: dict[str, float]


@dataclass(frozen=True)
class QualityResult:
    """One ruleset's result on one dataset (GetDataQualityResult)."""

    result_id: str
    ruleset: str
    score: float
    started_on: datetime | None
    table: str  # database.table for catalog runs, "" for a frame a job evaluated
    job_name: str
    job_run_id: str
    context: str
    rules: tuple[RuleResult, ...]

    @property
    def passed(self) -> bool:
        return all(rule.result == "PASS" for rule in self.rules)

    def as_json(self) -> dict[str, Any]:
        return {
            "result_id": self.result_id,
            "ruleset": self.ruleset,
            "score": self.score,
            "started_on": self.started_on.isoformat() if self.started_on else None,
            "table": self.table,
            "job_name": self.job_name,
            "job_run_id": self.job_run_id,
            "context": self.context,
            "passed": self.passed,
            "rules": [rule.__dict__ for rule in self.rules],
        }


@dataclass(frozen=True)
class TableRulesets:
    """The deployed rulesets of one catalog table, and the role a run of them assumes."""

    database: str
    table: str
    rulesets: tuple[str, ...]
    role: str
    # fail: the writing job evaluates what it writes itself (and publishes the result)
    on_failure: str = "warn"


def pipeline_rulesets(
    glue: "GlueClient", manifest: PipelineManifest, jobs: Collection[str] | None = None
) -> list[TableRulesets]:
    """The pipeline's deployed rulesets by table, for the tables the given jobs (deployed
    names; None: every job) write; each run assumes the writing job's role."""
    roles: dict[str, str] = {}
    targets = []
    for table, deployed in sorted(manifest.rulesets.items()):
        job = deployed["job"]
        if jobs is not None and job not in jobs:
            continue
        if job not in roles:
            roles[job] = glue.get_job(JobName=job)["Job"]["Role"]
        on_failure = deployed.get("on_failure", "warn")
        rulesets = (deployed["ruleset"],)
        targets.append(TableRulesets(manifest.database, table, rulesets, roles[job], on_failure))
    return targets


def table_rulesets(manifest: PipelineManifest, role: str) -> list[TableRulesets]:
    """The pipeline-level rulesets by table (no job writes their tables): one run per table,
    assuming the role given."""
    by_table: dict[str, list[str]] = {}
    for deployed in manifest.table_rulesets.values():
        by_table.setdefault(deployed["table"], []).append(deployed["ruleset"])
    return [
        TableRulesets(manifest.database, table, tuple(sorted(names)), role)
        for table, names in sorted(by_table.items())
    ]


def evaluate_rulesets(
    glue: "GlueClient",
    target: TableRulesets,
    *,
    deadline_seconds: float,
    timeout_minutes: int | None = None,
    schedule: PollSchedule = DEFAULT_SCHEDULE,
    clock: Clock | None = None,
) -> list[QualityResult]:
    """Start one evaluation run of the table's rulesets, wait for it, and read its results."""
    request: StartDataQualityRulesetEvaluationRunRequestTypeDef = {
        "DataSource": {"GlueTable": {"DatabaseName": target.database, "TableName": target.table}},
        "Role": target.role,
        "RulesetNames": list(target.rulesets),
    }
    if timeout_minutes:
        request["Timeout"] = timeout_minutes
    run_id = glue.start_data_quality_ruleset_evaluation_run(**request)["RunId"]
    run = wait_for_evaluation_run(
        glue, run_id, deadline_seconds=deadline_seconds, schedule=schedule, clock=clock
    )
    return results_by_id(glue, run.get("ResultIds", []))


def wait_for_evaluation_run(
    glue: "GlueClient",
    run_id: str,
    *,
    deadline_seconds: float,
    schedule: PollSchedule = DEFAULT_SCHEDULE,
    clock: Clock | None = None,
) -> "GetDataQualityRulesetEvaluationRunResponseTypeDef":
    """Poll until the run ends: its GetDataQualityRulesetEvaluationRun; EvaluationRunFailed
    unless it SUCCEEDED."""
    deadline = Deadline(clock or SystemClock(), deadline_seconds)
    intervals = schedule.intervals()
    while True:
        run = glue.get_data_quality_ruleset_evaluation_run(RunId=run_id)
        status = run["Status"]
        # An evaluation run's TaskStatusType has the job run's states (no WAITING, no ERROR).
        if status in JOB_SUCCEEDED:
            return run
        if status in JOB_FAILED:
            table = run["DataSource"].get("GlueTable", {})
            where = f"{table.get('DatabaseName')}.{table.get('TableName')}"
            raise EvaluationRunFailed(run_id, where, status, run.get("ErrorString", ""))
        if status not in JOB_IN_PROGRESS:
            raise UnknownRunState("data quality run", run_id, status)
        if deadline.remaining <= 0:
            raise WaitDeadlineExceeded("data quality run", run_id, status, deadline.elapsed)
        deadline.sleep(next(intervals))


def quality_results(
    glue: "GlueClient",
    *,
    job_name: str | None = None,
    job_run_id: str | None = None,
    database: str | None = None,
    table: str | None = None,
    started_after: datetime | None = None,
) -> list[QualityResult]:
    """Every result matching the filter, newest first."""
    criteria: DataQualityResultFilterCriteriaTypeDef = {}
    if job_name:
        criteria["JobName"] = job_name
    if job_run_id:
        criteria["JobRunId"] = job_run_id
    if database and table:
        criteria["DataSource"] = {"GlueTable": {"DatabaseName": database, "TableName": table}}
    if started_after:
        criteria["StartedAfter"] = started_after
    return results_by_id(glue, result_ids(glue, criteria))


def _listed(
    glue: "GlueClient", criteria: "DataQualityResultFilterCriteriaTypeDef"
) -> Iterator["DataQualityResultDescriptionTypeDef"]:
    request: ListDataQualityResultsRequestTypeDef = {"Filter": criteria}
    while True:
        page = glue.list_data_quality_results(**request)
        yield from page.get("Results", [])
        if not page.get("NextToken"):
            return
        request["NextToken"] = page["NextToken"]


def results_by_id(glue: "GlueClient", result_ids: Sequence[str]) -> list[QualityResult]:
    """The results, in the order of their ids."""
    return [_result(raw) for raw in described_results(glue, result_ids)]


def described_results(
    glue: "GlueClient", result_ids: Sequence[str]
) -> list["DataQualityResultTypeDef"]:
    """The results as the API describes them, in the order of their ids
    (BatchGetDataQualityResult, 100 at a time)."""
    found: dict[str, DataQualityResultTypeDef] = {}
    for start in range(0, len(result_ids), BATCH_SIZE):
        batch = list(result_ids[start : start + BATCH_SIZE])
        for result in glue.batch_get_data_quality_result(ResultIds=batch)["Results"]:
            found[result["ResultId"]] = result
    return [found[i] for i in result_ids if i in found]


def result_ids(
    glue: "GlueClient", criteria: "DataQualityResultFilterCriteriaTypeDef | None" = None
) -> list[str]:
    """The ids of every result matching criteria (ListDataQualityResults' Filter), newest first."""
    listed = sorted(_listed(glue, criteria or {}), key=lambda i: i["StartedOn"], reverse=True)
    return [item["ResultId"] for item in listed]


def _result(raw: "DataQualityResultTypeDef") -> QualityResult:
    table = raw.get("DataSource", {}).get("GlueTable", {})
    return QualityResult(
        result_id=raw["ResultId"],
        ruleset=raw.get("RulesetName", ""),
        score=float(raw.get("Score", 0.0)),
        started_on=raw.get("StartedOn"),
        table=f"{table['DatabaseName']}.{table['TableName']}" if table else "",
        job_name=raw.get("JobName", ""),
        job_run_id=raw.get("JobRunId", ""),
        context=raw.get("EvaluationContext", ""),
        rules=tuple(
            RuleResult(
                name=rule.get("Name", ""),
                rule=rule.get("Description", ""),
                result=rule.get("Result", ""),
                message=rule.get("EvaluationMessage", ""),
                metrics=dict(rule.get("EvaluatedMetrics", {})),
            )
            for rule in raw.get("RuleResults", [])
        ),
    )
