"""Starting what a trigger action names, as Glue does when the trigger fires."""

from typing import Any

from gluestack.local.orchestration.trigger_chain import action_node


def start_action(backend: Any, action: dict[str, Any], arguments: dict[str, str]) -> None:
    """Start the action's crawler, or its job with the action's arguments plus `arguments`."""
    node = action_node(action)
    if node.kind == "crawler":
        backend.start_crawler(node.name)
        return
    backend.start_job_run(
        node.name, {**action.get("Arguments", {}), **arguments}, None, None,
        action.get("Timeout"), None, action.get("SecurityConfiguration"), None,
        action.get("NotificationProperty"), None,
    )  # fmt: skip
