"""DuckDB SQL text: quoted names, literals, Glue types as DuckDB's, and chained SELECTs."""

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from gluestack.spec.glue_types import PRIMITIVES

Part = TypeVar("Part")
_DECIMAL = re.compile(r"decimal\(\d+,\s*\d+\)")


def identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def identifiers(names: Iterable[str]) -> str:
    return ", ".join(identifier(name) for name in names)


def sql_literal(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(value)


def duckdb_type(glue_type: str) -> str:
    """The DuckDB name of a primitive or decimal Glue type (STRING and BINARY are aliases)."""
    if glue_type in PRIMITIVES or _DECIMAL.fullmatch(glue_type):
        return glue_type.upper()
    raise ValueError(f"no DuckDB cast is written for the Glue type {glue_type}")


def chained(
    previous: str, name: str, parts: Sequence[Part], select: Callable[[str, Part], str]
) -> str:
    """One SELECT per part, each over the one before (the first over previous), as one query.

    Each is a CTE of its own (name_1, name_2, ...), so a part may use what an earlier one made.
    """
    if len(parts) == 1:
        return select(previous, parts[0])
    ctes, relation = [], previous
    for index, part in enumerate(parts, start=1):
        ctes.append(f"{name}_{index} AS ({select(relation, part)})")
        relation = f"{name}_{index}"
    return f"WITH {', '.join(ctes)} SELECT * FROM {relation}"
