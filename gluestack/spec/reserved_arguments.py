"""Job arguments Glue reserves, or that gluestack sets from typed options."""

from typing import Annotated

from pydantic import AfterValidator

# Set by Glue itself for every run; a job must not declare them.
_SET_BY_GLUE = {
    "JOB_NAME",
    "JOB_ID",
    "JOB_RUN_ID",
    "SECURITY_CONFIGURATION",
    "conf",
    "debug",
    "mode",
    "encryption-type",
    "RedshiftTempDir",
    "job-language",
}

# Set by gluestack from a typed field: the field to use instead.
_TYPED_OPTION = {
    "job-bookmark-option": "bookmarks",
    "enable-auto-scaling": "auto_scaling",
    "enable-metrics": "metrics",
    "enable-observability-metrics": "observability_metrics",
    "enable-continuous-cloudwatch-log": "continuous_logging",
    "enable-spark-ui": "spark_ui",
    "spark-event-logs-path": "spark_ui",
    "additional-python-modules": "python_modules",
    "extra-py-files": "shared_code",
    "TempDir": "(set by gluestack: a per-job prefix of the temp bucket)",
    "database": "(set by gluestack: the pipeline's database)",
}


def check_argument_name(name: str) -> None:
    """Raise ValueError unless a spec's `arguments` may hold `name` (a job's or a trigger
    action's): written without the leading '--' gluestack adds, and not reserved."""
    if name.startswith("-"):
        raise ValueError(f"argument '{name}': write names without leading '--'")
    check_not_reserved(name)


def _plain_names(arguments: dict[str, str]) -> dict[str, str]:
    for name in arguments:
        check_argument_name(name)
    return arguments


# A spec's `arguments` (a job's or a trigger action's): names checked by check_argument_name.
SpecArguments = Annotated[dict[str, str], AfterValidator(_plain_names)]


def check_not_reserved(name: str) -> None:
    """Raise ValueError naming the typed option to use when `name` is reserved."""
    if name in _SET_BY_GLUE:
        raise ValueError(f"argument '{name}' is reserved: AWS Glue sets it for every run")
    if name in _TYPED_OPTION:
        use = _TYPED_OPTION[name]
        instead = use if use.startswith("(") else f"use the job field '{use}' instead"
        raise ValueError(f"argument '{name}' is managed by gluestack; {instead}")
