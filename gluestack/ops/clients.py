"""boto3 sessions and clients with botocore's retry config: throttling is retried with backoff
there. Service models are read once per process and clients made once per session."""

import threading
import weakref
from typing import TYPE_CHECKING, Any, Literal, overload

import boto3
import botocore.loaders
import botocore.session
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

# A new botocore session reads every service model it uses from disk again (about 60 ms per
# service); one loader shared by the sessions gluestack makes reads each model once.
_MODELS = botocore.loaders.create_loader()
_LOCK = threading.Lock()
_CLIENTS: "weakref.WeakKeyDictionary[boto3.Session, dict[tuple[str, str | None], Any]]" = (
    weakref.WeakKeyDictionary()
)


def new_session(**settings: Any) -> boto3.Session:
    """A boto3 session (settings: boto3.Session's) that reads service models from the shared
    loader."""
    core = botocore.session.get_session()
    core.register_component("data_loader", _MODELS)
    with _LOCK:
        made = boto3.Session(botocore_session=core, **settings)
        # boto3 appends its resource models' folder to the loader's paths for each session.
        _MODELS.search_paths[:] = list(dict.fromkeys(_MODELS.search_paths))
    return made


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
    """A client for service with gluestack's retry config (endpoint_url: e.g. a moto server),
    made once per session: clients are thread-safe, sessions are not."""
    with _LOCK:
        clients = _CLIENTS.setdefault(session, {})
        made = clients.get((service, endpoint_url))
        if made is None:
            made = session.client(service, endpoint_url=endpoint_url, config=RETRY_CONFIG)  # type: ignore[call-overload]
            clients[(service, endpoint_url)] = made
        return made


def glue_client(session: boto3.Session, endpoint_url: str | None = None) -> "GlueClient":
    """A Glue client with gluestack's retry config."""
    return client(session, "glue", endpoint_url=endpoint_url)
