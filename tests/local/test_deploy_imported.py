"""An imported pipeline (tests/cdk/specs/imported.yaml: existing roles, existing S3 locations,
unmodeled properties) deploys offline, reads back as declared, and drift compares it."""

import shutil
from pathlib import Path

import boto3
import pytest

from gluestack.local.cdk_out.deploy import DeployedApp, deploy_assembly, read_assembly
from gluestack.local.cdk_out.deploy.assembly import StackArtifact
from gluestack.local.cdk_out.deploy.handlers.base import ResourceRequest
from gluestack.local.cdk_out.deploy.handlers.glue import create_crawler
from gluestack.local.cdk_out.drift_expectations import expected_pipeline
from gluestack.local.cdk_out.iam_report import existing_roles, pipeline_permissions
from gluestack.local.cdk_out.synth import synthesize
from gluestack.local.crawl import emulate_crawl
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.ops.drift import pipeline_drift

IMPORTED = Path(__file__).resolve().parents[1] / "cdk" / "specs" / "imported.yaml"
STACK = "gluestack-dev-pipeline-imported"
JOB_ROLE = "arn:aws:iam::111122223333:role/legacy-etl"
CRAWLER_ROLE = "arn:aws:iam::111122223333:role/service-role/AWSGlueServiceRole-legacy"


@pytest.fixture(scope="module")
def imported_out(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    pipelines = tmp_path_factory.mktemp("pipelines")
    shutil.copy(IMPORTED, pipelines / "imported.yaml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLUESTACK_PIPELINES", str(pipelines))
        return synthesize(project_root, "dev", tmp_path_factory.mktemp("imported") / "cdk.out")


@pytest.fixture
def deployed(aws: boto3.Session, imported_out: Path) -> DeployedApp:
    return deploy_assembly(imported_out, aws)


def _stack(cdk_out: Path) -> StackArtifact:
    return next(s for s in read_assembly(cdk_out) if s.name == STACK)


def test_unmodeled_job_properties_and_the_existing_role_read_back(
    aws: boto3.Session, deployed: DeployedApp
) -> None:
    job = aws.client("glue").get_job(JobName="imported-dev-nightly")["Job"]
    assert job["Role"] == JOB_ROLE
    assert job["NotificationProperty"] == {"NotifyDelayAfter": 15}
    assert job["NonOverridableArguments"] == {"--region_code": "eu"}
    assert job["LogUri"] == "s3://acme-legacy-logs/glue/"


def test_crawlers_read_back_with_their_locations_role_and_classifiers(
    aws: boto3.Session, deployed: DeployedApp
) -> None:
    glue = aws.client("glue")
    legacy = glue.get_crawler(Name="imported-dev-legacy")["Crawler"]
    assert [t["Path"] for t in legacy["Targets"]["S3Targets"]] == [
        "s3://acme-legacy-data/exports/orders/",
        "s3://acme-archive",
    ]
    assert legacy["Targets"]["S3Targets"][0]["SampleSize"] == 5
    owned = glue.get_crawler(Name="imported-dev-owned")["Crawler"]
    assert (owned["Role"], owned["Classifiers"]) == (CRAWLER_ROLE, ["legacy-csv"])


def test_drift_compares_unmodeled_properties(
    aws: boto3.Session, imported_out: Path, deployed: DeployedApp
) -> None:
    def drift() -> list[tuple[str, str]]:
        expected = expected_pipeline(
            imported_out, STACK, "imported-dev-", aws.client("cloudformation"),
            deployed.account, "us-east-1",
        )  # fmt: skip
        differences = pipeline_drift(aws.client("glue"), aws.client("s3"), expected)
        return [(d.resource, d.field) for d in differences]

    assert drift() == []
    glue = aws.client("glue")
    job = glue.get_job(JobName="imported-dev-nightly")["Job"]
    update = {k: job[k] for k in ("Role", "Command", "DefaultArguments", "LogUri")}
    glue.update_job(
        JobName="imported-dev-nightly",
        JobUpdate={**update, "NotificationProperty": {"NotifyDelayAfter": 60}},  # type: ignore[typeddict-item]
    )
    assert ("job imported-dev-nightly", "NotificationProperty") in drift()
    assert ("job imported-dev-nightly", "NonOverridableArguments[--region_code]") in drift()


def test_the_iam_report_states_existing_roles_and_location_grants(imported_out: Path) -> None:
    stack = _stack(imported_out)
    assert [(e.principal, e.statement) for e in existing_roles(stack, "imported", "dev")] == [
        ("crawler owned", f"existing role {CRAWLER_ROLE}: its own policies apply"),
        ("job nightly", f"existing role {JOB_ROLE}: its own policies apply"),
    ]
    permissions = pipeline_permissions(stack, "imported", "dev")
    assert {p.principal for p in permissions} == {"crawler legacy", "job generated"}
    reads = [
        p for p in permissions if p.principal == "crawler legacy" and "s3:GetObject" in p.actions
    ]
    assert {r for p in reads for r in p.resources} == {
        "arn:aws:s3:::acme-legacy-data/exports/orders/*",
        "arn:aws:s3:::acme-legacy-data/exports/orders_$folder$",
        "arn:aws:s3:::acme-archive/*",
    }
    assert not [p for p in reads if {"s3:PutObject", "s3:DeleteObject"} & set(p.actions)]
    listing = [p for p in permissions if "s3:ListBucket" in p.actions and "acme" in p.resources[0]]
    assert {(p.resources, p.condition) for p in listing} == {
        (
            ("arn:aws:s3:::acme-legacy-data",),
            "StringLike s3:prefix exports/orders, exports/orders/*",
        ),
        (("arn:aws:s3:::acme-archive",), ""),
    }


def test_the_offline_deploy_refuses_what_moto_would_drop(aws: boto3.Session) -> None:
    """moto 5.2's CreateCrawler takes LakeFormationConfiguration and keeps nothing of it."""
    request = ResourceRequest(
        stack=STACK, logical_id="Crawler", type="AWS::Glue::Crawler",
        properties={
            "Name": "c", "Role": CRAWLER_ROLE, "DatabaseName": "d",
            "Targets": {"S3Targets": [{"Path": "s3://acme-archive"}]},
            "LakeFormationConfiguration": {"UseLakeFormationCredentials": True},
        },
        session=aws, endpoint_url=None, account="123456789012", region="us-east-1",
    )  # fmt: skip
    with pytest.raises(ValueError, match="LakeFormationConfiguration: the offline Glue"):
        create_crawler(request)
    assert aws.client("glue").get_crawlers()["Crawlers"] == []


def test_an_offline_crawl_refuses_custom_classifiers(
    aws: boto3.Session, deployed: DeployedApp
) -> None:
    glue = aws.client("glue")
    with pytest.raises(UnsupportedGlueFeature, match="crawler classifiers legacy-csv"):
        emulate_crawl(glue, None, None, "imported-dev-owned")  # type: ignore[arg-type]
