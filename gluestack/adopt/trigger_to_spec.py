"""One Glue trigger (GetTriggers' shape) as a spec `triggers:` entry over the pipeline's keys."""

from dataclasses import dataclass, field
from typing import Any

from gluestack.adopt.context import ImportContext
from gluestack.adopt.notes import Notes
from gluestack.adopt.report import ReportEntry
from gluestack.adopt.unmodeled_properties import TRIGGER_UNMODELED, unmodeled
from gluestack.spec.reserved_arguments import check_argument_name

_TYPES = {
    "ON_DEMAND": "on_demand",
    "SCHEDULED": "scheduled",
    "CONDITIONAL": "conditional",
    "EVENT": "event",
}
_MATCH = {"AND": "all", "ANY": "any"}
# Per-action settings the spec's Action does not carry.
_ACTION_EXTRAS = ("SecurityConfiguration", "NotificationProperty")
# What a job action sets for the runs it starts (the spec's arguments, timeout_minutes).
_JOB_RUN_SETTINGS = ("Arguments", "Timeout")


@dataclass
class TriggerConversion:
    aws_name: str
    key: str
    spec: dict[str, Any] | None
    entries: list[ReportEntry] = field(default_factory=list)


def trigger_to_spec(
    trigger: dict[str, Any], pipeline: str, context: ImportContext
) -> TriggerConversion:
    name = trigger["Name"]
    key = context.keys.triggers.key(name)
    notes = Notes("trigger", name, pipeline, f"triggers.{key}")
    notes.tags(trigger)
    kind = _TYPES.get(trigger.get("Type", ""))
    if kind is None:
        notes.not_imported("Type", trigger.get("Type"), "not a trigger type gluestack deploys")
        return TriggerConversion(name, key, None, notes.entries)
    spec: dict[str, Any] = {"type": kind}
    if trigger.get("Description"):
        spec["description"] = trigger["Description"]
    predicate = trigger.get("Predicate") or {}
    if kind == "conditional":
        spec["conditions"] = [
            _condition(c, context, notes) for c in predicate.get("Conditions", [])
        ]
        if predicate.get("Logical") == "ANY":
            spec["match"] = _MATCH["ANY"]
    spec["actions"] = [
        _action(action, index, context, notes)
        for index, action in enumerate(trigger.get("Actions", []))
    ]
    if kind == "scheduled":
        spec["schedule"] = trigger.get("Schedule", "")
        if trigger.get("State") == "ACTIVATED":
            notes.action(
                "enabled_in",
                "the trigger was active; list the environments where its schedule should run",
                trigger.get("State"),
            )
    if kind == "event":
        spec.update(_batching(trigger.get("EventBatchingCondition") or {}))
        notes.action(
            "on_new_files",
            "the EventBridge rule sending this trigger events is not "
            "imported; name the sources whose new files start it, or keep your rule",
        )
    if extra := unmodeled(trigger, TRIGGER_UNMODELED, notes):
        spec["unmodeled"] = extra
    notes.note("imported", detail=f"state {trigger.get('State', '?')}")
    return TriggerConversion(name, key, spec, notes.entries)


def _action(
    action: dict[str, Any], index: int, context: ImportContext, notes: Notes
) -> dict[str, Any]:
    who = action.get("JobName") or action.get("CrawlerName")
    for extra in _ACTION_EXTRAS:
        if action.get(extra):
            notes.not_imported(
                f"Actions[{who}].{extra}",
                action[extra],
                "a spec action takes its job's arguments and timeout only; the job's own "
                "settings apply",
            )
    if not action.get("JobName"):
        for setting in _JOB_RUN_SETTINGS:
            if action.get(setting):
                notes.not_imported(
                    f"Actions[{who}].{setting}", action[setting], "a crawler run takes none"
                )
        return {"crawler": context.keys.crawlers.key(action.get("CrawlerName", ""))}
    spec: dict[str, Any] = {"job": context.keys.jobs.key(action["JobName"])}
    arguments = _arguments(action.get("Arguments") or {}, f"Actions[{who}]", notes)
    for name, value in arguments.items():
        notes.kept(f"actions[{index}].arguments.{name}", value)
    if arguments:
        spec["arguments"] = arguments
    if action.get("Timeout"):
        spec["timeout_minutes"] = action["Timeout"]
    return spec


def _arguments(arguments: dict[str, str], where: str, notes: Notes) -> dict[str, str]:
    """An action's Arguments as spec arguments (names without '--'); the ones a spec refuses
    are reported."""
    kept: dict[str, str] = {}
    for raw_name, value in arguments.items():
        if refusal := _argument_refusal(raw_name):
            notes.not_imported(f"{where}.Arguments[{raw_name}]", value, refusal)
        else:
            kept[raw_name.removeprefix("--")] = value
    return kept


def _argument_refusal(raw_name: str) -> str | None:
    if not raw_name.startswith("--"):
        return "gluestack passes a spec argument as '--<name>'; this name has no '--'"
    try:
        check_argument_name(raw_name.removeprefix("--"))
    except ValueError as refused:
        return str(refused)
    return None


def _condition(condition: dict[str, Any], context: ImportContext, notes: Notes) -> dict[str, str]:
    if condition.get("LogicalOperator", "EQUALS") != "EQUALS":
        notes.not_imported(
            "Predicate.Conditions.LogicalOperator",
            condition["LogicalOperator"],
            "Glue conditions compare with EQUALS only",
        )
    if condition.get("JobName"):
        return {
            "job": context.keys.jobs.key(condition["JobName"]),
            "state": condition.get("State", "SUCCEEDED"),
        }
    return {
        "crawler": context.keys.crawlers.key(condition.get("CrawlerName", "")),
        "state": condition.get("CrawlState", "SUCCEEDED"),
    }


def _batching(batching: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if batching.get("BatchSize"):
        fields["batch_size"] = batching["BatchSize"]
    if batching.get("BatchWindow"):
        fields["batch_window_seconds"] = batching["BatchWindow"]
    return fields
