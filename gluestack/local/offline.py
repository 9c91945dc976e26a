"""An in-process offline AWS account (moto) in which Glue runs and crawls advance."""

import os
from collections.abc import Iterator
from contextlib import contextmanager

import boto3
from moto import mock_aws
from moto.moto_api import state_manager

GLUE_MODELS = ("glue::job_run", "glue::crawl")
_FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "offline",
    "AWS_SECRET_ACCESS_KEY": "offline",
    "AWS_SESSION_TOKEN": "offline",
}


@contextmanager
def offline_account(region: str = "us-east-1") -> Iterator[boto3.Session]:
    """A boto3 session on a fresh moto account; job runs and crawls finish when next read."""
    saved = {name: os.environ.get(name) for name in _FAKE_CREDENTIALS}
    os.environ.update(_FAKE_CREDENTIALS)
    try:
        with mock_aws():
            for model in GLUE_MODELS:
                state_manager.set_transition(model, {"progression": "immediate"})
            try:
                yield boto3.Session(region_name=region)
            finally:
                for model in GLUE_MODELS:
                    state_manager.unset_transition(model)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
