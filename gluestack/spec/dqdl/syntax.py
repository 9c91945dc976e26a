"""The parsed form of a DQDL ruleset: rules, composites, conditions and values.

Shared by the load-time check (gluestack.spec) and the offline evaluator (gluestack.local), so
the language is read in one place.
"""

from dataclasses import dataclass
from typing import Literal

Keyword = Literal["NULL", "EMPTY", "WHITESPACES_ONLY"]
Comparison = Literal["=", "!=", ">", ">=", "<", "<="]
Operator = Literal["=", "!=", ">", ">=", "<", "<=", "between", "in", "matches"]


@dataclass(frozen=True)
class Number:
    value: float


@dataclass(frozen=True)
class Text:
    value: str


@dataclass(frozen=True)
class Special:
    """NULL, EMPTY or WHITESPACES_ONLY in a ColumnValues set or comparison."""

    keyword: Keyword


@dataclass(frozen=True)
class Duration:
    amount: float
    unit: str  # minutes, hours or days


@dataclass(frozen=True)
class Size:
    """A file size such as `2 MB` (FileSize)."""

    amount: float
    unit: str  # B, KB, MB, GB or TB


@dataclass(frozen=True)
class Call:
    """A function such as now(), last(10) or avg(last(10))."""

    name: str
    arguments: tuple["Value", ...]


@dataclass(frozen=True)
class Arithmetic:
    operator: Literal["+", "-", "*", "/"]
    left: "Value"
    right: "Value"


@dataclass(frozen=True)
class Negative:
    operand: "Value"


Value = Number | Text | Special | Duration | Size | Call | Arithmetic | Negative


@dataclass(frozen=True)
class Condition:
    """What a rule's value must satisfy: `> 0.9`, `between 1 and 5`, `not in [...]`, ..."""

    operator: Operator
    values: tuple[Value, ...]
    negated: bool = False


@dataclass(frozen=True)
class Rule:
    """One rule: its type, quoted parameters, condition, threshold, tags (`with recentFiles = 1`)
    and where filter."""

    type: str
    parameters: tuple[str, ...]
    condition: Condition | None
    threshold: Condition | None
    where: str | None
    text: str
    tags: tuple[tuple[str, "Number | Text"], ...] = ()


@dataclass(frozen=True)
class Composite:
    """Rules joined by one operator; each part is a rule or a parenthesized composite."""

    operator: Literal["and", "or"]
    parts: tuple["Node", ...]
    text: str


Node = Rule | Composite


@dataclass(frozen=True)
class Ruleset:
    rules: tuple[Node, ...]
    analyzers: tuple[Node, ...]


def uses_function(value: Value, name: str) -> bool:
    """Whether a value calls the named function anywhere (e.g. `last` for dynamic rules)."""
    match value:
        case Call(name=called, arguments=arguments):
            return called == name or any(uses_function(a, name) for a in arguments)
        case Arithmetic(left=left, right=right):
            return uses_function(left, name) or uses_function(right, name)
        case Negative(operand=operand):
            return uses_function(operand, name)
    return False


def rules_of(node: Node) -> list[Rule]:
    """The plain rules inside a node, in order."""
    if isinstance(node, Rule):
        return [node]
    return [rule for part in node.parts for rule in rules_of(part)]
