"""A run's end reaches the deployed alerts: Glue's event, the deployed rule, the SNS topic.

https://docs.aws.amazon.com/glue/latest/dg/automating-awsglue-with-cloudwatch-events.html:
Glue sends "Glue Job State Change" for SUCCEEDED, FAILED, TIMEOUT and STOPPED runs, and
"Glue Crawler State Change" for Started, Succeeded and Failed crawls.
"""

import json
from typing import Any

import pytest

from gluestack.local.cdk_out.deploy import DeployedApp
from gluestack.local.pipeline_run import LOCAL_POLLING
from gluestack.ops import pipeline_manifest, wait_for_crawler, wait_for_job_run
from gluestack.ops.errors import JobRunFailed


def _subscribed_queue(session: Any, deployed_app: DeployedApp) -> str:
    """An SQS queue subscribed to the deployed alerts topic, as a user would read alerts."""
    sns, sqs = session.client("sns"), session.client("sqs")
    (topic,) = [
        stack.outputs["AlertsTopicArn"]
        for stack in deployed_app.stacks.values()
        if "AlertsTopicArn" in stack.outputs
    ]
    queue_url: str = sqs.create_queue(QueueName="alerts-inbox")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
    sns.subscribe(
        TopicArn=topic,
        Protocol="sqs",
        Endpoint=queue_arn["Attributes"]["QueueArn"],
        Attributes={"RawMessageDelivery": "true"},
    )
    return queue_url


def _alerts(sqs: Any, queue_url: str) -> list[dict[str, Any]]:
    received = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10)
    return [json.loads(m["Body"]) for m in received.get("Messages", [])]


def test_a_failed_run_alerts_the_deployed_topic_and_a_successful_crawl_does_not(
    account: Any, deployed_app: DeployedApp
) -> None:
    session, _ = account
    glue, sqs = session.client("glue"), session.client("sqs")
    queue_url = _subscribed_queue(session, deployed_app)
    stacks = [name for name in deployed_app.stacks if "-pipeline-" in name]
    manifest = pipeline_manifest(session.client("cloudformation"), stacks[0])
    crawler = next(iter(manifest.crawlers.values()))
    job = next(iter(manifest.jobs.values()))

    glue.start_crawler(Name=crawler)  # no data yet: Glue's crawl succeeds with no tables
    wait_for_crawler(glue, crawler, deadline_seconds=120, schedule=LOCAL_POLLING)
    assert _alerts(sqs, queue_url) == []

    run_id = glue.start_job_run(JobName=job)["JobRunId"]  # its input tables are not crawled
    with pytest.raises(JobRunFailed):
        wait_for_job_run(glue, job, run_id, deadline_seconds=120, schedule=LOCAL_POLLING)
    run = glue.get_job_run(JobName=job, RunId=run_id)["JobRun"]
    assert run["JobRunState"] == "FAILED"
    (alert,) = _alerts(sqs, queue_url)
    assert alert == {
        "pipeline": manifest.pipeline,
        "kind": "job",
        "name": job,
        "state": "FAILED",
        "run": run_id,
        "message": run["ErrorMessage"],
    }
