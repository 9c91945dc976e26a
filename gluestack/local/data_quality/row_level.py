"""Glue's row-level outcomes: the frame with DataQualityRulesPass / Fail / Skip and
DataQualityEvaluationResult (https://docs.aws.amazon.com/glue/latest/dg/tutorial-data-quality.html).

A rule with no row-level meaning (RowCount, Mean, ...) is listed in every row's Skip; a row a
`where` filter leaves out passes that rule (dqdl.html, "Where clause behaviour").
"""

from typing import TYPE_CHECKING

from pyspark.sql import Column
from pyspark.sql import functions as F

from gluestack.local.data_quality.evaluator import Evaluation, refusal
from gluestack.local.data_quality.registry import RULE_KINDS
from gluestack.local.data_quality.values import NotEmulated
from gluestack.spec.dqdl.syntax import Node, Rule

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

PASS_COLUMN = "DataQualityRulesPass"
FAIL_COLUMN = "DataQualityRulesFail"
SKIP_COLUMN = "DataQualityRulesSkip"
RESULT_COLUMN = "DataQualityEvaluationResult"
# The tutorial lists these as applied at the dataset level; ColumnDataType per the rule table.
DATASET_LEVEL = frozenset(
    {
        "AggregateMatch", "ColumnCount", "ColumnExists", "ColumnNamesMatchPattern", "RowCount",
        "RowCountMatch", "StandardDeviation", "Mean", "ColumnCorrelation", "Sum", "Entropy",
        "DistinctValuesCount", "ColumnDataType", "ReferentialIntegrity",
    }
)  # fmt: skip


def row_level_outcomes(evaluation: Evaluation) -> "DataFrame":
    """The evaluated frame with Glue's four row-level columns added."""
    checks = {node.text: _passing(node, evaluation) for node in evaluation.ruleset.rules}
    graded = [(F.lit(text), check) for text, check in checks.items() if check is not None]
    skipped = [F.lit(text) for text, check in checks.items() if check is None]
    passed = _texts([F.when(check, text) for text, check in graded])
    failed = _texts([F.when(~check, text) for text, check in graded])
    frame = evaluation.data.frame.select(
        "*",
        passed.alias(PASS_COLUMN),
        failed.alias(FAIL_COLUMN),
        (F.array(*skipped) if skipped else F.array().cast("array<string>")).alias(SKIP_COLUMN),
    )
    outcome = F.when(F.size(F.col(FAIL_COLUMN)) == 0, "Passed").otherwise("Failed")
    return frame.withColumn(RESULT_COLUMN, outcome)


def _texts(entries: list[Column]) -> Column:
    if not entries:
        return F.array().cast("array<string>")
    return F.filter(F.array(*entries), lambda text: text.isNotNull())


def _passing(node: Node, evaluation: Evaluation) -> Column | None:
    """A never-null boolean per row, or None when the node has no row-level outcome."""
    if not isinstance(node, Rule):
        parts = [_passing(part, evaluation) for part in node.parts]
        checks = [part for part in parts if part is not None]
        if len(checks) < len(parts):
            return None
        combined = checks[0]
        for check in checks[1:]:
            combined = (combined & check) if node.operator == "and" else (combined | check)
        return combined
    if node.type in DATASET_LEVEL or refusal(node) is not None:
        return None
    try:
        rows = RULE_KINDS[node.type].passing_rows(node, evaluation.data)
    except NotEmulated:
        return None
    if rows is None or node.where is None:
        return rows
    return ~F.coalesce(F.expr(node.where), F.lit(False)) | rows
