"""An imported pipeline (tests/cdk/specs/imported.yaml: the existing database, existing roles,
existing S3 locations, unmodeled properties) deploys offline, reads back as declared, and drift
compares it."""

import shutil
from pathlib import Path

import boto3
import pytest

from gluestack.local.cdk_out.deploy import DeployedApp, deploy_assembly, read_assembly
from gluestack.local.cdk_out.deploy.assembly import StackArtifact
from gluestack.local.cdk_out.deploy.existing_databases import STAND_IN_DESCRIPTION
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


def _synthesized(project_root: Path, env: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    pipelines = tmp_path_factory.mktemp("pipelines")
    shutil.copy(IMPORTED, pipelines / "imported.yaml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLUESTACK_PIPELINES", str(pipelines))
        return synthesize(project_root, env, tmp_path_factory.mktemp("imported") / "cdk.out")


@pytest.fixture(scope="module")
def imported_out(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _synthesized(project_root, "dev", tmp_path_factory)


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
    # `gluestack iam`: the catalog ARNs name the existing database as it is.
    catalog = {r for p in permissions for r in p.resources if ":database/" in r or ":table/" in r}
    assert {r.split(":", 5)[5] for r in catalog} == {
        "database/sales_raw",
        "table/sales_raw/*",
        "table/sales_raw/nightly",
    }
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


def test_the_existing_database_is_stood_in_for_and_the_crawlers_name_it_exactly(
    aws: boto3.Session, deployed: DeployedApp
) -> None:
    glue = aws.client("glue")
    database = glue.get_database(Name="sales_raw")["Database"]
    assert database["Description"] == STAND_IN_DESCRIPTION
    assert [d["Name"] for d in glue.get_databases()["DatabaseList"]] == ["sales_raw"]
    catalog = deployed.stacks["gluestack-dev-catalog"]
    # Stood in for, not created as the stack's: nothing that removes the stack removes it.
    assert catalog.stood_in == ["sales_raw"] and catalog.of_type("AWS::Glue::Database") == []
    for crawler in ("imported-dev-legacy", "imported-dev-owned"):
        assert glue.get_crawler(Name=crawler)["Crawler"]["DatabaseName"] == "sales_raw"


def test_an_existing_database_the_account_has_is_left_as_it_is(
    aws: boto3.Session, imported_out: Path
) -> None:
    glue = aws.client("glue")
    glue.create_database(DatabaseInput={"Name": "sales_raw", "Description": "the console's"})
    glue.create_table(DatabaseName="sales_raw", TableInput={"Name": "orders"})

    deployed = deploy_assembly(imported_out, aws)

    assert deployed.stacks["gluestack-dev-catalog"].stood_in == []
    assert glue.get_database(Name="sales_raw")["Database"]["Description"] == "the console's"
    assert [t["Name"] for t in glue.get_tables(DatabaseName="sales_raw")["TableList"]] == ["orders"]


def test_a_second_environment_deploys_beside_the_first_into_the_one_database(
    aws: boto3.Session,
    deployed: DeployedApp,
    project_root: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    prod = deploy_assembly(_synthesized(project_root, "prod", tmp_path_factory), aws)

    assert prod.stacks["gluestack-prod-catalog"].stood_in == []
    glue = aws.client("glue")
    assert [d["Name"] for d in glue.get_databases()["DatabaseList"]] == ["sales_raw"]
    assert glue.get_database(Name="sales_raw")["Database"]["Description"] == STAND_IN_DESCRIPTION
    assert glue.get_crawler(Name="imported-prod-legacy")["Crawler"]["DatabaseName"] == "sales_raw"
