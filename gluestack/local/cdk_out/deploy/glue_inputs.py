"""AWS::Glue template properties as the Glue API's Create* parameters.

One definition for the offline deployer (which makes the calls) and for drift detection (which
compares a deployed resource with what the call would have made). Names are not part of these
parameters: the caller gives a resource's Name (the template's, or the physical id).
"""

from collections.abc import Mapping
from typing import Any


def crawler_input(props: Mapping[str, Any]) -> dict[str, Any]:
    """CreateCrawler's parameters but Name: the template's Schedule object is a string there."""
    parameters = _without_name(props)
    if "Schedule" in parameters:
        parameters["Schedule"] = parameters["Schedule"]["ScheduleExpression"]
    return parameters


def job_input(props: Mapping[str, Any]) -> dict[str, Any]:
    """CreateJob's parameters but Name (the template's properties are the API's)."""
    return _without_name(props)


def workflow_input(props: Mapping[str, Any]) -> dict[str, Any]:
    """CreateWorkflow's parameters but Name."""
    return _without_name(props)


def trigger_input(props: Mapping[str, Any]) -> dict[str, Any]:
    """CreateTrigger's parameters but Name; refuses a Predicate without Logical."""
    parameters = _without_name(props)
    if parameters.get("Type") != "EVENT":
        # Batching applies to EVENT triggers only; CDK emits its default on every trigger.
        parameters.pop("EventBatchingCondition", None)
    if "Predicate" in parameters and "Logical" not in parameters["Predicate"]:
        # Glue's API calls it optional for one condition, but such deploys are reported failing
        # (aws/aws-cdk#34652) and moto 5.2 crashes on it: the template must name it.
        raise ValueError("the trigger's Predicate has no Logical: add Logical AND (or ANY)")
    return parameters


def _without_name(props: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in props.items() if key != "Name"}
