"""An imported pipeline (specs/imported.yaml): existing roles are used as they are, existing S3
locations are crawled with read-only grants, unmodeled properties reach the template verbatim."""

import json
from pathlib import Path
from typing import Any

import aws_cdk as cdk
import pytest
from aws_cdk.assertions import Template

from gluestack.cdk.app_builder import GluestackApp, build_app
from gluestack.cdk.environment import environment_from_context
from gluestack.spec import load
from gluestack.spec.manifest import EXISTING_DATABASES_METADATA, MANIFEST_OUTPUT
from tests.cdk.conftest import PROJECT_ROOT, context

IMPORTED = Path(__file__).parent / "specs" / "imported.yaml"
JOB_ROLE = "arn:aws:iam::111122223333:role/legacy-etl"
CRAWLER_ROLE = "arn:aws:iam::111122223333:role/service-role/AWSGlueServiceRole-legacy"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> GluestackApp:
    app = cdk.App(context=context("dev"), outdir=str(tmp_path_factory.mktemp("imported")))
    spec = load(IMPORTED, PROJECT_ROOT, ["dev", "prod"])
    return build_app(app, [spec], environment_from_context(app), PROJECT_ROOT)


@pytest.fixture(scope="module")
def template(built: GluestackApp) -> Template:
    return Template.from_stack(built.pipelines["imported"])


def _named(template: Template, resource_type: str, name: str) -> dict[str, Any]:
    for resource in template.find_resources(resource_type).values():
        props: dict[str, Any] = resource["Properties"]
        if props.get("Name") == name:
            return props
    raise AssertionError(f"no {resource_type} named {name}")


def _statements(template: Template, role_prefix: str) -> list[dict[str, Any]]:
    return [
        statement
        for policy in template.find_resources("AWS::IAM::Policy").values()
        if any(r["Ref"].startswith(role_prefix) for r in policy["Properties"]["Roles"])
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]
    ]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_an_existing_job_role_is_the_jobs_role_and_gets_no_role_or_grant(
    template: Template,
) -> None:
    assert _named(template, "AWS::Glue::Job", "imported-dev-nightly")["Role"] == JOB_ROLE
    roles = template.find_resources("AWS::IAM::Role")
    assert not [logical for logical in roles if logical.startswith("NightlyJobRole")]
    assert any(logical.startswith("GeneratedJobRole") for logical in roles)
    # Its output has a data quality ruleset, whose grant an existing role cannot be given.
    assert template.find_resources("AWS::Glue::DataQualityRuleset")
    policies = json.dumps(template.find_resources("AWS::IAM::Policy"))
    assert "glue:GetDataQualityRuleset" not in policies
    assert JOB_ROLE not in policies


def test_an_existing_crawler_role_is_used_as_it_is(template: Template) -> None:
    owned = _named(template, "AWS::Glue::Crawler", "imported-dev-owned")
    assert owned["Role"] == CRAWLER_ROLE
    assert [t["Path"] for t in owned["Targets"]["S3Targets"]][1:] == [
        "s3://acme-legacy-data/exports/customers/"
    ]
    roles = template.find_resources("AWS::IAM::Role")
    assert not [logical for logical in roles if logical.startswith("OwnedCrawlerRole")]


def test_existing_s3_locations_are_targets_with_a_read_only_grant(template: Template) -> None:
    legacy = _named(template, "AWS::Glue::Crawler", "imported-dev-legacy")
    assert legacy["Targets"]["S3Targets"] == [
        {
            "Path": "s3://acme-legacy-data/exports/orders/",
            "Exclusions": ["**.tmp"],
            "SampleSize": 5,
        },
        {"Path": "s3://acme-archive", "Exclusions": ["**.tmp"], "SampleSize": 5},
    ]
    statements = _statements(template, "LegacyCrawlerRole")
    s3 = [s for s in statements if any(a.startswith("s3:") for a in _as_list(s["Action"]))]
    actions = {a for s in s3 for a in _as_list(s["Action"])}
    assert actions == {"s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"}
    reads = json.dumps([s["Resource"] for s in s3 if s["Action"] == "s3:GetObject"])
    assert "acme-legacy-data/exports/orders/*" in reads and "acme-archive/*" in reads
    listing = [s for s in s3 if "s3:ListBucket" in _as_list(s["Action"]) and "Condition" in s]
    assert [s["Condition"] for s in listing] == [
        {"StringLike": {"s3:prefix": ["exports/orders", "exports/orders/*"]}}
    ]
    # Tables of an existing location are named after its folders at crawl time.
    catalog = json.dumps([s for s in statements if "glue:CreateTable" in s["Action"]])
    assert ":table/sales_raw/*" in catalog


def test_unmodeled_properties_are_on_the_resources_verbatim(template: Template) -> None:
    job = _named(template, "AWS::Glue::Job", "imported-dev-nightly")
    assert job["NotificationProperty"] == {"NotifyDelayAfter": 15}
    assert job["NonOverridableArguments"] == {"--region_code": "eu"}
    assert job["LogUri"] == "s3://acme-legacy-logs/glue/"
    assert "--region_code" not in job["DefaultArguments"]
    assert _named(template, "AWS::Glue::Crawler", "imported-dev-owned")["Classifiers"] == [
        "legacy-csv"
    ]
    generated = _named(template, "AWS::Glue::Job", "imported-dev-generated")
    assert "NotificationProperty" not in generated and "LogUri" not in generated


def test_the_existing_database_is_not_created_and_no_stack_deletion_can_delete_it(
    built: GluestackApp,
) -> None:
    catalog = Template.from_stack(built.catalog)
    catalog.resource_count_is("AWS::Glue::Database", 0)
    assert catalog.to_json()["Metadata"][EXISTING_DATABASES_METADATA] == ["sales_raw"]
    assert built.catalog.databases["sales_raw"].deployed_name == "sales_raw"


def test_crawlers_jobs_grants_and_rulesets_name_the_existing_database_exactly(
    template: Template,
) -> None:
    crawlers = template.find_resources("AWS::Glue::Crawler").values()
    assert {c["Properties"]["DatabaseName"] for c in crawlers} == {"sales_raw"}
    generated = _named(template, "AWS::Glue::Job", "imported-dev-generated")
    assert generated["DefaultArguments"]["--database"] == "sales_raw"
    rulesets = template.find_resources("AWS::Glue::DataQualityRuleset").values()
    assert {r["Properties"]["TargetTable"]["DatabaseName"] for r in rulesets} == {"sales_raw"}
    catalog_arns = [
        json.dumps(resource)
        for statement in _statements(template, "")
        if any(a.startswith("glue:") for a in _as_list(statement["Action"]))
        for resource in _as_list(statement["Resource"])
        if ":database/" in json.dumps(resource) or ":table/" in json.dumps(resource)
    ]
    assert catalog_arns
    assert all(':database/sales_raw"' in a or ":table/sales_raw/" in a for a in catalog_arns)
    [manifest] = [v for k, v in template.to_json()["Outputs"].items() if MANIFEST_OUTPUT in k]
    assert json.loads(manifest["Value"])["database"] == "sales_raw"


def test_a_table_ruleset_deploys_on_its_table_under_the_pipelines_prefix_with_no_grant(
    template: Template,
) -> None:
    ruleset = _named(template, "AWS::Glue::DataQualityRuleset", "imported-dev-orders-checks")
    assert ruleset["TargetTable"] == {"DatabaseName": "sales_raw", "TableName": "orders"}
    assert ruleset["Ruleset"] == 'Rules = [ RowCount > 0, IsComplete "id" ]'
    assert ruleset["Description"] == "The exported orders."
    # An output's ruleset is named by the same rule: the prefix and its key.
    _named(template, "AWS::Glue::DataQualityRuleset", "imported-dev-nightly-quality")
    policies = json.dumps(template.find_resources("AWS::IAM::Policy"))
    assert "imported-dev-orders-checks" not in policies
    [manifest] = [v for k, v in template.to_json()["Outputs"].items() if MANIFEST_OUTPUT in k]
    assert json.loads(manifest["Value"])["table_rulesets"] == {
        "orders-checks": {"ruleset": "imported-dev-orders-checks", "table": "orders"}
    }
