"""Deploy a synthesized cdk.out into an offline account (moto) through the service APIs."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
from botocore.exceptions import BotoCoreError, ClientError

from gluestack.local.cdk_out.deploy.assembly import StackArtifact, read_assembly
from gluestack.local.cdk_out.deploy.assets import publish_assets
from gluestack.local.cdk_out.deploy.errors import DeployError
from gluestack.local.cdk_out.deploy.existing_databases import stand_in_for_existing_databases
from gluestack.local.cdk_out.deploy.handlers.base import Created, ResourceRequest
from gluestack.local.cdk_out.deploy.intrinsics import (
    IntrinsicError,
    Scope,
    pseudo_parameters,
    resolve,
    template_conditions,
    template_parameters,
)
from gluestack.local.cdk_out.deploy.ordering import creation_order
from gluestack.local.cdk_out.deploy.registry import HANDLERS, SKIPPED_TYPES
from gluestack.local.cdk_out.deploy.stack_record import RecordedResource, record_stack
from gluestack.ops.clients import client
from gluestack.spec.manifest import EXISTING_DATABASES_METADATA


@dataclass(frozen=True)
class DeployedResource:
    """One created resource: its template type and physical id (the value of Ref)."""

    logical_id: str
    type: str
    physical_id: str


@dataclass
class DeployedStack:
    """A deployed stack's resolved outputs and created resources."""

    name: str
    outputs: dict[str, str] = field(default_factory=dict)
    resources: dict[str, DeployedResource] = field(default_factory=dict)
    # Existing databases the account lacked, created to stand in for the real account's: not
    # the stack's resources.
    stood_in: list[str] = field(default_factory=list)

    def of_type(self, resource_type: str) -> list[DeployedResource]:
        return [r for r in self.resources.values() if r.type == resource_type]


@dataclass
class DeployedApp:
    """Every deployed stack, in deployment order."""

    account: str
    region: str
    stacks: dict[str, DeployedStack] = field(default_factory=dict)

    def output(self, stack: str, name: str) -> str:
        return self.stacks[stack].outputs[name]


def deploy_assembly(
    cdk_out: Path, session: boto3.Session, *, endpoint_url: str | None = None
) -> DeployedApp:
    """Create every stack of cdk_out, in dependency order, and record their outputs."""
    sts = client(session, "sts", endpoint_url=endpoint_url)
    region = session.region_name or "us-east-1"
    app = DeployedApp(account=sts.get_caller_identity()["Account"], region=region)
    exports: dict[str, str] = {}
    for stack in read_assembly(cdk_out):
        deployer = _StackDeployer(stack, session, endpoint_url, app, exports)
        app.stacks[stack.name] = deployer.deploy()
    return app


class _StackDeployer:
    def __init__(
        self,
        stack: StackArtifact,
        session: boto3.Session,
        endpoint_url: str | None,
        app: DeployedApp,
        exports: dict[str, str],
    ) -> None:
        self.stack = stack
        self.session = session
        self.endpoint_url = endpoint_url
        self.app = app
        self.exports = exports
        self.refs: dict[str, str] = {}
        self.attributes: dict[str, dict[str, str]] = {}
        template = stack.template
        self.scope = Scope(
            pseudo=pseudo_parameters(app.account, app.region, stack.name),
            parameters=template_parameters(template),
            conditions={},
            refs=self.refs,
            attributes=self.attributes,
            exports=exports,
            stack_outputs=self._output_of,
        )
        self.scope.conditions = template_conditions(template, self.scope)

    def deploy(self) -> DeployedStack:
        deployed = DeployedStack(name=self.stack.name)
        s3 = client(self.session, "s3", endpoint_url=self.endpoint_url)
        publish_assets(self.stack.assets, s3, dict(self.scope.pseudo))
        glue = client(self.session, "glue", endpoint_url=self.endpoint_url)
        deployed.stood_in = self._guarded(
            "Metadata",
            EXISTING_DATABASES_METADATA,
            lambda: stand_in_for_existing_databases(glue, self.stack.template),
        )
        resources: dict[str, dict[str, Any]] = self.stack.template.get("Resources", {})
        finishing_steps = []
        for logical_id in creation_order(resources):
            resource = resources[logical_id]
            if resource["Type"] in SKIPPED_TYPES or not self._condition_holds(resource):
                continue
            created = self._create(logical_id, resource)
            self.refs[logical_id] = created.physical_id
            self.attributes[logical_id] = created.attributes
            deployed.resources[logical_id] = DeployedResource(
                logical_id, resource["Type"], created.physical_id
            )
            if created.finish:
                finishing_steps.append((logical_id, resource["Type"], created.finish))
        for logical_id, resource_type, step in finishing_steps:
            self._guarded(logical_id, resource_type, step)
        outputs = self._resolved_outputs()
        deployed.outputs = {name: str(o["Value"]) for name, o in outputs.items()}
        cloudformation = client(self.session, "cloudformation", endpoint_url=self.endpoint_url)
        record = {
            logical_id: RecordedResource(r.type, r.physical_id, dict(self.attributes[logical_id]))
            for logical_id, r in deployed.resources.items()
        }
        record_stack(cloudformation, self.stack.name, outputs, record)
        return deployed

    def _condition_holds(self, resource: dict[str, Any]) -> bool:
        condition = resource.get("Condition")
        return condition is None or self.scope.conditions[condition]

    def _create(self, logical_id: str, resource: dict[str, Any]) -> Created:
        resource_type = resource["Type"]
        handler = HANDLERS.get(resource_type)
        if handler is None:
            raise DeployError(
                self.stack.name,
                logical_id,
                resource_type,
                "no offline handler for this resource type; add one to "
                "gluestack/local/cdk_out/deploy/registry.py",
            )
        properties = self._guarded(
            logical_id, resource_type, lambda: resolve(resource.get("Properties", {}), self.scope)
        )
        request = ResourceRequest(
            stack=self.stack.name,
            logical_id=logical_id,
            type=resource_type,
            properties=properties,
            session=self.session,
            endpoint_url=self.endpoint_url,
            account=self.app.account,
            region=self.app.region,
        )
        created: Created = self._guarded(logical_id, resource_type, lambda: handler(request))
        return created

    def _guarded(self, logical_id: str, resource_type: str, action: Any) -> Any:
        try:
            return action()
        except (ClientError, BotoCoreError, ValueError, KeyError) as error:  # IntrinsicError too
            raise DeployError(self.stack.name, logical_id, resource_type, str(error)) from error

    def _resolved_outputs(self) -> dict[str, dict[str, Any]]:
        outputs: dict[str, dict[str, Any]] = {}
        for name, output in self.stack.template.get("Outputs", {}).items():
            if not self._condition_holds(output):
                continue
            resolved = resolve(output, self.scope)
            outputs[name] = resolved
            if "Export" in resolved:
                self.exports[resolved["Export"]["Name"]] = str(resolved["Value"])
        return outputs

    def _output_of(self, stack_name: str, output_name: str) -> str:
        try:
            return self.app.output(stack_name, output_name)
        except KeyError:
            raise IntrinsicError(
                f"Fn::GetStackOutput {stack_name}.{output_name}: that stack or output is not "
                "deployed yet"
            ) from None
