"""EventBridge rules of the offline account deliver to SNS topics and Glue workflows.

moto's EventBridge has neither target, and its input transformer pastes a string value into a
JSON template without quotes. Here a rule's SNS targets get the event as EventBridge shapes it
(https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html):
`Input` as given; else `InputTransformer`, whose template variables outside quotes become JSON
values and inside quotes their text; else the whole event. A Glue workflow target
(arn:aws:glue:REGION:ACCOUNT:workflow/NAME) hands the event to the workflow's event trigger
(https://docs.aws.amazon.com/glue/latest/dg/starting-workflow-eventbridge.html). Other targets
stay moto's.
"""

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from jsonpath_ng.ext import parse as json_path
from moto.events.models import Rule
from moto.sns.models import sns_backends
from moto.utilities.arns import parse_arn

_LOCK = threading.Lock()
_OURS = ("sns", "glue")

# (account, region, workflow name, the event): a Glue workflow target received an event.
NotifyWorkflow = Callable[[str, str, str, dict[str, Any]], None]


@contextmanager
def rule_targets(notify_workflow: NotifyWorkflow) -> Iterator[None]:
    """Inside the block a matching rule delivers to its SNS topic and Glue workflow targets."""
    original = Rule.send_to_targets

    def send_to_targets(self: Rule, event: Any, transform_input: bool = True) -> None:
        ours = [t for t in self.targets if parse_arn(t["Arn"]).service in _OURS]
        with _LOCK:  # moto's part sees only its own kinds of target
            targets, self.targets = self.targets, [t for t in self.targets if t not in ours]
            try:
                original(self, event, transform_input)
            finally:
                self.targets = targets
        if not ours or not self.event_pattern.matches_event(event):
            return
        for target in ours:
            arn = parse_arn(target["Arn"])
            if arn.service == "glue" and arn.resource_type == "workflow":
                notify_workflow(arn.account, arn.region, arn.resource_id, event)
            elif arn.service == "sns":
                message = target_input(target, event) if transform_input else json.dumps(event)
                sns_backends[arn.account][arn.region].publish(message, arn=target["Arn"])

    Rule.send_to_targets = send_to_targets  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        Rule.send_to_targets = original  # type: ignore[method-assign]


def target_input(target: dict[str, Any], event: dict[str, Any]) -> str:
    """What EventBridge sends the target for event."""
    if "Input" in target:
        return str(target["Input"])
    transformer = target.get("InputTransformer")
    if not transformer:
        return json.dumps(event)
    values = {
        name: _first(json_path(path).find(event))
        for name, path in transformer.get("InputPathsMap", {}).items()
    }
    values["aws.events.event"] = event
    values["aws.events.event.json"] = event
    return _filled(transformer["InputTemplate"], values)


def _first(matches: list[Any]) -> Any:
    return matches[0].value if matches else None


def _filled(template: str, values: dict[str, Any]) -> str:
    out: list[str] = []
    quoted, i = False, 0
    while i < len(template):
        char = template[i]
        end = template.find(">", i) if char == "<" else -1
        name = template[i + 1 : end] if end > 0 else ""
        if name in values:
            value = values[name]
            if quoted:
                text = value if isinstance(value, str) else json.dumps(value)
                out.append(json.dumps(text)[1:-1])
            else:
                out.append(json.dumps(value))
            i = end + 1
            continue
        if char == '"' and (i == 0 or template[i - 1] != "\\"):
            quoted = not quoted
        out.append(char)
        i += 1
    return "".join(out)
