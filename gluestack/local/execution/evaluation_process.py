"""One data quality evaluation run in a process of its own:
`python -m gluestack.local.execution.evaluation_process CONFIG`. It reads the run's catalog
table from the workspace's files (pulled from the offline S3), evaluates the run's rulesets and
writes their results to CONFIG's result file; the executor records them in the account.
"""

import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gluestack.local.data_quality.catalog_run import check_request, evaluate_catalog_run
from gluestack.local.execution.process_config import ProcessConfig
from gluestack.local.execution.spark import local_spark_session
from gluestack.local.glue_compat import BookmarkStore, GlueRuntime
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature
from gluestack.local.records import local_s3
from gluestack.local.records.workspace import Workspace


@dataclass(frozen=True)
class EvaluationProcessConfig(ProcessConfig):
    """Which evaluation run, with its StartDataQualityRulesetEvaluationRun request."""

    run_id: str = ""
    request: dict[str, Any] = field(default_factory=dict)


def main(config_file: str) -> int:
    config = EvaluationProcessConfig.read(Path(config_file))
    try:
        check_request(config.request)
    except UnsupportedGlueFeature as refused:
        message = f"UnsupportedGlueFeature: {refused}"
        config.write_result({"succeeded": False, "error_message": message})
        return 1
    workspace = Workspace(Path(config.workspace))
    local_s3.pull(config.client("s3"), workspace.s3_root)
    spark = local_spark_session(workspace.s3_root, app_name=f"dq-{config.run_id}")
    runtime = GlueRuntime(
        spark=spark,
        bookmarks=BookmarkStore(Path(tempfile.mkdtemp(prefix="gluestack-dq-"))),
        glue=config.client("glue"),
    )
    result: dict[str, object]
    try:
        results = evaluate_catalog_run(runtime, config.run_id, config.request)
    except Exception as error:
        result = {"succeeded": False, "error_message": f"{type(error).__name__}: {error}"}
    else:
        result = {"succeeded": True, "results": results}
    config.write_result(result)
    return 0 if result["succeeded"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
