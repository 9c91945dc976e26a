"""README lists every key a pipeline spec accepts and every command of the CLI."""

from pathlib import Path
from typing import Any

import pytest
import typer
from pydantic import BaseModel

from gluestack.cli import app
from gluestack.spec.connection import ConnectionSpec
from gluestack.spec.crawler import CrawlerSpec, JdbcTarget, SchemaChangePolicy
from gluestack.spec.job import JobSpec, OutputSpec, Sizing
from gluestack.spec.pipeline import PipelineSpec
from gluestack.spec.source import SourceSpec
from gluestack.spec.transform import (
    DerivedColumn,
    JoinSpec,
    MappingSpec,
    TransformSource,
    TransformSpec,
)
from gluestack.spec.trigger import Action, Condition, TriggerSpec
from gluestack.spec.workflow import NotificationsSpec, WorkflowSpec

README = Path(__file__).resolve().parents[1] / "README.md"
MODELS = [
    PipelineSpec, SourceSpec, ConnectionSpec, CrawlerSpec, JdbcTarget, SchemaChangePolicy,
    JobSpec, OutputSpec, Sizing, TriggerSpec, Action, Condition, WorkflowSpec, NotificationsSpec,
    TransformSpec, TransformSource, JoinSpec, MappingSpec, DerivedColumn,
]  # fmt: skip


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_spec_key_is_documented(model: type[BaseModel]) -> None:
    text = README.read_text()
    options = text[text.index("## Spec options") : text.index("## Run Glue scripts locally")]
    missing = [name for name in model.model_fields if f"`{name}`" not in options]
    assert not missing, f"README's Spec options lack {missing} of {model.__name__}"


def _command_paths(group: Any, prefix: str = "gluestack") -> list[str]:
    paths = []
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        if hasattr(command, "commands"):
            paths += _command_paths(command, path)
        else:
            paths.append(path)
    return paths


def test_every_cli_command_is_documented() -> None:
    text = README.read_text()
    cli = text[text.index("## The CLI") : text.index("## Operate deployed pipelines")]
    commands = _command_paths(typer.main.get_command(app))
    documented = {path for path in commands if f"`{path}" in cli or _in_alternation(path, cli)}
    assert sorted(set(commands) - documented) == []


def _in_alternation(path: str, cli: str) -> bool:
    """`gluestack trigger list\\|start\\|stop` documents each of the three."""
    *group, leaf = path.split()
    return any(
        leaf in row.split(" ", 1)[0].split("\\|") for row in cli.split(f"`{' '.join(group)} ")[1:]
    )
