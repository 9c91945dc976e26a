"""Read a CDK cloud assembly (cdk.out): stack templates, their order, and their file assets."""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STACK_ARTIFACT = "aws:cloudformation:stack"


@dataclass(frozen=True)
class FileAsset:
    """A file CDK publishes to the bootstrap bucket; names may hold ${AWS::AccountId} etc."""

    source: Path
    packaging: str
    bucket_name: str
    object_key: str


@dataclass(frozen=True)
class StackArtifact:
    """One stack of the assembly."""

    name: str
    template: dict[str, Any]
    depends_on: tuple[str, ...]
    assets: tuple[FileAsset, ...] = field(default=())


class AssemblyError(Exception):
    """cdk.out is missing or not a cloud assembly."""


def read_assembly(cdk_out: Path) -> list[StackArtifact]:
    """The assembly's stacks, each after the stacks it depends on."""
    manifest_file = cdk_out / "manifest.json"
    if not manifest_file.is_file():
        raise AssemblyError(f"{cdk_out} has no manifest.json; synthesize first (make synth)")
    artifacts: dict[str, dict[str, Any]] = json.loads(manifest_file.read_text())["artifacts"]
    stacks = {
        name: _stack(cdk_out, name, artifact, artifacts)
        for name, artifact in artifacts.items()
        if artifact["type"] == STACK_ARTIFACT
    }
    return _in_dependency_order(stacks)


def _stack(
    cdk_out: Path, name: str, artifact: dict[str, Any], artifacts: dict[str, dict[str, Any]]
) -> StackArtifact:
    template = json.loads((cdk_out / artifact["properties"]["templateFile"]).read_text())
    dependencies = artifact.get("dependencies", [])
    assets = [
        asset
        for dep in dependencies
        if artifacts.get(dep, {}).get("type") == "cdk:asset-manifest"
        for asset in _file_assets(cdk_out, cdk_out / artifacts[dep]["properties"]["file"])
    ]
    stack_deps = tuple(
        d for d in dependencies if artifacts.get(d, {}).get("type") == STACK_ARTIFACT
    )
    return StackArtifact(name=name, template=template, depends_on=stack_deps, assets=tuple(assets))


def _file_assets(cdk_out: Path, manifest: Path) -> list[FileAsset]:
    files: dict[str, dict[str, Any]] = json.loads(manifest.read_text()).get("files", {})
    return [
        FileAsset(
            source=cdk_out / entry["source"]["path"],
            packaging=entry["source"].get("packaging", "file"),
            bucket_name=destination["bucketName"],
            object_key=destination["objectKey"],
        )
        for entry in files.values()
        for destination in entry["destinations"].values()
    ]


def _in_dependency_order(stacks: dict[str, StackArtifact]) -> list[StackArtifact]:
    ordered: list[StackArtifact] = []
    placed: set[str] = set()
    while len(ordered) < len(stacks):
        ready = [
            s
            for name, s in sorted(stacks.items())
            if name not in placed and all(d in placed or d not in stacks for d in s.depends_on)
        ]
        if not ready:
            raise AssemblyError(
                f"stack dependencies form a cycle among {sorted(set(stacks) - placed)}"
            )
        for stack in ready:
            ordered.append(stack)
            placed.add(stack.name)
    return ordered
