"""Who the offline account is: its default region and the fake credentials every client uses.

Light on purpose (no moto import): job processes and the CLI need it without the server side.
"""

import boto3

from gluestack.ops.clients import new_session

# The offline account's region unless one is asked for (its account is moto's 123456789012).
OFFLINE_REGION = "us-east-1"
# moto checks no credentials; these keep boto3 from looking for real ones.
OFFLINE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "offline",
    "AWS_SECRET_ACCESS_KEY": "offline",
    "AWS_SESSION_TOKEN": "offline",
}


def offline_session(region: str | None = None) -> boto3.Session:
    """A boto3 session with the offline credentials."""
    return new_session(
        aws_access_key_id=OFFLINE_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=OFFLINE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        aws_session_token=OFFLINE_CREDENTIALS["AWS_SESSION_TOKEN"],
        region_name=region or OFFLINE_REGION,
    )
