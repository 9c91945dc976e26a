"""A job's DefaultArguments sorted out: typed fields, gluestack's or Glue's own, and the rest.

Glue's own parameters that gluestack types become fields; the names gluestack (or Glue) sets
itself are reported with the imported value; every other argument is kept in `arguments`
without its leading `--`.
"""

from collections.abc import Callable
from typing import Any

from gluestack.adopt.notes import Notes
from gluestack.spec.glue_job_parameters import version_refusal
from gluestack.spec.glue_versions import GlueVersion
from gluestack.spec.reserved_arguments import check_not_reserved

BOOKMARK_OPTIONS = {
    "job-bookmark-enable": "enable",
    "job-bookmark-disable": "disable",
    "job-bookmark-pause": "pause",
}
# Glue's "true"/"false" parameters; an absent one is off in Glue (gluestack's metrics, logging
# and observability defaults are on, so an import states them).
_SWITCHES = {
    "enable-auto-scaling": "auto_scaling",
    "enable-metrics": "metrics",
    "enable-observability-metrics": "observability_metrics",
    "enable-continuous-cloudwatch-log": "continuous_logging",
    "enable-spark-ui": "spark_ui",
}
SPARK_SWITCH_DEFAULTS = {
    "metrics": False,
    "observability_metrics": False,
    "continuous_logging": False,
}
# Set by gluestack for every job it deploys: the imported value gives way to gluestack's.
_SET_BY_GLUESTACK = {
    "TempDir": "gluestack sets a per-job folder of its temp bucket",
    "database": "gluestack passes the pipeline's database",
    "spark-event-logs-path": "gluestack's folder for Spark UI event logs (spark_ui: true)",
    "job-language": "gluestack deploys Python jobs",
}
# Set by Glue itself for every run.
_SET_BY_GLUE = {"JOB_NAME", "JOB_ID", "JOB_RUN_ID", "SECURITY_CONFIGURATION", "RedshiftTempDir"}
LIBRARY_SET = "library-set"  # Python shell's analytics libraries (written without '--')


def job_arguments(
    arguments: dict[str, str], spark: bool, glue_version: GlueVersion, notes: Notes
) -> dict[str, Any]:
    """The spec fields (including `arguments`) for a job's DefaultArguments."""
    fields: dict[str, Any] = dict(SPARK_SWITCH_DEFAULTS) if spark else {}
    kept: dict[str, str] = {}
    for raw_name, value in arguments.items():
        name = raw_name.lstrip("-")
        handler = _TYPED.get(name)
        if handler is not None:
            fields.update(handler(value, notes))
        elif name == LIBRARY_SET and not spark:
            fields["library_set"] = "analytics" if value == "analytics" else "none"
        elif name in _SET_BY_GLUESTACK:
            notes.replaced(raw_name, value, _SET_BY_GLUESTACK[name])
        elif name in _SET_BY_GLUE:
            notes.replaced(raw_name, value, "AWS Glue sets it for every run")
        elif refusal := _refusal(name, value, spark, glue_version):
            notes.not_imported(raw_name, value, refusal)
        else:
            kept[name] = value
            notes.kept(f"arguments.{name}", value)
    if not spark:
        for name in _SPARK_FIELDS & set(fields):
            notes.replaced(name, fields.pop(name), "not an option of a Python shell job")
    if kept:
        fields["arguments"] = kept
    return fields


def _refusal(name: str, value: str, spark: bool, glue_version: GlueVersion) -> str | None:
    try:
        check_not_reserved(name)
    except ValueError as reserved:
        return str(reserved)
    return version_refusal(name, value, glue_version) if spark else None


def _bookmarks(value: str, notes: Notes) -> dict[str, Any]:
    if value not in BOOKMARK_OPTIONS:
        notes.not_imported("--job-bookmark-option", value, "not a Glue bookmark option")
        return {}
    return {"bookmarks": BOOKMARK_OPTIONS[value]}


def _modules(value: str, notes: Notes) -> dict[str, Any]:
    return {"python_modules": [m.strip() for m in value.split(",") if m.strip()]}


def _extra_py_files(value: str, notes: Notes) -> dict[str, Any]:
    notes.not_imported(
        "--extra-py-files",
        value,
        "gluestack ships its own glue_scripts/lib (shared_code: true); copy these modules "
        "there and set shared_code",
    )
    return {}


def _switch(field: str) -> Callable[[str, Notes], dict[str, Any]]:
    def convert(value: str, notes: Notes) -> dict[str, Any]:
        return {field: value.strip().lower() != "false"}

    return convert


_TYPED: dict[str, Callable[[str, Notes], dict[str, Any]]] = {
    "job-bookmark-option": _bookmarks,
    "additional-python-modules": _modules,
    "extra-py-files": _extra_py_files,
    **{name: _switch(field) for name, field in _SWITCHES.items()},
}
_SPARK_FIELDS = {"bookmarks", "auto_scaling", "metrics", "observability_metrics", "spark_ui"}
