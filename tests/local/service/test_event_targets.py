"""EventBridge's input transformer as its guide describes it, for the offline SNS targets.

https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
"""

import json

from gluestack.local.moto_extensions.event_targets import target_input

EVENT = {"detail-type": "Glue Job State Change", "detail": {"jobName": 'a "b"', "attempt": 2}}


def test_variables_outside_quotes_are_json_values_and_inside_quotes_their_text() -> None:
    target = {
        "InputTransformer": {
            "InputPathsMap": {"job": "$.detail.jobName", "n": "$.detail.attempt"},
            "InputTemplate": '{"name": <job>, "try": <n>, "text": "job <job> try <n>"}',
        }
    }
    assert json.loads(target_input(target, EVENT)) == {
        "name": 'a "b"',
        "try": 2,
        "text": 'job a "b" try 2',
    }


def test_input_is_sent_verbatim_and_no_transformer_sends_the_whole_event() -> None:
    assert target_input({"Input": '{"fixed": 1}'}, EVENT) == '{"fixed": 1}'
    assert json.loads(target_input({}, EVENT)) == EVENT
