"""README's spec options tables list every key a pipeline spec accepts."""

from pathlib import Path

import pytest
from pydantic import BaseModel

from gluestack.spec.connection import ConnectionSpec
from gluestack.spec.crawler import CrawlerSpec, JdbcTarget, SchemaChangePolicy
from gluestack.spec.job import JobSpec, OutputSpec, Sizing
from gluestack.spec.pipeline import PipelineSpec
from gluestack.spec.source import SourceSpec
from gluestack.spec.trigger import Condition, TriggerSpec
from gluestack.spec.workflow import NotificationsSpec, WorkflowSpec

README = Path(__file__).resolve().parents[1] / "README.md"
MODELS = [
    PipelineSpec, SourceSpec, ConnectionSpec, CrawlerSpec, JdbcTarget, SchemaChangePolicy,
    JobSpec, OutputSpec, Sizing, TriggerSpec, Condition, WorkflowSpec, NotificationsSpec,
]  # fmt: skip


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_spec_key_is_documented(model: type[BaseModel]) -> None:
    text = README.read_text()
    options = text[text.index("## Spec options") : text.index("## Run Glue scripts locally")]
    missing = [name for name in model.model_fields if f"`{name}`" not in options]
    assert not missing, f"README's Spec options lack {missing} of {model.__name__}"
