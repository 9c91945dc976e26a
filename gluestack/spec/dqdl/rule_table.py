"""The DQDL rule types and words gluestack knows, from AWS's DQDL reference."""

# Rule type -> (fewest, most) quoted parameters, and whether an expression must follow them
# ("optional": CustomSql and DetectAnomalies also have forms without one).
RULES: dict[str, tuple[int, int, str]] = {
    "AggregateMatch": (2, 2, "required"),
    "ColumnCorrelation": (2, 2, "required"),
    "ColumnCount": (0, 0, "required"),
    "ColumnDataType": (1, 1, "required"),
    "ColumnExists": (1, 1, "none"),
    "ColumnLength": (1, 1, "required"),
    "ColumnNamesMatchPattern": (1, 1, "none"),
    "ColumnValues": (1, 1, "required"),
    "Completeness": (1, 1, "required"),
    "CustomSql": (1, 1, "optional"),
    "DataFreshness": (1, 1, "required"),
    "DatasetMatch": (2, 3, "required"),
    "DetectAnomalies": (1, 2, "optional"),
    "DistinctValuesCount": (1, 1, "required"),
    "Entropy": (1, 1, "required"),
    "FileFreshness": (0, 1, "required"),
    "FileMatch": (1, 2, "optional"),
    "FileSize": (0, 1, "required"),
    "FileUniqueness": (0, 1, "required"),
    "IsComplete": (1, 1, "none"),
    "IsPrimaryKey": (1, 10, "none"),
    "IsUnique": (1, 1, "none"),
    "Mean": (1, 1, "required"),
    "ReferentialIntegrity": (2, 2, "required"),
    "RowCount": (0, 0, "required"),
    "RowCountMatch": (1, 1, "required"),
    "SchemaMatch": (1, 1, "required"),
    "StandardDeviation": (1, 1, "required"),
    "Sum": (1, 1, "required"),
    "UniqueValueRatio": (1, 1, "required"),
    "Uniqueness": (1, 1, "required"),
}
SECTIONS = ("Rules", "Analyzers")
COMPARISONS = ("=", "!=", ">", ">=", "<", "<=")
KEYWORDS = ("NULL", "EMPTY", "WHITESPACES_ONLY")
UNITS = ("minutes", "hours", "days")
# File sizes in FileSize conditions (dqdl-rule-types-FileSize.html: B, KB, MB, GB and TB).
SIZE_UNITS = ("B", "KB", "MB", "GB", "TB")
