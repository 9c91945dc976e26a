"""One crawl in a process of its own: `python -m gluestack.local.execution.crawl_process CONFIG`.
It infers the crawler's tables from the workspace's files (pulled from the offline S3) and
writes them to the catalog through the offline endpoint, then writes what it did to CONFIG's
result file.
"""

import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gluestack.local.crawl import emulate_crawl
from gluestack.local.execution.process_config import ProcessConfig
from gluestack.local.execution.spark import local_spark_session
from gluestack.local.records import local_s3
from gluestack.local.records.workspace import Workspace

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


@dataclass(frozen=True)
class CrawlProcessConfig(ProcessConfig):
    """Which crawler to run."""

    crawler_name: str = ""


def main(config_file: str) -> int:
    config = CrawlProcessConfig.read(Path(config_file))
    glue, s3 = config.client("glue"), config.client("s3")
    workspace = Workspace(Path(config.workspace))
    local_s3.pull(s3, workspace.s3_root)

    def spark() -> "SparkSession":  # started only if a table needs Spark
        return local_spark_session(workspace.s3_root, app_name=f"crawl-{config.crawler_name}")

    started = time.monotonic()
    result: dict[str, object]
    try:
        secrets = config.client("secretsmanager")
        summary = emulate_crawl(glue, spark, workspace, config.crawler_name, secrets)
    except Exception as error:
        result = {"succeeded": False, "error_message": f"{type(error).__name__}: {error}"}
    else:
        result = {
            "succeeded": True,
            "seconds": round(time.monotonic() - started, 3),
            **asdict(summary),
        }
    config.write_result(result)
    return 0 if result["succeeded"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
