"""Find deployed resources from stack outputs: the same call against AWS and moto."""

import json
from dataclasses import dataclass, field
from typing import Any

MANIFEST_OUTPUT = "PipelineManifest"


class StackNotFound(LookupError):
    """The stack, or the output asked for, is not deployed."""


@dataclass(frozen=True)
class PipelineManifest:
    """Deployed names of one pipeline's resources, keyed by their names in the spec."""

    pipeline: str
    database: str
    workflow: str
    crawlers: dict[str, str]
    jobs: dict[str, str]
    triggers: dict[str, str]
    connections: dict[str, str] = field(default_factory=dict)
    # table -> {"ruleset": deployed ruleset name, "job": deployed name of the job writing it}
    rulesets: dict[str, dict[str, str]] = field(default_factory=dict)


def stack_outputs(cloudformation: Any, stack_name: str) -> dict[str, str]:
    """Every output of a deployed stack, by output key."""
    try:
        stacks = cloudformation.describe_stacks(StackName=stack_name)["Stacks"]
    except cloudformation.exceptions.ClientError as error:
        raise StackNotFound(f"stack '{stack_name}' is not deployed: {error}") from None
    return {o["OutputKey"]: o["OutputValue"] for o in stacks[0].get("Outputs", [])}


def pipeline_manifest(cloudformation: Any, stack_name: str) -> PipelineManifest:
    """The PipelineManifest output of a pipeline stack."""
    outputs = stack_outputs(cloudformation, stack_name)
    if MANIFEST_OUTPUT not in outputs:
        raise StackNotFound(f"stack '{stack_name}' has no {MANIFEST_OUTPUT} output")
    return PipelineManifest(**json.loads(outputs[MANIFEST_OUTPUT]))
