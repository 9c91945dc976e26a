"""One job run in a process of its own, as on Glue: `python -m gluestack.local.execution.job_process
CONFIG`. It reads the deployed job and its script through the offline endpoint, runs it on a
fresh local Spark over the workspace's files, and writes how it ended to CONFIG's result file.
"""

import sys
from dataclasses import dataclass, field
from pathlib import Path

from gluestack.local.execution.job_execution import execute_job
from gluestack.local.execution.process_config import ProcessConfig
from gluestack.local.execution.runtimes import python_note, runtime_for
from gluestack.local.execution.spark import local_spark_session
from gluestack.local.glue_compat.glue_version import running_version
from gluestack.local.records import local_s3
from gluestack.local.records.workspace import Workspace


@dataclass(frozen=True)
class JobProcessConfig(ProcessConfig):
    """Which run to execute, with which arguments."""

    job_name: str = ""
    run_id: str = ""
    arguments: dict[str, str] = field(default_factory=dict)
    count_rows: bool = False


def main(config_file: str) -> int:
    config = JobProcessConfig.read(Path(config_file))
    glue, s3, logs, cloudformation = (
        config.client(name) for name in ("glue", "s3", "logs", "cloudformation")
    )
    workspace = Workspace(Path(config.workspace))
    local_s3.pull(s3, workspace.s3_root)
    spark = local_spark_session(workspace.s3_root, app_name=f"glue-{config.job_name}")
    execution = execute_job(
        glue, s3, spark, workspace, config.job_name, config.run_id, config.arguments,
        count_rows=config.count_rows, logs=logs, cloudformation=cloudformation,
    )  # fmt: skip
    if execution.succeeded:
        local_s3.push(s3, workspace.s3_root, delete_missing=True)
    result: dict[str, object] = {
        "succeeded": execution.succeeded,
        "error_message": execution.error_message,
        "data_quality_results": list(execution.data_quality_results),
        "runtime": f"Spark {spark.version}, {python_note(runtime_for(running_version()))}",
    }
    if config.count_rows:
        result["rows"] = [execution.rows_read, execution.rows_written]
    config.write_result(result)
    return 0 if execution.succeeded else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
