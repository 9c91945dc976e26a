"""Job scripts read from their ScriptLocation; a missing object is reported, not fatal."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

# What S3 answers for an object that is not there (or not readable by this caller).
MISSING = {"NoSuchKey", "NoSuchBucket", "404", "NotFound", "AccessDenied", "403"}


@dataclass(frozen=True)
class Script:
    location: str
    text: str | None  # None: could not be read
    problem: str = ""


def read_script(s3: "S3Client", location: str) -> Script:
    """The script at s3://bucket/key; other S3 errors than a missing object propagate."""
    bucket, _, key = location.removeprefix("s3://").partition("/")
    try:
        body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    except ClientError as error:
        code = error.response.get("Error", {}).get("Code", "")
        if code not in MISSING:
            raise
        return Script(location, None, f"{code}: {error.response['Error'].get('Message', '')}")
    try:
        return Script(location, body.decode("utf-8"))
    except UnicodeDecodeError:
        return Script(location, None, "not a UTF-8 text file")


def missing_script_stub(location: str, problem: str) -> str:
    """A script that fails at once saying what happened, so the spec loads and nothing runs."""
    message = f"gluestack import could not read {location} ({problem}); put the job's script here"
    return f'"""{message}."""\n\nraise SystemExit({message!r})\n'
