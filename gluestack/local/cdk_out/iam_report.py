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


@dataclass(frozen=True, order=True)
class ExistingRole:
    """A job or crawler that runs as a role gluestack does not own (the spec's role:)."""

    principal: str
    role_arn: str

    @property
    def statement(self) -> str:
        return f"existing role {self.role_arn}: its own policies apply"


def existing_roles(stack: StackArtifact, pipeline: str, env: str) -> list[ExistingRole]:
    """The stack's jobs and crawlers whose Role is an ARN, not a role of the stack: gluestack
    granted them nothing, so the template cannot tell what they may do."""
    resources: dict[str, dict[str, Any]] = stack.template["Resources"]
    return sorted(
        ExistingRole(principal, role)
        for principal, role in _principals(resources, pipeline_resource_prefix(env, pipeline))
        if isinstance(role, str)
    )


def pipeline_permissions(stack: StackArtifact, pipeline: str, env: str) -> list[Permission]:
    """Every Allow statement of the roles the stack creates for its jobs and crawlers."""
    resources: dict[str, dict[str, Any]] = stack.template["Resources"]
    principals = {
        role["Fn::GetAtt"][0]: principal
        for principal, role in _principals(resources, pipeline_resource_prefix(env, pipeline))
        if isinstance(role, dict) and "Fn::GetAtt" in role
    }
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


def _principals(resources: dict[str, dict[str, Any]], name_prefix: str) -> list[tuple[str, Any]]:
    """("job clean", its Role as the template gives it) for each job and crawler."""
    principals = []
    for resource in resources.values():
        kind = {"AWS::Glue::Job": "job", "AWS::Glue::Crawler": "crawler"}.get(resource["Type"])
        if kind is None:
            continue
        properties = resource["Properties"]
        name = str(properties["Name"]).removeprefix(name_prefix)
        principals.append((f"{kind} {name}", properties["Role"]))
    return principals


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]
