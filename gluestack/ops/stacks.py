"""Find deployed resources from stack outputs: the same call against AWS and moto."""

from typing import TYPE_CHECKING

from gluestack.spec.job_arguments import location_parameter
from gluestack.spec.manifest import MANIFEST_OUTPUT, PipelineManifest

if TYPE_CHECKING:
    from mypy_boto3_cloudformation import CloudFormationClient


class StackNotFound(LookupError):
    """The stack, or the output asked for, is not deployed."""


def stack_outputs(cloudformation: "CloudFormationClient", stack_name: str) -> dict[str, str]:
    """Every output of a deployed stack, by output key."""
    try:
        stacks = cloudformation.describe_stacks(StackName=stack_name)["Stacks"]
    except cloudformation.exceptions.ClientError as error:
        raise StackNotFound(f"stack '{stack_name}' is not deployed: {error}") from None
    return {o["OutputKey"]: o["OutputValue"] for o in stacks[0].get("Outputs", [])}


def pipeline_manifest(cloudformation: "CloudFormationClient", stack_name: str) -> PipelineManifest:
    """The PipelineManifest output of a pipeline stack."""
    outputs = stack_outputs(cloudformation, stack_name)
    if MANIFEST_OUTPUT not in outputs:
        raise StackNotFound(f"stack '{stack_name}' has no {MANIFEST_OUTPUT} output")
    return PipelineManifest.from_json(outputs[MANIFEST_OUTPUT])


def job_outputs(cloudformation: "CloudFormationClient", job_name: str) -> list[str] | None:
    """The location parameters of a deployed job's outputs, from the manifest of the pipeline
    stack that deployed it; None when no stack's manifest lists the job."""
    for page in cloudformation.get_paginator("describe_stacks").paginate():
        for stack in page["Stacks"]:
            for output in stack.get("Outputs", []):
                # PipelineManifest, or PipelineManifest<Name> for a GluePipeline in a user's stack
                if not output["OutputKey"].startswith(MANIFEST_OUTPUT):
                    continue
                manifest = PipelineManifest.from_json(output["OutputValue"])
                for name, deployed in manifest.jobs.items():
                    if deployed == job_name and name in manifest.job_outputs:
                        return [location_parameter(t) for t in manifest.job_outputs[name]]
    return None


def stack_resources(cloudformation: "CloudFormationClient", stack_name: str) -> dict[str, str]:
    """Logical id -> physical id of each resource of a deployed stack.

    ListStackResources, every page: DescribeStackResources answers at most 100 resources.
    """
    pages = cloudformation.get_paginator("list_stack_resources").paginate(StackName=stack_name)
    return {
        r["LogicalResourceId"]: r["PhysicalResourceId"]
        for page in pages
        for r in page["StackResourceSummaries"]
        if r.get("PhysicalResourceId")
    }


def stack_exports(cloudformation: "CloudFormationClient") -> dict[str, str]:
    """Every export of the account and region, by export name."""
    pages = cloudformation.get_paginator("list_exports").paginate()
    return {e["Name"]: e["Value"] for page in pages for e in page["Exports"]}
