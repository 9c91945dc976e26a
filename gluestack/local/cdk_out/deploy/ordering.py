"""Order a template's resources so each comes after everything it refers to."""

from typing import Any

from gluestack.local.cdk_out.deploy.intrinsics import referenced_ids


def creation_order(resources: dict[str, dict[str, Any]]) -> list[str]:
    """Logical ids in an order that respects DependsOn and Ref / GetAtt / Sub references."""
    needs = {
        logical_id: _dependencies(resource) & set(resources) - {logical_id}
        for logical_id, resource in resources.items()
    }
    ordered: list[str] = []
    while needs:
        ready = sorted(logical_id for logical_id, deps in needs.items() if not deps)
        if not ready:
            raise ValueError(f"resources refer to each other in a cycle: {sorted(needs)}")
        ordered += ready
        for logical_id in ready:
            del needs[logical_id]
        for deps in needs.values():
            deps.difference_update(ready)
    return ordered


def _dependencies(resource: dict[str, Any]) -> set[str]:
    depends_on = resource.get("DependsOn", [])
    explicit = {depends_on} if isinstance(depends_on, str) else set(depends_on)
    return explicit | referenced_ids(resource.get("Properties", {}))
