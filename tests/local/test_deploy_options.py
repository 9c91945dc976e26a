"""Every kind of resource the spec options add deploys into moto and reads back as declared."""

import json
import shutil
from pathlib import Path

import boto3
import pytest

from gluestack.local.cdk_out.deploy import DeployedApp, deploy_assembly
from gluestack.local.cdk_out.synth import synthesize

SALES = Path(__file__).resolve().parents[1] / "cdk" / "specs" / "sales.yaml"


@pytest.fixture(scope="module")
def sales_out(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    pipelines = tmp_path_factory.mktemp("pipelines")
    shutil.copy(SALES, pipelines / "sales.yaml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLUESTACK_PIPELINES", str(pipelines))
        return synthesize(project_root, "prod", tmp_path_factory.mktemp("sales") / "cdk.out")


@pytest.fixture
def deployed(aws: boto3.Session, sales_out: Path) -> DeployedApp:
    return deploy_assembly(sales_out, aws)


def test_connection_and_catalog_encryption(aws: boto3.Session, deployed: DeployedApp) -> None:
    glue = aws.client("glue")
    connection = glue.get_connection(Name="sales-prod-crm")["Connection"]
    assert connection["ConnectionProperties"]["SECRET_ID"] == "crm/readonly"
    settings = glue.get_data_catalog_encryption_settings()["DataCatalogEncryptionSettings"]
    assert settings["EncryptionAtRest"]["CatalogEncryptionMode"] == "SSE-KMS"
    assert settings["ConnectionPasswordEncryption"]["ReturnConnectionPasswordEncrypted"] is True


def test_failures_reach_the_encrypted_topic(aws: boto3.Session, deployed: DeployedApp) -> None:
    sns, events = aws.client("sns"), aws.client("events")
    (topic,) = [t["TopicArn"] for t in sns.list_topics()["Topics"] if "alerts" in t["TopicArn"]]
    assert sns.get_topic_attributes(TopicArn=topic)["Attributes"]["KmsMasterKeyId"]
    rules = events.list_rules()["Rules"]
    job_rules = [r for r in rules if "Glue Job State Change" in r["EventPattern"]]
    (rule,) = job_rules
    assert json.loads(rule["EventPattern"])["detail"]["jobName"] == [
        "sales-prod-daily",
        "sales-prod-cleanup",
        "sales-prod-notify",
    ]
    (target,) = events.list_targets_by_rule(Rule=rule["Name"])["Targets"]
    assert target["Arn"] == topic
    (subscription,) = sns.list_subscriptions_by_topic(TopicArn=topic)["Subscriptions"]
    assert subscription["Endpoint"] == "data-team@example.com"


def test_alarms_and_dashboard(aws: boto3.Session, deployed: DeployedApp) -> None:
    cloudwatch = aws.client("cloudwatch")
    alarms = cloudwatch.describe_alarms()["MetricAlarms"]
    durations = {
        a["Dimensions"][0]["Value"]: a["Threshold"]
        for a in alarms
        if a["MetricName"] == "glue.driver.aggregate.elapsedTime"
    }
    assert durations == {"sales-prod-daily": 96 * 60_000.0, "sales-prod-cleanup": 5 * 60_000.0}
    names = [d["DashboardName"] for d in cloudwatch.list_dashboards()["DashboardEntries"]]
    assert "gluestack-sales-prod" in names


def test_scheduled_start_and_failure_branch(aws: boto3.Session, deployed: DeployedApp) -> None:
    glue = aws.client("glue")
    nightly = glue.get_trigger(Name="sales-prod-nightly")["Trigger"]
    assert (nightly["Type"], nightly["Schedule"]) == ("SCHEDULED", "cron(30 2 * * ? *)")
    failure = glue.get_trigger(Name="sales-prod-on_failure")["Trigger"]
    assert failure["Predicate"]["Logical"] == "ANY"
    assert glue.get_job(JobName="sales-prod-cleanup")["Job"]["ExecutionClass"] == "FLEX"


def test_a_python_shell_job_deploys_with_its_capacity_and_no_workers(
    aws: boto3.Session, deployed: DeployedApp
) -> None:
    job = aws.client("glue").get_job(JobName="sales-prod-notify")["Job"]
    assert (job["Command"]["Name"], job["Command"]["PythonVersion"]) == ("pythonshell", "3.9")
    assert job["MaxCapacity"] == 1 and "WorkerType" not in job
    assert job["DefaultArguments"]["library-set"] == "none"
