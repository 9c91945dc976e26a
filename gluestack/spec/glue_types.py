"""Glue / Hive column type names, and which casts between them can lose data."""

import re
from typing import Annotated

from pydantic import AfterValidator

PRIMITIVES = (
    "string",
    "boolean",
    "tinyint",
    "smallint",
    "int",
    "bigint",
    "float",
    "double",
    "date",
    "timestamp",
    "binary",
)
_DECIMAL = re.compile(r"decimal\((\d+),\s*(\d+)\)")
_INTEGERS = ("tinyint", "smallint", "int", "bigint")
# A cast to a later type in one of these chains keeps every value.
_WIDENING = (
    _INTEGERS,
    ("tinyint", "smallint", "int", "double"),
    ("tinyint", "smallint", "float", "double"),
    ("date", "timestamp"),
)


def check_glue_type(name: str) -> str:
    """name if Glue knows it (primitives, decimal(p,s), array<...>, map<...>, struct<...>)."""
    if not _is_glue_type(name.strip()):
        raise ValueError(
            f"unknown type '{name}'; Glue types are {', '.join(PRIMITIVES)}, decimal(p,s), "
            "array<T>, map<K,V> and struct<name:T,...>"
        )
    return name.strip()


GlueType = Annotated[str, AfterValidator(check_glue_type)]


def is_lossless(source: str, target: str) -> bool:
    """True when every value of type source survives a cast to target."""
    if source == target or target == "string":
        return True
    if _DECIMAL.fullmatch(source) and _DECIMAL.fullmatch(target):
        (p1, s1), (p2, s2) = _precision(source), _precision(target)
        return s2 >= s1 and p2 - s2 >= p1 - s1
    if source in _INTEGERS and _DECIMAL.fullmatch(target):
        precision, scale = _precision(target)
        return precision - scale >= {"tinyint": 3, "smallint": 5, "int": 10, "bigint": 19}[source]
    return any(
        source in chain and target in chain and chain.index(source) < chain.index(target)
        for chain in _WIDENING
    )


def is_numeric(name: str) -> bool:
    return name in (*_INTEGERS, "float", "double") or bool(_DECIMAL.fullmatch(name))


def _precision(decimal: str) -> tuple[int, int]:
    match = _DECIMAL.fullmatch(decimal)
    assert match
    return int(match.group(1)), int(match.group(2))


def _is_glue_type(name: str) -> bool:
    if name in PRIMITIVES or _DECIMAL.fullmatch(name):
        return True
    for kind in ("array", "map", "struct"):
        if name.startswith(f"{kind}<") and name.endswith(">"):
            parts = _split_top_level(name[len(kind) + 1 : -1])
            if kind == "array":
                return len(parts) == 1 and _is_glue_type(parts[0])
            if kind == "map":
                return len(parts) == 2 and all(_is_glue_type(p) for p in parts)
            fields = [p.partition(":") for p in parts]
            return bool(fields) and all(n.strip() and s and _is_glue_type(t) for n, s, t in fields)
    return False


def _split_top_level(text: str) -> list[str]:
    """Split on commas outside <> and () brackets."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char in "<(" or -(char in ">)")
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return [*parts, current.strip()]
