"""PySpark ETL jobs: a script, what it reads, what it writes, and how it runs."""

from pathlib import PurePosixPath
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from gluestack.spec.existing_resources import IamRoleArn
from gluestack.spec.glue_job_parameters import version_refusal
from gluestack.spec.glue_types import GlueType
from gluestack.spec.job_arguments import table_of
from gluestack.spec.job_options import JobOptions, WorkerType, flex_refusal
from gluestack.spec.names import CatalogName, ResourceName, S3Prefix
from gluestack.spec.reserved_arguments import SpecArguments
from gluestack.spec.source import DataFormat
from gluestack.spec.table_ruleset import DqdlRules
from gluestack.spec.transform import TransformSpec
from gluestack.spec.unmodeled import JobUnmodeled

GENERATED_SCRIPTS = PurePosixPath("glue_scripts/generated")

OutputMode = Literal["append", "overwrite"]
# warn: the ruleset is evaluated on the table after the job, as a catalog evaluation run
# (StartDataQualityRulesetEvaluationRun), whose failing rules fail nothing; fail: the job
# evaluates what it is about to write and fails without writing it, as Glue Studio's
# "Fail job without loading target data" does.
OnQualityFailure = Literal["warn", "fail"]


class DataQualitySpec(BaseModel):
    """A DQDL ruleset on an output, and what a failing rule does."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: DqdlRules
    on_failure: OnQualityFailure = Field(
        default="warn",
        description=(
            "warn: evaluated on the table after the job, failing rules are reported; "
            "fail: the job checks its output before writing and fails without writing it "
            "(generated jobs only)"
        ),
    )


class OutputSpec(BaseModel):
    """A table a job writes to the curated bucket."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    prefix: S3Prefix
    format: DataFormat = "parquet"
    partition_keys: list[str] = Field(default_factory=list)
    columns: dict[str, GlueType] = Field(
        default_factory=dict,
        description="the columns the job writes, so transforms reading the table can be checked",
    )
    data_quality: DataQualitySpec | None = Field(
        default=None,
        description=(
            "a DQDL ruleset (Rules = [ ... ]) evaluated against this table, or "
            "{rules: ..., on_failure: warn | fail}"
        ),
    )
    mode: OutputMode = Field(
        default="append",
        description=(
            "append: each run adds its rows (Glue's sinks do); overwrite: a run first removes "
            "what earlier runs wrote, so a rerun leaves the same rows (generated jobs only)"
        ),
    )

    @field_validator("data_quality", mode="before")
    @classmethod
    def _ruleset_text_is_rules(cls, value: object) -> object:
        return {"rules": value} if isinstance(value, str) else value


class Sizing(BaseModel):
    """Workers for one environment; unset fields keep the job's own values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    worker_type: WorkerType | None = None
    number_of_workers: int | None = Field(default=None, ge=2, le=1000)


class JobSpec(JobOptions):
    """A Glue PySpark ETL job: how it runs (JobOptions), its script, what it reads and writes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    script: str = Field(description="path of the job script, relative to the project root")
    transform: TransformSpec | None = Field(
        default=None,
        description="generate the script from this (script must be under glue_scripts/generated/)",
    )
    description: str = ""
    inputs: list[CatalogName] = Field(
        default_factory=list,
        description="sources, other jobs' outputs, or database tables a JDBC crawler catalogs",
    )
    outputs: dict[CatalogName, OutputSpec] = Field(default_factory=dict)
    connections: list[ResourceName] = Field(
        default_factory=list,
        description="Glue connections the script uses itself (those of database inputs are added)",
    )
    spark_ui: bool = Field(default=False, description="Spark event logs for the Spark UI")
    shared_code: bool = Field(
        default=False, description="ship glue_scripts/lib so the script can `import lib...`"
    )
    duration_alarm_minutes: int | None = Field(
        default=None, ge=1, description="alarm when a run takes longer (default: 80% of timeout)"
    )
    arguments: SpecArguments = Field(default_factory=dict)
    environments: dict[str, Sizing] = Field(
        default_factory=dict, description="worker sizing per environment, e.g. prod"
    )
    role: IamRoleArn | None = Field(
        default=None,
        description=(
            "run as this existing IAM role (its own policies apply); gluestack then creates "
            "and grants no role for the job"
        ),
    )
    unmodeled: JobUnmodeled = Field(default_factory=dict)

    @field_validator("script")
    @classmethod
    def _script_is_relative_python(cls, value: str) -> str:
        path = PurePosixPath(value)
        if path.is_absolute() or ".." in path.parts or path.suffix != ".py":
            raise ValueError("must be a relative path to a .py file inside the project")
        return value

    @model_validator(mode="after")
    def _options_fit_together(self) -> Self:
        if self.type == "pythonshell":
            spark_only = [
                name
                for name in ("transform", "spark_ui", "environments", "duration_alarm_minutes")
                if name in self.model_fields_set
            ]
            if spark_only:
                raise ValueError(
                    f"{spark_only[0]} is not an option of a Python shell job (type: pythonshell)"
                )
        for environment in self.environments:
            worker_type = self.options(environment).worker_type
            if refusal := flex_refusal(self.execution_class, worker_type):
                raise ValueError(f"environments.{environment}: {refusal}")
        for name, value in self.arguments.items():
            if refusal := self.argument_refusal(name, value):
                raise ValueError(refusal)
        if self.transform is not None:
            self._check_transform(self.transform)
        overwritten = [name for name, output in self.outputs.items() if output.mode == "overwrite"]
        if overwritten and self.transform is None:
            raise ValueError(
                f"output {overwritten[0]} has mode: overwrite, which generated jobs honour; a "
                "hand-written script decides itself how it writes (leave mode at append)"
            )
        failing = [
            n
            for n, o in self.outputs.items()
            if o.data_quality and o.data_quality.on_failure == "fail"
        ]
        if failing and self.transform is None:
            raise ValueError(
                f"output {failing[0]} has data_quality.on_failure: fail, which needs the job "
                "to evaluate its output before writing it: generated jobs (transform:) do; in a "
                "hand-written script call EvaluateDataQuality before the sink and raise when a "
                "rule fails, and leave on_failure at warn"
            )
        if overwritten and self.bookmarks != "disable":
            raise ValueError(
                f"output {overwritten[0]} has mode: overwrite with bookmarks: {self.bookmarks}: "
                "a run would remove earlier rows and write only the new data's"
            )
        return self

    def _check_transform(self, transform: TransformSpec) -> None:
        if PurePosixPath(self.script).parent != GENERATED_SCRIPTS:
            raise ValueError(
                f"a transform job's script is generated: put it in {GENERATED_SCRIPTS}/"
            )
        for name, source in transform.sources.items():
            if source.table is not None and source.table not in self.inputs:
                raise ValueError(
                    f"transform source '{name}' reads '{source.table}': list it in inputs"
                )
        if transform.output is None and len(self.outputs) != 1:
            raise ValueError("a transform writes one output: name it in transform.output")
        if transform.output is not None and transform.output not in self.outputs:
            raise ValueError(
                f"transform.output '{transform.output}' is not an output of this job; "
                f"outputs: {', '.join(self.outputs) or 'none'}"
            )

    def argument_refusal(self, name: str, value: str) -> str | None:
        """Why a run of this job cannot take argument name=value (a name check_argument_name
        passed), or None: its own arguments and a trigger action's get the same answer."""
        if table_of(name) in [*self.outputs, *self.inputs]:
            return f"argument '{name}' is set by gluestack: the table's location"
        if self.type == "glueetl":
            return version_refusal(name, value, self.glue_version)
        return None

    @property
    def transform_output(self) -> str:
        """The table a transform job writes."""
        assert self.transform is not None
        return self.transform.output or next(iter(self.outputs))

    def options(self, environment: str | None) -> JobOptions:
        """How the job runs in one environment: its sizing override, else the job's values."""
        override = self.environments.get(environment or "", Sizing())
        declared = {name: getattr(self, name) for name in JobOptions.model_fields}
        sized = {
            "worker_type": override.worker_type or self.worker_type,
            "number_of_workers": override.number_of_workers or self.number_of_workers,
        }
        return JobOptions.model_construct(**{**declared, **sized})

    @property
    def alarm_minutes(self) -> int:
        return self.duration_alarm_minutes or max(1, self.timeout_minutes * 4 // 5)
