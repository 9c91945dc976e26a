"""The console estate as pipeline specs: grouping, typed fields, kept and replaced settings."""

from typing import Any

import boto3
import pytest

from gluestack.adopt import ImportContext, ImportPlan, plan_import
from gluestack.adopt.report import ReportEntry
from gluestack.ops.estate import read_estate
from tests.adopt.console_estate import (
    ACCOUNT,
    CRAWLER_ROLE,
    REGION,
    ROLE,
    RULES,
    RULESET_DESCRIPTION,
    create_console_estate,
)


@pytest.fixture
def plan(aws: boto3.Session) -> ImportPlan:
    create_console_estate(aws)
    return plan_import(read_estate(aws.client("glue")), ImportContext(ACCOUNT, REGION))


def specs(plan: ImportPlan) -> dict[str, dict[str, Any]]:
    return {draft.key: draft.spec for draft in plan.drafts}


def entries(plan: ImportPlan, outcome: str, aws_name: str) -> list[ReportEntry]:
    return [e for e in plan.report.entries if e.outcome == outcome and e.aws_name == aws_name]


def test_pipelines_by_workflow_and_a_lone_crawler(plan: ImportPlan) -> None:
    assert list(specs(plan)) == ["inventory-hourly", "sales-nightly", "weblogs-crawler"]
    sales = specs(plan)["sales-nightly"]
    assert sales["database"] == "sales"
    assert sales["description"] == "Nightly sales load."
    assert set(sales["jobs"]) == {"sales_clean", "sales_report", "sales_audit"}
    assert set(sales["triggers"]) == {"sales-start", "sales-after-crawl", "sales-any-done"}
    assert specs(plan)["inventory-hourly"]["workflow"] == {
        "max_concurrent_runs": 2,
        "run_properties": {"source": "erp"},
    }


def test_the_job_with_bookmarks_and_modules(plan: ImportPlan) -> None:
    job = specs(plan)["sales-nightly"]["jobs"]["sales_clean"]

    assert job["script"] == "glue_scripts/imported/sales_clean.py"
    assert job["bookmarks"] == "enable"
    assert job["python_modules"] == ["pyarrow==14.0.1", "great_expectations"]
    assert job["role"] == ROLE
    assert job["glue_version"] == "5.0"
    assert job["number_of_workers"] == 10
    assert job["timeout_minutes"] == 480
    assert job["spark_ui"] is True
    assert job["connections"] == ["reference-postgres"]
    assert job["arguments"] == {
        "enable-job-insights": "true",
        "enable-glue-datacatalog": "true",
        "source_bucket": "acme-raw",
    }
    assert job["unmodeled"] == {"NotificationProperty": {"NotifyDelayAfter": 15}}
    replaced = {e.setting: e.value for e in entries(plan, "replaced", "sales_clean")}
    assert replaced["--TempDir"] == "s3://aws-glue-assets-123456789012-us-east-1/temporary/"
    assert "--spark-event-logs-path" in replaced
    kept = {e.field for e in entries(plan, "kept", "sales_clean")}
    assert "jobs.sales_clean.arguments.source_bucket" in kept
    assert "jobs.sales_clean.unmodeled.NotificationProperty" in kept


def test_the_python_shell_job(plan: ImportPlan) -> None:
    job = specs(plan)["sales-nightly"]["jobs"]["sales_audit"]

    assert job["type"] == "pythonshell"
    assert job["timeout_minutes"] == 30
    assert "library_set" not in job  # analytics: the spec's default
    assert "glue_version" not in job


def test_the_any_trigger_over_two_jobs(plan: ImportPlan) -> None:
    trigger = specs(plan)["sales-nightly"]["triggers"]["sales-any-done"]

    assert trigger == {
        "type": "conditional",
        "conditions": [
            {"job": "sales_clean", "state": "SUCCEEDED"},
            {"job": "sales_report", "state": "SUCCEEDED"},
        ],
        "match": "any",
        "actions": [{"job": "sales_audit"}],
    }


def test_the_scheduled_crawler_and_the_scheduled_trigger(plan: ImportPlan) -> None:
    crawler = specs(plan)["weblogs-crawler"]["crawlers"]["weblogs-crawler"]
    assert crawler["schedule"] == "cron(0 6 * * ? *)"
    assert crawler["s3_targets"] == ["s3://acme-weblogs/access/"]
    assert crawler["exclusions"] == ["**.tmp"]
    assert crawler["recrawl"] == "new_folders_only"
    assert crawler["schema_change"] == {"update": "log", "delete": "log"}
    assert crawler["role"] == CRAWLER_ROLE
    [action] = [e for e in entries(plan, "action", "weblogs-crawler") if e.kind == "crawler"]
    assert action.field.endswith("schedule_enabled_in")
    start = specs(plan)["inventory-hourly"]["triggers"]["inventory-start"]
    assert start["type"] == "scheduled" and start["schedule"] == "cron(15 * * * ? *)"


def test_crawled_s3_paths_are_kept_as_existing_locations(plan: ImportPlan) -> None:
    crawler = specs(plan)["sales-nightly"]["crawlers"]["sales-raw-crawler"]

    assert crawler["s3_targets"] == [  # verbatim: without '/', Glue reads a key prefix
        "s3://acme-raw/sales/orders/",
        "s3://acme-raw/sales/customers",
    ]
    assert "tables" not in crawler


def test_the_jdbc_connection_has_no_password_and_a_placeholder_secret(plan: ImportPlan) -> None:
    inventory = specs(plan)["inventory-hourly"]
    connection = inventory["connections"]["reference-postgres"]
    assert connection["jdbc_url"] == "jdbc:postgresql://reference.internal:5432/reference"
    assert connection["secret"] == "REPLACE-ME/gluestack-import/reference-postgres"
    assert connection["security_group_ids"] == ["sg-0abc1234"]
    assert "hunter2" not in repr(plan)
    assert inventory["crawlers"]["inventory-reference"]["jdbc"] == [
        {"connection": "reference-postgres", "path": "reference/public/%"}
    ]
    actions = entries(plan, "action", "reference-postgres")
    assert actions and "--secret reference-postgres=SECRET_NAME" in actions[0].detail


def test_a_secret_option_names_the_connection_secret(aws: boto3.Session) -> None:
    create_console_estate(aws)
    context = ImportContext(ACCOUNT, REGION, secrets={"reference-postgres": "prod/reference"})

    plan = plan_import(read_estate(aws.client("glue")), context)

    connection = specs(plan)["sales-nightly"]["connections"]["reference-postgres"]
    assert connection["secret"] == "prod/reference"
    assert not entries(plan, "action", "reference-postgres")


def test_names_become_spec_keys_and_the_rename_is_reported(plan: ImportPlan) -> None:
    inventory = specs(plan)["inventory-hourly"]
    assert "inventory-load" in inventory["jobs"]
    assert inventory["triggers"]["inventory-after-crawl"]["actions"] == [{"job": "inventory-load"}]
    [renamed] = entries(plan, "renamed", "Inventory Load")
    assert renamed.field == "inventory-load"


def test_the_existing_database_is_referred_to_as_it_is_with_nothing_to_do(
    plan: ImportPlan,
) -> None:
    for draft in plan.drafts:
        assert draft.spec["existing_database"] is True, draft.key
    assert [d.spec["database"] for d in plan.drafts] == ["inventory", "sales", "weblogs"]
    database_actions = [
        e for e in plan.report.entries if e.outcome == "action" and e.field == "database"
    ]
    assert database_actions == []


def test_a_ruleset_on_a_pipelines_database_becomes_one_of_its_rulesets(plan: ImportPlan) -> None:
    sales = specs(plan)["sales-nightly"]

    assert sales["rulesets"] == {
        "orders-quality": {"table": "orders", "description": RULESET_DESCRIPTION, "rules": RULES}
    }
    # Where a person writes it: after the jobs, before the triggers.
    assert list(sales).index("rulesets") == list(sales).index("jobs") + 1
    [imported] = entries(plan, "imported", "orders-quality")
    assert (imported.kind, imported.pipeline, imported.field) == (
        "ruleset",
        "sales-nightly",
        "rulesets.orders-quality",
    )
    assert not [e for e in plan.report.entries if e.kind == "ruleset" and e.outcome != "imported"]


def test_a_ruleset_on_a_database_no_pipeline_uses_stays_not_imported_saying_so(
    aws: boto3.Session,
) -> None:
    create_console_estate(aws)
    glue = aws.client("glue")
    glue.create_data_quality_ruleset(
        Name="ledger-checks",
        Ruleset="Rules = [ RowCount > 0 ]",
        TargetTable={"TableName": "ledger", "DatabaseName": "finance"},
    )
    glue.create_data_quality_ruleset(
        Name="Sales Totals",
        Ruleset='Rules = [ ColumnValues "total" > 0 ]',
        TargetTable={"TableName": "orders", "DatabaseName": "sales"},
    )

    plan = plan_import(read_estate(glue), ImportContext(ACCOUNT, REGION))

    [ledger] = entries(plan, "not_imported", "ledger-checks")
    assert (ledger.kind, ledger.field) == ("ruleset", "finance.ledger")
    assert ledger.value == "Rules = [ RowCount > 0 ]"
    assert "no imported pipeline uses database finance" in ledger.detail
    assert set(specs(plan)["sales-nightly"]["rulesets"]) == {"orders-quality", "sales-totals"}
    [renamed] = entries(plan, "renamed", "Sales Totals")
    assert (renamed.kind, renamed.field) == ("ruleset", "sales-totals")
