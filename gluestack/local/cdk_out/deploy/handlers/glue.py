"""AWS::Glue::* resources. Template properties mostly mirror the Glue API's parameters."""

from gluestack.local.cdk_out.deploy.glue_inputs import (
    crawler_input,
    job_input,
    trigger_input,
    workflow_input,
)
from gluestack.local.cdk_out.deploy.handlers.base import Created, ResourceRequest


def create_database(request: ResourceRequest) -> Created:
    props = request.properties
    database = props["DatabaseInput"]
    request.client("glue").create_database(CatalogId=props["CatalogId"], DatabaseInput=database)
    return Created(physical_id=database["Name"])


def create_security_configuration(request: ResourceRequest) -> Created:
    props = request.properties
    encryption = dict(props["EncryptionConfiguration"])
    # The template calls the list S3Encryptions; the API calls it S3Encryption.
    if "S3Encryptions" in encryption:
        encryption["S3Encryption"] = encryption.pop("S3Encryptions")
    request.client("glue").create_security_configuration(
        Name=props["Name"], EncryptionConfiguration=encryption
    )
    return Created(physical_id=props["Name"])


# Template properties moto 5.2's Create* calls accept and drop: deployed offline, the resource
# would silently differ from AWS's, so the offline deploy refuses them by name.
_DROPPED_OFFLINE = {"AWS::Glue::Crawler": ("LakeFormationConfiguration",)}


def _refuse_dropped(request: ResourceRequest) -> None:
    for name in _DROPPED_OFFLINE.get(request.type, ()):
        if name in request.properties:
            raise ValueError(
                f"{name}: the offline Glue (moto 5.2) does not keep it, so this resource would "
                "differ from the one AWS deploys; deploy it to AWS only"
            )


def create_crawler(request: ResourceRequest) -> Created:
    _refuse_dropped(request)
    name = _name(request)
    request.client("glue").create_crawler(Name=name, **crawler_input(request.properties))
    return Created(physical_id=name)


def create_job(request: ResourceRequest) -> Created:
    name = _name(request)
    request.client("glue").create_job(Name=name, **job_input(request.properties))
    return Created(physical_id=name)


def create_workflow(request: ResourceRequest) -> Created:
    name = _name(request)
    request.client("glue").create_workflow(Name=name, **workflow_input(request.properties))
    return Created(physical_id=name)


def create_trigger(request: ResourceRequest) -> Created:
    name = _name(request)
    request.client("glue").create_trigger(Name=name, **trigger_input(request.properties))
    return Created(physical_id=name)


def _name(request: ResourceRequest) -> str:
    """The template's Name, or one like CloudFormation generates."""
    name: str = request.properties.get("Name") or request.physical_name(max_length=255)
    return name


def create_connection(request: ResourceRequest) -> Created:
    props = request.properties
    connection = props["ConnectionInput"]
    request.client("glue").create_connection(
        CatalogId=props["CatalogId"], ConnectionInput=connection
    )
    return Created(physical_id=connection["Name"])


def put_catalog_encryption(request: ResourceRequest) -> Created:
    props = request.properties
    settings = props["DataCatalogEncryptionSettings"]
    passwords = dict(settings.get("ConnectionPasswordEncryption", {}))
    # The template says KmsKeyId where the API says AwsKmsKeyId.
    if "KmsKeyId" in passwords:
        passwords["AwsKmsKeyId"] = passwords.pop("KmsKeyId")
    request.client("glue").put_data_catalog_encryption_settings(
        CatalogId=props["CatalogId"],
        DataCatalogEncryptionSettings={**settings, "ConnectionPasswordEncryption": passwords},
    )
    return Created(physical_id=props["CatalogId"])


def create_data_quality_ruleset(request: ResourceRequest) -> Created:
    props = dict(request.properties)
    name = props.pop("Name", None) or request.physical_name(max_length=255)
    props.pop("ClientToken", None)  # idempotency of the call, not part of the ruleset
    request.client("glue").create_data_quality_ruleset(Name=name, **props)
    return Created(physical_id=name)
