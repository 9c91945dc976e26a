"""Import round trip: the console estate imported, synthesized and deployed into a fresh moto
account, read back and compared with the source, resource by resource."""

import json
from collections.abc import Callable
from pathlib import Path

import boto3
import pytest
import yaml

from gluestack.adopt.round_trip import Difference, ImportMapping, compare, s3_scripts
from gluestack.local.cdk_out.deploy import deploy_assembly
from gluestack.local.cdk_out.synth import synthesize
from gluestack.ops.estate import GlueEstate, read_estate
from tests.adopt.console_estate import create_console_estate
from tests.cli.conftest import gluestack
from tests.project.project_copy import copy_project

ENV = "dev"
# The fresh account: moto keeps one set of backends per account id, and picks the account of a
# request by its access key (moto.core.responses.get_current_account, after MOTO_ACCOUNT_ID and
# the x-moto-account-id header). Credentials from AssumeRole into a role of another account id
# are that account's: its Glue, S3 and CloudFormation start empty, in the same region, within
# the same mock_aws as the source (MOTO_ACCOUNT_ID would switch every client at once).
TARGET_ACCOUNT = "210987654321"

Edit = Callable[[Path], None]


def fresh_account(aws: boto3.Session) -> boto3.Session:
    role = f"arn:aws:iam::{TARGET_ACCOUNT}:role/round-trip"
    sts = aws.client("sts")
    credentials = sts.assume_role(RoleArn=role, RoleSessionName="round-trip")["Credentials"]
    return boto3.Session(
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"],
        region_name=aws.region_name,
    )


def round_trip(
    aws: boto3.Session, project_root: Path, tmp_path: Path, edit: Edit | None = None
) -> tuple[list[Difference], ImportMapping]:
    """Import the console estate, deploy it into a fresh account and compare."""
    create_console_estate(aws)
    project = copy_project(project_root, tmp_path, {})
    specs = project / "imported"
    ran = gluestack("import", "--project", str(project), "--json", "--out", str(specs))
    assert ran.exit_code == 1, ran.output  # a connection's JDBC_ENFORCE_SSL, the ruleset's tags
    mapping = ImportMapping.from_report(json.loads(ran.stdout)["entries"], ENV)
    if edit is not None:
        edit(specs)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLUESTACK_PIPELINES", str(specs))
        cdk_out = synthesize(project, ENV, tmp_path / "cdk.out")
    target = fresh_account(aws)
    assert deploy_assembly(cdk_out, target).account == TARGET_ACCOUNT
    source, deployed = read_estate(aws.client("glue")), read_estate(target.client("glue"))
    assert set(deployed.jobs).isdisjoint(source.jobs)  # two accounts, not one
    differences = compare(
        source, deployed, mapping, s3_scripts(aws.client("s3")), s3_scripts(target.client("s3"))
    )
    return differences, mapping


def found(differences: list[Difference]) -> set[tuple[str, str, str, object, object]]:
    return {
        (d.kind, d.source_name, d.field, json.dumps(d.source), json.dumps(d.deployed))
        for d in differences
    }


def _metrics(job: str) -> tuple[str, str, str, object, object]:
    return ("job", job, "DefaultArguments[--enable-metrics]", '"true"', '""')


# What differs between the console estate and its deployed copy, each for a reason:
KNOWN_DIFFERENCES = {
    # gluestack's `metrics: true` deploys --enable-metrics as "" (Glue reads the key, not its
    # value); the console writes "true".
    _metrics("Inventory Load"),
    _metrics("sales_clean"),
    _metrics("sales_report"),
    # An active crawler schedule is imported with schedule_enabled_in left to the user (the
    # report's action): until it lists an environment, the deployed crawler has no schedule.
    ("crawler", "weblogs-crawler", "Schedule", '"cron(0 6 * * ? *)"', "null"),
    # So is an active scheduled trigger's enabled_in: it is deployed, not activated.
    ("trigger", "inventory-start", "State", '"ACTIVATED"', '"CREATED"'),
}


def test_the_imported_estate_deploys_as_its_source(
    aws: boto3.Session, project_root: Path, tmp_path: Path
) -> None:
    differences, mapping = round_trip(aws, project_root, tmp_path)

    assert sorted(mapping.imported("job")) == [
        "Inventory Load",
        "sales_audit",
        "sales_clean",
        "sales_report",
    ]
    assert sorted(mapping.imported("crawler")) == [
        "inventory-reference",
        "sales-raw-crawler",
        "weblogs-crawler",
    ]
    assert len(mapping.imported("trigger")) == 5
    # On a table of the existing database: its rules and table read back as the source's.
    assert mapping.imported("ruleset") == {"orders-quality": "sales-nightly-dev-orders-quality"}
    assert found(differences) == KNOWN_DIFFERENCES


def test_edited_properties_are_the_only_further_differences(
    aws: boto3.Session, project_root: Path, tmp_path: Path
) -> None:
    def more_workers_and_a_shorter_action_timeout(specs: Path) -> None:
        path = specs / "sales-nightly.yaml"
        spec = yaml.safe_load(path.read_text())
        spec["jobs"]["sales_report"]["number_of_workers"] = 6
        clean = spec["triggers"]["sales-after-crawl"]["actions"][0]
        assert clean["timeout_minutes"] == 600  # imported from the action's Timeout
        clean["timeout_minutes"] = 300
        path.write_text(yaml.safe_dump(spec, sort_keys=False))

    differences, _ = round_trip(
        aws, project_root, tmp_path, more_workers_and_a_shorter_action_timeout
    )

    (actions,) = [d for d in differences if d.field == "Actions"]
    assert (actions.kind, actions.source_name) == ("trigger", "sales-after-crawl")
    assert {a.get("Timeout") for a in actions.source} == {None, 600}
    assert {a.get("Timeout") for a in actions.deployed} == {None, 300}
    assert found(differences) - KNOWN_DIFFERENCES == {
        ("job", "sales_report", "NumberOfWorkers", "4", "6"),
        *found([actions]),
    }
    assert found(differences) >= KNOWN_DIFFERENCES


def test_a_database_deployed_per_environment_is_a_difference_of_every_crawler_and_ruleset(
    aws: boto3.Session, project_root: Path, tmp_path: Path
) -> None:
    """What the import did before existing_database: sales_dev beside the account's sales."""

    def created_per_environment(specs: Path) -> None:
        path = specs / "sales-nightly.yaml"
        spec = yaml.safe_load(path.read_text())
        del spec["existing_database"]
        path.write_text(yaml.safe_dump(spec, sort_keys=False))

    differences, _ = round_trip(aws, project_root, tmp_path, created_per_environment)

    assert found(differences) - KNOWN_DIFFERENCES == {
        ("crawler", "sales-raw-crawler", "DatabaseName", '"sales"', '"sales_dev"'),
        ("ruleset", "orders-quality", "TargetTable.DatabaseName", '"sales"', '"sales_dev"'),
    }


def test_an_empty_mapping_compares_nothing() -> None:
    assert compare(GlueEstate(), GlueEstate(), ImportMapping(), str, str) == []


def test_scripts_compare_by_content_and_replaced_arguments_are_skipped() -> None:
    entries = [
        {"outcome": "imported", "kind": "job", "aws_name": "load", "pipeline": "p",
         "field": "jobs.load"},
        {"outcome": "replaced", "kind": "job", "aws_name": "load", "pipeline": "p",
         "field": "jobs.load", "setting": "--TempDir"},
    ]  # fmt: skip
    mapping = ImportMapping.from_report(entries, ENV)
    command = {"Name": "glueetl", "ScriptLocation": "s3://a/load.py"}
    source = GlueEstate(
        jobs={"load": {"Command": command, "DefaultArguments": {"--TempDir": "s3://a/t/"}}}
    )
    moved = {**command, "ScriptLocation": "s3://b/asset.py"}
    deployed = GlueEstate(jobs={"p-dev-load": {"Command": moved, "DefaultArguments": {"--x": "1"}}})
    scripts = {"s3://a/load.py": "print(1)\n", "s3://b/asset.py": "print(2)\n"}

    assert mapping.imported("job") == {"load": "p-dev-load"}
    assert compare(source, deployed, mapping, scripts.get, scripts.get) == [
        Difference("job", "load", "Command.Script", "print(1)\n", "print(2)\n")
    ]
    unreadable = compare(source, deployed, mapping, lambda _: None, lambda _: None)
    assert [d.field for d in unreadable] == ["Command.Script"]
