"""Which fields drift compares, where each is in Glue's shapes, and what a left-out one means.

A field the expected description leaves out is compared with the value Glue documents for it
(Timeout 2880 minutes, MaxRetries 0, ExecutionClass STANDARD, no schedule, no arguments, ...);
where Glue derives the value instead (MaxCapacity from the workers, the Python version from the
command), the field is compared only when the spec gives it.
"""

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from gluestack.spec.unmodeled import CRAWLER_PROPERTIES, JOB_PROPERTIES

GIVEN_ONLY = object()  # compare the field only when the expected description has it
_ABSENT = object()


@dataclass(frozen=True)
class Unresolved:
    """An expected value that could not be worked out (an intrinsic with no deployed value)."""

    reason: str


def compact(value: Any) -> Any:
    """value without None, empty lists and empty maps, at any depth: Glue reports a field left
    out as absent, null or empty depending on the field and the endpoint."""
    if isinstance(value, Mapping):
        items = {k: compact(v) for k, v in value.items()}
        return {k: v for k, v in items.items() if v not in (None, [], {})}
    if isinstance(value, list | tuple):
        return [compact(v) for v in value if compact(v) not in (None, [], {})]
    return value


def unordered(value: Any) -> Any:
    """A list whose order means nothing (conditions, actions), in a canonical order."""
    items = compact(value)
    if not isinstance(items, list):
        return items
    return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, default=str))


def crawler_targets(value: Any) -> Any:
    """A crawler's targets, each kind's list in a canonical order."""
    targets = compact(value)
    if not isinstance(targets, Mapping):
        return targets
    return {kind: unordered(items) for kind, items in targets.items()}


def json_document(value: Any) -> Any:
    """A JSON string field (a crawler's Configuration) by its content, not its spacing."""
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


@dataclass(frozen=True)
class FieldRule:
    """One compared field: its name in the report and its path in the API's shapes."""

    name: str
    path: tuple[str, ...]
    default: Any = GIVEN_ONLY  # Glue's value for the field left out
    deployed_path: tuple[str, ...] | None = None  # where Get* reports it, when not at path
    normalize: Callable[[Any], Any] = compact

    def applies(self, expected: Mapping[str, Any]) -> bool:
        return self.default is not GIVEN_ONLY or _dig(expected, self.path) is not _ABSENT

    def expected(self, description: Mapping[str, Any]) -> Any:
        return self._value(description, self.path)

    def deployed(self, description: Mapping[str, Any]) -> Any:
        return self._value(description, self.deployed_path or self.path)

    def _value(self, description: Mapping[str, Any], path: tuple[str, ...]) -> Any:
        value = _dig(description, path)
        if value is _ABSENT:
            value = None if self.default is GIVEN_ONLY else self.default
        return self.normalize(value)


def _dig(value: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if isinstance(value, Unresolved):
            return value
        if not isinstance(value, Mapping) or value.get(key) is None:
            return _ABSENT
        value = value[key]
    return value


# Compared per argument: each differing key is one difference.
JOB_ARGUMENT_MAPS = ("DefaultArguments", "NonOverridableArguments")


def _unmodeled(names: tuple[str, ...]) -> tuple[FieldRule, ...]:
    """A spec's unmodeled properties, compared where it sets them (an imported resource's other
    values are Glue's defaults, which Get* may report in more than one way)."""
    return tuple(FieldRule(name, (name,)) for name in names if name not in JOB_ARGUMENT_MAPS)


JOB_FIELDS = (
    FieldRule("Command.Name", ("Command", "Name")),
    FieldRule("Command.ScriptLocation", ("Command", "ScriptLocation")),
    FieldRule("Command.PythonVersion", ("Command", "PythonVersion")),
    FieldRule("GlueVersion", ("GlueVersion",)),
    FieldRule("WorkerType", ("WorkerType",)),
    FieldRule("NumberOfWorkers", ("NumberOfWorkers",)),
    FieldRule("MaxCapacity", ("MaxCapacity",)),
    FieldRule("Timeout", ("Timeout",), default=2880),
    FieldRule("MaxRetries", ("MaxRetries",), default=0),
    FieldRule("ExecutionClass", ("ExecutionClass",), default="STANDARD"),
    FieldRule("Role", ("Role",)),
    FieldRule("Connections", ("Connections", "Connections"), default=[]),
    FieldRule("SecurityConfiguration", ("SecurityConfiguration",), default=None),
    *_unmodeled(JOB_PROPERTIES.allowed),
)

CRAWLER_FIELDS = (
    FieldRule("Targets", ("Targets",), normalize=crawler_targets),
    # CreateCrawler takes the cron expression; GetCrawler answers {ScheduleExpression, State}.
    FieldRule("Schedule", ("Schedule",), None, ("Schedule", "ScheduleExpression")),
    FieldRule("SchemaChangePolicy", ("SchemaChangePolicy",)),
    FieldRule("RecrawlPolicy", ("RecrawlPolicy",)),
    FieldRule("Configuration", ("Configuration",), default=None, normalize=json_document),
    FieldRule("DatabaseName", ("DatabaseName",)),
    FieldRule("Role", ("Role",)),
    *_unmodeled(CRAWLER_PROPERTIES.allowed),
)

TRIGGER_FIELDS = (
    FieldRule("Type", ("Type",)),
    FieldRule("Schedule", ("Schedule",), default=None),
    FieldRule("Predicate.Logical", ("Predicate", "Logical"), default=None),
    FieldRule("Predicate.Conditions", ("Predicate", "Conditions"), [], normalize=unordered),
    FieldRule("Actions", ("Actions",), default=[], normalize=unordered),
)

WORKFLOW_FIELDS = (
    FieldRule("DefaultRunProperties", ("DefaultRunProperties",), default={}),
    FieldRule("MaxConcurrentRuns", ("MaxConcurrentRuns",), default=None),
)
