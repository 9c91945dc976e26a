"""The rule outcomes frame of EvaluateDataQuality: one row per rule, AWS's columns.

Outcome is "Passed" or "Failed" (the only values AWS documents for it); a rule gluestack could
not evaluate is Failed, its FailureReason saying why.
"""

from typing import TYPE_CHECKING

from gluestack.local.data_quality.outcomes import RulesetOutcome

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

_SCHEMA = "Rule string, Outcome string, FailureReason string, EvaluatedMetrics map<string,double>"


def rule_outcomes_frame(
    outcome: RulesetOutcome, spark: "SparkSession", *, evaluated_rule: bool
) -> "DataFrame":
    """evaluated_rule: add EvaluatedRule, as process_rows' ruleOutcomes has and apply's lacks."""
    rows = [
        (
            rule.rule,
            "Passed" if rule.result == "PASS" else "Failed",
            rule.message or None,
            rule.metrics,
            *((rule.rule,) if evaluated_rule else ()),
        )
        for rule in outcome.rules
    ]
    schema = _SCHEMA + (", EvaluatedRule string" if evaluated_rule else "")
    return spark.createDataFrame(rows, schema)
