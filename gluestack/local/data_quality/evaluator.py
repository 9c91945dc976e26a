"""Evaluate a DQDL ruleset on a Spark DataFrame, as Glue Data Quality does.

Composite rules combine their parts' results (Glue's default COLUMN method); a rule gluestack
cannot evaluate is ERROR with the reason, never PASS.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from gluestack.local.data_quality.file_rules import tag_refusal
from gluestack.local.data_quality.metric_plan import MetricRequest, Metrics, compute_metrics
from gluestack.local.data_quality.outcomes import (
    NOT_EVALUATED,
    RuleOutcome,
    RuleResult,
    RulesetOutcome,
)
from gluestack.local.data_quality.registry import (
    NO_WHERE_RULES,
    RULE_KINDS,
    THRESHOLD_RULES,
    UNEVALUATED_TYPES,
)
from gluestack.local.data_quality.rule_kind import Dataset, Verdict
from gluestack.local.data_quality.values import NotEmulated
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.spec.dqdl import parse_ruleset
from gluestack.spec.dqdl.syntax import Composite, Node, Rule, Ruleset, rules_of

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


@dataclass(frozen=True)
class Evaluation:
    """A parsed ruleset with the dataset it is evaluated on."""

    ruleset: Ruleset
    data: Dataset


def prepare(
    frame: "DataFrame",
    ruleset: str,
    *,
    now: datetime | None = None,
    references: dict[str, "DataFrame"] | None = None,
) -> Evaluation:
    """Parse the ruleset (DqdlError when it is not DQDL) and bind it to the frame."""
    return Evaluation(
        parse_ruleset(ruleset), Dataset(frame, now or datetime.now(UTC), dict(references or {}))
    )


def evaluate_ruleset(
    frame: "DataFrame",
    ruleset: str,
    *,
    now: datetime | None = None,
    references: dict[str, "DataFrame"] | None = None,
) -> RulesetOutcome:
    """Each top-level rule's result (Rule_0, Rule_1, ... in order) and the ruleset's score."""
    return evaluate(prepare(frame, ruleset, now=now, references=references))


def evaluate(evaluation: Evaluation) -> RulesetOutcome:
    if evaluation.ruleset.analyzers:
        raise UnsupportedGlueFeature(
            "DQDL Analyzers section (its AnalyzerResults are not computed offline); "
            "remove it or turn the analyzers into rules"
        )
    data = evaluation.data
    rules = [rule for node in evaluation.ruleset.rules for rule in rules_of(node)]
    metrics = compute_metrics(data.frame, [r for rule in rules for r in _requests(rule, data)])
    verdicts = {id(rule): _verdict(rule, data, metrics) for rule in rules}
    outcomes = []
    for index, node in enumerate(evaluation.ruleset.rules):
        verdict = _combined(node, verdicts)
        outcomes.append(
            RuleOutcome(
                f"Rule_{index}", node.text, verdict.result, verdict.message, verdict.metrics
            )
        )
    return RulesetOutcome(tuple(outcomes))


def refusal(rule: Rule) -> str | None:
    """Why gluestack does not evaluate this rule, or None when it does."""
    if rule.type in UNEVALUATED_TYPES:
        return f"{rule.type}: {UNEVALUATED_TYPES[rule.type]}"
    if rule.threshold is not None and rule.type not in THRESHOLD_RULES:
        return f"{rule.type} takes no `with threshold` (only {', '.join(sorted(THRESHOLD_RULES))})"
    if tags := tag_refusal(rule):
        return f"{rule.type}: {tags}"
    if rule.where is not None and rule.type in NO_WHERE_RULES:
        return f"{rule.type} takes no `where` filter in Glue"
    return None


def _requests(rule: Rule, data: Dataset) -> list[MetricRequest]:
    if refusal(rule) is not None:
        return []
    try:
        return RULE_KINDS[rule.type].requests(rule, data)
    except NotEmulated:
        return []  # the verdict reports it


def _verdict(rule: Rule, data: Dataset, metrics: Metrics) -> Verdict:
    if reason := refusal(rule):
        return Verdict("ERROR", NOT_EVALUATED + reason)
    if rule.where is not None and rule.where in metrics.invalid_wheres:
        error = metrics.invalid_wheres[rule.where]
        message = f"Rule {rule.text} has provided an invalid where clause : {error}"
        return Verdict("ERROR", message)
    try:
        return RULE_KINDS[rule.type].judge(
            rule, data, lambda name: metrics.values.get((rule.where, name))
        )
    except NotEmulated as reason:
        return Verdict("ERROR", f"{NOT_EVALUATED}{reason}")


def _combined(node: Node, verdicts: dict[int, Verdict]) -> Verdict:
    if isinstance(node, Rule):
        return verdicts[id(node)]
    parts = [_combined(part, verdicts) for part in node.parts]
    metrics = {name: value for part in parts for name, value in part.metrics.items()}
    result = _composite_result(node, [part.result for part in parts])
    if result == "PASS":
        return Verdict("PASS", "", metrics)
    message = "\n".join(p.message for p in parts if p.result != "PASS" and p.message)
    return Verdict(result, message, metrics)


def _composite_result(node: Composite, results: list[RuleResult]) -> RuleResult:
    """and: FAIL if a part failed, else ERROR if one could not be evaluated; or: PASS if any
    part passed, else ERROR if one could not be evaluated (it might have passed)."""
    if node.operator == "and":
        if "FAIL" in results:
            return "FAIL"
        return "ERROR" if "ERROR" in results else "PASS"
    if "PASS" in results:
        return "PASS"
    return "ERROR" if "ERROR" in results else "FAIL"
