"""boto3 clients with botocore's retry config: throttling is retried with backoff there."""

from typing import TYPE_CHECKING, Any, Literal, overload

import boto3
from botocore.config import Config

if TYPE_CHECKING:
    from mypy_boto3_cloudformation import CloudFormationClient
    from mypy_boto3_cloudwatch import CloudWatchClient
    from mypy_boto3_events import EventBridgeClient
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_logs import CloudWatchLogsClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_secretsmanager import SecretsManagerClient
    from mypy_boto3_sns import SNSClient
    from mypy_boto3_sts import STSClient

# Adaptive mode adds client-side rate limiting on top of standard retries, which suits the
# bursty polling of many Glue runs from one process.
RETRY_CONFIG = Config(retries={"mode": "adaptive", "max_attempts": 10})


# The installed stubs' client types for the services gluestack calls; any other is Any.
@overload
def client(
    session: boto3.Session, service: Literal["cloudformation"], endpoint_url: str | None = None
) -> "CloudFormationClient": ...
@overload
def client(
    session: boto3.Session, service: Literal["cloudwatch"], endpoint_url: str | None = None
) -> "CloudWatchClient": ...
@overload
def client(
    session: boto3.Session, service: Literal["events"], endpoint_url: str | None = None
) -> "EventBridgeClient": ...
@overload
def client(
    session: boto3.Session, service: Literal["glue"], endpoint_url: str | None = None
) -> "GlueClient": ...
@overload
def client(
    session: boto3.Session, service: Literal["logs"], endpoint_url: str | None = None
) -> "CloudWatchLogsClient": ...
@overload
def client(
    session: boto3.Session, service: Literal["s3"], endpoint_url: str | None = None
) -> "S3Client": ...
@overload
def client(
    session: boto3.Session, service: Literal["secretsmanager"], endpoint_url: str | None = None
) -> "SecretsManagerClient": ...
@overload
def client(
    session: boto3.Session, service: Literal["sns"], endpoint_url: str | None = None
) -> "SNSClient": ...
@overload
def client(
    session: boto3.Session, service: Literal["sts"], endpoint_url: str | None = None
) -> "STSClient": ...
@overload
def client(session: boto3.Session, service: str, endpoint_url: str | None = None) -> Any: ...


def client(session: boto3.Session, service: str, endpoint_url: str | None = None) -> Any:
    """A client for service with gluestack's retry config (endpoint_url: e.g. a moto server)."""
    return session.client(service, endpoint_url=endpoint_url, config=RETRY_CONFIG)  # type: ignore[call-overload]


def glue_client(session: boto3.Session, endpoint_url: str | None = None) -> "GlueClient":
    """A Glue client with gluestack's retry config."""
    return client(session, "glue", endpoint_url=endpoint_url)
