"""Deploy errors name the stack, the logical id and the resource type."""


class DeployError(Exception):
    """A resource could not be created in the offline account."""

    def __init__(self, stack: str, logical_id: str, resource_type: str, reason: str) -> None:
        self.stack = stack
        self.logical_id = logical_id
        self.resource_type = resource_type
        self.reason = reason
        super().__init__(f"{stack}/{logical_id} ({resource_type}): {reason}")
