"""The ops helpers drive the deployed flights pipeline, finding every name from its stack."""

import boto3

from gluestack.local.cdk_out.deploy import DeployedApp
from gluestack.ops import (
    client,
    glue_client,
    pipeline_manifest,
    pipeline_status,
    run_crawler,
    run_job,
)
from gluestack.spec.names import pipeline_stack_name


def test_the_crawler_and_job_named_by_the_stack_run_and_the_status_reports_them(
    aws: boto3.Session, deployed_app: DeployedApp
) -> None:
    glue = glue_client(aws)
    manifest = pipeline_manifest(
        client(aws, "cloudformation"), pipeline_stack_name("dev", "flights")
    )
    crawl = run_crawler(glue, manifest.crawlers["raw"], deadline_seconds=60)
    job = run_job(glue, manifest.jobs["clean"], run_token="t-1", deadline_seconds=60)
    again = run_job(glue, manifest.jobs["clean"], run_token="t-1", deadline_seconds=60)

    assert (crawl.status, job.state) == ("SUCCEEDED", "SUCCEEDED")
    assert again.run_id == job.run_id  # a retried start re-attaches to the run already made
    status = pipeline_status(glue, manifest)
    assert {j.name: j.last_state for j in status.jobs}["clean"] == "SUCCEEDED"
    assert {c.name: c.last_crawl for c in status.crawlers}["raw"] == "SUCCEEDED"
    assert status.workflow == manifest.workflow
