"""References to resources gluestack does not own: an existing IAM role, an existing S3 location.

An imported job or crawler keeps the role and the data it had; gluestack refers to them by
ARN or URI and never proposes to create or replace them.
"""

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, Field

# https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html: a role name is
# 1-64 of [\w+=,.@-]; a path is '/' or /.../ of printable ASCII but the slash-free name.
_ROLE_ARN = re.compile(
    r"^arn:aws[a-z-]*:iam::\d{12}:role/(?:[\x21-\x7e]*/)?(?P<name>[\w+=,.@-]{1,64})$"
)
ROLE_ARN_FORM = "arn:<partition>:iam::<12-digit account>:role/[<path>/]<name>"

# https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html (general
# purpose buckets): 3-63 of lowercase letters, digits, '.', '-', starting and ending with a
# letter or digit.
_S3_URI = re.compile(r"^s3://(?P<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:/(?P<key>.*))?$")
S3_URI_FORM = "s3://<bucket>/<prefix>/"


def _role_arn(value: str) -> str:
    if not _ROLE_ARN.match(value):
        raise ValueError(f"{value!r} is not an IAM role ARN; write {ROLE_ARN_FORM}")
    return value


@dataclass(frozen=True)
class S3Location:
    """A bucket and a key prefix ('' for the whole bucket) of an s3:// URI."""

    bucket: str
    prefix: str


def s3_location(uri: str) -> S3Location:
    """The bucket and prefix of an s3:// URI; ValueError naming the form when it is not one."""
    match = _S3_URI.match(uri)
    if match is None:
        raise ValueError(f"{uri!r} is not an S3 location; write {S3_URI_FORM}")
    key = match["key"] or ""
    # IAM reads '*' and '?' in a resource as wildcards: a grant on the location would widen.
    if "*" in key or "?" in key or "//" in key or key.startswith("/"):
        raise ValueError(f"{uri!r}: an S3 location has no wildcards or empty folders")
    return S3Location(bucket=match["bucket"], prefix=key)


def _s3_uri(value: str) -> str:
    s3_location(value)
    return value


IamRoleArn = Annotated[
    str,
    AfterValidator(_role_arn),
    Field(description=f"the ARN of an existing IAM role, {ROLE_ARN_FORM}"),
]

S3Uri = Annotated[
    str,
    AfterValidator(_s3_uri),
    Field(description=f"an existing S3 location, {S3_URI_FORM}"),
]
