"""boto3 clients with botocore's retry config: throttling is retried with backoff there."""

from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config

if TYPE_CHECKING:
    from mypy_boto3_glue import GlueClient

# Adaptive mode adds client-side rate limiting on top of standard retries, which suits the
# bursty polling of many Glue runs from one process.
RETRY_CONFIG = Config(retries={"mode": "adaptive", "max_attempts": 10})


def client(session: boto3.Session, service: str, endpoint_url: str | None = None) -> Any:
    """A client for service with gluestack's retry config (endpoint_url: e.g. a moto server)."""
    return session.client(service, endpoint_url=endpoint_url, config=RETRY_CONFIG)  # type: ignore[call-overload]


def glue_client(session: boto3.Session, endpoint_url: str | None = None) -> "GlueClient":
    """A Glue client with gluestack's retry config."""
    glue: GlueClient = client(session, "glue", endpoint_url=endpoint_url)
    return glue
