"""The real app built once per session and per environment, as CDK assertion templates."""

from dataclasses import dataclass
from pathlib import Path

import aws_cdk as cdk
import pytest
from aws_cdk.assertions import Template

from gluestack.cdk.app_builder import build_app
from gluestack.cdk.environment import environment_from_context
from gluestack.spec import load_all

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Templates:
    storage: Template
    catalog: Template
    pipeline: Template


def context(env: str) -> dict[str, object]:
    import json

    settings = json.loads((PROJECT_ROOT / "cdk.json").read_text())["context"]
    return {**settings, "env": env}


def build(env: str, outdir: Path) -> Templates:
    app = cdk.App(context=context(env), outdir=str(outdir))
    built = build_app(
        app, load_all(PROJECT_ROOT / "pipelines"), environment_from_context(app), PROJECT_ROOT
    )
    return Templates(
        storage=Template.from_stack(built.storage),
        catalog=Template.from_stack(built.catalog),
        pipeline=Template.from_stack(built.pipelines["flights"]),
    )


@pytest.fixture(scope="session")
def dev(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return build("dev", tmp_path_factory.mktemp("dev"))


@pytest.fixture(scope="session")
def prod(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return build("prod", tmp_path_factory.mktemp("prod"))
