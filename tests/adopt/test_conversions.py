"""Converters on the API's shapes: what becomes a field, what is kept, replaced or refused."""

import json
from typing import Any

import pytest

from gluestack.adopt.connection_to_spec import connection_to_spec
from gluestack.adopt.context import ImportContext
from gluestack.adopt.crawler_to_spec import crawler_to_spec
from gluestack.adopt.grouping import group_estate
from gluestack.adopt.importer import plan_import
from gluestack.adopt.job_to_spec import JobConversion, job_to_spec
from gluestack.adopt.names import KeyMap, catalog_key, resource_key
from gluestack.adopt.trigger_to_spec import trigger_to_spec
from gluestack.ops.estate import GlueEstate
from gluestack.spec import CrawlerSpec

ACCOUNT = "123456789012"
SCRIPT = "s3://aws-glue-assets-123456789012-us-east-1/scripts/x.py"


def context() -> ImportContext:
    return ImportContext(ACCOUNT, "us-east-1")


def spark_job(**members: Any) -> dict[str, Any]:
    return {
        "Name": "x",
        "Role": "AWSGlueServiceRole-x",
        "Command": {"Name": "glueetl", "ScriptLocation": SCRIPT},
        "GlueVersion": "5.1",
        "WorkerType": "G.1X",
        "NumberOfWorkers": 2,
        **members,
    }


def outcomes(conversion: Any) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for entry in conversion.entries:
        said = " ".join(part for part in (entry.setting, entry.detail or entry.field) if part)
        found.setdefault(entry.outcome, []).append(said)
    return found


def test_keys_are_valid_spec_names_and_unique() -> None:
    assert resource_key("Sales ETL Job!") == "sales-etl-job"
    assert resource_key("2024_load") == "r2024_load"
    assert len(resource_key("a" * 80)) == 40
    assert catalog_key("Sales-DB") == "sales_db"
    keys = KeyMap("job")
    assert [keys.key("A B"), keys.key("a-b"), keys.key("A B")] == ["a-b", "a-b-2", "a-b"]
    assert keys.renamed() == {"A B": "a-b", "a-b": "a-b-2"}
    reserved = KeyMap("job")
    reserved.reserve(["a-b"])
    assert [reserved.key("A B"), reserved.key("a-b")] == ["a-b-2", "a-b"]


def test_a_role_name_becomes_an_arn_and_a_gluestack_role_is_left_out() -> None:
    user = job_to_spec(spark_job(), "p", context())
    assert user.spec and user.spec["role"] == f"arn:aws:iam::{ACCOUNT}:role/AWSGlueServiceRole-x"

    ours = job_to_spec(spark_job(Role="gluestack-dev-pipeline-flights-CleanRole1A2B"), "p",
                       context())  # fmt: skip
    assert ours.spec and "role" not in ours.spec
    assert any("made by gluestack" in d for d in outcomes(ours)["replaced"])


def test_glue_defaults_are_stated_where_gluestack_defaults_differ() -> None:
    spec = job_to_spec(spark_job(), "p", context()).spec

    assert spec is not None
    assert (spec["metrics"], spec["observability_metrics"], spec["continuous_logging"]) == (
        False,
        False,
        False,
    )
    assert spec["timeout_minutes"] == 2880  # Glue's default when a job sets none


def test_capacity_sized_spark_jobs_get_workers_and_say_so() -> None:
    job = job_to_spec(spark_job(WorkerType=None, NumberOfWorkers=None, MaxCapacity=10.0), "p",
                      context())  # fmt: skip

    assert job.spec and (job.spec.get("worker_type", "G.1X"), job.spec["number_of_workers"]) == (
        "G.1X",
        10,
    )
    assert any("sized by workers" in d for d in outcomes(job)["replaced"])


def test_jobs_gluestack_cannot_deploy_are_not_imported() -> None:
    ray = job_to_spec(spark_job(Command={"Name": "glueray", "ScriptLocation": SCRIPT}), "p",
                      context())  # fmt: skip
    scala = job_to_spec(spark_job(DefaultArguments={"--job-language": "scala"}), "p", context())

    assert ray.spec is None and scala.spec is None
    assert "glueray" in outcomes(ray)["not_imported"][0]
    assert "scala" in outcomes(scala)["not_imported"][0]


def test_an_old_glue_version_is_replaced_visibly() -> None:
    job = job_to_spec(spark_job(GlueVersion="3.0"), "p", context())

    assert job.spec and "glue_version" not in job.spec  # gluestack's default
    assert any(d.startswith("GlueVersion") for d in outcomes(job)["replaced"])


def test_reserved_and_fixed_arguments() -> None:
    job: JobConversion = job_to_spec(
        spark_job(
            DefaultArguments={"--conf": "spark.sql.shuffle.partitions=8", "--day": "1"},
            NonOverridableArguments={"--TempDir": "s3://t/", "--region": "eu"},
            LogUri="s3://logs/",
        ),
        "p",
        context(),
    )

    assert job.spec is not None
    assert job.spec["arguments"] == {"day": "1"}
    assert job.spec["unmodeled"] == {"NonOverridableArguments": {"--region": "eu"},
                                     "LogUri": "s3://logs/"}  # fmt: skip
    refused = outcomes(job)["not_imported"]
    assert any(d.startswith("--conf") for d in refused)
    assert any(d.startswith("NonOverridableArguments.--TempDir") for d in refused)


def test_a_python_shell_job() -> None:
    job = job_to_spec(
        {
            "Name": "audit",
            "Role": "r",
            "Command": {"Name": "pythonshell", "ScriptLocation": SCRIPT, "PythonVersion": "3.9"},
            "MaxCapacity": 1.0,
            "DefaultArguments": {"--job-bookmark-option": "job-bookmark-disable"},
        },
        "p",
        context(),
    )

    assert job.spec is not None
    assert job.spec["type"] == "pythonshell"
    assert job.spec["max_capacity"] == 1.0
    assert job.spec["library_set"] == "none"  # Glue preloads nothing without library-set
    assert "bookmarks" not in job.spec
    assert any("Python shell" in d for d in outcomes(job)["replaced"])


def test_crawler_configuration_targets_and_policies() -> None:
    crawler = crawler_to_spec(
        {
            "Name": "c",
            "Role": "r",
            "DatabaseName": "d",
            "Targets": {
                "S3Targets": [{"Path": "s3://b/a/", "SampleSize": 5},
                              {"Path": "s3://b/c", "SampleSize": 5}],
                "CatalogTargets": [{"DatabaseName": "d", "Tables": ["t"]}],
            },
            "Configuration": json.dumps({"Version": 1.0, "Grouping": {
                "TableGroupingPolicy": "CombineCompatibleSchemas", "TableLevelConfiguration": 3},
                "CreatePartitionIndex": True}),
            "RecrawlPolicy": {"RecrawlBehavior": "CRAWL_EVERYTHING"},
            "TablePrefix": "raw_",
            "Classifiers": ["my-csv"],
        },
        "p",
        context(),
    )  # fmt: skip

    assert crawler.spec is not None
    assert crawler.spec["s3_targets"] == ["s3://b/a/", "s3://b/c"]  # verbatim: a key prefix
    assert crawler.spec["sample_size"] == 5
    assert crawler.spec["table_level"] == 3
    assert "combine_compatible_schemas" not in crawler.spec
    assert crawler.spec["table_prefix"] == "raw_"
    assert crawler.spec["unmodeled"] == {"Classifiers": ["my-csv"]}
    assert "catalog_tables" not in crawler.spec  # Glue's crawlers never mix them with S3 targets
    assert any("CatalogTargets" in d for d in outcomes(crawler)["not_imported"])
    assert any("CreatePartitionIndex" in d for d in outcomes(crawler)["replaced"])
    assert crawler.spec["partition_schema"] == "own"  # no CrawlerOutput.Partitions


# Glue's console option "Update all new and existing partitions with metadata from the table.
# This sets partition schemas to inherit from the table." is CrawlerOutput.Partitions
# InheritFromTable; without it a partition keeps its own schema:
# https://docs.aws.amazon.com/glue/latest/dg/crawler-schema-changes-prevent.html
@pytest.mark.parametrize(
    ("configuration", "partition_schema"),
    [
        (None, "own"),
        ({"Version": 1.0}, "own"),
        ({"Version": 1.0, "CrawlerOutput": {"Partitions": {
            "AddOrUpdateBehavior": "InheritFromTable"}}}, None),
    ],
)  # fmt: skip
def test_partition_schema_is_imported_as_the_source_sets_it(
    configuration: dict[str, Any] | None, partition_schema: str | None
) -> None:
    crawler = crawler_to_spec(
        {"Name": "c", "Role": "r", "DatabaseName": "d",
         "Targets": {"S3Targets": [{"Path": "s3://b/a/"}]},
         **({"Configuration": json.dumps(configuration)} if configuration else {})},
        "p",
        context(),
    )  # fmt: skip

    assert crawler.spec is not None
    assert crawler.spec.get("partition_schema") == partition_schema  # None: from_table, default
    assert not any("Configuration" in d for d in outcomes(crawler).get("replaced", []))


def test_crawler_output_the_spec_cannot_express_is_reported_replaced() -> None:
    merge = {"Tables": {"AddOrUpdateBehavior": "MergeNewColumns"}}
    crawler = crawler_to_spec(
        {"Name": "c", "Role": "r", "DatabaseName": "d",
         "Targets": {"S3Targets": [{"Path": "s3://b/a/"}]},
         "Configuration": json.dumps({"Version": 1.0, "CrawlerOutput": merge})},
        "p",
        context(),
    )  # fmt: skip

    assert crawler.spec is not None
    assert crawler.spec["partition_schema"] == "own"
    (replaced,) = outcomes(crawler)["replaced"]
    assert "Configuration.CrawlerOutput.Tables" in replaced


QUEUE = "arn:aws:sqs:us-east-1:123456789012:raw-events"


def _event_mode_crawler(*queues: str | None, behavior: str = "CRAWL_EVENT_MODE") -> Any:
    targets = [
        {"Path": f"s3://acme-raw/t{i}/", **({"EventQueueArn": q} if q else {})}
        for i, q in enumerate(queues)
    ]
    return crawler_to_spec(
        {"Name": "c", "Role": "r", "DatabaseName": "d", "Targets": {"S3Targets": targets},
         "RecrawlPolicy": {"RecrawlBehavior": behavior}},
        "p",
        context(),
    )  # fmt: skip


@pytest.mark.parametrize(
    "queues", [(QUEUE, QUEUE + "-2"), (QUEUE, None)], ids=["two queues", "one target without"]
)
def test_event_queues_that_differ_by_target_are_reported_and_none_chosen(
    queues: tuple[str | None, ...],
) -> None:
    # https://docs.aws.amazon.com/glue/latest/webapi/API_S3Target.html: EventQueueArn is per
    # target; the spec's event_queue_arn is the crawler's, for every target.
    crawler = _event_mode_crawler(*queues)

    assert crawler.spec is not None and "event_queue_arn" not in crawler.spec
    (queue,) = [e for e in crawler.entries if e.setting == "S3Targets.EventQueueArn"]
    assert (queue.outcome, queue.value) == ("not_imported", list(queues))
    # Event mode needs the one queue: without it the crawler crawls everything, said so.
    assert "recrawl" not in crawler.spec
    assert any("RecrawlPolicy" in d for d in outcomes(crawler)["replaced"])
    CrawlerSpec.model_validate(crawler.spec)  # the written spec loads


def test_one_event_queue_every_target_shares_is_imported() -> None:
    crawler = _event_mode_crawler(QUEUE, QUEUE)

    assert crawler.spec is not None
    assert (crawler.spec["event_queue_arn"], crawler.spec["recrawl"]) == (QUEUE, "event_mode")
    assert not any("EventQueueArn" in d for d in outcomes(crawler).get("not_imported", []))
    CrawlerSpec.model_validate(crawler.spec)


def test_a_queue_of_a_crawler_not_in_event_mode_is_reported_and_the_spec_loads() -> None:
    # The spec's event_queue_arn is event mode's (recrawl: event_mode) and refused without it.
    crawler = _event_mode_crawler(QUEUE, QUEUE, behavior="CRAWL_EVERYTHING")

    assert crawler.spec is not None and "event_queue_arn" not in crawler.spec
    (queue,) = [e for e in crawler.entries if e.setting == "S3Targets.EventQueueArn"]
    assert (queue.outcome, queue.value) == ("not_imported", QUEUE)
    CrawlerSpec.model_validate(crawler.spec)


def test_trigger_action_settings_are_imported_or_reported_and_event_batching_typed() -> None:
    # https://docs.aws.amazon.com/glue/latest/webapi/API_Action.html: Arguments and Timeout are
    # the job run's; the spec's job action carries them, not SecurityConfiguration.
    trigger = trigger_to_spec(
        {
            "Name": "on-files",
            "Type": "EVENT",
            "Actions": [
                {
                    "JobName": "Load",
                    "Arguments": {"--day": "1", "--job-bookmark-option": "job-bookmark-enable"},
                    "Timeout": 30,
                    "SecurityConfiguration": "legacy",
                },
                {"CrawlerName": "Raw"},
            ],
            "EventBatchingCondition": {"BatchSize": 10, "BatchWindow": 300},
        },
        "p",
        context(),
    )

    assert trigger.spec == {
        "type": "event",
        "actions": [
            {"job": "load", "arguments": {"day": "1"}, "timeout_minutes": 30},
            {"crawler": "raw"},
        ],
        "batch_size": 10,
        "batch_window_seconds": 300,
    }
    refused = outcomes(trigger)["not_imported"]
    assert any("Actions[Load].SecurityConfiguration" in d for d in refused)
    assert any(
        "Actions[Load].Arguments[--job-bookmark-option]" in d and "bookmarks" in d for d in refused
    )
    assert not any("Timeout" in d or "--day" in d for d in refused)
    assert "triggers.on-files.actions[0].arguments.day" in outcomes(trigger)["kept"]
    assert outcomes(trigger)["action"]


def test_connections_use_their_secret_and_refuse_what_the_spec_cannot_hold() -> None:
    physical = {"SubnetId": "subnet-1a", "SecurityGroupIdList": ["sg-1"],
                "AvailabilityZone": "us-east-1a"}  # fmt: skip
    with_secret = connection_to_spec(
        {"ConnectionType": "JDBC", "PhysicalConnectionRequirements": physical,
         "ConnectionProperties": {"JDBC_CONNECTION_URL": "jdbc:mysql://db:3306/x",
                                  "SECRET_ID": "db/creds"}},
        "db", "p", context(),
    )  # fmt: skip
    public = connection_to_spec(
        {"ConnectionType": "JDBC",
         "ConnectionProperties": {"JDBC_CONNECTION_URL": "jdbc:mysql://db:3306/x"}},
        "public", "p", context(),
    )  # fmt: skip
    kafka = connection_to_spec({"ConnectionType": "KAFKA"}, "kafka", "p", context())

    assert with_secret.spec and with_secret.spec["secret"] == "db/creds"
    assert "action" not in outcomes(with_secret)
    assert public.spec is None and "SubnetId" in outcomes(public)["not_imported"][0]
    assert kafka.spec is None and "KAFKA" in outcomes(kafka)["not_imported"][0]


def test_a_job_two_workflows_start_joins_them_and_a_lone_job_is_its_own() -> None:
    def trigger(name: str, workflow: str, job: str) -> dict[str, Any]:
        return {"Name": name, "WorkflowName": workflow, "Type": "ON_DEMAND",
                "Actions": [{"JobName": job}]}  # fmt: skip

    estate = GlueEstate(
        jobs={"shared": {}, "alone": {}},
        triggers={"a": trigger("a", "wa", "shared"), "b": trigger("b", "wb", "shared")},
        workflows={"wa": {"Name": "wa"}, "wb": {"Name": "wb"}},
    )

    groups = group_estate(estate)

    assert [(g.name, g.jobs, g.workflows) for g in groups] == [
        ("alone", ["alone"], []),
        ("shared", ["shared"], ["wa", "wb"]),
    ]


def test_a_trigger_of_a_job_not_imported_is_reported_not_left_dangling() -> None:
    scala = spark_job(Name="scala", DefaultArguments={"--job-language": "scala"})
    estate = GlueEstate(
        jobs={"py": spark_job(Name="py"), "scala": scala},
        triggers={
            "start": {"Name": "start", "Type": "ON_DEMAND", "Actions": [{"JobName": "py"}]},
            "then": {"Name": "then", "Type": "CONDITIONAL", "Actions": [{"JobName": "scala"}],
                     "Predicate": {"Logical": "AND", "Conditions": [
                         {"LogicalOperator": "EQUALS", "JobName": "py", "State": "SUCCEEDED"}]}},
        },
    )  # fmt: skip

    plan = plan_import(estate, context())

    [draft] = plan.drafts
    assert list(draft.spec["jobs"]) == ["py"] and list(draft.spec["triggers"]) == ["start"]
    refused = [e for e in plan.report.entries if e.outcome == "not_imported"]
    assert {(e.kind, e.aws_name) for e in refused} == {("job", "scala"), ("trigger", "then")}


# https://docs.aws.amazon.com/glue/latest/dg/define-crawler-choose-data-sources.html, crawling
# existing tables: "Database name is optional.", "Deleted objects found in the data stores are
# ignored; no catalog tables are deleted. Instead, the crawler writes a log message.
# (SchemaChangePolicy.DeleteBehavior=LOG)" and "You can't mix catalog tables as a source with any
# other source types".
def test_a_crawler_of_catalog_tables_imports_them_as_tables_of_their_database() -> None:
    crawler = crawler_to_spec(
        {
            "Name": "recrawl",
            "Role": "r",
            "Targets": {"CatalogTargets": [
                {"DatabaseName": "sales", "Tables": ["orders", "daily"],
                 "EventQueueArn": "arn:aws:sqs:us-east-1:123456789012:q"},
                {"DatabaseName": "sales", "Tables": ["daily"]},
            ]},
            "SchemaChangePolicy": {"UpdateBehavior": "UPDATE_IN_DATABASE",
                                   "DeleteBehavior": "DELETE_FROM_DATABASE"},
            "TablePrefix": "x_",
        },
        "p",
        context(),
    )  # fmt: skip

    assert crawler.spec is not None and crawler.database == "sales"
    assert crawler.spec["catalog_tables"] == ["orders", "daily"]
    assert "schema_change" not in crawler.spec  # update_in_database, and Glue logs deletions
    assert "table_prefix" not in crawler.spec
    CrawlerSpec.model_validate(crawler.spec)
    assert any("DeleteBehavior" in d for d in outcomes(crawler)["replaced"])
    refused = outcomes(crawler)["not_imported"]
    assert any("CatalogTargets.EventQueueArn" in d for d in refused)
    assert any("TablePrefix" in d for d in refused)


def test_catalog_targets_of_several_databases_are_not_imported() -> None:
    crawler = crawler_to_spec(
        {"Name": "c", "Role": "r", "Targets": {"CatalogTargets": [
            {"DatabaseName": "a", "Tables": ["t"]}, {"DatabaseName": "b", "Tables": ["u"]}]}},
        "p",
        context(),
    )  # fmt: skip

    assert crawler.spec is None
    assert any("databases a, b" in d for d in outcomes(crawler)["not_imported"])


def test_a_crawler_of_another_databases_tables_is_left_out_of_the_pipeline() -> None:
    def s3_crawler(name: str) -> dict[str, Any]:
        return {"Name": name, "Role": "r", "DatabaseName": "main",
                "Targets": {"S3Targets": [{"Path": f"s3://b/{name}/"}]}}  # fmt: skip

    estate = GlueEstate(
        crawlers={
            "a": s3_crawler("a"),
            "b": s3_crawler("b"),
            "cat": {"Name": "cat", "Role": "r", "DatabaseName": "main", "Targets": {
                "CatalogTargets": [{"DatabaseName": "other", "Tables": ["t"]}]}},
        },
        triggers={"start": {"Name": "start", "Type": "ON_DEMAND", "Actions": [
            {"CrawlerName": "a"}, {"CrawlerName": "b"}, {"CrawlerName": "cat"}]}},
        databases={"main": {"Name": "main"}, "other": {"Name": "other"}},
    )  # fmt: skip

    plan = plan_import(estate, context())

    [draft] = plan.drafts
    assert draft.spec["database"] == "main" and set(draft.spec["crawlers"]) == {"a", "b"}
    about_cat = [e for e in plan.report.entries if e.aws_name == "cat"]
    assert [e.outcome for e in about_cat] == ["not_imported"]
    assert "database other" in about_cat[0].detail and "is main" in about_cat[0].detail


def test_the_accounts_database_is_referred_to_as_it_is_and_any_other_reported() -> None:
    def crawler(name: str, database: str) -> dict[str, Any]:
        return {"Name": name, "Role": "r", "DatabaseName": database,
                "Targets": {"S3Targets": [{"Path": f"s3://b/{name}/"}]}}  # fmt: skip

    estate = GlueEstate(
        crawlers={
            "kept": crawler("kept", "sales_raw"),
            "gone": crawler("gone", "deleted_db"),
            "odd": crawler("odd", "sales-raw"),
        },
        databases={"sales_raw": {"Name": "sales_raw"}, "sales-raw": {"Name": "sales-raw"}},
    )

    plan = plan_import(estate, context())

    drafts = {d.key: d.spec for d in plan.drafts}
    assert (drafts["kept"]["database"], drafts["kept"]["existing_database"]) == ("sales_raw", True)
    assert (drafts["gone"]["database"], "existing_database" in drafts["gone"]) == (
        "deleted_db",
        False,
    )
    assert drafts["odd"]["database"] == "sales_raw" and "existing_database" not in drafts["odd"]
    actions = {
        e.pipeline: e.detail
        for e in plan.report.entries
        if e.outcome == "action" and e.field == "database"
    }
    assert set(actions) == {"gone", "odd"}
    assert actions["gone"].startswith("there is no database deleted_db in the account")
    assert "deleted_db_<env>" in actions["gone"]
    assert actions["odd"].startswith("the existing sales-raw is no spec database name")
    assert "sales_raw_<env>" in actions["odd"]
