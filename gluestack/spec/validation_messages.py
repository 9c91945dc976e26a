"""Turn pydantic's validation errors into messages that say what is allowed."""

import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from gluestack.spec.errors import SpecIssue

_PATTERN_HINTS = {
    r"^[a-z][a-z0-9_]{0,62}$": "lowercase letters, digits and '_', starting with a letter",
    r"^[a-z][a-z0-9_-]{0,39}$": "lowercase letters, digits, '_' or '-', starting with a letter, "
    "at most 40 characters",
    r"^([a-zA-Z0-9!_.*'()-]+/)+$": "a relative S3 prefix ending with '/', such as 'raw/flights/'",
}


def _own_fields_first(model: type[BaseModel]) -> list[str]:
    """A model's keys as a reader of its YAML expects them: its own fields, then inherited ones
    (a job's script and inputs before the run options it shares with the construct)."""
    own = [name for name in model.model_fields if name in model.__annotations__]
    return own + [name for name in model.model_fields if name not in own]


def issue_from_error(error: ErrorDetails, root: type[BaseModel]) -> SpecIssue:
    """One SpecIssue for one pydantic error, with the allowed values spelled out."""
    path = tuple(part for part in error["loc"] if part != "[key]")
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    if kind == "extra_forbidden":
        allowed = ", ".join(_own_fields_first(_model_at(root, path[:-1])))
        message = f"unknown key '{path[-1]}'; allowed keys: {allowed}"
    elif kind == "missing":
        message = "required field is missing"
    elif kind == "literal_error":
        message = f"{value!r} is not allowed; allowed: {ctx['expected']}"
    elif kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(ctx["pattern"], f"the pattern {ctx['pattern']}")
        message = f"{value!r} is not valid here; use {hint}"
    elif kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
    else:
        message = error["msg"][0].lower() + error["msg"][1:]
        if value is not None and not isinstance(value, dict | list):
            message += f"; got {value!r}"
    return SpecIssue(path=path, message=message)


def _model_at(root: type[BaseModel], path: tuple[str | int, ...]) -> type[BaseModel]:
    """The model class that owns the field at path."""
    current: Any = root
    parts = iter(path)
    for part in parts:
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return root
        current = _without_none(current.model_fields[str(part)].annotation)
        if typing.get_origin(current) in (list, dict):
            current = typing.get_args(current)[-1]
            next(parts, None)  # the dict key or list index names an item, not a field
    return current if isinstance(current, type) and issubclass(current, BaseModel) else root


def _without_none(annotation: Any) -> Any:
    """X for X | None."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation
