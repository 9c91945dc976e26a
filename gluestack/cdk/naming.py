"""Names of deployed resources, derived once from the environment and the spec."""

from dataclasses import dataclass

from gluestack.spec.names import pipeline_resource_prefix


@dataclass(frozen=True)
class PipelineNames:
    """Physical names for one pipeline in one environment, e.g. flights-dev-clean."""

    env: str
    pipeline: str

    def resource(self, name: str) -> str:
        return pipeline_resource_prefix(self.env, self.pipeline) + name

    def ruleset(self, key: str) -> str:
        """A data quality ruleset: a pipeline-level one's spec key, or an output's
        (names.output_ruleset_key)."""
        return self.resource(key)

    @property
    def workflow(self) -> str:
        return f"{self.pipeline}-{self.env}"

    def database(self, database: str, *, existing: bool) -> str:
        """The deployed Glue database: an existing one under its own name, one gluestack
        creates per environment (sales_dev)."""
        return database if existing else f"{database}_{self.env}"


def pascal(name: str) -> str:
    """A CDK construct id from a spec name: raw_flights -> RawFlights."""
    return "".join(part.capitalize() for part in name.replace("-", "_").split("_"))
