"""A syntax check for Glue Data Quality rulesets (DQDL), so a typo fails when the spec loads
rather than at deploy time. It checks structure, rule names, parameter counts and expressions;
Glue itself still evaluates the rules."""

import difflib
import re
from dataclasses import dataclass

# Rule type -> (fewest, most) quoted parameters, and whether an expression must follow them
# ("optional": CustomSql and DetectAnomalies also have forms without one).
RULES: dict[str, tuple[int, int, str]] = {
    "AggregateMatch": (2, 2, "required"),
    "ColumnCorrelation": (2, 2, "required"),
    "ColumnCount": (0, 0, "required"),
    "ColumnDataType": (1, 1, "required"),
    "ColumnExists": (1, 1, "none"),
    "ColumnLength": (1, 1, "required"),
    "ColumnNamesMatchPattern": (1, 1, "none"),
    "ColumnValues": (1, 1, "required"),
    "Completeness": (1, 1, "required"),
    "CustomSql": (1, 1, "optional"),
    "DataFreshness": (1, 1, "required"),
    "DatasetMatch": (2, 3, "required"),
    "DetectAnomalies": (1, 2, "optional"),
    "DistinctValuesCount": (1, 1, "required"),
    "Entropy": (1, 1, "required"),
    "FileFreshness": (0, 1, "required"),
    "FileMatch": (1, 2, "optional"),
    "FileSize": (0, 1, "required"),
    "FileUniqueness": (0, 1, "required"),
    "IsComplete": (1, 1, "none"),
    "IsPrimaryKey": (1, 10, "none"),
    "IsUnique": (1, 1, "none"),
    "Mean": (1, 1, "required"),
    "ReferentialIntegrity": (2, 2, "required"),
    "RowCount": (0, 0, "required"),
    "RowCountMatch": (1, 1, "required"),
    "SchemaMatch": (1, 1, "required"),
    "StandardDeviation": (1, 1, "required"),
    "Sum": (1, 1, "required"),
    "UniqueValueRatio": (1, 1, "required"),
    "Uniqueness": (1, 1, "required"),
}
SECTIONS = ("Rules", "Analyzers")
COMPARISONS = ("=", "!=", ">", ">=", "<", "<=")
KEYWORDS = ("NULL", "EMPTY", "WHITESPACES_ONLY")
UNITS = ("minutes", "hours", "days")

_TOKEN = re.compile(
    r"""(?P<space>\s+|\#[^\n]*)
      | (?P<string>"(?:[^"\\]|\\.)*")
      | (?P<number>\d+(?:\.\d+)?)
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<op>!=|>=|<=|->|[=<>\[\](),+\-*/])
      | (?P<bad>.)""",
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class DqdlProblem:
    """What is wrong, where (1-based line and column of the ruleset text)."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    line: int
    column: int


class _Invalid(Exception):
    def __init__(self, token: _Token, message: str) -> None:
        super().__init__(message)
        self.problem = DqdlProblem(token.line, token.column, message)


def rule_types() -> frozenset[str]:
    """The rule type names the checker knows."""
    return frozenset(RULES)


def check_ruleset(text: str) -> list[DqdlProblem]:
    """Problems in a DQDL ruleset; empty when it is well formed. Stops at the first problem."""
    try:
        _Parser(_tokens(text)).ruleset()
    except _Invalid as invalid:
        return [invalid.problem]
    return []


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    line, line_start = 1, 0
    for match in _TOKEN.finditer(text):
        kind, value = match.lastgroup or "bad", match.group()
        token = _Token(kind, value, line, match.start() - line_start + 1)
        if kind == "bad":
            hint = "an unclosed string" if value == '"' else f"the character {value!r}"
            raise _Invalid(token, f"unexpected {hint}")
        if kind != "space":
            tokens.append(token)
        if "\n" in value:
            line += value.count("\n")
            line_start = match.start() + value.rindex("\n") + 1
    tokens.append(_Token("end", "", line, len(text) - line_start + 1))
    return tokens


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.position = 0

    @property
    def current(self) -> _Token:
        return self.tokens[self.position]

    def take(self, text: str | None = None, kind: str | None = None, expected: str = "") -> _Token:
        token = self.current
        if (text is not None and token.text != text) or (kind is not None and token.kind != kind):
            found = f"'{token.text}'" if token.text else "the end of the ruleset"
            raise _Invalid(token, f"expected {expected or repr(text)}, found {found}")
        self.position += 1
        return token

    def at(self, *texts: str) -> bool:
        return self.current.text in texts and self.current.kind != "string"

    def ruleset(self) -> None:
        seen: list[str] = []
        while self.current.kind != "end":
            name = self.current
            if name.text not in SECTIONS:
                raise _Invalid(
                    name,
                    "expected a section 'Rules = [ ... ]' or 'Analyzers = [ ... ]', "
                    f"found '{name.text}'",
                )
            if name.text in seen:
                raise _Invalid(name, f"section '{name.text}' appears twice")
            seen.append(name.text)
            self.position += 1
            self.take("=")
            self.take("[")
            self.items(expression=name.text == "Rules")
            self.take("]", expected="',' or ']' closing the list")
        if "Rules" not in seen and "Analyzers" not in seen:
            raise _Invalid(self.current, "a ruleset needs 'Rules = [ ... ]'")

    def items(self, *, expression: bool) -> None:
        if self.at("]"):
            raise _Invalid(self.current, "the list is empty; write at least one rule")
        self.composite(expression)
        while self.at(","):
            self.position += 1
            self.composite(expression)

    def composite(self, expression: bool) -> None:
        self.operand(expression)
        if not self.at("and", "or"):
            return
        operator = self.current.text
        while self.at("and", "or"):
            if self.current.text != operator:
                raise _Invalid(
                    self.current, "mixing 'and' and 'or' needs parentheses around each group"
                )
            self.position += 1
            if not self.at("("):
                raise _Invalid(
                    self.current, f"each rule joined by '{operator}' goes in parentheses"
                )
            self.operand(expression)

    def operand(self, expression: bool) -> None:
        if self.at("("):
            self.position += 1
            self.composite(expression)
            self.take(")", expected="')'")
        else:
            self.rule(expression)

    def rule(self, expression: bool) -> None:
        name = self.take(kind="word", expected="a rule type such as RowCount or IsComplete")
        if name.text not in RULES:
            close = difflib.get_close_matches(name.text, RULES, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise _Invalid(
                name, f"unknown rule type '{name.text}'; {hint}known: {', '.join(sorted(RULES))}"
            )
        fewest, most, needs = RULES[name.text]
        count = 0
        while self.current.kind == "string":
            self.position += 1
            count += 1
        if not fewest <= count <= most:
            wanted = f"{fewest}" if fewest == most else f"{fewest} to {most}"
            raise _Invalid(name, f"{name.text} takes {wanted} quoted parameter(s), found {count}")
        has_expression = self.at(*COMPARISONS, "between", "not", "in", "matches")
        if expression and needs == "required" and not has_expression:
            raise _Invalid(
                self.current, f"{name.text} needs a condition such as '> 0.9' or 'between 1 and 10'"
            )
        if has_expression:
            if needs == "none" and expression:
                raise _Invalid(self.current, f"{name.text} takes no condition")
            self.condition()
        self.tail()

    def condition(self) -> None:
        if self.at("not"):
            self.position += 1
            if not self.at("between", "in", "matches"):
                raise _Invalid(self.current, "'not' goes before 'between', 'in' or 'matches'")
        if self.at("between"):
            self.position += 1
            self.value()
            self.take("and", expected="'and' in 'between X and Y'")
            self.value()
        elif self.at("in"):
            self.position += 1
            self.take("[")
            self.value()
            while self.at(","):
                self.position += 1
                self.value()
            self.take("]", expected="',' or ']' closing the 'in' list")
        elif self.at("matches"):
            self.position += 1
            self.take(kind="string", expected="a quoted regular expression")
        else:
            self.take(kind="op", expected=" or ".join(COMPARISONS))
            self.value()

    def value(self) -> None:
        self.term()
        while self.at("+", "-", "*", "/"):
            self.position += 1
            self.term()

    def term(self) -> None:
        token = self.current
        if self.at("-"):
            self.position += 1
            self.term()
        elif token.kind == "number":
            self.position += 1
            if self.at(*UNITS):
                self.position += 1
        elif token.kind == "string" or token.text in KEYWORDS:
            self.position += 1
        elif self.at("("):
            self.position += 1
            self.value()
            self.take(")", expected="')'")
        elif token.kind == "word" and self.tokens[self.position + 1].text == "(":
            self.position += 2  # a function such as now(), last(10), avg(last(10))
            if not self.at(")"):
                self.value()
                while self.at(","):
                    self.position += 1
                    self.value()
            self.take(")", expected="')' closing the function call")
        else:
            found = f"'{token.text}'" if token.text else "the end of the ruleset"
            raise _Invalid(
                token,
                f"expected a number, a quoted string, a duration or a function, found {found}",
            )

    def tail(self) -> None:
        if self.at("with"):
            self.position += 1
            self.take("threshold", expected="'threshold' after 'with'")
            self.take(kind="op", expected=" or ".join(COMPARISONS))
            self.value()
        if self.at("where"):
            self.position += 1
            self.take(kind="string", expected='a quoted filter, such as where "\\"year\\" > 2020"')
