"""Execute a deployed Glue job on local Spark: its script from ScriptLocation, its arguments."""

import contextlib
import io
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gluestack.local.execution.job_parameters import (
    SCRIPT_LOCATION,
    parameters_applied,
    resolved_arguments,
)
from gluestack.local.execution.s3_objects import fetch_object
from gluestack.local.execution.script_runner import run_glue_script
from gluestack.local.glue_compat import BookmarkStore, GlueRuntime
from gluestack.local.records.job_logs import LiveRunLog
from gluestack.local.records.output_guard import guarded_outputs
from gluestack.local.records.workspace import Workspace
from gluestack.ops.run_logs import run_log_group
from gluestack.ops.stacks import job_outputs
from gluestack.spec.job_arguments import is_location_parameter

if TYPE_CHECKING:
    from mypy_boto3_cloudformation import CloudFormationClient
    from mypy_boto3_glue import GlueClient
    from mypy_boto3_logs import CloudWatchLogsClient
    from mypy_boto3_s3 import S3Client
    from pyspark.sql import SparkSession


@dataclass(frozen=True)
class JobExecution:
    """How one local attempt ended, and where its log is."""

    succeeded: bool
    error_message: str
    log_file: Path
    rows_read: int = 0
    rows_written: int = 0
    # What EvaluateDataQuality published during the run (a failed run's too, as on Glue).
    data_quality_results: tuple[dict[str, Any], ...] = ()


def execute_job(
    glue: "GlueClient",
    s3: "S3Client",
    spark: "SparkSession",
    workspace: Workspace,
    job_name: str,
    run_id: str,
    run_arguments: dict[str, str] | None = None,
    *,
    count_rows: bool = False,
    logs: "CloudWatchLogsClient | None" = None,
    cloudformation: "CloudFormationClient | None" = None,
) -> JobExecution:
    """Run the job's deployed script once with its default arguments overlaid by run_arguments.

    Its output folders change only if the run succeeds: the location arguments the manifest of
    the stack that deployed it names as outputs (cloudformation reads it), else every
    `--<table>_path` argument (a job gluestack did not deploy).
    count_rows: count the rows its Glue sources read and its Glue sinks write (one more pass).
    logs: a CloudWatch Logs client; the run's output goes to Glue's log groups there too.
    """
    job = glue.get_job(JobName=job_name)["Job"]
    arguments = resolved_arguments(job, run_arguments)
    # --scriptLocation "overrides a script location set in the JobCommand object".
    location = arguments.get(SCRIPT_LOCATION) or job["Command"]["ScriptLocation"]
    script = fetch_object(s3, workspace.scripts / job_name, location)
    python_files = [
        fetch_object(s3, workspace.scripts / job_name / "extra", location)
        for location in filter(None, arguments.get("--extra-py-files", "").split(","))
    ]
    runtime = GlueRuntime(
        spark=spark,
        bookmarks=BookmarkStore(workspace.bookmarks),
        glue=glue,
        arguments=arguments,
        count_rows=count_rows,
    )
    log_file = workspace.logs / job_name / f"{run_id}.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    output: io.StringIO | LiveRunLog = io.StringIO()
    if logs is not None:
        output = LiveRunLog(logs, run_log_group(glue, job_name, run_id), run_id).start()
    try:
        with (
            guarded_outputs(
                _output_folders(arguments, workspace, _outputs_of(cloudformation, job_name)),
                workspace.journal(job_name),
            ),
            contextlib.redirect_stdout(output),
            contextlib.redirect_stderr(output),
        ):
            downloads = workspace.scripts / job_name / "run-files"
            with parameters_applied(
                arguments, spark, s3, downloads, script=script, glue_version=job.get("GlueVersion")
            ) as module_folders:
                run_glue_script(
                    script, job_name, _script_arguments(arguments), runtime, python_files,
                    run_id, module_folders=module_folders,
                )  # fmt: skip
    except BaseException as error:
        output.write(traceback.format_exc())
        _keep_log(output, log_file, failed=True)
        message = f"{type(error).__name__}: {error}"
        return JobExecution(
            False, message, log_file, data_quality_results=tuple(runtime.data_quality_results)
        )
    _keep_log(output, log_file, failed=False)
    return JobExecution(
        True, "", log_file, runtime.rows_read, runtime.rows_written,
        tuple(runtime.data_quality_results),
    )  # fmt: skip


def _keep_log(output: "io.StringIO | LiveRunLog", log_file: Path, *, failed: bool) -> None:
    log_file.write_text(output.getvalue())
    if isinstance(output, LiveRunLog):
        output.finish(failed=failed)


def _outputs_of(cloudformation: "CloudFormationClient | None", job_name: str) -> list[str] | None:
    return job_outputs(cloudformation, job_name) if cloudformation is not None else None


def _output_folders(
    arguments: dict[str, str], workspace: Workspace, outputs: list[str] | None
) -> list[Path]:
    """The local folders behind the output locations (outputs; None: every location)."""
    return [
        workspace.local_path(value)
        for name, value in sorted(arguments.items())
        if is_location_parameter(name)
        and value.startswith("s3://")
        and (outputs is None or name in outputs)
    ]


def _script_arguments(arguments: dict[str, str]) -> dict[str, str]:
    """Arguments as the script sees them; Glue's own (--job-language...) are passed through too."""
    return {name.removeprefix("--"): value for name, value in arguments.items()}
