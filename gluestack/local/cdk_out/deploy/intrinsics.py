"""Resolve CloudFormation intrinsic functions against what has been deployed so far."""

import base64
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

NO_VALUE = object()  # AWS::NoValue: the property is removed
_SUB_VARIABLE = re.compile(r"\$\{([^!}][^}]*)\}")


class IntrinsicError(ValueError):
    """An intrinsic that cannot be resolved, with what it referred to."""


@dataclass
class Scope:
    """What a template may refer to while one stack deploys."""

    pseudo: Mapping[str, str]
    parameters: Mapping[str, str]
    conditions: Mapping[str, bool]
    refs: Mapping[str, str]  # logical id -> physical id
    attributes: Mapping[str, Mapping[str, str]]  # logical id -> attribute -> value
    exports: Mapping[str, str]
    stack_outputs: Callable[[str, str], str]  # (stack name, output name) -> value


def pseudo_parameters(
    account: str, region: str, stack_name: str, stack_id: str | None = None
) -> dict[str, str]:
    """AWS::AccountId, AWS::Region, ... for one stack."""
    return {
        "AWS::AccountId": account,
        "AWS::Region": region,
        "AWS::Partition": "aws",
        "AWS::URLSuffix": "amazonaws.com",
        "AWS::StackName": stack_name,
        "AWS::StackId": stack_id or f"arn:aws:cloudformation:{region}:{account}:stack/{stack_name}",
    }


def template_parameters(template: Mapping[str, Any]) -> dict[str, str]:
    """The template's parameters at their defaults (what the offline deployer uses)."""
    return {name: str(p.get("Default", "")) for name, p in template.get("Parameters", {}).items()}


def template_conditions(template: Mapping[str, Any], scope: Scope) -> dict[str, bool]:
    """Each of the template's conditions, evaluated in scope."""
    return {name: bool(resolve(c, scope)) for name, c in template.get("Conditions", {}).items()}


def resolve(value: Any, scope: Scope) -> Any:
    """value with every intrinsic replaced by its result."""
    if isinstance(value, list):
        items = [resolve(v, scope) for v in value]
        return [v for v in items if v is not NO_VALUE]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        ((key, argument),) = value.items()
        function = _FUNCTIONS.get(key)
        if function is not None:
            return function(argument, scope)
    resolved = {k: resolve(v, scope) for k, v in value.items()}
    return {k: v for k, v in resolved.items() if v is not NO_VALUE}


def resolve_where_possible(value: Any, scope: Scope, unresolved: Callable[[str], Any]) -> Any:
    """value with every intrinsic replaced by its result, or, where it cannot be resolved, by
    unresolved(why): one unknown value leaves the rest of value usable."""
    if isinstance(value, list):
        items = [resolve_where_possible(v, scope, unresolved) for v in value]
        return [v for v in items if v is not NO_VALUE]
    if not isinstance(value, dict):
        return value
    if len(value) == 1 and next(iter(value)) in _FUNCTIONS:
        try:
            return resolve(value, scope)
        except (IntrinsicError, KeyError, IndexError) as error:
            return unresolved(str(error).strip("'\""))
    resolved = {k: resolve_where_possible(v, scope, unresolved) for k, v in value.items()}
    return {k: v for k, v in resolved.items() if v is not NO_VALUE}


def referenced_ids(value: Any) -> set[str]:
    """Logical ids a value refers to through Ref, Fn::GetAtt or Fn::Sub."""
    found: set[str] = set()
    if isinstance(value, list):
        for item in value:
            found |= referenced_ids(item)
    elif isinstance(value, dict):
        for key, argument in value.items():
            if key == "Ref" and isinstance(argument, str):
                found.add(argument)
            elif key == "Fn::GetAtt":
                found.add(_split_getatt(argument)[0])
            elif key == "Fn::Sub":
                text = argument if isinstance(argument, str) else argument[0]
                found |= {name.split(".")[0] for name in _SUB_VARIABLE.findall(text)}
            found |= referenced_ids(argument)
    return found


def _ref(name: str, scope: Scope) -> Any:
    if name == "AWS::NoValue":
        return NO_VALUE
    for table in (scope.pseudo, scope.parameters, scope.refs):
        if name in table:
            return table[name]
    raise IntrinsicError(f"Ref to '{name}', which is not a resource, parameter or pseudo parameter")


def _split_getatt(argument: Any) -> tuple[str, str]:
    if isinstance(argument, str):
        logical_id, _, attribute = argument.partition(".")
        return logical_id, attribute
    return str(argument[0]), str(argument[1])


def _get_att(argument: Any, scope: Scope) -> str:
    logical_id, attribute = _split_getatt(resolve(argument, scope))
    try:
        return scope.attributes[logical_id][attribute]
    except KeyError:
        raise IntrinsicError(f"Fn::GetAtt {logical_id}.{attribute} is not available") from None


def _join(argument: Any, scope: Scope) -> str:
    delimiter, items = resolve(argument, scope)
    return str(delimiter).join(str(item) for item in items)


def _sub(argument: Any, scope: Scope) -> str:
    text, variables = (argument, {}) if isinstance(argument, str) else argument
    values = resolve(variables, scope)

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in values:
            return str(values[name])
        if "." in name:
            return _get_att(name, scope)
        return str(_ref(name, scope))

    return _SUB_VARIABLE.sub(replace, text).replace("${!", "${")


def _select(argument: Any, scope: Scope) -> Any:
    index, items = resolve(argument, scope)
    return items[int(index)]


def _split(argument: Any, scope: Scope) -> list[str]:
    delimiter, text = resolve(argument, scope)
    return str(text).split(delimiter)


def _if(argument: Any, scope: Scope) -> Any:
    condition, when_true, when_false = argument
    return resolve(when_true if scope.conditions[condition] else when_false, scope)


def _import_value(argument: Any, scope: Scope) -> str:
    name = resolve(argument, scope)
    if name not in scope.exports:
        raise IntrinsicError(f"Fn::ImportValue '{name}': no stack exports it")
    return scope.exports[name]


def _get_stack_output(argument: Any, scope: Scope) -> str:
    spec = resolve(argument, scope)
    return scope.stack_outputs(spec["StackName"], spec["OutputName"])


_FUNCTIONS: dict[str, Callable[[Any, Scope], Any]] = {
    "Ref": _ref,
    "Fn::GetAtt": _get_att,
    "Fn::Join": _join,
    "Fn::Sub": _sub,
    "Fn::Select": _select,
    "Fn::Split": _split,
    "Fn::If": _if,
    "Fn::ImportValue": _import_value,
    "Fn::GetStackOutput": _get_stack_output,
    "Fn::Base64": lambda a, s: base64.b64encode(str(resolve(a, s)).encode()).decode(),
    "Fn::GetAZs": lambda a, s: [f"{s.pseudo['AWS::Region']}{z}" for z in "abc"],
    "Fn::Equals": lambda a, s: resolve(a[0], s) == resolve(a[1], s),
    "Fn::Not": lambda a, s: not resolve(a[0], s),
    "Fn::And": lambda a, s: all(resolve(x, s) for x in a),
    "Fn::Or": lambda a, s: any(resolve(x, s) for x in a),
    "Condition": lambda a, s: s.conditions[a],
}
