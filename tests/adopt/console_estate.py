"""A Glue estate built with boto3 the way the console creates it: service-role roles, scripts in
the aws-glue-assets bucket, Glue Studio's default job parameters."""

import boto3

ACCOUNT = "123456789012"
REGION = "us-east-1"
ASSETS = f"aws-glue-assets-{ACCOUNT}-{REGION}"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/service-role/AWSGlueServiceRole-sales"
CRAWLER_ROLE = f"arn:aws:iam::{ACCOUNT}:role/service-role/AWSGlueServiceRole-crawlers"
RULES = 'Rules = [ RowCount > 0, IsComplete "order_id" ]'
RULESET_DESCRIPTION = "Every crawled order has an id."


def studio_arguments(job: str) -> dict[str, str]:
    """The DefaultArguments Glue Studio gives a new Spark script job."""
    return {
        "--enable-metrics": "true",
        "--enable-spark-ui": "true",
        "--spark-event-logs-path": f"s3://{ASSETS}/sparkHistoryLogs/",
        "--enable-job-insights": "true",
        "--enable-observability-metrics": "true",
        "--enable-glue-datacatalog": "true",
        "--enable-continuous-cloudwatch-log": "true",
        "--job-bookmark-option": "job-bookmark-disable",
        "--job-language": "python",
        "--TempDir": f"s3://{ASSETS}/temporary/",
    }


def script_location(job: str) -> str:
    return f"s3://{ASSETS}/scripts/{job}.py"


def upload_script(aws: boto3.Session, job: str) -> None:
    aws.client("s3").put_object(
        Bucket=ASSETS, Key=f"scripts/{job}.py", Body=f"# the {job} job\nprint('{job}')\n".encode()
    )


def create_spark_job(
    aws: boto3.Session, name: str, *, script: bool = True, **overrides: object
) -> None:
    arguments = studio_arguments(name) | dict(overrides.pop("arguments", {}))  # type: ignore[call-overload]
    request: dict[str, object] = {
        "Name": name,
        "Role": ROLE,
        "Command": {
            "Name": "glueetl",
            "ScriptLocation": script_location(name),
            "PythonVersion": "3",
        },
        "DefaultArguments": arguments,
        "GlueVersion": "5.0",
        "WorkerType": "G.1X",
        "NumberOfWorkers": 10,
        "Timeout": 480,
        "MaxRetries": 0,
        "ExecutionProperty": {"MaxConcurrentRuns": 1},
        "ExecutionClass": "STANDARD",
        **overrides,
    }
    aws.client("glue").create_job(**request)  # type: ignore[arg-type]
    if script:
        upload_script(aws, name)


def create_console_estate(aws: boto3.Session) -> None:
    """Two workflows, a scheduled crawler, an ANY trigger over two jobs, a job with bookmarks
    and extra modules, a JDBC connection and a ruleset on a
    crawled table."""
    glue, s3 = aws.client("glue"), aws.client("s3")
    s3.create_bucket(Bucket=ASSETS)
    for database in ("sales", "inventory", "weblogs"):
        glue.create_database(DatabaseInput={"Name": database})
    glue.create_connection(
        ConnectionInput={
            "Name": "reference-postgres",
            "Description": "The reference database.",
            "ConnectionType": "JDBC",
            "ConnectionProperties": {
                "JDBC_CONNECTION_URL": "jdbc:postgresql://reference.internal:5432/reference",
                "USERNAME": "glue",
                "PASSWORD": "hunter2",
                "JDBC_ENFORCE_SSL": "false",
            },
            "PhysicalConnectionRequirements": {
                "SubnetId": "subnet-0abc1234",
                "SecurityGroupIdList": ["sg-0abc1234"],
                "AvailabilityZone": "us-east-1a",
            },
        }
    )
    _sales_workflow(aws)
    _inventory_workflow(aws)
    glue.create_crawler(
        Name="weblogs-crawler",
        Role=CRAWLER_ROLE,
        DatabaseName="weblogs",
        Targets={"S3Targets": [{"Path": "s3://acme-weblogs/access/", "Exclusions": ["**.tmp"]}]},
        Schedule="cron(0 6 * * ? *)",
        SchemaChangePolicy={"UpdateBehavior": "LOG", "DeleteBehavior": "LOG"},
        RecrawlPolicy={"RecrawlBehavior": "CRAWL_NEW_FOLDERS_ONLY"},
    )
    glue.create_data_quality_ruleset(
        Name="orders-quality",
        Description=RULESET_DESCRIPTION,
        Ruleset=RULES,
        TargetTable={"TableName": "orders", "DatabaseName": "sales"},
        Tags={"team": "sales"},
    )


def _sales_workflow(aws: boto3.Session) -> None:
    glue = aws.client("glue")
    glue.create_workflow(
        Name="sales-nightly", Description="Nightly sales load.", MaxConcurrentRuns=1
    )
    glue.create_crawler(
        Name="sales-raw-crawler",
        Role=CRAWLER_ROLE,
        DatabaseName="sales",
        Targets={
            "S3Targets": [
                {"Path": "s3://acme-raw/sales/orders/"},
                {"Path": "s3://acme-raw/sales/customers"},
            ]
        },
        SchemaChangePolicy={"UpdateBehavior": "UPDATE_IN_DATABASE", "DeleteBehavior": "LOG"},
    )
    create_spark_job(
        aws,
        "sales_clean",
        Description="Clean the raw orders.",
        arguments={
            "--job-bookmark-option": "job-bookmark-enable",
            "--additional-python-modules": "pyarrow==14.0.1,great_expectations",
            "--source_bucket": "acme-raw",
        },
        Connections={"Connections": ["reference-postgres"]},
        NotificationProperty={"NotifyDelayAfter": 15},
    )
    create_spark_job(aws, "sales_report", WorkerType="G.2X", NumberOfWorkers=4)
    glue.create_job(
        Name="sales_audit",
        Role=ROLE,
        Command={
            "Name": "pythonshell",
            "ScriptLocation": script_location("sales_audit"),
            "PythonVersion": "3.9",
        },
        DefaultArguments={
            "--job-language": "python",
            "library-set": "analytics",
            "--TempDir": f"s3://{ASSETS}/temporary/",
        },
        MaxCapacity=0.0625,
        Timeout=30,
        GlueVersion="3.0",
    )
    upload_script(aws, "sales_audit")
    glue.create_trigger(
        Name="sales-start",
        WorkflowName="sales-nightly",
        Type="ON_DEMAND",
        Actions=[{"CrawlerName": "sales-raw-crawler"}],
    )
    glue.create_trigger(
        Name="sales-after-crawl",
        WorkflowName="sales-nightly",
        Type="CONDITIONAL",
        StartOnCreation=True,
        Predicate={
            "Logical": "AND",
            "Conditions": [
                {
                    "LogicalOperator": "EQUALS",
                    "CrawlerName": "sales-raw-crawler",
                    "CrawlState": "SUCCEEDED",
                }
            ],
        },
        Actions=[
            # This trigger's runs read another bucket and may take longer than the job's own.
            {
                "JobName": "sales_clean",
                "Arguments": {"--source_bucket": "acme-raw-replay"},
                "Timeout": 600,
            },
            {"JobName": "sales_report"},
        ],
    )
    glue.create_trigger(
        Name="sales-any-done",
        WorkflowName="sales-nightly",
        Type="CONDITIONAL",
        StartOnCreation=True,
        Predicate={
            "Logical": "ANY",
            "Conditions": [
                {"LogicalOperator": "EQUALS", "JobName": "sales_clean", "State": "SUCCEEDED"},
                {"LogicalOperator": "EQUALS", "JobName": "sales_report", "State": "SUCCEEDED"},
            ],
        },
        Actions=[{"JobName": "sales_audit"}],
    )


def _inventory_workflow(aws: boto3.Session) -> None:
    glue = aws.client("glue")
    glue.create_workflow(
        Name="inventory-hourly", MaxConcurrentRuns=2, DefaultRunProperties={"source": "erp"}
    )
    glue.create_crawler(
        Name="inventory-reference",
        Role=CRAWLER_ROLE,
        DatabaseName="inventory",
        Targets={
            "JdbcTargets": [{"ConnectionName": "reference-postgres", "Path": "reference/public/%"}]
        },
    )
    create_spark_job(aws, "Inventory Load", Timeout=60)
    glue.create_trigger(
        Name="inventory-start",
        WorkflowName="inventory-hourly",
        Type="SCHEDULED",
        Schedule="cron(15 * * * ? *)",
        StartOnCreation=True,
        Actions=[{"CrawlerName": "inventory-reference"}],
    )
    glue.create_trigger(
        Name="inventory-after-crawl",
        WorkflowName="inventory-hourly",
        Type="CONDITIONAL",
        StartOnCreation=True,
        Predicate={
            "Logical": "AND",
            "Conditions": [
                {
                    "LogicalOperator": "EQUALS",
                    "CrawlerName": "inventory-reference",
                    "CrawlState": "SUCCEEDED",
                }
            ],
        },
        Actions=[{"JobName": "Inventory Load"}],
    )
