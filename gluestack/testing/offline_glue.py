"""OfflineGlue: a moto account, local Spark and an S3 folder, to run one Glue script in a test."""

import contextlib
import io
import traceback
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from gluestack.local.glue_compat import BookmarkStore, GlueRuntime, activated, runtime_scope
from gluestack.local.records.workspace import Workspace

if TYPE_CHECKING:
    import boto3
    from pyspark.sql import DataFrame, SparkSession

BOOKMARK_OPTION = "--job-bookmark-option"


@dataclass(frozen=True)
class ScriptRun:
    """How one run of a script ended: Glue's state, the error message, what it printed, and
    the data quality results its EvaluateDataQuality steps published (GetDataQualityResult's
    shape)."""

    state: str
    error: str
    output: str
    run_id: str
    data_quality_results: tuple[dict[str, Any], ...] = ()

    @property
    def succeeded(self) -> bool:
        return self.state == "SUCCEEDED"


class OfflineGlue:
    """An offline AWS account (moto) with local Spark whose s3:// paths are files under workspace.

    >>> with OfflineGlue(workspace=tmp_path) as glue:
    ...     glue.upload("s3://raw/orders/", "tests/data/orders.csv")
    ...     glue.crawl("s3://raw/orders/", database="sales")
    ...     run = glue.run_script("glue_scripts/orders.py", {"--target": "s3://out/orders/"})
    """

    def __init__(self, workspace: Path | str, *, region: str = "us-east-1") -> None:
        self.workspace = Workspace(Path(workspace).resolve())
        self.region = region
        self._stack = ExitStack()

    def __enter__(self) -> "OfflineGlue":
        from gluestack.local.execution.spark import local_spark_session, use_s3_root
        from gluestack.local.offline import offline_account

        self.workspace.s3_root.mkdir(parents=True, exist_ok=True)
        self.session: boto3.Session = self._stack.enter_context(offline_account(self.region))
        self.glue = self.session.client("glue")
        self.s3 = self.session.client("s3")
        self.spark: SparkSession = local_spark_session(self.workspace.s3_root)
        use_s3_root(self.spark, self.workspace.s3_root)  # the session may be an earlier one's
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stack.close()

    def create_bucket(self, name: str) -> None:
        """A bucket in the offline account (jobs may only write to buckets that exist)."""
        existing = {b["Name"] for b in self.s3.list_buckets()["Buckets"]}
        if name not in existing:
            self.s3.create_bucket(Bucket=name)

    def upload(self, s3_uri: str, local_file: Path | str) -> str:
        """Put a file at s3_uri (a prefix ending in / keeps the file's name); return its URI."""
        source = Path(local_file)
        uri = s3_uri + source.name if s3_uri.endswith("/") else s3_uri
        bucket, _, key = uri.removeprefix("s3://").partition("/")
        self.create_bucket(bucket)
        body = source.read_bytes()
        self.s3.put_object(Bucket=bucket, Key=key, Body=body)
        target = self.workspace.local_path(uri)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        return uri

    def crawl(self, s3_uri: str, database: str, *, table_prefix: str = "") -> list[str]:
        """Crawl the folder at s3_uri into database as Glue's crawler would; the tables' names."""
        from gluestack.local.crawl import emulate_crawl

        if database not in {d["Name"] for d in self.glue.get_databases()["DatabaseList"]}:
            self.glue.create_database(DatabaseInput={"Name": database})
        name = f"gluestack-offline-{uuid.uuid4().hex[:8]}"
        self.glue.create_crawler(
            Name=name,
            Role=f"arn:aws:iam::123456789012:role/{name}",
            DatabaseName=database,
            TablePrefix=table_prefix,
            Targets={"S3Targets": [{"Path": s3_uri}]},
        )
        summary = emulate_crawl(self.glue, self.spark, self.workspace, name)
        return sorted(summary.created + summary.updated + summary.unchanged)

    def run_script(
        self,
        script: Path | str,
        arguments: Mapping[str, str] | None = None,
        *,
        python_files: Sequence[Path] = (),
        glue_version: str | None = None,
    ) -> ScriptRun:
        """Run a Glue script as a job run would: Glue's argv, bookmarks in the workspace.

        JOB_NAME is the script's file name unless arguments give `--JOB_NAME`. A run that writes
        into a bucket the account lacks fails, as on AWS. glue_version: the script imports that
        version's preinstalled modules at Glue's versions (None: at the runtime's).
        """
        from gluestack.local.execution.job_parameters import SCRIPT_LOCATION, parameters_applied
        from gluestack.local.execution.s3_objects import fetch_object
        from gluestack.local.execution.script_runner import run_glue_script

        given = {f"--{k.removeprefix('--')}": v for k, v in (arguments or {}).items()}
        job_name = given.pop("--JOB_NAME", Path(script).stem)
        if SCRIPT_LOCATION in given:  # Glue runs that script instead
            script = fetch_object(
                self.s3, self.workspace.scripts / job_name, given[SCRIPT_LOCATION]
            )
        run_id = f"jr_{uuid.uuid4().hex}"
        output = io.StringIO()
        state, error_message = "SUCCEEDED", ""
        with self.runtime_scope(given, activate=False) as runtime:
            try:
                with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
                    downloads = self.workspace.scripts / job_name / "run-files"
                    with parameters_applied(
                        given, self.spark, self.s3, downloads,
                        script=Path(script), glue_version=glue_version,
                    ) as folders:  # fmt: skip
                        run_glue_script(
                            Path(script), job_name, _plain_names(given), runtime, python_files,
                            run_id, module_folders=folders,
                        )  # fmt: skip
                self._check_buckets()
            except SystemExit as stop:
                if stop.code not in (0, None):
                    state, error_message = "FAILED", f"SystemExit: {stop.code}"
            except Exception as error:
                output.write(traceback.format_exc())
                state, error_message = "FAILED", f"{type(error).__name__}: {error}"
        results = tuple(runtime.data_quality_results)
        return ScriptRun(state, error_message, output.getvalue(), run_id, results)

    def read(self, s3_uri: str, format: str = "parquet", **format_options: Any) -> "DataFrame":
        """What is under s3_uri, as a DataFrame (Glue's format names and format_options)."""
        from gluestack.local.glue_compat.formats import read_files

        return read_files(self.spark, [s3_uri], format, format_options, s3_uri)

    def table(self, database: str, name: str) -> dict[str, Any]:
        """The Data Catalog's table, as GetTable returns it."""
        return dict(self.glue.get_table(DatabaseName=database, Name=name)["Table"])

    @contextmanager
    def runtime_scope(
        self, arguments: Mapping[str, str] | None = None, *, activate: bool = True
    ) -> Iterator[GlueRuntime]:
        """A Glue runtime over this account, current in the block (GlueContext binds to it)."""
        runtime = GlueRuntime(
            spark=self.spark,
            bookmarks=BookmarkStore(self.workspace.bookmarks),
            glue=self.glue,
            arguments=dict(arguments or {}),
        )
        if not activate:
            yield runtime
            return
        with activated(), runtime_scope(runtime):
            yield runtime

    def _check_buckets(self) -> None:
        existing = {b["Name"] for b in self.s3.list_buckets()["Buckets"]}
        written = {p.name for p in self.workspace.s3_root.iterdir() if p.is_dir()}
        missing = sorted(written - existing)
        if missing:
            raise RuntimeError(
                f"NoSuchBucket: the script wrote to s3://{missing[0]}/, which does not exist; "
                f"create it first (OfflineGlue.create_bucket('{missing[0]}'))"
            )


def _plain_names(arguments: Mapping[str, str]) -> dict[str, str]:
    return {name.removeprefix("--"): value for name, value in arguments.items()}
