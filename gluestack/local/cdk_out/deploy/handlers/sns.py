"""AWS::SNS::Topic, AWS::SNS::TopicPolicy and AWS::SNS::Subscription."""

from gluestack.local.cdk_out.deploy.handlers.base import Created, ResourceRequest, as_json, tag_list


def create_topic(request: ResourceRequest) -> Created:
    props = request.properties
    attributes = {key: str(props[key]) for key in ("DisplayName", "KmsMasterKeyId") if key in props}
    topic = request.client("sns").create_topic(
        Name=props.get("TopicName") or request.physical_name(max_length=256),
        Attributes=attributes,
        Tags=tag_list(props.get("Tags")),
    )
    arn = topic["TopicArn"]
    return Created(
        physical_id=arn, attributes={"TopicArn": arn, "TopicName": arn.rsplit(":", 1)[-1]}
    )


def create_topic_policy(request: ResourceRequest) -> Created:
    props = request.properties
    sns = request.client("sns")
    for topic_arn in props["Topics"]:
        sns.set_topic_attributes(
            TopicArn=topic_arn,
            AttributeName="Policy",
            AttributeValue=as_json(props["PolicyDocument"]),
        )
    return Created(physical_id=request.physical_name())


def create_subscription(request: ResourceRequest) -> Created:
    props = request.properties
    attributes = {
        key: as_json(props[key]) if key == "FilterPolicy" else str(props[key])
        for key in ("FilterPolicy", "FilterPolicyScope")
        if key in props
    }
    subscription = request.client("sns").subscribe(
        TopicArn=props["TopicArn"],
        Protocol=props["Protocol"],
        Endpoint=props["Endpoint"],
        Attributes=attributes,
        ReturnSubscriptionArn=True,
    )
    return Created(physical_id=subscription["SubscriptionArn"])
