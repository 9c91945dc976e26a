"""What an offline Spark job run does with each job parameter Glue reads itself.

Every name in gluestack.spec.glue_job_parameters.SPARK_JOB_PARAMETERS is here: honoured as Glue
does, accepted because on Glue it changes only monitoring, logs' placement on AWS, capacity or
networking (never what a job reads or writes), or refused by name before the script starts.
Any other argument is the script's own and reaches it unchanged.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from gluestack.local.execution.catalog_metastore import catalog_uses_refused
from gluestack.local.execution.driver_environment import driver_environment
from gluestack.local.execution.extra_files import extra_files_at_hand
from gluestack.local.execution.preinstalled_modules import preinstalled_folder
from gluestack.local.execution.python_modules import install_modules
from gluestack.local.execution.spark_conf_argument import run_settings
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

if TYPE_CHECKING:
    from mypy_boto3_glue.type_defs import JobTypeDef
    from mypy_boto3_s3 import S3Client
    from pyspark.sql import SparkSession


class Offline(Enum):
    HONOURED = "honoured"
    NO_DATA_EFFECT = "accepted: it changes no data a job reads or writes"
    REFUSED = "refused"


SCRIPT_LOCATION = "--scriptLocation"
_OBSERVABILITY = "monitoring on AWS"
_CAPACITY = "capacity and placement of Spark work on AWS"

TREATMENT: dict[str, tuple[Offline, str]] = {
    "additional-python-modules": (Offline.HONOURED, "installed for the run (python_modules.py)"),
    "python-modules-installer-option": (Offline.HONOURED, "passed to pip with the modules"),
    "extra-py-files": (Offline.HONOURED, "importable during the run"),
    "job-bookmark-option": (Offline.HONOURED, "the run's bookmark state"),
    "job-bookmark-from": (Offline.HONOURED, "with job-bookmark-pause"),
    "job-bookmark-to": (Offline.HONOURED, "with job-bookmark-pause"),
    "TempDir": (Offline.HONOURED, "an s3:// folder of the offline account"),
    "enable-glue-datacatalog": (
        Offline.HONOURED,
        "Spark's catalog as the Data Catalog: the first use is refused (catalog_metastore.py)",
    ),
    "customer-driver-env-vars": (Offline.HONOURED, "set in the job process for the run"),
    "extra-files": (Offline.HONOURED, "fetched into the run's working directory"),
    "scriptLocation": (Offline.HONOURED, "the script run instead of the job's ScriptLocation"),
    "conf": (Offline.HONOURED, "set for the run; one fixed at Spark's start is refused"),
    "job-language": (Offline.HONOURED, "python; a Scala job is refused by its value"),
    "enable-metrics": (Offline.NO_DATA_EFFECT, _OBSERVABILITY),
    "enable-observability-metrics": (Offline.NO_DATA_EFFECT, _OBSERVABILITY),
    "enable-job-insights": (Offline.NO_DATA_EFFECT, _OBSERVABILITY),
    "enable-continuous-cloudwatch-log": (Offline.NO_DATA_EFFECT, "run logs go to CloudWatch"),
    "enable-continuous-log-filter": (Offline.NO_DATA_EFFECT, "which Spark log lines are kept"),
    "continuous-log-conversionPattern": (Offline.NO_DATA_EFFECT, "the layout of log lines"),
    "enable-spark-ui": (Offline.NO_DATA_EFFECT, "Spark UI event logs"),
    "enable-spark-ui-legacy-path": (Offline.NO_DATA_EFFECT, "Spark UI event logs"),
    "spark-event-logs-path": (Offline.NO_DATA_EFFECT, "where Spark UI event logs go"),
    "enable-auto-scaling": (Offline.NO_DATA_EFFECT, _CAPACITY),
    "executor-cores": (Offline.NO_DATA_EFFECT, _CAPACITY),
    "auto-scale-within-microbatch": (Offline.NO_DATA_EFFECT, _CAPACITY),
    "write-shuffle-files-to-s3": (Offline.NO_DATA_EFFECT, "where shuffle files are kept"),
    "write-shuffle-spills-to-s3": (Offline.NO_DATA_EFFECT, "where shuffle spills are kept"),
    "enable-s3-parquet-optimized-committer": (Offline.NO_DATA_EFFECT, "how Parquet is committed"),
    "disable-proxy": (Offline.NO_DATA_EFFECT, "the network route to AWS services"),
    "disable-proxy-v2": (Offline.NO_DATA_EFFECT, "the network route to AWS services"),
    "encryption-type": (Offline.NO_DATA_EFFECT, "encryption at rest of what is written"),
    "continuous-log-logGroup": (Offline.REFUSED, "run logs in another log group"),
    "continuous-log-logStreamPrefix": (Offline.REFUSED, "run logs under other stream names"),
    "custom-logGroup-prefix": (Offline.REFUSED, "run logs in other log groups"),
    "custom-logStream-prefix": (Offline.REFUSED, "run logs under other stream names"),
    "customer-executor-env-vars": (Offline.REFUSED, "environment variables of the executors"),
    "datalake-formats": (Offline.REFUSED, "Hudi, Delta Lake and Iceberg need their jars"),
    "extra-jars": (Offline.REFUSED, "jars on the Java classpath"),
    "user-jars-first": (Offline.REFUSED, "jars on the Java classpath"),
    "class": (Offline.REFUSED, "the entry point of a Scala job"),
    "python-virtual-env": (Offline.REFUSED, "a packed Python environment replacing Glue's"),
    "python-virtual-env-storage-prefix": (Offline.REFUSED, "a Python environment Glue builds"),
    "python-virtual-env-version": (Offline.REFUSED, "a Python environment Glue builds"),
    "enable-lakeformation-fine-grained-access": (
        Offline.REFUSED,
        "Lake Formation's row, column and cell filters on what a job reads",
    ),
    "enable-real-time-mode": (Offline.REFUSED, "real-time streaming"),
    "enable-rename-algorithm-v2": (Offline.REFUSED, "EMRFS renames (Glue 1.0)"),
    "use-postgres-driver": (Offline.REFUSED, "the JDBC driver order (Glue 2.0)"),
    "debug": (Offline.REFUSED, "internal to Glue: never set"),
    "mode": (Offline.REFUSED, "internal to Glue: never set"),
    "endpoint": (Offline.REFUSED, "internal to Glue: never set"),
    "JOB_NAME": (Offline.REFUSED, "internal to Glue: set for every run"),
}


def resolved_arguments(job: "JobTypeDef", run_arguments: dict[str, str] | None) -> dict[str, str]:
    """A run's arguments: "job NonOverridableArguments will override job run Arguments, which
    will override job DefaultArguments" (the reference page)."""
    return {
        **job.get("DefaultArguments", {}),
        **(run_arguments or {}),
        **job.get("NonOverridableArguments", {}),
    }


def refuse_unemulated_parameters(arguments: dict[str, str]) -> None:
    """Raise UnsupportedGlueFeature naming the first argument offline runs cannot honour."""
    for argument in sorted(arguments):
        name = argument.removeprefix("--")
        treatment, what = TREATMENT.get(name, (Offline.HONOURED, ""))
        if treatment is Offline.REFUSED:
            raise UnsupportedGlueFeature(f"job argument --{name} ({what}) offline")
        if name == "job-language" and arguments[argument] != "python":
            raise UnsupportedGlueFeature(f"job argument --job-language {arguments[argument]}")


@contextmanager
def parameters_applied(
    arguments: dict[str, str],
    spark: "SparkSession",
    s3: "S3Client",
    downloads: Path,
    *,
    script: Path | None = None,
    glue_version: str | None = None,
) -> Iterator[list[Path]]:
    """The run's Glue parameters in force while the block runs (it gets the folders its script
    imports first); a parameter offline runs cannot honour is refused before anything changes.
    downloads: the run's folder for the S3 objects the parameters name.
    script, glue_version: the job's script and GlueVersion, whose preinstalled modules the
    script then imports at Glue's versions (preinstalled_modules.py)."""
    refuse_unemulated_parameters(arguments)
    modules = install_modules(arguments, s3, downloads / "modules")
    preinstalled = preinstalled_folder(script, glue_version, arguments) if script else None
    with (
        run_settings(spark, arguments),
        catalog_uses_refused(arguments),
        driver_environment(arguments),
        extra_files_at_hand(arguments, s3, downloads / "working"),
    ):
        yield [folder for folder in (modules, preinstalled) if folder]
