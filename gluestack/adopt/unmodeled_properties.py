"""CloudFormation properties of AWS::Glue::Job / Crawler / Trigger that the spec does not type,
kept verbatim in a resource's `unmodeled:` section, by the API member they come from."""

from typing import Any

# API member (GetJob / GetCrawler / GetTrigger) -> CloudFormation property: the same names.
JOB_UNMODELED = ("NotificationProperty", "NonOverridableArguments", "LogUri", "MaintenanceWindow")
CRAWLER_UNMODELED = ("Classifiers", "LakeFormationConfiguration")
TRIGGER_UNMODELED: tuple[str, ...] = ()


def unmodeled(resource: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """The resource's non-empty members among names."""
    return {name: resource[name] for name in names if resource.get(name) not in (None, "", {}, [])}
