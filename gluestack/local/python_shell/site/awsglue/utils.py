"""awsglue.utils.getResolvedOptions as a Python shell job has it.

It runs in the job's own Python (3.9), where gluestack is not installed, so it imports nothing of
gluestack. It parses as awslabs/aws-glue-libs' getResolvedOptions (branch glue-5.1, awsglue/
utils.py): Glue's own arguments optional, each requested name a required --NAME, an
unambiguous prefix accepted, unknown arguments ignored.
"""

import argparse
from typing import Any

_BOOKMARK = ["--job-bookmark-option", "job-bookmark-enable", "job-bookmark-pause",
             "job-bookmark-disable"]  # fmt: skip
_CONTINUATION = ["--continuation-option", "continuation-enabled", "continuation-readonly",
                 "continuation-ignore"]  # fmt: skip
_RANGE = ["--job-bookmark-from", "--job-bookmark-to"]
_IDS = ["--JOB_ID", "--JOB_RUN_ID", "--SECURITY_CONFIGURATION"]
_ENCRYPTION = ["--encryption-type", "sse-s3"]
_LINEAGE = "--enable-data-lineage"
_TEMP_DIRS = ("RedshiftTempDir", "TempDir")


class GlueArgumentError(Exception):
    pass


class GlueArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        raise GlueArgumentError(message)


def getResolvedOptions(args: list[str], options: list[str]) -> dict[str, Any]:
    for reserved in (_CONTINUATION[0][2:], _BOOKMARK[0][2:]):
        if reserved in options:
            raise RuntimeError("Using reserved arguments " + reserved)
    parser = GlueArgumentParser()
    parser.add_argument(_BOOKMARK[0], choices=_BOOKMARK[1:], required=False)
    parser.add_argument(_CONTINUATION[0], choices=_CONTINUATION[1:], required=False)
    for option in _RANGE:
        if option[2:] in options:
            raise RuntimeError("Using reserved arguments " + option)
        parser.add_argument(option, required=False)
    for option in [*_IDS, _ENCRYPTION[0], _LINEAGE]:
        if option in options:
            raise RuntimeError("Using reserved arguments " + option)
    for option in _IDS:
        parser.add_argument(option, required=False)
    parser.add_argument(_ENCRYPTION[0], choices=_ENCRYPTION[1:])
    parser.add_argument(_LINEAGE, required=False)
    for name in _TEMP_DIRS:
        parser.add_argument("--" + name, required=False)
    for option in options:
        if option not in _TEMP_DIRS:
            parser.add_argument("--" + option, required=True)
    resolved = vars(parser.parse_known_args(args[1:])[0])
    if resolved["TempDir"] is not None:
        resolved["RedshiftTempDir"] = resolved["TempDir"]
    elif resolved["RedshiftTempDir"] is not None:
        resolved["TempDir"] = resolved["RedshiftTempDir"]
    continuation = resolved.pop("continuation_option", None)
    if resolved["job_bookmark_option"] is None:
        values = _BOOKMARK[1:]
        resolved["job_bookmark_option"] = (
            "job-bookmark-disable"
            if continuation is None
            else values[_CONTINUATION[1:].index(continuation)]
        )
    return resolved
