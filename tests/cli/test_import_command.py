"""`gluestack import`: an estate made with boto3 as the console makes it, imported into tmp_path
and loaded back with the real spec loader."""

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
import yaml
from botocore.exceptions import ClientError
from typer.testing import Result

from gluestack.spec.loader import load
from tests.adopt.console_estate import ASSETS, create_console_estate, create_spark_job
from tests.cli.conftest import gluestack


def imported(project: Path, *options: str) -> Result:
    return gluestack("import", "--project", str(project), "--json", *options)


def report(result: Result) -> dict[str, Any]:
    return json.loads(result.stdout)


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_the_console_estate_is_written_and_loads(aws: boto3.Session, tmp_path: Path) -> None:
    create_console_estate(aws)

    ran = imported(tmp_path)

    assert ran.exit_code == 1, ran.output  # a connection's JDBC_ENFORCE_SSL, the ruleset's tags
    assert files_under(tmp_path) == [
        "glue_scripts/imported/inventory-load.py",
        "glue_scripts/imported/sales_audit.py",
        "glue_scripts/imported/sales_clean.py",
        "glue_scripts/imported/sales_report.py",
        "pipelines/inventory-hourly.yaml",
        "pipelines/sales-nightly.yaml",
        "pipelines/weblogs-crawler.yaml",
    ]
    specs = {path.stem: load(path, tmp_path) for path in (tmp_path / "pipelines").glob("*.yaml")}
    sales = specs["sales-nightly"]
    # The account has the database the crawlers write and the scripts read: referred to as it is.
    assert (sales.database, sales.existing_database) == ("sales", True)
    assert sales.jobs["sales_clean"].bookmarks == "enable"
    assert sales.jobs["sales_clean"].python_modules == ["pyarrow==14.0.1", "great_expectations"]
    assert sales.triggers["sales-any-done"].match == "any"
    assert [c.job for c in sales.triggers["sales-any-done"].conditions] == [
        "sales_clean",
        "sales_report",
    ]
    assert specs["weblogs-crawler"].crawlers["weblogs-crawler"].schedule == "cron(0 6 * * ? *)"
    script = tmp_path / "glue_scripts/imported/sales_clean.py"
    assert script.read_text() == "# the sales_clean job\nprint('sales_clean')\n"
    text = (tmp_path / "pipelines/sales-nightly.yaml").read_text()
    assert text.startswith("# Imported by `gluestack import` from AWS Glue (account 123456789012")
    assert "database: sales\nexisting_database: true\n" in text
    assert "hunter2" not in text
    entries = report(ran)["entries"]
    rulesets = [(e["outcome"], e["setting"]) for e in entries if e["kind"] == "ruleset"]
    # GetTags reads a ruleset's tags; the spec's are the whole pipeline's.
    assert sorted(rulesets) == [("imported", ""), ("not_imported", "Tags")]
    assert sales.rulesets["orders-quality"].table == "orders"
    assert sales.rulesets["orders-quality"].description == "Every crawled order has an id."
    assert sorted(report(ran)["written"]) == files_under(tmp_path)


def test_a_missing_script_is_reported_and_the_rest_written(
    aws: boto3.Session, tmp_path: Path
) -> None:
    aws.client("s3").create_bucket(Bucket=ASSETS)
    create_spark_job(aws, "present")
    create_spark_job(aws, "absent", script=False)

    ran = imported(tmp_path)

    assert ran.exit_code == 1, ran.output
    [missing] = [e for e in report(ran)["entries"] if e["outcome"] == "missing_script"]
    assert missing["aws_name"] == "absent"
    assert missing["value"] == f"s3://{ASSETS}/scripts/absent.py"
    assert "NoSuchKey" in missing["detail"]
    assert (tmp_path / "glue_scripts/imported/present.py").read_text().startswith("# the present")
    stub = (tmp_path / "glue_scripts/imported/absent.py").read_text()
    assert "could not read" in stub and "SystemExit" in stub
    assert load(tmp_path / "pipelines/absent.yaml", tmp_path).jobs["absent"]
    assert load(tmp_path / "pipelines/present.yaml", tmp_path).jobs["present"]


def test_an_estate_imported_whole_exits_0(aws: boto3.Session, tmp_path: Path) -> None:
    aws.client("s3").create_bucket(Bucket=ASSETS)
    create_spark_job(aws, "nightly", arguments={"--job-bookmark-option": "job-bookmark-pause"})

    ran = imported(tmp_path, "--out", str(tmp_path / "specs"))

    assert ran.exit_code == 0, ran.output
    spec = yaml.safe_load((tmp_path / "specs/nightly.yaml").read_text())
    assert spec["jobs"]["nightly"]["bookmarks"] == "pause"
    assert load(tmp_path / "specs/nightly.yaml", tmp_path).name == "nightly"


def test_usage_errors_write_nothing(aws: boto3.Session, tmp_path: Path) -> None:
    create_console_estate(aws)

    malformed = imported(tmp_path, "--secret", "reference-postgres")
    unknown = imported(tmp_path, "--workflow", "no-such-workflow")

    assert malformed.exit_code == 2 and "NAME=VALUE" in malformed.stderr
    assert unknown.exit_code == 2 and "no-such-workflow" in unknown.stderr
    assert files_under(tmp_path) == []


def test_a_failed_read_writes_nothing(
    aws: boto3.Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_console_estate(aws)

    def refused(s3: object, location: str) -> None:
        raise ClientError({"Error": {"Code": "InternalError", "Message": "try later"}}, "GetObject")

    monkeypatch.setattr("gluestack.adopt.scripts.read_script", refused)
    ran = imported(tmp_path)

    assert ran.exit_code == 1 and "InternalError" in ran.stderr
    assert files_under(tmp_path) == []


def test_existing_specs_are_kept_unless_forced(aws: boto3.Session, tmp_path: Path) -> None:
    aws.client("s3").create_bucket(Bucket=ASSETS)
    create_spark_job(aws, "nightly")
    (tmp_path / "pipelines").mkdir()
    (tmp_path / "pipelines/nightly.yaml").write_text("# mine\n")

    refused = imported(tmp_path)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert files_under(tmp_path) == ["pipelines/nightly.yaml"]  # not even the script

    forced = imported(tmp_path, "--force")
    assert forced.exit_code == 0, forced.output
    assert load(tmp_path / "pipelines/nightly.yaml", tmp_path).name == "nightly"


def test_a_workflow_is_imported_alone(aws: boto3.Session, tmp_path: Path) -> None:
    create_console_estate(aws)

    ran = imported(tmp_path, "--workflow", "inventory-hourly", "--secret",
                   "reference-postgres=prod/reference")  # fmt: skip

    assert ran.exit_code == 1, ran.output  # JDBC_ENFORCE_SSL has no place in the spec
    assert files_under(tmp_path / "pipelines") == ["inventory-hourly.yaml"]
    spec = load(tmp_path / "pipelines/inventory-hourly.yaml", tmp_path)
    assert spec.connections["reference-postgres"].secret == "prod/reference"


def test_the_table_lists_what_was_done(aws: boto3.Session, tmp_path: Path) -> None:
    aws.client("s3").create_bucket(Bucket=ASSETS)
    create_spark_job(aws, "nightly", arguments={"--source": "s3://acme/in/"})

    ran = gluestack("import", "--project", str(tmp_path))

    assert ran.exit_code == 0, ran.output
    assert "wrote pipelines/nightly.yaml" in ran.stdout
    for shown in ("kept", "arguments.source", "replaced", "--TempDir", "imported"):
        assert shown in ran.stdout


def test_150_jobs_are_imported_across_pages(aws: boto3.Session, tmp_path: Path) -> None:
    aws.client("s3").create_bucket(Bucket=ASSETS)
    for number in range(150):
        create_spark_job(aws, f"job-{number:03d}")

    ran = imported(tmp_path)

    assert ran.exit_code == 0, ran.output
    assert len(list((tmp_path / "pipelines").glob("*.yaml"))) == 150
    assert (tmp_path / "glue_scripts/imported/job-149.py").is_file()


def test_a_resource_s_own_tags_are_reported_not_dropped(aws: boto3.Session, tmp_path: Path) -> None:
    # GetJobs returns no tags (https://docs.aws.amazon.com/glue/latest/webapi/API_GetTags.html
    # reads them); the spec's tags are the whole pipeline's, so a job's own are reported.
    aws.client("s3").create_bucket(Bucket=ASSETS)
    create_spark_job(aws, "nightly", Tags={"team": "sales", "cost-center": "42"})

    ran = imported(tmp_path, "--out", str(tmp_path / "specs"))

    assert ran.exit_code == 1, ran.output
    (entry,) = [e for e in report(ran)["entries"] if e["setting"] == "Tags"]
    assert (entry["outcome"], entry["aws_name"]) == ("not_imported", "nightly")
    assert entry["value"] == {"team": "sales", "cost-center": "42"}
    assert (tmp_path / "specs/nightly.yaml").is_file()  # the job itself is imported
