"""Each spec option reaches the template: tests/cdk/specs/sales.yaml declares them all."""

import json
from pathlib import Path
from typing import Any

import aws_cdk as cdk
import pytest
from aws_cdk.assertions import Match, Template

from gluestack.cdk.app_builder import build_app
from gluestack.cdk.environment import environment_from_context
from gluestack.spec import load
from tests.cdk.conftest import PROJECT_ROOT, context

SALES = Path(__file__).parent / "specs" / "sales.yaml"


def sales_template(env: str, outdir: Path) -> Template:
    app = cdk.App(context=context(env), outdir=str(outdir))
    spec = load(SALES, PROJECT_ROOT, ["dev", "prod"])
    built = build_app(app, [spec], environment_from_context(app), PROJECT_ROOT)
    return Template.from_stack(built.pipelines["sales"])


@pytest.fixture(scope="module")
def prod(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return sales_template("prod", tmp_path_factory.mktemp("sales-prod"))


@pytest.fixture(scope="module")
def dev(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return sales_template("dev", tmp_path_factory.mktemp("sales-dev"))


def _named(template: Template, resource_type: str, name: str) -> dict[str, Any]:
    for resource in template.find_resources(resource_type).values():
        props: dict[str, Any] = resource["Properties"]
        if props.get("Name") == name:
            return props
    raise AssertionError(f"no {resource_type} named {name}")


def _statements(template: Template, role_prefix: str) -> list[dict[str, Any]]:
    statements: list[dict[str, Any]] = []
    for policy in template.find_resources("AWS::IAM::Policy").values():
        if policy["Properties"]["Roles"][0]["Ref"].startswith(role_prefix):
            statements += policy["Properties"]["PolicyDocument"]["Statement"]
    return statements


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_s3_crawler_options(prod: Template, dev: Template) -> None:
    crawler = _named(prod, "AWS::Glue::Crawler", "sales-prod-landing")
    (target,) = crawler["Targets"]["S3Targets"]
    assert (target["Exclusions"], target["SampleSize"]) == (["**.tmp"], 10)
    assert "landing/orders/" in json.dumps(target["Path"])
    assert crawler["Schedule"] == {"ScheduleExpression": "cron(0 6 * * ? *)"}
    configuration = json.loads(crawler["Configuration"])
    assert configuration["Grouping"] == {"TableLevelConfiguration": 3}
    assert "Ref" in crawler["CrawlerSecurityConfiguration"]
    assert "Schedule" not in _named(dev, "AWS::Glue::Crawler", "sales-dev-landing")


def test_partition_schema_is_the_crawler_output_setting(prod: Template) -> None:
    """Glue's "Update all new and existing partitions with metadata from the table. This sets
    partition schemas to inherit from the table." is CrawlerOutput.Partitions InheritFromTable
    (https://docs.aws.amazon.com/glue/latest/dg/crawler-schema-changes-prevent.html); `own`
    leaves it out, Glue's default."""
    own = json.loads(_named(prod, "AWS::Glue::Crawler", "sales-prod-landing")["Configuration"])
    assert own == {"Version": 1.0, "Grouping": {"TableLevelConfiguration": 3}}
    from_table = json.loads(_named(prod, "AWS::Glue::Crawler", "sales-prod-crm")["Configuration"])
    assert from_table == {
        "Version": 1.0,
        "CrawlerOutput": {"Partitions": {"AddOrUpdateBehavior": "InheritFromTable"}},
        "Grouping": {"TableGroupingPolicy": "CombineCompatibleSchemas"},
    }


def test_a_configuration_of_glue_defaults_only_is_not_deployed(tmp_path: Path) -> None:
    path = tmp_path / "own.yaml"
    path.write_text(
        "name: own\ndatabase: own\nsources:\n  orders:\n    prefix: landing/orders/\n"
        "    format: json\ncrawlers:\n  landing:\n    tables: [orders]\n"
        "    partition_schema: own\n    combine_compatible_schemas: false\n"
    )
    app = cdk.App(context=context("prod"), outdir=str(tmp_path / "out"))
    spec = load(path, PROJECT_ROOT, ["prod"])
    built = build_app(app, [spec], environment_from_context(app), PROJECT_ROOT)
    template = Template.from_stack(built.pipelines["own"])
    assert "Configuration" not in _named(template, "AWS::Glue::Crawler", "own-prod-landing")


def test_jdbc_and_catalog_crawlers(prod: Template) -> None:
    crm = _named(prod, "AWS::Glue::Crawler", "sales-prod-crm")
    assert crm["Targets"]["JdbcTargets"] == [
        {"ConnectionName": "sales-prod-crm", "Path": "crm/public/%"}
    ]
    assert crm["TablePrefix"] == "crm_"
    assert crm["SchemaChangePolicy"] == {
        "UpdateBehavior": "LOG",
        "DeleteBehavior": "DEPRECATE_IN_DATABASE",
    }
    curated = _named(prod, "AWS::Glue::Crawler", "sales-prod-curated")
    (catalog_target,) = curated["Targets"]["CatalogTargets"]
    assert catalog_target["Tables"] == ["daily"]


def test_the_connection_names_its_secret_and_holds_no_password(prod: Template) -> None:
    (connection,) = prod.find_resources("AWS::Glue::Connection").values()
    connection_input = connection["Properties"]["ConnectionInput"]
    assert connection_input["ConnectionProperties"] == {
        "JDBC_CONNECTION_URL": "jdbc:postgresql://crm.internal:5432/crm",
        "SECRET_ID": "crm/readonly",
    }
    assert connection_input["PhysicalConnectionRequirements"]["SubnetId"] == "subnet-0abc1234"


def test_typed_job_options_become_glue_arguments(prod: Template) -> None:
    job = _named(prod, "AWS::Glue::Job", "sales-prod-daily")
    arguments = job["DefaultArguments"]
    assert arguments["--job-bookmark-option"] == "job-bookmark-enable"
    assert arguments["--enable-auto-scaling"] == "true"
    assert arguments["--additional-python-modules"] == "holidays==0.57"
    assert arguments["--enable-spark-ui"] == "true"
    assert "/spark-ui/sales/daily/" in json.dumps(arguments["--spark-event-logs-path"])
    assert arguments["--currency"] == "EUR"
    assert "--enable-continuous-cloudwatch-log" not in arguments
    assert "--enable-observability-metrics" not in arguments
    assert job["ExecutionProperty"] == {"MaxConcurrentRuns": 2}
    assert (job["JobRunQueuingEnabled"], job["Timeout"]) == (True, 120)


def test_worker_sizing_follows_the_environment(prod: Template, dev: Template) -> None:
    prod_job = _named(prod, "AWS::Glue::Job", "sales-prod-daily")
    dev_job = _named(dev, "AWS::Glue::Job", "sales-dev-daily")
    assert (prod_job["WorkerType"], prod_job["NumberOfWorkers"]) == ("G.2X", 20)
    assert (dev_job["WorkerType"], dev_job["NumberOfWorkers"]) == ("G.1X", 10)


# A job without glue_version gets 5.1, AWS's default for a new job and the newest on Spark 3.5
# (https://docs.aws.amazon.com/glue/latest/dg/release-notes.html); a declared one is kept.
def test_glue_version_defaults_to_5_1_and_a_declared_one_is_kept(prod: Template) -> None:
    assert _named(prod, "AWS::Glue::Job", "sales-prod-daily")["GlueVersion"] == "5.1"
    assert _named(prod, "AWS::Glue::Job", "sales-prod-cleanup")["GlueVersion"] == "4.0"


def test_a_python_shell_job_runs_python_3_9_on_its_capacity_without_spark_options(
    prod: Template,
) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/add-job-python.html: command pythonshell,
    # Python 3.9, MaxCapacity 0.0625 or 1, library-set analytics or none; no worker type.
    job = _named(prod, "AWS::Glue::Job", "sales-prod-notify")
    assert job["Command"]["Name"] == "pythonshell"
    assert (job["Command"]["PythonVersion"], job["MaxCapacity"]) == ("3.9", 1)
    assert "WorkerType" not in job and "NumberOfWorkers" not in job
    arguments = job["DefaultArguments"]
    assert (arguments["library-set"], arguments["--channel"]) == ("none", "sales")
    assert arguments["--additional-python-modules"] == "requests==2.32.3"
    assert "--job-bookmark-option" not in arguments and "--daily_path" in arguments
    assert (job["MaxRetries"], job["Timeout"]) == (1, 10)


def test_flex_execution(prod: Template) -> None:
    assert _named(prod, "AWS::Glue::Job", "sales-prod-cleanup")["ExecutionClass"] == "FLEX"


def test_schedules_start_only_where_enabled(prod: Template, dev: Template) -> None:
    nightly = _named(prod, "AWS::Glue::Trigger", "sales-prod-nightly")
    assert (nightly["Type"], nightly["Schedule"]) == ("SCHEDULED", "cron(30 2 * * ? *)")
    assert nightly["StartOnCreation"] is True
    assert _named(dev, "AWS::Glue::Trigger", "sales-dev-nightly")["StartOnCreation"] is False


def test_a_failure_branch_fires_on_any_failed_state(prod: Template) -> None:
    predicate = _named(prod, "AWS::Glue::Trigger", "sales-prod-on_failure")["Predicate"]
    assert predicate["Logical"] == "ANY"
    assert [c["State"] for c in predicate["Conditions"]] == ["FAILED", "TIMEOUT"]


def test_a_job_action_s_arguments_and_timeout_reach_the_trigger(prod: Template) -> None:
    # https://docs.aws.amazon.com/glue/latest/webapi/API_Action.html: an action's Arguments and
    # Timeout (minutes) override the job's for the runs the trigger starts.
    (action,) = _named(prod, "AWS::Glue::Trigger", "sales-prod-on_failure")["Actions"]
    assert action["Arguments"] == {"--reason": "daily-failed"}
    assert action["Timeout"] == 15
    (crawl,) = _named(prod, "AWS::Glue::Trigger", "sales-prod-recatalog")["Actions"]
    assert "Arguments" not in crawl and "Timeout" not in crawl


def test_workflow_options(prod: Template) -> None:
    workflow = _named(prod, "AWS::Glue::Workflow", "sales-prod")
    assert workflow["MaxConcurrentRuns"] == 1
    assert workflow["DefaultRunProperties"] == {"source": "nightly"}


def test_roles_are_scoped_to_declared_folders_tables_and_secret(prod: Template) -> None:
    landing = json.dumps(_statements(prod, "LandingCrawlerRole"))
    assert "landing/orders/*" in landing and "daily/" not in landing
    daily = _statements(prod, "DailyJobRole")
    writes = [s for s in daily if "s3:PutObject" in _as_list(s["Action"])]
    assert {json.dumps(s["Resource"]).count("daily/*") for s in writes} >= {1}
    assert "orders" not in json.dumps(writes)
    crm = json.dumps(_statements(prod, "CrmCrawlerRole"))
    assert "secretsmanager:GetSecretValue" in crm and "crm/readonly-??????" in crm
    assert ":table/sales_prod/crm_*" in crm  # catalog tables only under the crawler's prefix


def test_only_cdk_job_grants_use_wildcard_actions(prod: Template) -> None:
    for policy in prod.find_resources("AWS::IAM::Policy").values():
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
            if any("*" in a for a in _as_list(statement["Action"])):
                resources = json.dumps(statement["Resource"])
                assert "cdk-hnb659fds-assets" in resources or "/spark-ui/sales/daily/" in resources


def test_failures_alarms_and_dashboard(prod: Template) -> None:
    rules = [r["Properties"] for r in prod.find_resources("AWS::Events::Rule").values()]
    job_rule = next(
        r for r in rules if r["EventPattern"]["detail-type"] == ["Glue Job State Change"]
    )
    assert job_rule["EventPattern"]["detail"]["jobName"] == [
        "sales-prod-daily",
        "sales-prod-cleanup",
        "sales-prod-notify",  # Glue emits state changes of Python shell jobs too
    ]
    assert job_rule["EventPattern"]["detail"]["state"] == ["FAILED", "TIMEOUT", "ERROR", "STOPPED"]
    message = job_rule["Targets"][0]["InputTransformer"]["InputTemplate"]
    assert '"pipeline":"sales"' in message
    thresholds = {
        a["Properties"]["Dimensions"][0]["Value"]: a["Properties"]["Threshold"]
        for a in prod.find_resources("AWS::CloudWatch::Alarm").values()
        if a["Properties"]["MetricName"] == "glue.driver.aggregate.elapsedTime"
    }
    assert thresholds == {"sales-prod-daily": 96 * 60_000, "sales-prod-cleanup": 5 * 60_000}
    prod.has_resource_properties(
        "AWS::SNS::Subscription",
        {
            "Protocol": "email",
            "Endpoint": "data-team@example.com",
            "FilterPolicyScope": "MessageBody",
            "FilterPolicy": {"pipeline": ["sales"]},
        },
    )
    prod.has_resource_properties(
        "AWS::CloudWatch::Dashboard", {"DashboardName": "gluestack-sales-prod"}
    )


def test_pipeline_tags_reach_the_resources(prod: Template) -> None:
    job = _named(prod, "AWS::Glue::Job", "sales-prod-daily")
    assert job["Tags"]["team"] == "analytics"
    assert job["Tags"]["gluestack:pipeline"] == "sales"
    prod.has_resource_properties(
        "AWS::Glue::SecurityConfiguration",
        {"Name": "sales-prod", "EncryptionConfiguration": Match.object_like({})},
    )


def test_data_quality_rules_target_the_output_table(prod: Template) -> None:
    (ruleset,) = prod.find_resources("AWS::Glue::DataQualityRuleset").values()
    properties = ruleset["Properties"]
    assert properties["Name"] == "sales-prod-daily-quality"
    assert properties["Ruleset"].startswith("Rules = [ RowCount > 0")
    assert properties["TargetTable"] == {"DatabaseName": "sales_prod", "TableName": "daily"}


def test_an_event_trigger_batches_events(tmp_path: Path) -> None:
    spec = load(SALES, PROJECT_ROOT, ["dev", "prod"])
    nightly = spec.triggers["nightly"]
    event = nightly.model_copy(
        update={
            "type": "event",
            "schedule": None,
            "enabled_in": [],
            "batch_size": 5,
            "batch_window_seconds": 300,
        }
    )
    app = cdk.App(context=context("dev"), outdir=str(tmp_path))
    evented = spec.model_copy(update={"triggers": {**spec.triggers, "nightly": event}})
    built = build_app(app, [evented], environment_from_context(app), PROJECT_ROOT)
    trigger = _named(
        Template.from_stack(built.pipelines["sales"]), "AWS::Glue::Trigger", "sales-dev-nightly"
    )
    assert trigger["Type"] == "EVENT"
    assert trigger["EventBatchingCondition"] == {"BatchSize": 5, "BatchWindow": 300}
