"""`gluestack workflow run`, `status` and `trigger ...` name a pipeline, not its deployed names."""

import json

import boto3

from gluestack.local.cdk_out.deploy import DeployedApp
from tests.cli.conftest import gluestack


def test_workflow_run_passes_run_properties_to_the_run(
    deployed: DeployedApp, aws: boto3.Session
) -> None:
    started = gluestack("workflow", "run", "flights", "--property", "day=2013-01-01", "--no-wait")
    assert started.exit_code == 0, started.output
    properties = aws.client("glue").get_workflow_run_properties(
        Name="flights-dev", RunId=started.output.strip()
    )["RunProperties"]
    assert properties["day"] == "2013-01-01"


def test_a_workflow_run_past_its_deadline_exits_3(deployed: DeployedApp) -> None:
    # moto's workflow runs never leave RUNNING, so any wait ends at its deadline.
    waited = gluestack("workflow", "run", "flights", "--deadline", "0")
    assert waited.exit_code == 3
    assert "Glue workflow run 'flights-dev/" in waited.output
    assert "was still RUNNING" in waited.output


def test_an_undeployed_pipeline_is_named_in_the_error(deployed: DeployedApp) -> None:
    for command in (("workflow", "run"), ("status",), ("trigger", "list")):
        ran = gluestack(*command, "nope")
        assert ran.exit_code == 1
        assert "pipeline 'nope' (env dev): stack 'gluestack-dev-pipeline-nope'" in ran.output


def test_status_shows_each_resource_and_its_last_run(deployed: DeployedApp) -> None:
    assert gluestack("job", "run", "flights-dev-clean").exit_code == 0
    report = json.loads(gluestack("status", "flights", "--json").output)
    assert [(j["name"], j["last_state"]) for j in report["jobs"]] == [
        ("clean", "SUCCEEDED"),
        ("features", "never run"),
    ]
    assert [(c["deployed_name"], c["last_crawl"]) for c in report["crawlers"]] == [
        ("flights-dev-raw", "never run"),
        ("flights-dev-reference", "never run"),
        ("flights-dev-curated", "never run"),
    ]
    assert {t["name"] for t in report["triggers"]} == {
        "flights-dev-start",
        "flights-dev-after_raw_crawl",
        "flights-dev-after_clean",
        "flights-dev-after_features",
    }
    table = gluestack("status", "flights").output
    assert (
        "flights-dev-raw SUCCEEDED AND flights-dev-reference SUCCEEDED -> flights-dev-clean"
        in table
    )


def test_triggers_are_listed_with_conditions_and_can_be_stopped_and_started(
    deployed: DeployedApp, aws: boto3.Session
) -> None:
    triggers = json.loads(gluestack("trigger", "list", "flights", "--json").output)
    conditional = next(t for t in triggers if t["name"] == "flights-dev-after_raw_crawl")
    assert conditional["conditions"] == [
        "flights-dev-raw SUCCEEDED",
        "flights-dev-reference SUCCEEDED",
    ]
    assert conditional["actions"] == ["flights-dev-clean"]
    glue = aws.client("glue")
    assert gluestack("trigger", "stop", "flights", "after_raw_crawl").exit_code == 0
    assert glue.get_trigger(Name=conditional["name"])["Trigger"]["State"] == "DEACTIVATED"
    assert gluestack("trigger", "start", "flights", "after_raw_crawl").exit_code == 0
    assert glue.get_trigger(Name=conditional["name"])["Trigger"]["State"] == "ACTIVATED"
