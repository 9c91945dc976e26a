"""JSON Schema of a pipeline spec, for editors and CI validation."""

import json

from gluestack.spec.pipeline import PipelineSpec


def json_schema() -> str:
    """The pipeline spec's JSON Schema as indented JSON text."""
    return json.dumps(PipelineSpec.model_json_schema(), indent=2)
