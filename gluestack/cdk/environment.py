"""Deployment environments (dev, prod, ...) read from cdk.json context."""

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aws_cdk as cdk

ENVIRONMENTS_KEY = "gluestack:environments"
PROJECT_KEY = "gluestack:project"


class EnvironmentError_(ValueError):
    """The requested environment is not declared in cdk.json."""


@dataclass(frozen=True)
class DeployEnvironment:
    """Where and how one environment deploys."""

    name: str
    region: str
    retain_data: bool
    owns_catalog_encryption: bool = True
    project: str = "gluestack"

    @property
    def removal_policy(self) -> cdk.RemovalPolicy:
        return cdk.RemovalPolicy.RETAIN if self.retain_data else cdk.RemovalPolicy.DESTROY

    def cdk_environment(self) -> cdk.Environment:
        """Account from the CDK CLI's credentials when deploying; agnostic for plain synth."""
        return cdk.Environment(account=os.environ.get("CDK_DEFAULT_ACCOUNT"), region=self.region)


def declared_environments(app: cdk.App) -> list[str]:
    """Names of the environments cdk.json declares."""
    return sorted(app.node.try_get_context(ENVIRONMENTS_KEY) or {})


def environment_from_context(app: cdk.App) -> DeployEnvironment:
    """The environment named by `-c env=NAME` (default dev), with its settings from cdk.json."""
    name = str(app.node.try_get_context("env") or "dev")
    declared: dict[str, dict[str, Any]] = app.node.try_get_context(ENVIRONMENTS_KEY) or {}
    if name not in declared:
        allowed = ", ".join(sorted(declared)) or "none (add them to cdk.json)"
        raise EnvironmentError_(
            f"cdk.json context '{ENVIRONMENTS_KEY}' has no environment '{name}'; "
            f"declared: {allowed}"
        )
    settings = declared[name]
    return DeployEnvironment(
        name=name,
        region=str(settings.get("region", "us-east-1")),
        retain_data=bool(settings.get("retain_data", False)),
        owns_catalog_encryption=bool(settings.get("owns_catalog_encryption", True)),
        project=str(app.node.try_get_context(PROJECT_KEY) or "gluestack"),
    )


def context_for_plain_python(project_root: Path) -> dict[str, Any]:
    """cdk.json's context when app.py runs without the CDK CLI (which passes it itself)."""
    if "CDK_CONTEXT_JSON" in os.environ:
        return {}
    context: dict[str, Any] = json.loads((project_root / "cdk.json").read_text())["context"]
    return context
