"""The synthesized app deployed into moto matches its templates, read through the Glue API."""

import json
from pathlib import Path
from typing import Any

import boto3
import pytest

from gluestack.local.cdk_out.deploy import (
    HANDLERS,
    SKIPPED_TYPES,
    DeployedApp,
    DeployError,
    deploy_assembly,
    read_assembly,
)
from gluestack.local.cdk_out.deploy.handlers.s3 import offline_statements
from gluestack.ops.stacks import pipeline_manifest, stack_outputs
from gluestack.spec import load

STORAGE, PIPELINE = "gluestack-dev-storage", "gluestack-dev-pipeline-flights"


def _resources_of(
    cdk_out: Path, resource_type: str, stack_name: str | None = None
) -> dict[str, dict[str, Any]]:
    return {
        logical_id: resource["Properties"]
        for stack in read_assembly(cdk_out)
        if stack_name in (None, stack.name)
        for logical_id, resource in stack.template["Resources"].items()
        if resource["Type"] == resource_type
    }


def test_every_emitted_resource_type_is_handled_or_deliberately_skipped(cdk_out: Path) -> None:
    emitted = {
        resource["Type"]
        for stack in read_assembly(cdk_out)
        for resource in stack.template["Resources"].values()
    }
    assert emitted - set(HANDLERS) - set(SKIPPED_TYPES) == set()


def test_every_template_resource_is_created(cdk_out: Path, deployed_app: DeployedApp) -> None:
    for stack in read_assembly(cdk_out):
        expected = {
            logical_id: resource["Type"]
            for logical_id, resource in stack.template["Resources"].items()
            if resource["Type"] not in SKIPPED_TYPES
        }
        created = {r.logical_id: r.type for r in deployed_app.stacks[stack.name].resources.values()}
        assert created == expected


def test_jobs_match_their_templates(
    aws: boto3.Session, cdk_out: Path, deployed_app: DeployedApp
) -> None:
    glue, s3 = aws.client("glue"), aws.client("s3")
    templates = _resources_of(cdk_out, "AWS::Glue::Job", PIPELINE)
    spec = load(Path("pipelines/flights.yaml"))
    scripts = {f"flights-dev-{name}": job.script for name, job in spec.jobs.items()}
    assert sorted(t["Name"] for t in templates.values()) == sorted(scripts)
    for template in templates.values():
        job = glue.get_job(JobName=template["Name"])["Job"]
        for key in ("GlueVersion", "WorkerType", "NumberOfWorkers", "Timeout", "MaxRetries"):
            assert job[key] == template[key], key
        assert job["Command"]["Name"] == template["Command"]["Name"] == "glueetl"
        assert job["SecurityConfiguration"] == "flights-dev"
        bucket, _, key = job["Command"]["ScriptLocation"].removeprefix("s3://").partition("/")
        script = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        assert script == Path(scripts[template["Name"]]).read_bytes()
    clean = glue.get_job(JobName="flights-dev-clean")["Job"]["DefaultArguments"]
    curated = deployed_app.output(STORAGE, "CuratedBucketName")
    assert clean["--database"] == "flights_dev"
    assert clean["--flights_clean_path"] == f"s3://{curated}/flights_clean/"
    assert clean["--TempDir"].startswith(f"s3://{deployed_app.output(STORAGE, 'TempBucketName')}/")


def test_crawler_targets_the_raw_prefixes(aws: boto3.Session, deployed_app: DeployedApp) -> None:
    crawler = aws.client("glue").get_crawler(Name="flights-dev-raw")["Crawler"]
    raw = deployed_app.output(STORAGE, "RawBucketName")
    paths = sorted(t["Path"] for t in crawler["Targets"]["S3Targets"])
    tables = ["flights", "planes", "weather"]
    assert paths == [f"s3://{raw}/nycflights13/{table}/" for table in tables]
    assert crawler["DatabaseName"] == "flights_dev"
    role_name = crawler["Role"].rsplit("/", 1)[-1]
    assert aws.client("iam").get_role(RoleName=role_name)["Role"]["Arn"] == crawler["Role"]


def test_triggers_chain_the_deployed_crawler_and_job(
    aws: boto3.Session, deployed_app: DeployedApp
) -> None:
    glue = aws.client("glue")
    start = glue.get_trigger(Name="flights-dev-start")["Trigger"]
    after = glue.get_trigger(Name="flights-dev-after_raw_crawl")["Trigger"]
    assert (start["Type"], start["WorkflowName"]) == ("ON_DEMAND", "flights-dev")
    assert start["Actions"] == [
        {"CrawlerName": "flights-dev-raw"},
        {"CrawlerName": "flights-dev-reference"},
    ]
    assert after["Predicate"]["Conditions"] == [
        {
            "LogicalOperator": "EQUALS",
            "CrawlerName": f"flights-dev-{name}",
            "CrawlState": "SUCCEEDED",
        }
        for name in ("raw", "reference")
    ]
    assert after["Actions"] == [{"JobName": "flights-dev-clean"}]


def test_data_buckets_are_encrypted_with_the_project_key(
    aws: boto3.Session, deployed_app: DeployedApp
) -> None:
    s3 = aws.client("s3")
    key_arn = deployed_app.output(STORAGE, "DataKeyArn")
    for output in ("RawBucketName", "CuratedBucketName", "TempBucketName"):
        bucket = deployed_app.output(STORAGE, output)
        rule = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]
        default = rule["Rules"][0]["ApplyServerSideEncryptionByDefault"]
        assert default == {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key_arn}
        block = s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
        assert all(block.values())
        s3.put_object(Bucket=bucket, Key="probe", Body=b"written over TLS, as every call is")
        assert s3.get_bucket_logging(Bucket=bucket)["LoggingEnabled"]["TargetBucket"]


def test_outputs_are_readable_through_cloudformation(
    aws: boto3.Session, deployed_app: DeployedApp
) -> None:
    cloudformation = aws.client("cloudformation")
    assert stack_outputs(cloudformation, STORAGE) == deployed_app.stacks[STORAGE].outputs
    manifest = pipeline_manifest(cloudformation, PIPELINE)
    assert manifest.jobs == {"clean": "flights-dev-clean", "features": "flights-dev-features"}
    assert manifest.crawlers == {
        "raw": "flights-dev-raw",
        "reference": "flights-dev-reference",
        "curated": "flights-dev-curated",
    }
    assert manifest.database == "flights_dev"


def _one_stack_assembly(folder: Path, resources: dict[str, Any]) -> None:
    """A cloud assembly of one stack, "one", holding resources."""
    (folder / "one.template.json").write_text(json.dumps({"Resources": resources}))
    artifact = {
        "type": "aws:cloudformation:stack",
        "properties": {"templateFile": "one.template.json"},
    }
    (folder / "manifest.json").write_text(json.dumps({"artifacts": {"one": artifact}}))


def test_an_unhandled_resource_type_fails_with_its_logical_id(
    aws: boto3.Session, tmp_path: Path
) -> None:
    _one_stack_assembly(tmp_path, {"Mystery": {"Type": "AWS::Foo::Bar", "Properties": {}}})
    with pytest.raises(DeployError, match=r"one/Mystery \(AWS::Foo::Bar\): no offline handler"):
        deploy_assembly(tmp_path, aws)


def test_a_predicate_without_logical_is_refused_not_patched(
    aws: boto3.Session, tmp_path: Path
) -> None:
    trigger = {
        "Type": "AWS::Glue::Trigger",
        "Properties": {
            "Type": "CONDITIONAL",
            "Actions": [{"JobName": "b"}],
            "Predicate": {"Conditions": [{"JobName": "a", "State": "SUCCEEDED",
                                          "LogicalOperator": "EQUALS"}]},
        },
    }  # fmt: skip
    _one_stack_assembly(tmp_path, {"After": trigger})
    with pytest.raises(
        DeployError, match=r"one/After \(AWS::Glue::Trigger\): the trigger's Predicate"
    ):
        deploy_assembly(tmp_path, aws)


def test_conditional_denies_are_kept_out_of_moto_only() -> None:
    ssl_only = {
        "Effect": "Deny",
        "Principal": {"AWS": "*"},
        "Action": "s3:*",
        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
    }
    log_delivery = {"Effect": "Allow", "Principal": {"Service": "logging.s3.amazonaws.com"}}
    unconditional_deny = {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "s3:Delete*"}
    statements = [ssl_only, log_delivery, unconditional_deny]
    assert offline_statements(statements) == [log_delivery, unconditional_deny]


def test_rulesets_are_deployed_as_their_templates_say_and_the_manifest_finds_them(
    aws: boto3.Session, cdk_out: Path, deployed_app: DeployedApp
) -> None:
    glue = aws.client("glue")
    templates = _resources_of(cdk_out, "AWS::Glue::DataQualityRuleset")
    for template in templates.values():
        ruleset = glue.get_data_quality_ruleset(Name=template["Name"])
        assert ruleset["Ruleset"] == template["Ruleset"]
        assert ruleset["TargetTable"] == template["TargetTable"]
    cloudformation = aws.client("cloudformation")
    deployed = {
        entry["ruleset"]
        for stack in read_assembly(cdk_out)
        if "PipelineManifest" in stack.template.get("Outputs", {})
        for entry in pipeline_manifest(cloudformation, stack.name).rulesets.values()
    }
    assert deployed == {t["Name"] for t in templates.values()}
