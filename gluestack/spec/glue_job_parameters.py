"""The job parameters Glue reads itself, and what AWS documents of their values and versions.

Names are written without the leading `--`, as a spec's `arguments` holds them. Sources:
https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html (the
reference), .../aws-glue-programming-etl-datalake-native-frameworks.html (data lake formats),
.../monitor-spark-shuffle-manager.html, .../security-lf-enable.html,
.../aws-glue-programming-python-virtual-environments.html, .../monitor-continuous-logging.html.
"""

from gluestack.spec.glue_versions import GlueVersion

SPARK_JOB_PARAMETERS = frozenset(
    {
        "additional-python-modules", "python-modules-installer-option",
        "auto-scale-within-microbatch", "class", "conf", "continuous-log-conversionPattern",
        "continuous-log-logGroup", "continuous-log-logStreamPrefix", "custom-logGroup-prefix",
        "custom-logStream-prefix", "customer-driver-env-vars", "customer-executor-env-vars",
        "datalake-formats", "disable-proxy", "disable-proxy-v2", "enable-auto-scaling",
        "enable-continuous-cloudwatch-log", "enable-continuous-log-filter",
        "enable-glue-datacatalog", "enable-job-insights",
        "enable-lakeformation-fine-grained-access", "enable-metrics",
        "enable-observability-metrics", "enable-real-time-mode", "enable-rename-algorithm-v2",
        "enable-s3-parquet-optimized-committer", "enable-spark-ui", "enable-spark-ui-legacy-path",
        "encryption-type", "executor-cores", "extra-files", "extra-jars", "extra-py-files",
        "job-bookmark-option", "job-bookmark-from", "job-bookmark-to", "job-language",
        "python-virtual-env", "python-virtual-env-storage-prefix", "python-virtual-env-version",
        "scriptLocation", "spark-event-logs-path", "TempDir", "use-postgres-driver",
        "user-jars-first", "write-shuffle-files-to-s3", "write-shuffle-spills-to-s3",
        # Internal to Glue: the reference says never to set them.
        "debug", "mode", "endpoint", "JOB_NAME",
    }
)  # fmt: skip

# Glue 3.0 and later read these (every version gluestack deploys); comma-separated, any of them.
DATALAKE_FORMATS = ("hudi", "delta", "iceberg")

# Parameters AWS documents for some Glue versions only: the versions, and how AWS says it.
_SINCE_5 = ("5.0", "5.1", "6.0")
_VERSIONED: dict[str, tuple[tuple[str, ...], str]] = {
    "enable-rename-algorithm-v2": ((), "Glue 1.0 only"),
    "use-postgres-driver": ((), "Glue 2.0 only"),
    "write-shuffle-spills-to-s3": ((), "Glue 2.0 only"),
    "enable-lakeformation-fine-grained-access": (_SINCE_5, "Glue 5.0 and later"),
    "python-virtual-env-storage-prefix": (("6.0",), "Glue 6.0 and later"),
    "python-virtual-env-version": (("6.0",), "Glue 6.0 and later"),
}


def version_refusal(name: str, value: str, version: GlueVersion) -> str | None:
    """Why Glue `version` does not take argument name=value, or None."""
    if name in _VERSIONED:
        versions, documented = _VERSIONED[name]
        if version not in versions:
            return f"argument '{name}' is a parameter of {documented}, not of Glue {version}"
    if name == "datalake-formats":
        unknown = [f for f in (v.strip() for v in value.split(",")) if f not in DATALAKE_FORMATS]
        if unknown:
            return (
                f"argument 'datalake-formats': '{unknown[0]}' is not a data lake format Glue "
                f"loads; allowed, comma-separated: {', '.join(DATALAKE_FORMATS)}"
            )
    return None
