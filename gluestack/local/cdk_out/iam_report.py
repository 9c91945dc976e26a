"""Who may do what on which resource: the IAM statements of a pipeline's synthesized roles."""

from dataclasses import dataclass
from typing import Any

from gluestack.local.cdk_out.deploy.assembly import StackArtifact
from gluestack.spec.names import pipeline_resource_prefix

PSEUDO = {"AWS::AccountId": "{account}", "AWS::Region": "{region}", "AWS::Partition": "aws"}


@dataclass(frozen=True)
class Permission:
    """One statement of one role, in readable form."""

    principal: str  # "job clean", "crawler raw"
    actions: tuple[str, ...]
    resources: tuple[str, ...]
    condition: str = ""


def pipeline_permissions(stack: StackArtifact, pipeline: str, env: str) -> list[Permission]:
    """Every Allow statement of the roles that the stack's jobs and crawlers run as."""
    resources: dict[str, dict[str, Any]] = stack.template["Resources"]
    principals = _principals_by_role(resources, pipeline_resource_prefix(env, pipeline))
    permissions: list[Permission] = []
    for resource in resources.values():
        if resource["Type"] != "AWS::IAM::Policy":
            continue
        properties = resource["Properties"]
        for role_ref in properties["Roles"]:
            principal = principals.get(role_ref.get("Ref", ""))
            if principal is None:
                continue
            for statement in properties["PolicyDocument"]["Statement"]:
                permissions.append(
                    Permission(
                        principal=principal,
                        actions=tuple(_as_list(statement["Action"])),
                        resources=tuple(readable(r) for r in _as_list(statement["Resource"])),
                        condition=readable(statement.get("Condition", "")),
                    )
                )
    return sorted(permissions, key=lambda p: (p.principal, p.resources, p.actions))


def readable(value: Any) -> str:
    """A template value with intrinsics written out: Refs to pseudo parameters as {account}."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(readable(v) for v in value)
    if isinstance(value, dict):
        if "Fn::Join" in value:
            delimiter, parts = value["Fn::Join"]
            return str(delimiter).join(readable(p) for p in parts)
        if "Ref" in value:
            return PSEUDO.get(value["Ref"], "{" + str(value["Ref"]) + "}")
        if "Fn::Sub" in value and isinstance(value["Fn::Sub"], str):
            text: str = value["Fn::Sub"]
            for name, shown in PSEUDO.items():
                text = text.replace("${" + name + "}", shown)
            return text
        if "Fn::GetAtt" in value:
            return "{" + ".".join(map(str, value["Fn::GetAtt"])) + "}"
        if "Fn::GetStackOutput" in value:
            output = value["Fn::GetStackOutput"]
            return "{" + f"{output['StackName']}.{output['OutputName']}" + "}"
        return "; ".join(f"{key} {readable(inner)}" for key, inner in value.items())
    return str(value)


def _principals_by_role(resources: dict[str, dict[str, Any]], name_prefix: str) -> dict[str, str]:
    principals = {}
    for resource in resources.values():
        kind = {"AWS::Glue::Job": "job", "AWS::Glue::Crawler": "crawler"}.get(resource["Type"])
        if kind is None:
            continue
        properties = resource["Properties"]
        role = properties["Role"]
        role_id = role["Fn::GetAtt"][0] if isinstance(role, dict) and "Fn::GetAtt" in role else ""
        principals[role_id] = f"{kind} {str(properties['Name']).removeprefix(name_prefix)}"
    return principals


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]
