"""CloudFormation properties the spec does not model, kept verbatim on the synthesized resource.

An imported job, crawler or trigger may set properties gluestack has no typed field for; they go
into its `unmodeled:` map and the CDK app applies them with add_property_override. Each property
of each resource type is exactly one of: modeled (set by gluestack from spec fields, so an
override would fight them), allowed (kept verbatim), or refused (with the reason). The property
lists are CloudFormation's:
https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-glue-job.html
https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-glue-crawler.html
https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-glue-trigger.html
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, Field

from gluestack.spec.reserved_arguments import check_not_reserved

JOB = "AWS::Glue::Job"
CRAWLER = "AWS::Glue::Crawler"
TRIGGER = "AWS::Glue::Trigger"

_NAME = "gluestack names it: <pipeline>-<env>-<key in the spec>"
_TAGS = "the pipeline's tags"


@dataclass(frozen=True)
class TypeProperties:
    """What the spec does with each CloudFormation property of one resource type."""

    resource_type: str
    allowed: tuple[str, ...]  # kept verbatim from unmodeled:
    modeled: Mapping[str, str]  # property -> the spec fields that set it
    refused: Mapping[str, str]  # property -> why it can be neither

    @property
    def all(self) -> frozenset[str]:
        return frozenset([*self.allowed, *self.modeled, *self.refused])

    def problem(self, name: str) -> str | None:
        """Why `name` cannot be an unmodeled property of this type, or None."""
        if name in self.allowed:
            return None
        kept = (
            f"properties kept verbatim for {self.resource_type}: {', '.join(self.allowed)}"
            if self.allowed
            else f"{self.resource_type} keeps none verbatim: the spec models all its properties"
        )
        if name in self.modeled:
            return (
                f"unmodeled property '{name}' is modeled by the spec ({self.modeled[name]}); {kept}"
            )
        if name in self.refused:
            return f"unmodeled property '{name}' cannot be kept: {self.refused[name]}; {kept}"
        return f"'{name}' is not a CloudFormation property of {self.resource_type}; {kept}"


JOB_PROPERTIES = TypeProperties(
    JOB,
    allowed=("LogUri", "NonOverridableArguments", "NotificationProperty"),
    modeled={
        "Name": _NAME,
        "Description": "description",
        "Role": "role, else a role gluestack generates",
        "Command": "script and type",
        "DefaultArguments": "arguments and the typed options",
        "Connections": "connections and the connections of database inputs",
        "GlueVersion": "glue_version",
        "WorkerType": "worker_type",
        "NumberOfWorkers": "number_of_workers",
        "MaxCapacity": "max_capacity",
        "Timeout": "timeout_minutes",
        "MaxRetries": "max_retries",
        "ExecutionProperty": "max_concurrent_runs",
        "ExecutionClass": "execution_class",
        "JobRunQueuingEnabled": "run_queuing",
        "SecurityConfiguration": "the pipeline's security configuration (its KMS key)",
        "Tags": _TAGS,
    },
    refused={
        "AllocatedCapacity": (
            "Glue deprecated it for MaxCapacity; size the job with worker_type and "
            "number_of_workers (or max_capacity for type: pythonshell)"
        ),
        "MaintenanceWindow": "it applies to streaming jobs, which gluestack does not deploy",
        "JobMode": (
            "gluestack deploys script jobs (SCRIPT, Glue's default); a visual or notebook "
            "job's graph is no CloudFormation property"
        ),
    },
)

CRAWLER_PROPERTIES = TypeProperties(
    CRAWLER,
    allowed=("Classifiers", "LakeFormationConfiguration"),
    modeled={
        "Name": _NAME,
        "Description": "description",
        "Role": "role, else a role gluestack generates",
        "Targets": "tables, s3_targets, jdbc, catalog_tables, exclusions, sample_size, "
        "event_queue_arn",
        "DatabaseName": "the pipeline's database",
        "Schedule": "schedule and schedule_enabled_in",
        "SchemaChangePolicy": "schema_change",
        "RecrawlPolicy": "recrawl",
        "TablePrefix": "table_prefix",
        "Configuration": "combine_compatible_schemas, table_level and partition_schema",
        "CrawlerSecurityConfiguration": "the pipeline's security configuration (its KMS key)",
        "Tags": _TAGS,
    },
    refused={},
)

TRIGGER_PROPERTIES = TypeProperties(
    TRIGGER,
    allowed=(),
    modeled={
        "Name": _NAME,
        "Description": "description",
        "Type": "type",
        "Actions": "actions",
        "Predicate": "conditions and match",
        "Schedule": "schedule",
        "StartOnCreation": "enabled_in; conditional triggers always start activated",
        "EventBatchingCondition": "batch_size and batch_window_seconds",
        "WorkflowName": "the pipeline's workflow",
        "Tags": _TAGS,
    },
    refused={},
)

PROPERTIES_BY_TYPE = {
    p.resource_type: p for p in (JOB_PROPERTIES, CRAWLER_PROPERTIES, TRIGGER_PROPERTIES)
}


def _checked(properties: TypeProperties) -> AfterValidator:
    def check(value: dict[str, Any]) -> dict[str, Any]:
        for name in value:
            if problem := properties.problem(name):
                raise ValueError(problem)
        if properties is JOB_PROPERTIES and "NonOverridableArguments" in value:
            _check_non_overridable(value["NonOverridableArguments"])
        return value

    return AfterValidator(check)


def _check_non_overridable(arguments: Any) -> None:
    """Names like DefaultArguments': '--name'; none that Glue reserves or gluestack sets, whose
    fixed value would silently win over the spec's typed option."""
    if not isinstance(arguments, Mapping):
        raise ValueError("unmodeled NonOverridableArguments: a map of '--name' to a string")
    for name, value in arguments.items():
        if not (isinstance(name, str) and name.startswith("--") and isinstance(value, str)):
            raise ValueError(
                f"unmodeled NonOverridableArguments: '{name}' must be '--name' with a string value"
            )
        try:
            check_not_reserved(name.removeprefix("--"))
        except ValueError as error:
            raise ValueError(f"unmodeled NonOverridableArguments: {error}") from None


def _field(properties: TypeProperties) -> Any:
    return Field(
        description=(
            f"{properties.resource_type} properties the spec does not model, applied verbatim: "
            f"{', '.join(properties.allowed) or 'none'}"
        )
    )


JobUnmodeled = Annotated[dict[str, Any], _checked(JOB_PROPERTIES), _field(JOB_PROPERTIES)]
CrawlerUnmodeled = Annotated[
    dict[str, Any], _checked(CRAWLER_PROPERTIES), _field(CRAWLER_PROPERTIES)
]
TriggerUnmodeled = Annotated[
    dict[str, Any], _checked(TRIGGER_PROPERTIES), _field(TRIGGER_PROPERTIES)
]
