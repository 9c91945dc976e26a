"""AWS::CloudWatch::Alarm and AWS::CloudWatch::Dashboard."""

from gluestack.local.cdk_out.deploy.handlers.base import Created, ResourceRequest

# Template properties an alarm on one metric passes to PutMetricAlarm unchanged.
_ALARM_FIELDS = (
    "AlarmDescription",
    "ActionsEnabled",
    "AlarmActions",
    "OKActions",
    "InsufficientDataActions",
    "MetricName",
    "Namespace",
    "Statistic",
    "Dimensions",
    "Period",
    "EvaluationPeriods",
    "DatapointsToAlarm",
    "Threshold",
    "ComparisonOperator",
    "TreatMissingData",
)


def create_alarm(request: ResourceRequest) -> Created:
    props = request.properties
    name = props.get("AlarmName") or request.physical_name(max_length=255)
    request.client("cloudwatch").put_metric_alarm(
        AlarmName=name, **{key: props[key] for key in _ALARM_FIELDS if key in props}
    )
    return Created(physical_id=name, attributes={"Arn": request.arn("cloudwatch", f"alarm:{name}")})


def create_dashboard(request: ResourceRequest) -> Created:
    props = request.properties
    name = props.get("DashboardName") or request.physical_name(max_length=255)
    request.client("cloudwatch").put_dashboard(
        DashboardName=name, DashboardBody=props["DashboardBody"]
    )
    return Created(physical_id=name)
