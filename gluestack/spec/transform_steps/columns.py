"""Columns as the checks track them (name -> Glue type), and the names an expression reads."""

import re

from gluestack.spec.transform import TransformSpec

Columns = dict[str, str]
_STRING_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_IDENTIFIER = re.compile(r"`([^`]+)`|\b([A-Za-z_][A-Za-z0-9_]*)\b(\s*\()?")
SQL_WORDS = frozenset(
    [
        "and",
        "or",
        "not",
        "in",
        "is",
        "null",
        "true",
        "false",
        "case",
        "when",
        "then",
        "else",
        "end",
        "between",
        "like",
        "rlike",
        "ilike",
        "as",
        "cast",
        "distinct",
        "interval",
        "exists",
        "any",
        "some",
        "all",
        "div",
        "string",
        "boolean",
        "tinyint",
        "smallint",
        "int",
        "integer",
        "bigint",
        "float",
        "double",
        "decimal",
        "date",
        "timestamp",
        "binary",
    ]
)


def referenced_columns(expression: str) -> set[str]:
    """Names a Spark SQL expression reads: identifiers that are not functions or SQL words."""
    names = set()
    for match in _IDENTIFIER.finditer(_STRING_LITERAL.sub("''", expression)):
        quoted, word, call = match.groups()
        if quoted:
            names.add(quoted)
        elif not call and word.lower() not in SQL_WORDS:
            names.add(word)
    return names


def column_names(columns: Columns) -> str:
    """The names for a message: comma-separated, or none."""
    return ", ".join(columns) if columns else "none"


def main_source(transform: TransformSpec) -> str:
    """The source the steps start from; joins add the others."""
    return next(iter(transform.sources))
