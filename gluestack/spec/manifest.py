"""The deployment manifest: what a pipeline stack deployed, by spec name. The stack writes it as
one CloudFormation output; every tool finds deployed names there (ops, local, cli, demo).

Beside it, a catalog stack's template Metadata names the existing databases (a spec's
existing_database) its pipelines use without creating them: the offline deploy stands in for
them, as the real account has them.
"""

import json
from dataclasses import asdict, dataclass, field
from typing import Any

MANIFEST_OUTPUT = "PipelineManifest"
EXISTING_DATABASES_METADATA = "gluestack:existing-databases"


@dataclass(frozen=True)
class PipelineManifest:
    """Deployed names of one pipeline's resources, keyed by their names in the spec."""

    pipeline: str
    database: str
    workflow: str
    crawlers: dict[str, str]
    jobs: dict[str, str]
    triggers: dict[str, str]
    connections: dict[str, str] = field(default_factory=dict)
    # spec job name -> the tables it writes (their folders: job_arguments.location_parameter)
    job_outputs: dict[str, list[str]] = field(default_factory=dict)
    # table -> {"ruleset": deployed ruleset, "job": deployed writing job, "on_failure": ...}
    rulesets: dict[str, dict[str, str]] = field(default_factory=dict)
    # spec key of a pipeline-level ruleset -> {"ruleset": deployed ruleset, "table": its table}
    table_rulesets: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> "PipelineManifest":
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PipelineManifest":
        return cls(**data)
