"""One Python shell job run: `python -m gluestack.local.python_shell.shell_process CONFIG`.

It downloads the deployed script (and --extra-py-files) through the offline endpoint and runs it
in the job's Python shell runtime as Glue does: `python script.py --JOB_NAME ...` with the job's
arguments, /tmp-like scratch as the working folder, boto3 clients reaching the offline account.
Objects it writes through the API are pulled into the workspace. What it prints goes to the run's
log file and to Glue's Python shell log groups
(/aws-glue/python-jobs/output, /error); how it ended goes to CONFIG's result file.
"""

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from gluestack.local.execution.job_parameters import resolved_arguments
from gluestack.local.execution.job_process import JobProcessConfig
from gluestack.local.execution.s3_objects import fetch_object
from gluestack.local.execution.script_runner import glue_argv
from gluestack.local.python_shell.runtime import library_choice, shell_runtime
from gluestack.local.records import local_s3
from gluestack.local.records.workspace import Workspace

if TYPE_CHECKING:
    from mypy_boto3_logs import CloudWatchLogsClient
    from mypy_boto3_logs.type_defs import InputLogEventTypeDef

SITE = Path(__file__).with_name("site")  # awsglue.utils and the client routing, on PYTHONPATH
LOG_GROUPS = ("/aws-glue/python-jobs/output", "/aws-glue/python-jobs/error")


def main(config_file: str) -> int:
    config = JobProcessConfig.read(Path(config_file))
    glue, s3, logs = (config.client(name) for name in ("glue", "s3", "logs"))
    workspace = Workspace(Path(config.workspace))
    job = glue.get_job(JobName=config.job_name)["Job"]
    arguments = resolved_arguments(job, config.arguments)
    folder = workspace.scripts / config.job_name
    script = fetch_object(s3, folder, job["Command"]["ScriptLocation"])
    extra = [
        fetch_object(s3, folder / "extra", location)
        for location in filter(None, arguments.get("--extra-py-files", "").split(","))
    ]
    runtime = shell_runtime(*library_choice(arguments))
    log_file = workspace.logs / config.job_name / f"{config.run_id}.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="glue-python-shell-") as scratch:
        script_arguments = {name.removeprefix("--"): value for name, value in arguments.items()}
        argv = glue_argv(script, config.job_name, script_arguments, config.run_id)
        ended = subprocess.run(
            [str(runtime.python), *argv],
            cwd=scratch,
            env=_environment(config, runtime.missing, extra),
            capture_output=True,
            text=True,
            check=False,
        )
    # What the script wrote through the API is the workspace's too, failed run or not: S3
    # writes are not undone on Glue either.
    local_s3.pull(s3, workspace.s3_root)
    log_file.write_text(ended.stdout + ended.stderr)
    _send_logs(logs, config.run_id, ended.stdout, ended.stderr)
    succeeded = ended.returncode == 0
    config.write_result(
        {
            "succeeded": succeeded,
            "error_message": "" if succeeded else _error_message(ended.stderr, ended.returncode),
            "data_quality_results": [],
            "runtime": runtime.python_note,
        }
    )
    return 0 if succeeded else 1


def _environment(
    config: JobProcessConfig, missing: dict[str, str], extra: list[Path]
) -> dict[str, str]:
    paths = [str(SITE), *[str(f if f.suffix in (".zip", ".whl") else f.parent) for f in extra]]
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(paths),
        "GLUESTACK_SHELL_ENDPOINT": config.endpoint,
        "AWS_ENDPOINT_URL": config.endpoint,
        "GLUESTACK_SHELL_MISSING": json.dumps(missing),
        "AWS_DEFAULT_REGION": config.region,
    }


def _error_message(stderr: str, returncode: int) -> str:
    """Glue's ErrorMessage of a failed shell run: the exception the script ended with."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    if lines and not lines[-1].startswith(" ") and ":" in lines[-1]:
        return lines[-1]
    return f"the script exited with status {returncode}"


def _send_logs(logs: "CloudWatchLogsClient", run_id: str, stdout: str, stderr: str) -> None:
    now = int(time.time() * 1000)
    for group, text in zip(LOG_GROUPS, (stdout, stderr), strict=True):
        lines = text.splitlines()
        if not lines:
            continue
        with contextlib.suppress(logs.exceptions.ResourceAlreadyExistsException):
            logs.create_log_group(logGroupName=group)
        logs.create_log_stream(logGroupName=group, logStreamName=run_id)
        events: list[InputLogEventTypeDef] = [{"timestamp": now, "message": line} for line in lines]
        logs.put_log_events(logGroupName=group, logStreamName=run_id, logEvents=events)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
