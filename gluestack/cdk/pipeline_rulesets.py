"""The pipeline's Glue Data Quality rulesets: its outputs' data_quality, and its table rulesets
(spec rulesets:), all on its database and named by one rule (PipelineNames.ruleset)."""

from typing import Protocol

import aws_cdk as cdk
from aws_cdk import aws_glue as glue
from constructs import Construct

from gluestack.cdk.constructs import GlueServiceRole
from gluestack.cdk.naming import PipelineNames, pascal
from gluestack.spec import PipelineSpec
from gluestack.spec.job import DataQualitySpec
from gluestack.spec.names import output_ruleset_key


class CheckedPipeline(Protocol):
    """What the rulesets of a pipeline are built from (a GluePipeline)."""

    spec: PipelineSpec
    names: PipelineNames
    database_name: str
    job_roles: dict[str, GlueServiceRole]


def checked_outputs(spec: PipelineSpec) -> list[tuple[str, str]]:
    """(job, table) of every output with a data quality ruleset."""
    return [
        (name, table)
        for name, job in spec.jobs.items()
        for table, output in job.outputs.items()
        if output.data_quality is not None
    ]


def output_quality(spec: PipelineSpec, job: str, table: str) -> DataQualitySpec:
    quality = spec.jobs[job].outputs[table].data_quality
    assert quality is not None
    return quality


def output_ruleset_name(names: PipelineNames, table: str) -> str:
    return names.ruleset(output_ruleset_key(table))


def add_rulesets(scope: Construct, pipeline: CheckedPipeline) -> None:
    """One DataQualityRuleset per checked output and per table ruleset, in scope."""
    stack = cdk.Stack.of(scope)
    database = glue.Database.from_database_arn(
        scope,
        "Database",
        stack.format_arn(service="glue", resource="database", resource_name=pipeline.database_name),
    )
    spec, names = pipeline.spec, pipeline.names
    for job, table in checked_outputs(spec):
        name = output_ruleset_name(names, table)
        rules = output_quality(spec, job, table).rules
        description = f"Data quality rules of {table}"
        _ruleset(scope, f"{pascal(table)}Quality", database, name, table, rules, description)
        # A ruleset evaluation run on the table assumes the role of the job writing it. An
        # existing role (job role:) is granted nothing: its own policies must allow these.
        role = pipeline.job_roles.get(job)
        if role is not None:
            arn = stack.format_arn(
                service="glue", resource="dataQualityRuleset", resource_name=name
            )
            role.allow(["glue:GetDataQualityRuleset", "glue:PublishDataQuality"], [arn])
    # An evaluation run of a table ruleset names its own role: nothing is granted here.
    for key, ruleset in spec.rulesets.items():
        name, table, rules = names.ruleset(key), ruleset.table, ruleset.rules
        _ruleset(scope, f"{pascal(key)}Ruleset", database, name, table, rules, ruleset.description)


def _ruleset(
    scope: Construct,
    construct_id: str,
    database: glue.IDatabase,
    name: str,
    table: str,
    rules: str,
    description: str,
) -> None:
    glue.DataQualityRuleset(
        scope,
        construct_id,
        ruleset_name=name,
        description=description or None,
        dqdl=glue.Dqdl.from_string(rules),
        target_table=glue.DataQualityTargetTable.from_table_name(database, table),
    )
