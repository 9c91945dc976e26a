"""An offline AWS account (moto), in-process or served on loopback, in which Glue runs advance."""

import logging
import socket
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

import boto3
from moto import mock_aws
from moto.moto_api import state_manager
from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import make_server

from gluestack.local.moto_extensions import (
    crawler_metrics,
    data_quality_api,
    resource_updates,
    workflow_runs,
)
from gluestack.local.offline_identity import OFFLINE_CREDENTIALS, OFFLINE_REGION
from gluestack.local.process_environment import variables_set
from gluestack.ops.clients import new_session

GLUE_MODELS = ("glue::job_run", "glue::crawl")
STOP_SECONDS = 10.0
LISTEN_BACKLOG = 128


class PortUnavailable(OSError):
    """The loopback port a server was asked for cannot be bound (e.g. another process has it)."""


@contextmanager
def offline_account(region: str = OFFLINE_REGION) -> Iterator[boto3.Session]:
    """A boto3 session on a fresh in-process moto account; runs and crawls end when next read."""
    with _fake_credentials(), mock_aws(), _immediate_glue_runs():
        yield new_session(region_name=region)


@contextmanager
def moto_server(port: int = 0, region: str = OFFLINE_REGION) -> Iterator[tuple[str, boto3.Session]]:
    """A moto server on 127.0.0.1 (port 0: any free port): its endpoint URL and a session.

    Other processes (the CLI with --endpoint-url, subprocesses) share its state.
    """
    with loopback_server(port) as endpoint:
        # Servers in one process share moto's backends: start each from an empty account.
        urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"))
        with _fake_credentials(), _immediate_glue_runs():
            yield endpoint, new_session(region_name=region)


@contextmanager
def loopback_server(port: int = 0) -> Iterator[str]:
    """A moto server on 127.0.0.1 (port 0: any free port) for the block; its endpoint URL.

    It serves the process's moto backends (the in-process account too); its request log stays
    quiet, as the commands print their own progress.
    """
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    # Bound here, not in the serving thread: moto's ThreadedMotoServer waits with no deadline
    # for a thread that died on a busy port (so `local serve --port N` hung), and werkzeug
    # turns a failed bind into SystemExit.
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listening.bind(("127.0.0.1", port))
        listening.listen(LISTEN_BACKLOG)
    except OSError as error:
        listening.close()
        raise PortUnavailable(f"cannot serve on 127.0.0.1:{port}: {error.strerror}") from error
    with listening:
        server = make_server(
            "127.0.0.1", port, DomainDispatcherApplication(create_backend_app), True,
            request_handler=MotoRequestHandler, fd=listening.fileno(),
        )  # fmt: skip
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        thread.join(STOP_SECONDS)


@contextmanager
def _immediate_glue_runs() -> Iterator[None]:
    crawler_metrics.install()
    data_quality_api.install()
    resource_updates.install()
    workflow_runs.install()
    for model in GLUE_MODELS:
        state_manager.set_transition(model, {"progression": "immediate"})
    try:
        yield
    finally:
        for model in GLUE_MODELS:
            state_manager.unset_transition(model)


def _fake_credentials() -> AbstractContextManager[None]:
    return variables_set(OFFLINE_CREDENTIALS)
