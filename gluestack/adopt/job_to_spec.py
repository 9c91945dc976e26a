"""One Glue job (GetJobs' shape) as a spec `jobs:` entry, with what was kept, replaced or left."""

from dataclasses import dataclass, field
from typing import Any, get_args

from gluestack.adopt.context import ImportContext
from gluestack.adopt.existing_resources import role_field
from gluestack.adopt.job_arguments import job_arguments
from gluestack.adopt.notes import Notes
from gluestack.adopt.report import ReportEntry
from gluestack.adopt.unmodeled_properties import JOB_UNMODELED, unmodeled
from gluestack.spec.glue_versions import DEFAULT_GLUE_VERSION, GlueVersion
from gluestack.spec.job import JobSpec
from gluestack.spec.job_options import PYTHON_SHELL, PYTHON_SHELL_CAPACITIES, WorkerType

GLUE_DEFAULT_TIMEOUT = 2880  # minutes, when a job sets none (API_Job.html: Timeout)
_IMPORTABLE_COMMANDS = ("glueetl", PYTHON_SHELL)
# Members the conversion reads, or that only describe the job's history.
_HANDLED = {
    "Name",
    "Tags",  # reported by notes.tags
    "Description",
    "Role",
    "Command",
    "DefaultArguments",
    "Connections",
    "MaxRetries",
    "Timeout",
    "WorkerType",
    "NumberOfWorkers",
    "MaxCapacity",
    "AllocatedCapacity",
    "GlueVersion",
    "ExecutionProperty",
    "ExecutionClass",
    "JobRunQueuingEnabled",
    "SecurityConfiguration",
    "CodeGenConfigurationNodes",
    "JobMode",
    "SourceControlDetails",
    "CreatedOn",
    "LastModifiedOn",
    *JOB_UNMODELED,
}


@dataclass
class JobConversion:
    aws_name: str
    key: str
    spec: dict[str, Any] | None  # None: the job cannot be imported (reported why)
    script_location: str = ""
    connections: list[str] = field(default_factory=list)  # AWS connection names
    database: str | None = None  # its --database argument, if any
    entries: list[ReportEntry] = field(default_factory=list)


def job_to_spec(job: dict[str, Any], pipeline: str, context: ImportContext) -> JobConversion:
    name = job["Name"]
    key = context.keys.jobs.key(name)
    notes = Notes("job", name, pipeline, f"jobs.{key}")
    notes.tags(job)
    command = job.get("Command") or {}
    kind = command.get("Name", "glueetl")
    arguments = dict(job.get("DefaultArguments") or {})
    refusal = _refusal(kind, command, arguments)
    if refusal:
        notes.not_imported("Command", command, refusal)
        return JobConversion(name, key, None, entries=notes.entries)
    spark = kind == "glueetl"
    glue_version = _glue_version(job, spark, notes)
    spec: dict[str, Any] = {}
    if job.get("Description"):
        spec["description"] = job["Description"]
    spec["script"] = context.script_path(key)
    if not spark:
        spec["type"] = PYTHON_SHELL
    spec.update(role_field(job.get("Role"), context.account, notes))
    spec.update(_spark_sizing(job, notes, glue_version) if spark else _shell_sizing(job, notes))
    spec.update(_run_options(job))
    spec.update(job_arguments(arguments, spark, glue_version, notes))
    connections = list((job.get("Connections") or {}).get("Connections") or [])
    if connections:
        spec["connections"] = [context.keys.connections.key(c) for c in connections]
    _report_replaced(job, notes)
    if extra := unmodeled(job, JOB_UNMODELED, notes):
        spec["unmodeled"] = extra
    for member in sorted(set(job) - _HANDLED):
        if job[member] not in (None, "", {}, []):
            notes.not_imported(member, job[member], "a Job member gluestack does not know")
    notes.note("imported", detail=f"script from {command.get('ScriptLocation', '?')}")
    return JobConversion(
        name,
        key,
        _without_defaults(spec),
        script_location=command.get("ScriptLocation", ""),
        connections=connections,
        database=arguments.get("--database"),
        entries=notes.entries,
    )


def _refusal(kind: str, command: dict[str, Any], arguments: dict[str, str]) -> str | None:
    if kind not in _IMPORTABLE_COMMANDS:
        return f"a {kind} job: gluestack deploys glueetl (PySpark) and pythonshell jobs"
    if arguments.get("--job-language", "python") != "python":
        return f"a {arguments['--job-language']} job: gluestack deploys Python scripts"
    if not str(command.get("ScriptLocation", "")).startswith("s3://"):
        return "its ScriptLocation is not an s3:// object"
    return None


def _glue_version(job: dict[str, Any], spark: bool, notes: Notes) -> GlueVersion:
    version = job.get("GlueVersion")
    if not spark:
        if version:
            notes.replaced("GlueVersion", version, "gluestack deploys Python shell on its own")
        return DEFAULT_GLUE_VERSION
    for known in get_args(GlueVersion):
        if version == known:
            return known
    notes.replaced(
        "GlueVersion",
        version,
        f"gluestack deploys Glue {', '.join(get_args(GlueVersion))}: imported as "
        f"{DEFAULT_GLUE_VERSION}; check the script runs there",
    )
    return DEFAULT_GLUE_VERSION


def _spark_sizing(job: dict[str, Any], notes: Notes, version: GlueVersion) -> dict[str, Any]:
    sizing: dict[str, Any] = {"glue_version": version}
    worker_type, workers = job.get("WorkerType"), job.get("NumberOfWorkers")
    if worker_type in get_args(WorkerType) and worker_type != "G.025X":
        sizing["worker_type"] = worker_type
    else:
        capacity = job.get("MaxCapacity")
        detail = f"sized by workers in gluestack: imported as G.1X x {max(2, int(capacity or 2))}"
        notes.replaced(
            "WorkerType" if worker_type else "MaxCapacity", worker_type or capacity, detail
        )
        sizing["worker_type"], workers = "G.1X", int(capacity or 2)
    if workers is not None and workers < 2:
        notes.replaced("NumberOfWorkers", workers, "gluestack runs 2 workers at least")
    sizing["number_of_workers"] = max(2, int(workers or 2))
    if job.get("ExecutionClass"):
        sizing["execution_class"] = job["ExecutionClass"].lower()
    return sizing


def _shell_sizing(job: dict[str, Any], notes: Notes) -> dict[str, Any]:
    capacity = job.get("MaxCapacity") or PYTHON_SHELL_CAPACITIES[0]
    if capacity not in PYTHON_SHELL_CAPACITIES:
        notes.replaced("MaxCapacity", capacity, "a Python shell job runs on 0.0625 or 1 DPU")
        capacity = 1.0
    python = (job.get("Command") or {}).get("PythonVersion")
    if python and python != "3.9":
        notes.replaced("Command.PythonVersion", python, "gluestack's Python shell runs 3.9")
    # Without library-set Glue preloads nothing (the argument below sets it when present).
    return {"max_capacity": capacity, "python_version": "3.9", "library_set": "none"}


def _run_options(job: dict[str, Any]) -> dict[str, Any]:
    options: dict[str, Any] = {
        "timeout_minutes": job.get("Timeout") or GLUE_DEFAULT_TIMEOUT,
        "max_retries": job.get("MaxRetries") or 0,
        "max_concurrent_runs": (job.get("ExecutionProperty") or {}).get("MaxConcurrentRuns") or 1,
    }
    if job.get("JobRunQueuingEnabled"):
        options["run_queuing"] = True
    return options


def _report_replaced(job: dict[str, Any], notes: Notes) -> None:
    if job.get("SecurityConfiguration"):
        notes.replaced(
            "SecurityConfiguration",
            job["SecurityConfiguration"],
            "gluestack's security configuration encrypts every job",
        )
    if job.get("CodeGenConfigurationNodes"):
        notes.replaced(
            "CodeGenConfigurationNodes",
            "(visual graph)",
            "the script Glue Studio generated is imported, not its visual graph",
        )
    if job.get("JobMode") not in (None, "SCRIPT"):
        notes.replaced("JobMode", job["JobMode"], "gluestack deploys script jobs")
    if job.get("MaintenanceWindow"):
        notes.not_imported(
            "MaintenanceWindow",
            job["MaintenanceWindow"],
            "it applies to streaming jobs, which gluestack does not deploy",
        )
    if job.get("SourceControlDetails"):
        notes.replaced(
            "SourceControlDetails",
            job["SourceControlDetails"],
            "the script is imported into this repository",
        )


def _without_defaults(spec: dict[str, Any]) -> dict[str, Any]:
    """Leave out what equals JobSpec's default, keeping `script` and a Python shell's type."""
    defaults = {
        name: f.get_default(call_default_factory=True)
        for name, f in JobSpec.model_fields.items()
        if name != "script"
    }
    return {k: v for k, v in spec.items() if k == "script" or k not in defaults or v != defaults[k]}
