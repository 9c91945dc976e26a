"""pipeline_drift compares API-shaped expectations with what Glue reports, field by field."""

from typing import Any

import boto3

from gluestack.ops.drift import Difference, ExpectedPipeline, Unresolved, pipeline_drift

NIGHTLY = {
    "Type": "SCHEDULED",
    "Schedule": "cron(30 2 * * ? *)",
    "Actions": [{"JobName": "p-dev-load"}, {"JobName": "p-dev-clean"}],
    "StartOnCreation": True,
}
AFTER_LOAD = {
    "Type": "CONDITIONAL",
    "Predicate": {
        "Logical": "AND",
        "Conditions": [
            {"LogicalOperator": "EQUALS", "JobName": "p-dev-load", "State": "SUCCEEDED"},
            {"LogicalOperator": "EQUALS", "JobName": "p-dev-clean", "State": "SUCCEEDED"},
        ],
    },
    "Actions": [{"JobName": "p-dev-report"}],
}
JOB = {
    "Role": "arn:aws:iam::123456789012:role/glue",
    "Command": {"Name": "glueetl", "ScriptLocation": "s3://scripts/load.py"},
    "GlueVersion": "5.0",
    "WorkerType": "G.1X",
    "NumberOfWorkers": 2,
}


def drift(aws: boto3.Session, **expected: Any) -> list[Difference]:
    pipeline = ExpectedPipeline(resource_prefix="p-dev-", **expected)
    return pipeline_drift(aws.client("glue"), aws.client("s3"), pipeline)


def test_a_schedule_changed_by_update_trigger_is_named(aws: boto3.Session) -> None:
    glue = aws.client("glue")
    glue.create_trigger(Name="p-dev-nightly", **NIGHTLY)
    # Actions listed in the other order are the same actions.
    expected = {**NIGHTLY, "Actions": list(reversed(NIGHTLY["Actions"]))}
    assert drift(aws, triggers={"p-dev-nightly": expected}) == []

    # TriggerUpdate overwrites the trigger's definition completely, so the actions come too
    # (https://docs.aws.amazon.com/glue/latest/webapi/API_TriggerUpdate.html).
    glue.update_trigger(
        Name="p-dev-nightly",
        TriggerUpdate={"Schedule": "cron(0 5 * * ? *)", "Actions": NIGHTLY["Actions"]},
    )
    assert drift(aws, triggers={"p-dev-nightly": expected}) == [
        Difference(
            "changed",
            "trigger p-dev-nightly",
            "Schedule",
            "cron(30 2 * * ? *)",
            "cron(0 5 * * ? *)",
        )
    ]


def test_conditions_compare_in_any_order_and_logical_by_value(aws: boto3.Session) -> None:
    glue = aws.client("glue")
    glue.create_trigger(Name="p-dev-after_load", **AFTER_LOAD)
    predicate = AFTER_LOAD["Predicate"]
    reordered = {**predicate, "Conditions": list(reversed(predicate["Conditions"]))}
    assert drift(aws, triggers={"p-dev-after_load": {**AFTER_LOAD, "Predicate": reordered}}) == []

    changed = drift(
        aws,
        triggers={"p-dev-after_load": {**AFTER_LOAD, "Predicate": {**reordered, "Logical": "ANY"}}},
    )
    assert [(d.field, d.expected, d.deployed) for d in changed] == [
        ("Predicate.Logical", "ANY", "AND")
    ]


def test_an_unresolved_value_is_not_compared_never_equal(aws: boto3.Session) -> None:
    aws.client("glue").create_job(Name="p-dev-load", **JOB)
    role = Unresolved("Fn::GetAtt LoadRole.Arn is not available")
    assert drift(aws, jobs={"p-dev-load": {**JOB, "Role": role}}) == [
        Difference(
            "not compared",
            "job p-dev-load",
            "Role",
            "not compared: Fn::GetAtt LoadRole.Arn is not available",
            JOB["Role"],
        )
    ]


def test_fields_the_spec_leaves_out_compare_with_glues_defaults(aws: boto3.Session) -> None:
    aws.client("glue").create_job(Name="p-dev-load", **JOB, Timeout=60, ExecutionClass="FLEX")
    assert [(d.field, d.expected, d.deployed) for d in drift(aws, jobs={"p-dev-load": JOB})] == [
        ("Timeout", 2880, 60),
        ("ExecutionClass", "STANDARD", "FLEX"),
    ]


def test_a_missing_workflow_and_an_unexpected_trigger(aws: boto3.Session) -> None:
    glue = aws.client("glue")
    glue.create_trigger(Name="p-dev-by_hand", Type="ON_DEMAND", Actions=[{"JobName": "x"}])
    glue.create_trigger(Name="other-dev-start", Type="ON_DEMAND", Actions=[{"JobName": "x"}])
    assert drift(aws, workflows={"p-dev": {"MaxConcurrentRuns": 1}}) == [
        Difference("not in the spec", "trigger p-dev-by_hand", "", None, "deployed"),
        Difference("missing", "workflow p-dev", "", "in the spec", None),
    ]
