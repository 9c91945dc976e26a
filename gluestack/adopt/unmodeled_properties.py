"""CloudFormation properties of AWS::Glue::Job / Crawler / Trigger that the spec does not type,
kept verbatim in a resource's `unmodeled:` section (gluestack/spec/unmodeled.py says which), by
the API member they come from: the same names."""

from typing import Any

from gluestack.adopt.notes import Notes
from gluestack.spec.reserved_arguments import check_not_reserved
from gluestack.spec.unmodeled import CRAWLER_PROPERTIES, JOB_PROPERTIES, TRIGGER_PROPERTIES

# The spec's one definition of what each resource type keeps verbatim.
JOB_UNMODELED = JOB_PROPERTIES.allowed
CRAWLER_UNMODELED = CRAWLER_PROPERTIES.allowed
TRIGGER_UNMODELED = TRIGGER_PROPERTIES.allowed


def unmodeled(resource: dict[str, Any], names: tuple[str, ...], notes: Notes) -> dict[str, Any]:
    """The resource's non-empty members among names, each reported as kept."""
    kept = {name: resource[name] for name in names if resource.get(name) not in _EMPTY}
    if "NonOverridableArguments" in kept:
        kept["NonOverridableArguments"] = _non_overridable(kept["NonOverridableArguments"], notes)
        if not kept["NonOverridableArguments"]:
            del kept["NonOverridableArguments"]
    for name, value in kept.items():
        notes.kept(f"unmodeled.{name}", value)
    return kept


def _non_overridable(arguments: dict[str, str], notes: Notes) -> dict[str, str]:
    """Fixed arguments, but none Glue reserves or gluestack sets from a typed option: their
    fixed value would silently win over the spec's."""
    kept = {}
    for name, value in arguments.items():
        try:
            check_not_reserved(name.lstrip("-"))
        except ValueError as reserved:
            notes.not_imported(f"NonOverridableArguments.{name}", value, str(reserved))
            continue
        kept[name if name.startswith("--") else f"--{name}"] = value
    return kept


_EMPTY: tuple[Any, ...] = (None, "", {}, [])
