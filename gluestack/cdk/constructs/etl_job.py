"""A Glue job (PySpark ETL or Python shell) whose options are typed fields, not raw arguments."""

from typing import Any

import aws_cdk as cdk
from aws_cdk import aws_glue as glue
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from constructs import Construct

from gluestack.spec.glue_versions import GlueVersion
from gluestack.spec.job_arguments import glue_parameter
from gluestack.spec.job_options import JobOptions, WorkerType
from gluestack.spec.reserved_arguments import check_not_reserved

_WORKER_TYPES: dict[WorkerType, glue.WorkerType] = {
    w.name.replace("_", "."): w  # type: ignore[misc]
    for w in glue.WorkerType
}
_GLUE_VERSIONS: dict[GlueVersion, glue.GlueVersion] = {
    "4.0": glue.GlueVersion.V4_0,
    "5.0": glue.GlueVersion.V5_0,
    "5.1": glue.GlueVersion.V5_1,
    "6.0": glue.GlueVersion.V6_0,
}
_BOOKMARKS = {
    "enable": "job-bookmark-enable",
    "disable": "job-bookmark-disable",
    "pause": "job-bookmark-pause",
}


_MAX_CAPACITIES = {0.0625: glue.MaxCapacity.DPU_1_16TH, 1.0: glue.MaxCapacity.DPU_1}
_LIBRARY_SETS = {"analytics": glue.LibrarySet.ANALYTICS, "none": glue.LibrarySet.NONE}


class EtlJob(Construct):
    """glue.PySparkEtlJob (or PySparkFlexEtlJob) with typed bookmarks, auto scaling, modules;
    glue.PythonShellJob for options of type pythonshell."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        job_name: str,
        script: glue.Code,
        role: iam.IRole,
        security_configuration: glue.ISecurityConfiguration,
        options: JobOptions | None = None,
        arguments: dict[str, str] | None = None,
        managed_arguments: dict[str, str] | None = None,
        extra_python_files: list[glue.Code] | None = None,
        spark_ui_folder: tuple[s3.IBucket, str] | None = None,
        connections: list[glue.IConnection] | None = None,
        description: str = "",
    ) -> None:
        """arguments: the user's job parameters without '--'; Glue's reserved names are refused.
        managed_arguments: parameters the caller derives itself (e.g. '--TempDir'), as is.
        spark_ui_folder: (bucket, prefix) receiving Spark event logs for the Spark UI.
        connections: the Glue connections a run uses (network and credentials of a database)."""
        super().__init__(scope, construct_id)
        options = options or JobOptions()
        self.job_name = job_name
        for name in arguments or {}:
            try:
                check_not_reserved(name)
            except ValueError as error:
                raise ValueError(f"Job '{job_name}': {error}") from None
        common: dict[str, Any] = dict(
            job_name=job_name,
            description=description or None,
            role=role,
            script=script,
            timeout=cdk.Duration.minutes(options.timeout_minutes),
            max_retries=options.max_retries,
            max_concurrent_runs=options.max_concurrent_runs,
            continuous_logging=glue.ContinuousLoggingProps(enabled=options.continuous_logging),
            extra_python_files=extra_python_files or None,
            connections=connections or None,
            default_arguments={
                **self._typed_arguments(options),
                **(managed_arguments or {}),
                **{glue_parameter(name): value for name, value in (arguments or {}).items()},
            },
            security_configuration=security_configuration,
        )
        self.job: glue.JobBase
        if options.type == "pythonshell":
            if spark_ui_folder:
                raise ValueError(f"Job '{job_name}': a Python shell job has no Spark UI")
            self.job = glue.PythonShellJob(
                self, "Resource", **common,
                python_version=glue.PythonVersion.THREE_NINE,
                max_capacity=_MAX_CAPACITIES[options.max_capacity],
                library_set=_LIBRARY_SETS[options.library_set],
                job_run_queuing_enabled=options.run_queuing,
            )  # fmt: skip
            return
        props: dict[str, Any] = dict(
            **common,
            glue_version=_GLUE_VERSIONS[options.glue_version],
            worker_configuration=glue.WorkerConfiguration(
                worker_type=_WORKER_TYPES[options.worker_type],
                number_of_workers=options.number_of_workers,
            ),
            enable_metrics=options.metrics,
            enable_observability_metrics=options.observability_metrics,
            spark_ui=glue.SparkUIProps(bucket=spark_ui_folder[0], prefix=spark_ui_folder[1])
            if spark_ui_folder
            else None,
        )
        if options.execution_class == "flex":
            # Flex runs cannot be queued; PySparkFlexEtlJob has no such prop.
            self.job = glue.PySparkFlexEtlJob(self, "Resource", **props)
        else:
            self.job = glue.PySparkEtlJob(
                self, "Resource", job_run_queuing_enabled=options.run_queuing, **props
            )

    @property
    def arn(self) -> str:
        return self.job.job_arn

    @staticmethod
    def _typed_arguments(options: JobOptions) -> dict[str, str]:
        if options.type == "pythonshell":  # no bookmarks, no auto scaling: Spark features
            modules = ",".join(options.python_modules)
            return {"--additional-python-modules": modules} if modules else {}
        arguments = {"--job-bookmark-option": _BOOKMARKS[options.bookmarks]}
        if options.auto_scaling:
            arguments["--enable-auto-scaling"] = "true"
        if options.python_modules:
            arguments["--additional-python-modules"] = ",".join(options.python_modules)
        return arguments
