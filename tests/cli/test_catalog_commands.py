"""`gluestack catalog ...` against an in-process moto, with JSON for scripts and exit codes."""

import json
from typing import Any

import boto3
import pytest
import typer
from typer.testing import CliRunner, Result

from gluestack.cli.catalog_commands import register
from gluestack.cli.common import console
from gluestack.ops.partitions import add_partitions
from tests.ops.catalog_tables import DAY_AND_HOUR, create_table, table_input

app = typer.Typer()
register(app)
runner = CliRunner()
console.width = 200  # tables as a wide terminal shows them, so rows read whole


def catalog(*arguments: str) -> Result:
    """Run `gluestack catalog ...` in this process, where moto is active (no --endpoint-url)."""
    return runner.invoke(app, ["catalog", *arguments, "--region", "us-east-1"])


@pytest.fixture
def glue(aws: boto3.Session) -> Any:
    glue = aws.client("glue")
    for name in ("flights_raw", "flights_clean", "airports"):
        create_table(glue, "lake", name)
    create_table(glue, "archive", "old")
    return glue


def test_databases_and_filtered_tables_as_json(glue: Any) -> None:
    databases = catalog("databases", "--json")
    assert databases.exit_code == 0, databases.output
    assert [d["name"] for d in json.loads(databases.stdout)] == ["lake", "archive"]
    tables = catalog("tables", "lake", "--filter", "flights_*", "--json")
    assert tables.exit_code == 0, tables.output
    listed = json.loads(tables.stdout)
    assert [t["name"] for t in listed] == ["flights_raw", "flights_clean"]
    assert listed[0]["partition_keys"] == ["day", "hour"]


def test_tables_for_people_is_a_table_with_format_and_location(glue: Any) -> None:
    shown = catalog("tables", "lake")
    assert shown.exit_code == 0, shown.output
    assert "lake: 3 tables" in shown.stdout
    row = next(line for line in shown.stdout.splitlines() if "airports" in line)
    assert "parquet" in row
    assert "s3://lake/lake/airports/" in row


def test_show_lists_columns_and_partition_keys(glue: Any) -> None:
    shown = catalog("show", "lake.flights_raw", "--json")
    assert shown.exit_code == 0, shown.output
    detail = json.loads(shown.stdout)
    assert detail["table"]["location"] == "s3://lake/lake/flights_raw/"
    assert [(c["name"], c["partition_key"]) for c in detail["columns"]] == [
        ("carrier", False),
        ("dep_delay", False),
        ("origin", False),
        ("day", True),
        ("hour", True),
    ]
    human = catalog("show", "lake.flights_raw")
    assert "partition keys: day, hour" in human.stdout
    assert "format: parquet" in human.stdout


def test_a_missing_table_is_one_line_and_exit_1(glue: Any) -> None:
    shown = catalog("show", "lake.nope")
    assert shown.exit_code == 1
    assert shown.stderr.strip() == ("Glue table 'lake.nope' not found: Table nope not found.")
    assert shown.stdout == ""


def test_a_table_without_its_database_is_a_usage_error(glue: Any) -> None:
    for command in ("show", "partitions", "diff"):
        ran = catalog(command, "flights_raw")
        assert ran.exit_code == 2, command
        assert "name the table as DATABASE.TABLE" in ran.stderr


def test_partitions_filtered_by_a_where_expression(glue: Any) -> None:
    days = [(day, str(hour)) for day in ("2024-01-01", "2024-01-02") for hour in range(3)]
    add_partitions(glue, "lake", "flights_raw", days)
    ran = catalog("partitions", "lake.flights_raw", "--where", "day = '2024-01-02'", "--json")
    assert ran.exit_code == 0, ran.output
    listed = json.loads(ran.stdout)
    assert listed["partition_keys"] == ["day", "hour"]
    assert [p["values"] for p in listed["partitions"]] == [
        ["2024-01-02", "0"],
        ["2024-01-02", "1"],
        ["2024-01-02", "2"],
    ]
    human = catalog("partitions", "lake.flights_raw", "--limit", "2")
    assert "lake.flights_raw: 2 partitions" in human.stdout


def test_an_invalid_where_expression_exits_2(glue: Any) -> None:
    # moto checks an expression only against partitions, so there must be one
    add_partitions(glue, "lake", "flights_raw", [("2024-01-01", "0")])
    ran = catalog("partitions", "lake.flights_raw", "--where", "no_such_key = 1")
    assert ran.exit_code == 2
    assert "InvalidInputException" in ran.stderr


def test_diff_after_an_update(glue: Any) -> None:
    columns = (("carrier", "string"), ("dep_delay", "bigint"), ("dest", "string"))
    updated = table_input("flights_raw", columns, DAY_AND_HOUR, database="lake")
    glue.update_table(DatabaseName="lake", TableInput=updated)
    ran = catalog("diff", "lake.flights_raw", "--json")
    assert ran.exit_code == 0, ran.output
    diff = json.loads(ran.stdout)
    assert (diff["from_version"], diff["to_version"], diff["changed"]) == ("1", "2", True)
    assert [c["name"] for c in diff["columns"]["added"]] == ["dest"]
    assert [c["name"] for c in diff["columns"]["removed"]] == ["origin"]
    human = catalog("diff", "lake.flights_raw", "--from", "1", "--to", "2")
    assert human.stdout.splitlines() == [
        "lake.flights_raw version 1 -> 2:",
        "+ column dest string",
        "- column origin string",
        "~ column dep_delay int -> bigint",
    ]
    unchanged = catalog("diff", "lake.flights_raw", "--from", "2", "--to", "2")
    assert "no schema changes" in unchanged.stdout


def test_diff_to_a_missing_version_exits_1(glue: Any) -> None:
    ran = catalog("diff", "lake.flights_raw", "--to", "9")
    assert ran.exit_code == 1
    assert "version 9" in ran.stderr


def test_with_workspace_the_catalog_an_offline_run_left_is_read_without_an_account(
    tmp_path: Any,
) -> None:
    # What `gluestack local run` saves when its account stops (save_catalog) is what the
    # catalog commands read back with --workspace: tables, columns and partitions.
    from gluestack.local.offline import offline_account
    from gluestack.local.records.catalog_snapshot import save_catalog
    from gluestack.local.records.workspace import Workspace

    workspace = Workspace(tmp_path / "ws")
    with offline_account() as session:
        glue = session.client("glue")
        create_table(glue, "lake", "flights_raw")
        add_partitions(glue, "lake", "flights_raw", [("2024-01-01", "0"), ("2024-01-02", "1")])
        save_catalog(glue, workspace)
    offline = ["--workspace", str(workspace.root), "--json"]
    shown = runner.invoke(app, ["catalog", "show", "lake.flights_raw", *offline])
    assert shown.exit_code == 0, shown.output
    assert [c["name"] for c in json.loads(shown.stdout)["columns"]] == [
        "carrier", "dep_delay", "origin", "day", "hour",
    ]  # fmt: skip
    listed = runner.invoke(app, ["catalog", "partitions", "lake.flights_raw", *offline])
    assert [p["values"] for p in json.loads(listed.stdout)["partitions"]] == [
        ["2024-01-01", "0"],
        ["2024-01-02", "1"],
    ]
    missing = runner.invoke(app, ["catalog", "databases", "--workspace", str(tmp_path / "none")])
    assert missing.exit_code == 1
    assert "no offline catalog yet; `gluestack local run PIPELINE` leaves one" in missing.output
