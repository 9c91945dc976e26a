"""Glue Data Quality's API for moto, which has none: rulesets, evaluation runs and results.

Shapes follow botocore's Glue model (CreateDataQualityRuleset, GetDataQualityRuleset,
ListDataQualityRulesets, UpdateDataQualityRuleset, DeleteDataQualityRuleset,
StartDataQualityRulesetEvaluationRun, GetDataQualityRulesetEvaluationRun,
ListDataQualityRulesetEvaluationRuns, CancelDataQualityRulesetEvaluationRun,
GetDataQualityResult, BatchGetDataQualityResult, ListDataQualityResults) and https://docs.aws.amazon.com/glue/latest/webapi/API_Operations.html.
The state lives on moto's Glue backend, so moto's reset clears it. An evaluation run is handed
to the runner that executing_glue() installs; with none, it ends FAILED saying why.
"""

import json
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from moto.glue.exceptions import AlreadyExistsException, EntityNotFoundException, GlueClientError
from moto.glue.models import GlueBackend, glue_backends
from moto.glue.responses import GlueResponse
from moto.utilities.utils import get_partition

from gluestack.spec.dqdl import DqdlError, parse_ruleset
from gluestack.spec.dqdl.syntax import rules_of

# A page when MaxResults is not given (Glue's PageSize allows 1 to 1000).
DEFAULT_PAGE = 100
NOT_EXECUTING = (
    "data quality evaluation runs execute only in an executing offline account "
    "(gluestack local run / serve, or executing_glue() in tests)"
)


class InvalidInputException(GlueClientError):
    def __init__(self, message: str) -> None:
        super().__init__("InvalidInputException", message)


@dataclass
class EvaluationRun:
    """One StartDataQualityRulesetEvaluationRun, as GetDataQualityRulesetEvaluationRun answers."""

    run_id: str
    request: dict[str, Any]
    status: str = "STARTING"
    error: str = ""
    started_on: float = field(default_factory=lambda: _now())
    last_modified_on: float = field(default_factory=lambda: _now())
    completed_on: float | None = None
    result_ids: list[str] = field(default_factory=list)
    stop_requested: threading.Event = field(default_factory=threading.Event)

    def end(self, status: str, error: str = "", result_ids: list[str] | None = None) -> None:
        self.status, self.error = status, error
        self.result_ids = list(result_ids or [])
        self.completed_on = self.last_modified_on = _now()

    def as_dict(self) -> dict[str, Any]:
        answer = {
            "RunId": self.run_id,
            **self.request,
            "Status": self.status,
            "StartedOn": self.started_on,
            "LastModifiedOn": self.last_modified_on,
            "ResultIds": self.result_ids,
        }
        answer.setdefault("Timeout", 2880)
        if self.error:
            answer["ErrorString"] = self.error
        if self.completed_on is not None:
            answer["CompletedOn"] = self.completed_on
            answer["ExecutionTime"] = max(1, round(self.completed_on - self.started_on))
        return answer


@dataclass
class DataQualityState:
    rulesets: dict[str, dict[str, Any]] = field(default_factory=dict)
    runs: dict[str, EvaluationRun] = field(default_factory=dict)
    results: dict[str, dict[str, Any]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


EvaluationRunner = Callable[[GlueBackend, EvaluationRun], None]
_runner: list[EvaluationRunner] = []


def state_of(backend: GlueBackend) -> DataQualityState:
    """The backend's data quality state, made on first use."""
    state: DataQualityState | None = getattr(backend, "gluestack_data_quality", None)
    if state is None:
        state = DataQualityState()
        backend.gluestack_data_quality = state  # type: ignore[attr-defined]
    return state


def record_result(account: str, region: str, result: dict[str, Any]) -> str:
    """Keep a result (GetDataQualityResult's shape, ResultId set); its id."""
    state = state_of(glue_backends[account][region])
    with state.lock:
        state.results[result["ResultId"]] = result
    return str(result["ResultId"])


@contextmanager
def evaluating_runs(runner: EvaluationRunner) -> Iterator[None]:
    """Inside the block, evaluation runs are handed to runner (which ends each one)."""
    _runner.append(runner)
    try:
        yield
    finally:
        _runner.remove(runner)


def _now() -> float:
    return datetime.now(UTC).timestamp()


def _ruleset(state: DataQualityState, name: str) -> dict[str, Any]:
    if name not in state.rulesets:
        raise EntityNotFoundException(f"Cannot find Data Quality Ruleset in account: {name}")
    return state.rulesets[name]


def _rule_count(text: str) -> int:
    return sum(len(rules_of(node)) for node in parse_ruleset(text).rules)


def _checked(text: str) -> str:
    try:
        parse_ruleset(text)
    except DqdlError as error:
        raise InvalidInputException(f"Ruleset is not valid DQDL: {error}") from None
    return text


def _page(items: list[dict[str, Any]], response: GlueResponse, key: str) -> str:
    start = int(response._get_param("NextToken") or 0)
    size = int(response._get_param("MaxResults") or DEFAULT_PAGE)
    answer: dict[str, Any] = {key: items[start : start + size]}
    if start + size < len(items):
        answer["NextToken"] = str(start + size)
    return json.dumps(answer)


def _in_window(started: float, criteria: dict[str, Any]) -> bool:
    after, before = criteria.get("StartedAfter"), criteria.get("StartedBefore")
    return (after is None or started > float(after)) and (before is None or started < float(before))


def _same_table(table: dict[str, Any] | None, wanted: dict[str, Any] | None) -> bool:
    """Whether table (a GlueTable or TargetTable) is the one wanted; no wish matches any."""
    if not wanted:
        return True
    return all((table or {}).get(k) == wanted.get(k) for k in ("DatabaseName", "TableName"))


def _table(source: dict[str, Any] | None) -> dict[str, Any] | None:
    return (source or {}).get("GlueTable")


def create_data_quality_ruleset(self: GlueResponse) -> str:
    state = state_of(self.glue_backend)
    name = self._get_param("Name")
    with state.lock:
        if name in state.rulesets:
            raise AlreadyExistsException("Data Quality Ruleset")
        now = _now()
        state.rulesets[name] = {
            "Name": name,
            "Description": self._get_param("Description") or "",
            "Ruleset": _checked(self._get_param("Ruleset")),
            "TargetTable": self._get_param("TargetTable"),
            "DataQualitySecurityConfiguration": self._get_param("DataQualitySecurityConfiguration"),
            "Tags": self._get_param("Tags") or {},
            "CreatedOn": now,
            "LastModifiedOn": now,
        }
    # GetTags reads moto's tagger: the ruleset's tags are there too, under its ARN.
    self.glue_backend.tag_resource(_ruleset_arn(self.glue_backend, name), self._get_param("Tags"))
    return json.dumps({"Name": name})


def _ruleset_arn(backend: GlueBackend, name: str) -> str:
    region = backend.region_name
    return (
        f"arn:{get_partition(region)}:glue:{region}:{backend.account_id}:dataQualityRuleset/{name}"
    )


def get_data_quality_ruleset(self: GlueResponse) -> str:
    ruleset = _ruleset(state_of(self.glue_backend), self._get_param("Name"))
    return json.dumps({k: v for k, v in ruleset.items() if k != "Tags" and v is not None})


def update_data_quality_ruleset(self: GlueResponse) -> str:
    state = state_of(self.glue_backend)
    with state.lock:
        ruleset = _ruleset(state, self._get_param("Name"))
        if (text := self._get_param("Ruleset")) is not None:
            ruleset["Ruleset"] = _checked(text)
        if (description := self._get_param("Description")) is not None:
            ruleset["Description"] = description
        ruleset["LastModifiedOn"] = _now()
    return json.dumps({k: ruleset[k] for k in ("Name", "Description", "Ruleset")})


def delete_data_quality_ruleset(self: GlueResponse) -> str:
    state = state_of(self.glue_backend)
    with state.lock:
        _ruleset(state, name := self._get_param("Name"))
        del state.rulesets[name]
    return "{}"


def list_data_quality_rulesets(self: GlueResponse) -> str:
    criteria = self._get_param("Filter") or {}
    tags = self._get_param("Tags") or {}
    listed = [
        {
            **{k: r[k] for k in ("Name", "Description", "CreatedOn", "LastModifiedOn")},
            **({"TargetTable": r["TargetTable"]} if r["TargetTable"] else {}),
            "RuleCount": _rule_count(r["Ruleset"]),
        }
        for r in state_of(self.glue_backend).rulesets.values()
        if (not criteria.get("Name") or criteria["Name"] == r["Name"])
        and _same_table(r["TargetTable"], criteria.get("TargetTable"))
        and all(r["Tags"].get(k) == v for k, v in tags.items())
    ]
    return _page(listed, self, "Rulesets")


def start_data_quality_ruleset_evaluation_run(self: GlueResponse) -> str:
    state = state_of(self.glue_backend)
    names = self._get_param("RulesetNames") or []
    for name in names:
        _ruleset(state, name)
    request = {
        key: value
        for key in (
            "DataSource",
            "Role",
            "NumberOfWorkers",
            "Timeout",
            "AdditionalRunOptions",
            "RulesetNames",
            "AdditionalDataSources",
        )
        if (value := self._get_param(key)) is not None
    }
    run = EvaluationRun(f"dqrun-{uuid.uuid4().hex}", request)
    with state.lock:
        state.runs[run.run_id] = run
    if _runner:
        _runner[-1](self.glue_backend, run)
    else:
        run.end("FAILED", NOT_EXECUTING)
    return json.dumps({"RunId": run.run_id})


def _run(state: DataQualityState, run_id: str) -> EvaluationRun:
    if run_id not in state.runs:
        raise EntityNotFoundException(f"Cannot find Data Quality Ruleset Evaluation Run: {run_id}")
    return state.runs[run_id]


def get_data_quality_ruleset_evaluation_run(self: GlueResponse) -> str:
    run = _run(state_of(self.glue_backend), self._get_param("RunId"))
    return json.dumps(run.as_dict())


def cancel_data_quality_ruleset_evaluation_run(self: GlueResponse) -> str:
    run = _run(state_of(self.glue_backend), self._get_param("RunId"))
    if run.status in ("STARTING", "RUNNING"):
        run.status = "STOPPING"
        run.last_modified_on = _now()
        run.stop_requested.set()
    return "{}"


def list_data_quality_ruleset_evaluation_runs(self: GlueResponse) -> str:
    criteria = self._get_param("Filter") or {}
    runs = [
        {k: run.as_dict()[k] for k in ("RunId", "Status", "StartedOn", "DataSource")}
        for run in state_of(self.glue_backend).runs.values()
        if _same_table(_table(run.request.get("DataSource")), _table(criteria.get("DataSource")))
        and _in_window(run.started_on, criteria)
        and criteria.get("RulesetName") in (None, *run.request["RulesetNames"])
    ]
    return _page(runs, self, "Runs")


def _result(state: DataQualityState, result_id: str) -> dict[str, Any]:
    if result_id not in state.results:
        raise EntityNotFoundException(f"Cannot find Data Quality Result: {result_id}")
    return state.results[result_id]


def get_data_quality_result(self: GlueResponse) -> str:
    return json.dumps(_result(state_of(self.glue_backend), self._get_param("ResultId")))


def batch_get_data_quality_result(self: GlueResponse) -> str:
    results = state_of(self.glue_backend).results
    ids = self._get_param("ResultIds") or []
    return json.dumps(
        {
            "Results": [results[i] for i in ids if i in results],
            "ResultsNotFound": [i for i in ids if i not in results],
        }
    )


def list_data_quality_results(self: GlueResponse) -> str:
    criteria = self._get_param("Filter") or {}
    matching = [
        {
            k: r[k]
            for k in ("ResultId", "DataSource", "JobName", "JobRunId", "StartedOn")
            if r.get(k) is not None
        }
        for r in sorted(state_of(self.glue_backend).results.values(), key=lambda r: -r["StartedOn"])
        if _same_table(_table(r.get("DataSource")), _table(criteria.get("DataSource")))
        and all(r.get(k) == criteria[k] for k in ("JobName", "JobRunId") if criteria.get(k))
        and _in_window(r["StartedOn"], criteria)
    ]
    return _page(matching, self, "Results")


API = {
    function.__name__: function
    for function in (
        create_data_quality_ruleset,
        get_data_quality_ruleset,
        update_data_quality_ruleset,
        delete_data_quality_ruleset,
        list_data_quality_rulesets,
        start_data_quality_ruleset_evaluation_run,
        get_data_quality_ruleset_evaluation_run,
        cancel_data_quality_ruleset_evaluation_run,
        list_data_quality_ruleset_evaluation_runs,
        get_data_quality_result,
        batch_get_data_quality_result,
        list_data_quality_results,
    )
}


def install() -> None:
    """Answer Glue Data Quality's API calls; idempotent."""
    for name, function in API.items():
        setattr(GlueResponse, name, function)
