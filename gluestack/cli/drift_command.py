"""`gluestack drift PIPELINE`: where the deployed Glue resources differ from the spec's."""

import json
from pathlib import Path
from typing import Any

import boto3
import typer
from rich.table import Table

from gluestack.cli.common import (
    FAILURE_EXIT,
    OPERATION_ERRORS,
    SPEC_ERROR_EXIT,
    USAGE_EXIT,
    EndpointOption,
    EnvOption,
    JsonOption,
    ProfileOption,
    ProjectOption,
    RegionOption,
    console,
    fail,
    fail_operation,
    pipeline_spec,
    project_environments,
    session,
)
from gluestack.ops import client, glue_client
from gluestack.ops.drift import Difference, pipeline_drift
from gluestack.ops.drift import as_json as differences_json
from gluestack.ops.stacks import StackNotFound, stack_outputs
from gluestack.spec.names import pipeline_resource_prefix, pipeline_stack_name


def drift(
    pipeline: str,
    env: EnvOption = "dev",
    project: ProjectOption = Path("."),
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """Compare the deployed pipeline with what its spec synthesizes: exit 1 on any difference.

    Jobs (arguments, command, capacity, role, connections, script content), crawlers, triggers
    and the workflow; a resource missing in the account, or deployed with the pipeline's name
    prefix but not in the spec, is a difference too.
    """
    from gluestack.local.cdk_out.deploy import AssemblyError
    from gluestack.local.cdk_out.drift_expectations import ExpectationError
    from gluestack.local.cdk_out.synth import SynthError

    pipeline_spec(project, pipeline)
    environments = project_environments(project)
    if environments is not None and env not in environments:
        fail(f"no environment '{env}' in cdk.json; environments: {', '.join(environments)}",
             USAGE_EXIT)  # fmt: skip
    try:
        differences = _drift(project, pipeline, env, session(profile, region, endpoint_url),
                             endpoint_url)  # fmt: skip
    except StackNotFound as error:
        fail(f"pipeline '{pipeline}' (env {env}): {error}")
    except (SynthError, AssemblyError, ExpectationError) as error:
        fail(error, SPEC_ERROR_EXIT)
    except OPERATION_ERRORS as error:
        fail_operation(error)
    if as_json:
        typer.echo(differences_json(differences))
    elif differences:
        console.print(_table(pipeline, env, differences))
    else:
        console.print(f"{pipeline} (env {env}): no drift", highlight=False)
    if differences:
        raise typer.Exit(FAILURE_EXIT)


def _drift(
    project: Path, pipeline: str, env: str, aws: boto3.Session, endpoint_url: str | None
) -> list[Difference]:
    from gluestack.local.cdk_out.drift_expectations import expected_pipeline
    from gluestack.local.cdk_out.synth import synthesized

    cloudformation = client(aws, "cloudformation", endpoint_url)
    stack_name = pipeline_stack_name(env, pipeline)
    stack_outputs(cloudformation, stack_name)  # not deployed: say so before synthesizing
    glue = glue_client(aws, endpoint_url)
    account = client(aws, "sts", endpoint_url).get_caller_identity()["Account"]
    with synthesized(project.resolve(), env) as cdk_out:
        expected = expected_pipeline(
            cdk_out,
            stack_name,
            pipeline_resource_prefix(env, pipeline),
            cloudformation,
            account,
            glue.meta.region_name,
        )
    return pipeline_drift(glue, client(aws, "s3", endpoint_url), expected)


def _table(pipeline: str, env: str, differences: list[Difference]) -> Table:
    table = Table(title=f"{pipeline} (env {env}): {len(differences)} differences")
    for column in ("kind", "resource", "field", "expected", "deployed"):
        table.add_column(column, overflow="fold")
    for d in differences:
        table.add_row(d.kind, d.resource, d.field, _shown(d.expected), _shown(d.deployed))
    return table


def _shown(value: Any) -> str:
    if value is None:
        return "(absent)"
    if isinstance(value, dict | list):
        return json.dumps(value, default=str, sort_keys=True)
    return str(value)


def register(app: typer.Typer) -> None:
    app.command("drift")(drift)
