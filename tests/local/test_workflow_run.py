"""A local workflow run ends in moto as in Glue: COMPLETED, with every node's state in its graph."""

import json

import boto3
import pytest
from typer.testing import CliRunner

from gluestack.cli import app
from gluestack.local.deploy import DeployedApp
from gluestack.local.trigger_chain import Node
from gluestack.local.workflow_run import NodeRunner, run_workflow_locally
from gluestack.ops import client, pipeline_manifest
from gluestack.ops.stacks import PipelineManifest


@pytest.fixture
def manifest(aws: boto3.Session, deployed_app: DeployedApp) -> PipelineManifest:
    return pipeline_manifest(client(aws, "cloudformation"), "gluestack-dev-pipeline-flights")


def runner(states: dict[str, str]) -> tuple[list[Node], NodeRunner]:
    ran: list[Node] = []

    def run(node: Node) -> tuple[str, str]:
        ran.append(node)
        state = states[node.name]
        return state, "" if state == "SUCCEEDED" else f"{node.name} broke"

    return ran, run


def test_the_run_keeps_its_properties_and_reports_each_node(
    aws: boto3.Session, deployed_app: DeployedApp, manifest: PipelineManifest
) -> None:
    chain = ["flights-dev-raw", "flights-dev-clean", "flights-dev-features", "flights-dev-curated"]
    ran, run = runner(dict.fromkeys(chain, "SUCCEEDED"))
    local = run_workflow_locally(aws, deployed_app.account, manifest, run, {"day": "2013-01-01"})
    assert [node.name for node in ran] == chain
    assert local.succeeded
    assert local.result.status == "COMPLETED"
    assert local.result.properties["day"] == "2013-01-01"
    assert [(n.kind, n.name, n.state) for n in local.result.nodes] == [
        ("CRAWLER", "flights-dev-raw", "SUCCEEDED"),
        ("JOB", "flights-dev-clean", "SUCCEEDED"),
        ("JOB", "flights-dev-features", "SUCCEEDED"),
        ("CRAWLER", "flights-dev-curated", "SUCCEEDED"),
    ]
    stats = aws.client("glue").get_workflow_run(Name="flights-dev", RunId=local.result.run_id)
    assert stats["Run"]["Statistics"]["SucceededActions"] == 4


def test_a_failed_node_is_reported_and_later_nodes_do_not_run(
    aws: boto3.Session, deployed_app: DeployedApp, manifest: PipelineManifest
) -> None:
    ran, run = runner({"flights-dev-raw": "FAILED"})
    local = run_workflow_locally(aws, deployed_app.account, manifest, run)
    assert [node.name for node in ran] == ["flights-dev-raw"]
    assert not local.succeeded
    failed = [(n.name, n.state, n.error_message) for n in local.result.nodes if n.failed]
    assert failed == [("flights-dev-raw", "FAILED", "flights-dev-raw broke")]
    status = CliRunner().invoke(app, ["status", "flights", "--json", "--region", "us-east-1"])
    assert json.loads(status.output)["last_workflow_run"] == "COMPLETED"
