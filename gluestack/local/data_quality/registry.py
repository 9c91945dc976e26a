"""Which evaluator answers which DQDL rule type, and the types gluestack does not evaluate."""

from gluestack.local.data_quality import (
    column_statistics,
    dataset_rules,
    file_rules,
    row_rules,
    schema_rules,
)
from gluestack.local.data_quality.rule_kind import RuleKind

_FAMILIES: list[dict[str, RuleKind]] = [
    column_statistics.KINDS,  # type: ignore[list-item]
    schema_rules.KINDS,  # type: ignore[list-item]
    row_rules.KINDS,  # type: ignore[list-item]
    dataset_rules.KINDS,  # type: ignore[list-item]
    file_rules.KINDS,  # type: ignore[list-item]
]
RULE_KINDS: dict[str, RuleKind] = {
    name: kind for family in _FAMILIES for name, kind in family.items()
}

# Reported per rule as ERROR with this reason: never passed.
UNEVALUATED_TYPES: dict[str, str] = {
    "DetectAnomalies": "anomaly detection learns from the metrics of earlier runs",
}

# AWS's DQDL reference: `with threshold` "Works only with the ColumnValues, ColumnDataType, and
# CustomSQL rule types", and FileFreshness and FileSize pages show it; the rule-type table marks
# these as not taking `where` (file rules read files, not rows).
THRESHOLD_RULES = frozenset(
    {"ColumnValues", "ColumnDataType", "CustomSql", "FileFreshness", "FileSize"}
)
NO_WHERE_RULES = frozenset(
    {
        "AggregateMatch",
        "ColumnCount",
        "ColumnExists",
        "ColumnNamesMatchPattern",
        "CustomSql",
        "ReferentialIntegrity",
        "RowCountMatch",
        "FileFreshness",
        "FileMatch",
        "FileSize",
        "FileUniqueness",
    }
)
