"""Data quality rulesets as entries of the `rulesets` of the pipeline whose database holds
their table."""

from dataclasses import dataclass, field
from typing import Any

from gluestack.adopt.context import ImportContext
from gluestack.adopt.names import catalog_key
from gluestack.adopt.notes import Notes
from gluestack.adopt.report import ReportEntry
from gluestack.spec.dqdl import DqdlError, check_ruleset


@dataclass
class RulesetConversion:
    aws_name: str
    key: str
    spec: dict[str, Any] | None
    entries: list[ReportEntry] = field(default_factory=list)


def ruleset_to_spec(
    ruleset: dict[str, Any], pipeline: str, context: ImportContext
) -> RulesetConversion:
    """One ruleset as a `rulesets` entry of pipeline; None (reported) when it cannot be."""
    name = ruleset["Name"]
    key = context.keys.rulesets.key(name)
    notes = Notes("ruleset", name, pipeline, f"rulesets.{key}")
    target = ruleset.get("TargetTable") or {}
    table = target.get("TableName", "")
    refusal = _refusal(table, ruleset.get("Ruleset", ""), target.get("CatalogId"), context)
    if refusal:
        notes.not_imported("TargetTable" if table else "Ruleset", target or None, refusal)
        return RulesetConversion(name, key, None, notes.entries)
    spec: dict[str, Any] = {"table": table}
    if ruleset.get("Description"):
        spec["description"] = ruleset["Description"]
    spec["rules"] = ruleset["Ruleset"]
    _unmodeled(ruleset, notes)
    notes.note("imported", detail=f"on table {target.get('DatabaseName', '?')}.{table}")
    return RulesetConversion(name, key, spec, notes.entries)


def _refusal(table: str, rules: str, catalog: str | None, context: ImportContext) -> str:
    if catalog and catalog != context.account:
        return f"its table is in the Data Catalog of account {catalog}, not this account's"
    if catalog_key(table) != table:
        return f"'{table}' is no spec table name (lower-case letters, digits, '_')"
    problems = check_ruleset(rules)
    if problems:
        return f"gluestack cannot read its rules: {DqdlError(problems[0])}"
    return ""


def _unmodeled(ruleset: dict[str, Any], notes: Notes) -> None:
    if ruleset.get("RecommendationRunId"):
        notes.replaced(
            "RecommendationRunId",
            ruleset["RecommendationRunId"],
            "the recommendation run its rules came from: a deployed ruleset records none",
        )
    if ruleset.get("DataQualitySecurityConfiguration"):
        notes.not_imported(
            "DataQualitySecurityConfiguration",
            ruleset["DataQualitySecurityConfiguration"],
            "not a property CloudFormation deploys",
        )
    notes.tags(ruleset)
