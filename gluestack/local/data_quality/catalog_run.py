"""A ruleset evaluation run on a catalog table (StartDataQualityRulesetEvaluationRun), offline.

The table is read as `from_catalog` reads it (its location, format and registered partitions;
GlueTable.AdditionalOptions as from_catalog's additional_options), each named ruleset fetched
from the account and evaluated on it: one result per ruleset, retrieved with
GetDataQualityResult, as
https://docs.aws.amazon.com/goto/WebAPI/glue-2017-03-31/StartDataQualityRulesetEvaluationRun
describes. Options that change what Glue
computes or where it writes are refused by name.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gluestack.local.data_quality.evaluator import evaluate_ruleset
from gluestack.local.data_quality.glue_result import glue_result, timestamp
from gluestack.local.glue_compat.runtime import GlueRuntime
from gluestack.local.glue_compat.sources import read_from_catalog
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

# AdditionalRunOptions with the values that leave results as gluestack computes them.
_RUN_OPTIONS: dict[str, frozenset[object]] = {
    "CloudWatchMetricsEnabled": frozenset({False}),
    "CompositeRuleEvaluationMethod": frozenset({"COLUMN"}),
}


@dataclass(frozen=True)
class _CatalogContext:
    """What read_from_catalog needs of a GlueContext."""

    runtime: GlueRuntime
    job_name: str = ""


def check_request(request: dict[str, Any]) -> None:
    """Refuse, before any Spark starts, what offline runs do not evaluate as Glue does."""
    _check_run_options(request.get("AdditionalRunOptions") or {})
    for source in [request["DataSource"], *(request.get("AdditionalDataSources") or {}).values()]:
        _table(source)


def evaluate_catalog_run(runtime: GlueRuntime, run_id: str, request: dict[str, Any]) -> list[dict]:
    """One GetDataQualityResult-shaped result per ruleset of the run, in RulesetNames order."""
    check_request(request)
    source = request["DataSource"]
    frame = _read(runtime, source).cache()
    references = {
        alias: _read(runtime, reference)
        for alias, reference in (request.get("AdditionalDataSources") or {}).items()
    }
    glue = runtime.glue_client()
    results = []
    for name in request["RulesetNames"]:
        started_on = timestamp()
        ruleset = glue.get_data_quality_ruleset(Name=name)["Ruleset"]
        outcome = evaluate_ruleset(frame, ruleset, references=references)
        results.append(
            glue_result(
                outcome,
                name,
                started_on,
                DataSource=source,
                RulesetEvaluationRunId=run_id,
                EvaluationRunMode="ON_DEMAND",
            )
        )
    frame.unpersist()
    return results


def _read(runtime: GlueRuntime, source: dict[str, Any]) -> "DataFrame":
    database, name, options = _table(source)
    return read_from_catalog(_CatalogContext(runtime), database, name, "", "", options)


def _table(source: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """A GlueTable source's database, table and AdditionalOptions; anything else refused."""
    if set(source) != {"GlueTable"}:
        raise UnsupportedGlueFeature(
            f"data quality DataSource {', '.join(sorted(set(source) - {'GlueTable'}))} "
            "(offline runs read GlueTable sources)"
        )
    table = dict(source["GlueTable"])
    database, name = table.pop("DatabaseName"), table.pop("TableName")
    table.pop("CatalogId", None)  # the offline account has one catalog
    options = table.pop("AdditionalOptions", None) or {}
    if table:
        raise UnsupportedGlueFeature(f"data quality GlueTable field(s) {', '.join(sorted(table))}")
    return database, name, dict(options)


def _check_run_options(options: dict[str, Any]) -> None:
    for name, value in options.items():
        if value not in _RUN_OPTIONS.get(name, frozenset()):
            raise UnsupportedGlueFeature(f"data quality AdditionalRunOptions {name}={value!r}")
