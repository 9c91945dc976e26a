"""AWS::KMS::Key and AWS::KMS::Alias."""

from gluestack.local.cdk_out.deploy.handlers.base import Created, ResourceRequest, as_json, tag_list


def create_key(request: ResourceRequest) -> Created:
    props = request.properties
    kms = request.client("kms")
    tags = [{"TagKey": t["Key"], "TagValue": t["Value"]} for t in tag_list(props.get("Tags"))]
    key = kms.create_key(
        Description=props.get("Description", ""),
        KeyUsage=props.get("KeyUsage", "ENCRYPT_DECRYPT"),
        KeySpec=props.get("KeySpec", "SYMMETRIC_DEFAULT"),
        Policy=as_json(props["KeyPolicy"]),
        Tags=tags,
    )["KeyMetadata"]
    if props.get("EnableKeyRotation"):
        kms.enable_key_rotation(KeyId=key["KeyId"])
    return Created(physical_id=key["KeyId"], attributes={"Arn": key["Arn"], "KeyId": key["KeyId"]})


def create_alias(request: ResourceRequest) -> Created:
    props = request.properties
    request.client("kms").create_alias(
        AliasName=props["AliasName"], TargetKeyId=props["TargetKeyId"]
    )
    return Created(physical_id=props["AliasName"])
