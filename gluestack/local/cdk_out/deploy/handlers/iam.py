"""AWS::IAM::Role and AWS::IAM::Policy (inline policies on roles)."""

from typing import Any

from gluestack.local.cdk_out.deploy.handlers.base import Created, ResourceRequest, as_json, tag_list


def create_role(request: ResourceRequest) -> Created:
    props = request.properties
    name = props.get("RoleName") or request.physical_name(max_length=64)
    iam = request.client("iam")
    optional_keys = ("Description", "MaxSessionDuration", "PermissionsBoundary")
    optional: dict[str, Any] = {k: props[k] for k in optional_keys if k in props}
    role = iam.create_role(
        RoleName=name,
        Path=props.get("Path", "/"),
        AssumeRolePolicyDocument=as_json(props["AssumeRolePolicyDocument"]),
        Tags=tag_list(props.get("Tags")),
        **optional,
    )["Role"]
    for arn in props.get("ManagedPolicyArns", []):
        iam.attach_role_policy(RoleName=name, PolicyArn=arn)
    for policy in props.get("Policies", []):
        iam.put_role_policy(
            RoleName=name,
            PolicyName=policy["PolicyName"],
            PolicyDocument=as_json(policy["PolicyDocument"]),
        )
    return Created(physical_id=name, attributes={"Arn": role["Arn"], "RoleId": role["RoleId"]})


def create_policy(request: ResourceRequest) -> Created:
    props = request.properties
    iam = request.client("iam")
    document = as_json(props["PolicyDocument"])
    for role in props.get("Roles", []):
        iam.put_role_policy(RoleName=role, PolicyName=props["PolicyName"], PolicyDocument=document)
    for user in props.get("Users", []):
        iam.put_user_policy(UserName=user, PolicyName=props["PolicyName"], PolicyDocument=document)
    for group in props.get("Groups", []):
        iam.put_group_policy(
            GroupName=group, PolicyName=props["PolicyName"], PolicyDocument=document
        )
    return Created(physical_id=props["PolicyName"])
