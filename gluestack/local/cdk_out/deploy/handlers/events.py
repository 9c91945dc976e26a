"""AWS::Events::Rule with its targets."""

import json

from gluestack.local.cdk_out.deploy.handlers.base import Created, ResourceRequest


def create_rule(request: ResourceRequest) -> Created:
    props = request.properties
    events = request.client("events")
    name = props.get("Name") or request.physical_name(max_length=64)
    rule = events.put_rule(
        Name=name,
        EventPattern=json.dumps(props["EventPattern"]),
        State=props.get("State", "ENABLED"),
        Description=props.get("Description", ""),
    )
    if props.get("Targets"):
        events.put_targets(Rule=name, Targets=props["Targets"])
    return Created(physical_id=name, attributes={"Arn": rule["RuleArn"]})
