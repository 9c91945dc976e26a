"""The flights pipeline stack: crawler, job, workflow, triggers and least-privilege roles."""

import json
from typing import Any

import aws_cdk as cdk
import pytest
from aws_cdk.assertions import Match

from gluestack.cdk.environment import EnvironmentError_, environment_from_context
from gluestack.cdk.naming import pascal
from gluestack.spec import load_all
from tests.cdk.conftest import PROJECT_ROOT, Templates, context

TABLES = ["flights", "weather", "planes"]


def _only(resources: dict[str, dict[str, Any]]) -> dict[str, Any]:
    (resource,) = resources.values()
    return resource["Properties"]


def _named(resources: dict[str, dict[str, Any]], name: str) -> dict[str, Any]:
    (properties,) = [r["Properties"] for r in resources.values() if r["Properties"]["Name"] == name]
    return properties


def _policy_statements(dev: Templates, role_prefix: str) -> list[dict[str, Any]]:
    statements = []
    for policy in dev.pipeline.find_resources("AWS::IAM::Policy").values():
        roles = [r["Ref"] for r in policy["Properties"]["Roles"]]
        if any(r.startswith(role_prefix) for r in roles):
            statements += policy["Properties"]["PolicyDocument"]["Statement"]
    assert statements, f"no policy for {role_prefix}"
    return statements


def _actions(statement: dict[str, Any]) -> list[str]:
    actions = statement["Action"]
    return [actions] if isinstance(actions, str) else actions


def test_crawler_targets_every_raw_table_prefix(dev: Templates) -> None:
    crawler = _named(dev.pipeline.find_resources("AWS::Glue::Crawler"), "flights-dev-raw")
    assert crawler["Name"] == "flights-dev-raw"
    paths = [json.dumps(t["Path"]) for t in crawler["Targets"]["S3Targets"]]
    assert len(paths) == len(TABLES)
    for table, path in zip(TABLES, paths, strict=True):
        assert "s3://gluestack-dev-raw-" in path and f"/nycflights13/{table}/" in path
    assert crawler["Role"]["Fn::GetAtt"][0].startswith("RawCrawlerRole")


def test_job_runs_the_script_asset_on_glue_5(dev: Templates) -> None:
    job = _named(dev.pipeline.find_resources("AWS::Glue::Job"), "flights-dev-clean")
    assert job["Name"] == "flights-dev-clean"
    assert job["Command"]["Name"] == "glueetl"
    assert job["Command"]["PythonVersion"] == "3"
    location = json.dumps(job["Command"]["ScriptLocation"])
    assert "cdk-hnb659fds-assets" in location and location.endswith('.py"]]}')
    assert (job["GlueVersion"], job["WorkerType"], job["NumberOfWorkers"]) == ("5.1", "G.1X", 2)
    assert (job["Timeout"], job["MaxRetries"]) == (30, 1)
    assert "GlueSecurity" in json.dumps(job["SecurityConfiguration"])


def test_job_arguments_locate_its_database_output_and_temp_dir(dev: Templates) -> None:
    arguments = _named(dev.pipeline.find_resources("AWS::Glue::Job"), "flights-dev-clean")[
        "DefaultArguments"
    ]
    assert arguments["--database"] == "flights_dev"
    output = json.dumps(arguments["--flights_clean_path"])
    assert "s3://gluestack-dev-curated-" in output and "/flights_clean/" in output
    assert "/glue-temp/flights/clean/" in json.dumps(arguments["--TempDir"])


def test_on_demand_trigger_starts_the_crawler(dev: Templates) -> None:
    dev.pipeline.has_resource_properties(
        "AWS::Glue::Trigger",
        {
            "Name": "flights-dev-start",
            "Type": "ON_DEMAND",
            "Actions": [
                {"CrawlerName": {"Ref": Match.string_like_regexp("^RawCrawler")}},
                {"CrawlerName": {"Ref": Match.string_like_regexp("^ReferenceCrawler")}},
            ],
            "WorkflowName": {"Ref": Match.string_like_regexp("^Workflow")},
        },
    )


def test_job_starts_when_the_crawl_succeeds(dev: Templates) -> None:
    dev.pipeline.has_resource_properties(
        "AWS::Glue::Trigger",
        {
            "Name": "flights-dev-after_raw_crawl",
            "Type": "CONDITIONAL",
            "StartOnCreation": True,
            "Predicate": {
                "Logical": "AND",
                "Conditions": [
                    {
                        "CrawlerName": {"Ref": Match.string_like_regexp(f"^{crawler}Crawler")},
                        "CrawlState": "SUCCEEDED",
                        "LogicalOperator": "EQUALS",
                    }
                    for crawler in ("Raw", "Reference")
                ],
            },
            "Actions": [{"JobName": {"Ref": Match.string_like_regexp("^CleanJob")}}],
        },
    )
    dev.pipeline.has_resource_properties("AWS::Glue::Workflow", {"Name": "flights-dev"})


def test_every_conditional_predicate_names_its_logical(dev: Templates) -> None:
    # CDK leaves Logical out for one condition; deploys of such triggers are reported failing
    # with "Logical operator cannot be null or empty" (aws/aws-cdk#34652).
    triggers = dev.pipeline.find_resources("AWS::Glue::Trigger").values()
    predicates = [t["Properties"]["Predicate"] for t in triggers if "Predicate" in t["Properties"]]
    assert predicates and all(p["Logical"] == "AND" for p in predicates)
    assert any(len(p["Conditions"]) == 1 for p in predicates)  # after_clean: one condition


def test_manifest_output_names_every_deployed_resource(dev: Templates) -> None:
    manifest = json.loads(
        dev.pipeline.find_outputs("PipelineManifest")["PipelineManifest"]["Value"]
    )
    assert manifest == {
        "pipeline": "flights",
        "database": "flights_dev",
        "workflow": "flights-dev",
        "crawlers": {
            "raw": "flights-dev-raw",
            "reference": "flights-dev-reference",
            "curated": "flights-dev-curated",
        },
        "jobs": {"clean": "flights-dev-clean", "features": "flights-dev-features"},
        "triggers": {
            "start": "flights-dev-start",
            "after_raw_crawl": "flights-dev-after_raw_crawl",
            "after_clean": "flights-dev-after_clean",
            "after_features": "flights-dev-after_features",
        },
        "connections": {"reference": "flights-dev-reference"},
        "job_outputs": {"clean": ["flights_clean"], "features": ["flights_features"]},
        "rulesets": {
            "flights_clean": {
                "ruleset": "flights-dev-flights_clean-quality",
                "job": "flights-dev-clean",
                "on_failure": "warn",
            }
        },
        "table_rulesets": {},
    }


def test_no_role_uses_an_aws_managed_policy(dev: Templates) -> None:
    for role in dev.pipeline.find_resources("AWS::IAM::Role").values():
        assert "ManagedPolicyArns" not in role["Properties"]


def test_job_reads_raw_but_writes_only_its_curated_prefix(dev: Templates) -> None:
    writes = [
        json.dumps(s["Resource"])
        for s in _policy_statements(dev, "CleanJobRole")
        if "s3:PutObject" in _actions(s)
    ]
    assert writes
    assert not any("-raw-" in w for w in writes)
    assert any("gluestack-dev-curated-" in w and "/flights_clean/*" in w for w in writes)


def test_crawler_cannot_write_to_s3(dev: Templates) -> None:
    for statement in _policy_statements(dev, "RawCrawlerRole"):
        assert not [a for a in _actions(statement) if a.startswith("s3:Put")], statement


def test_catalog_access_is_scoped_to_the_pipeline_database(dev: Templates) -> None:
    for prefix in ("CleanJobRole", "RawCrawlerRole"):
        for statement in _policy_statements(dev, prefix):
            glue_actions = [a for a in _actions(statement) if a.startswith("glue:")]
            if not glue_actions:
                continue
            assert "glue:*" not in glue_actions
            assert statement["Resource"] != "*"
            if set(glue_actions) == RULESET_ACTIONS:
                continue  # scoped to the job's own ruleset, below
            if glue_actions == ["glue:GetConnection"]:
                assert "connection/flights-dev-reference" in json.dumps(statement["Resource"])
                continue  # the database connection its reference inputs are read through
            assert "database/" in json.dumps(statement["Resource"])


def test_a_job_reading_database_tables_runs_with_their_connection_and_its_secret(
    dev: Templates,
) -> None:
    clean = _named(dev.pipeline.find_resources("AWS::Glue::Job"), "flights-dev-clean")
    assert clean["Connections"] == {"Connections": ["flights-dev-reference"]}
    features = _named(dev.pipeline.find_resources("AWS::Glue::Job"), "flights-dev-features")
    assert "Connections" not in features  # it reads S3 only
    secrets = [
        json.dumps(s["Resource"])
        for s in _policy_statements(dev, "CleanJobRole")
        if "secretsmanager:GetSecretValue" in _actions(s)
    ]
    assert len(secrets) == 1 and ":secret:flights/reference-db-??????" in secrets[0]
    creates = [
        json.dumps(s["Resource"])
        for s in _policy_statements(dev, "CleanJobRole")
        if "ec2:CreateNetworkInterface" in _actions(s)
    ]
    assert len(creates) == 1  # in the connection's subnet, with its security groups only
    assert ":subnet/subnet-0123456789abcdef0" in creates[0]
    assert ":security-group/sg-0123456789abcdef0" in creates[0]
    for statement in _policy_statements(dev, "FeaturesJobRole"):
        assert "secretsmanager:GetSecretValue" not in _actions(statement)


RULESET_ACTIONS = {"glue:GetDataQualityRuleset", "glue:PublishDataQuality"}


def test_a_job_may_read_and_publish_to_only_the_rulesets_of_the_tables_it_writes(
    dev: Templates,
) -> None:
    # The role a ruleset evaluation run on the table assumes: the writing job's
    # (https://docs.aws.amazon.com/glue/latest/dg/data-quality-authorization.html).
    flights = next(s for s in load_all(PROJECT_ROOT / "pipelines") if s.name == "flights")
    for name, job in flights.jobs.items():
        checked = sorted(t for t, output in job.outputs.items() if output.data_quality)
        granted = [
            json.dumps(s["Resource"])
            for s in _policy_statements(dev, f"{pascal(name)}JobRole")
            if set(_actions(s)) & RULESET_ACTIONS
        ]
        assert len(granted) == len(checked), name
        for table, resource in zip(checked, granted, strict=True):
            assert f"dataQualityRuleset/flights-dev-{table}-quality" in resource


def test_prod_names_carry_the_environment(prod: Templates) -> None:
    prod.pipeline.has_resource_properties("AWS::Glue::Job", {"Name": "flights-prod-clean"})
    prod.pipeline.has_resource_properties("AWS::Glue::Crawler", {"Name": "flights-prod-raw"})


def test_an_undeclared_environment_is_a_clear_error() -> None:
    app = cdk.App(context={**context("dev"), "env": "staging"})
    with pytest.raises(EnvironmentError_, match="no environment 'staging'; declared: dev, prod"):
        environment_from_context(app)


def test_the_security_configuration_encrypts_s3_logs_and_bookmarks(dev: Templates) -> None:
    encryption = _only(dev.pipeline.find_resources("AWS::Glue::SecurityConfiguration"))
    assert encryption["Name"] == "flights-dev"
    modes = encryption["EncryptionConfiguration"]
    assert modes["S3Encryptions"][0]["S3EncryptionMode"] == "SSE-KMS"
    assert modes["CloudWatchEncryption"]["CloudWatchEncryptionMode"] == "SSE-KMS"
    assert modes["JobBookmarksEncryption"]["JobBookmarksEncryptionMode"] == "CSE-KMS"
    crawler = _named(dev.pipeline.find_resources("AWS::Glue::Crawler"), "flights-dev-raw")
    assert "GlueSecurity" in json.dumps(crawler["CrawlerSecurityConfiguration"])


def test_shared_code_ships_as_a_zip_in_extra_py_files(dev: Templates) -> None:
    arguments = _named(dev.pipeline.find_resources("AWS::Glue::Job"), "flights-dev-clean")[
        "DefaultArguments"
    ]
    location = json.dumps(arguments["--extra-py-files"])
    assert "cdk-hnb659fds-assets" in location and ".zip" in location


def test_a_job_reading_another_jobs_output_gets_its_folder_and_may_only_read_it(
    dev: Templates,
) -> None:
    jobs = dev.pipeline.find_resources("AWS::Glue::Job")
    arguments = _named(jobs, "flights-dev-features")["DefaultArguments"]
    assert "/flights_clean/" in json.dumps(arguments["--flights_clean_path"])
    assert "/flights_features/" in json.dumps(arguments["--flights_features_path"])
    statements = _policy_statements(dev, "FeaturesJobRole")
    writes = [s for s in statements if "s3:PutObject" in _actions(s)]
    assert writes and all("flights_clean" not in json.dumps(s["Resource"]) for s in writes)
    reads = [s for s in statements if _actions(s) == ["s3:GetObject"]]
    assert any("flights_clean" in json.dumps(s["Resource"]) for s in reads)
