"""What a resource handler receives and returns."""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import boto3

from gluestack.ops.clients import client


@dataclass
class Created:
    """A created resource: its Ref value, its Fn::GetAtt attributes, and an optional last step.

    finish runs once every resource of the stack exists, for settings that need a sibling the
    template does not order before this resource (e.g. S3 access logging needs the log bucket's
    policy in place).
    """

    physical_id: str
    attributes: dict[str, str] = field(default_factory=dict)
    finish: Callable[[], None] | None = None


@dataclass(frozen=True)
class ResourceRequest:
    """One resource to create: its resolved properties and where to create it."""

    stack: str
    logical_id: str
    type: str
    properties: dict[str, Any]
    session: boto3.Session
    endpoint_url: str | None
    account: str
    region: str

    def client(self, service: str) -> Any:
        return client(self.session, service, endpoint_url=self.endpoint_url)

    def physical_name(self, max_length: int = 63, lowercase: bool = False) -> str:
        """A name like CloudFormation generates: stack-logicalid-SUFFIX, stable per stack."""
        suffix = hashlib.sha256(f"{self.stack}/{self.logical_id}".encode()).hexdigest()[:12]
        head = f"{self.stack}-{self.logical_id}"[: max_length - len(suffix) - 1]
        name = f"{head}-{suffix}"
        return name.lower() if lowercase else name

    def arn(self, service: str, resource: str, *, region: bool = True) -> str:
        where = self.region if region else ""
        return f"arn:aws:{service}:{where}:{self.account}:{resource}"


Handler = Callable[[ResourceRequest], Created]


def as_json(document: Any) -> str:
    """Policy documents are objects in templates and JSON strings in the API."""
    return document if isinstance(document, str) else json.dumps(document)


def tag_list(tags: list[dict[str, str]] | dict[str, str] | None) -> list[dict[str, str]]:
    """Template tags (a list of Key/Value or a map) as the API's Key/Value list."""
    if not tags:
        return []
    if isinstance(tags, dict):
        return [{"Key": k, "Value": v} for k, v in tags.items()]
    return list(tags)
