"""DQDL (Glue Data Quality's rule language) read into its parsed form, with located errors.

A typo fails when the spec loads rather than at deploy time: structure, rule names, parameter
counts and expressions are checked here; gluestack.local evaluates the parsed rules offline.
"""

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from gluestack.spec.dqdl.rule_table import (
    COMPARISONS,
    KEYWORDS,
    RULES,
    SECTIONS,
    SIZE_UNITS,
    UNITS,
)
from gluestack.spec.dqdl.syntax import (
    Arithmetic,
    Call,
    Composite,
    Condition,
    Duration,
    Negative,
    Node,
    Number,
    Rule,
    Ruleset,
    Size,
    Special,
    Text,
    Value,
)

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


class DqdlError(ValueError):
    """A ruleset that is not well-formed DQDL; `problem` says where and why."""

    def __init__(self, problem: DqdlProblem) -> None:
        super().__init__(f"DQDL line {problem.line}, column {problem.column}: {problem.message}")
        self.problem = problem


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    line: int
    column: int
    start: int
    end: int


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
        parse_ruleset(text)
    except DqdlError as error:
        return [error.problem]
    return []


def parse_ruleset(text: str) -> Ruleset:
    """The parsed ruleset; DqdlError (line, column, what is wrong) when it is not well formed."""
    try:
        return _Parser(text, _tokens(text)).ruleset()
    except _Invalid as invalid:
        raise DqdlError(invalid.problem) from None


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    line, line_start = 1, 0
    for match in _TOKEN.finditer(text):
        kind, value = match.lastgroup or "bad", match.group()
        column = match.start() - line_start + 1
        token = _Token(kind, value, line, column, match.start(), match.end())
        if kind == "bad":
            hint = "an unclosed string" if value == '"' else f"the character {value!r}"
            raise _Invalid(token, f"unexpected {hint}")
        if kind != "space":
            tokens.append(token)
        if "\n" in value:
            line += value.count("\n")
            line_start = match.start() + value.rindex("\n") + 1
    tokens.append(_Token("end", "", line, len(text) - line_start + 1, len(text), len(text)))
    return tokens


def _unquote(token: _Token) -> str:
    return re.sub(r"\\(.)", r"\1", token.text[1:-1])


class _Parser:
    def __init__(self, text: str, tokens: list[_Token]) -> None:
        self.text = text
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

    def source_since(self, first: int) -> str:
        """The ruleset's text from token `first` to the last token taken."""
        return self.text[self.tokens[first].start : self.tokens[self.position - 1].end]

    def ruleset(self) -> Ruleset:
        sections: dict[str, tuple[Node, ...]] = {}
        while self.current.kind != "end":
            name = self.current
            if name.text not in SECTIONS:
                raise _Invalid(
                    name,
                    "expected a section 'Rules = [ ... ]' or 'Analyzers = [ ... ]', "
                    f"found '{name.text}'",
                )
            if name.text in sections:
                raise _Invalid(name, f"section '{name.text}' appears twice")
            self.position += 1
            self.take("=")
            self.take("[")
            sections[name.text] = self.items(expression=name.text == "Rules")
            self.take("]", expected="',' or ']' closing the list")
        if not sections:
            raise _Invalid(self.current, "a ruleset needs 'Rules = [ ... ]'")
        return Ruleset(sections.get("Rules", ()), sections.get("Analyzers", ()))

    def items(self, *, expression: bool) -> tuple[Node, ...]:
        if self.at("]"):
            raise _Invalid(self.current, "the list is empty; write at least one rule")
        nodes = [self.composite(expression)]
        while self.at(","):
            self.position += 1
            nodes.append(self.composite(expression))
        return tuple(nodes)

    def composite(self, expression: bool) -> Node:
        first = self.position
        parts = [self.operand(expression)]
        if not self.at("and", "or"):
            return parts[0]
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
            parts.append(self.operand(expression))
        joined: Literal["and", "or"] = "and" if operator == "and" else "or"
        return Composite(joined, tuple(parts), self.source_since(first))

    def operand(self, expression: bool) -> Node:
        if not self.at("("):
            return self.rule(expression)
        self.position += 1
        node = self.composite(expression)
        self.take(")", expected="')'")
        return node

    def rule(self, expression: bool) -> Rule:
        first = self.position
        name = self.take(kind="word", expected="a rule type such as RowCount or IsComplete")
        if name.text not in RULES:
            close = difflib.get_close_matches(name.text, RULES, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise _Invalid(
                name, f"unknown rule type '{name.text}'; {hint}known: {', '.join(sorted(RULES))}"
            )
        fewest, most, needs = RULES[name.text]
        parameters: list[str] = []
        while self.current.kind == "string":
            parameters.append(_unquote(self.take()))
        if not fewest <= len(parameters) <= most:
            wanted = f"{fewest}" if fewest == most else f"{fewest} to {most}"
            raise _Invalid(
                name, f"{name.text} takes {wanted} quoted parameter(s), found {len(parameters)}"
            )
        has_expression = self.at(*COMPARISONS, "between", "not", "in", "matches")
        if expression and needs == "required" and not has_expression:
            raise _Invalid(
                self.current, f"{name.text} needs a condition such as '> 0.9' or 'between 1 and 10'"
            )
        condition = None
        if has_expression:
            if needs == "none" and expression:
                raise _Invalid(self.current, f"{name.text} takes no condition")
            condition = self.condition()
        threshold = where = None
        tags: list[tuple[str, Number | Text]] = []
        while self.at("with"):
            self.position += 1
            if self.at("threshold"):
                self.position += 1
                threshold = self.comparison()
                continue
            tag = self.take(kind="word", expected="'threshold' or a tag name after 'with'")
            self.take("=", expected=f"'=' after the tag {tag.text}")
            value = self.term()
            if not isinstance(value, Number | Text):
                raise _Invalid(tag, f"the tag {tag.text} takes a number or a quoted string")
            tags.append((tag.text, value))
        if self.at("where"):
            self.position += 1
            where = _unquote(
                self.take(
                    kind="string", expected='a quoted filter, such as where "\\"year\\" > 2020"'
                )
            )
        return Rule(
            name.text, tuple(parameters), condition, threshold, where, self.source_since(first),
            tuple(tags),
        )  # fmt: skip

    def condition(self) -> Condition:
        negated = self.at("not")
        if negated:
            self.position += 1
            if not self.at("between", "in", "matches"):
                raise _Invalid(self.current, "'not' goes before 'between', 'in' or 'matches'")
        if self.at("between"):
            self.position += 1
            low = self.value()
            self.take("and", expected="'and' in 'between X and Y'")
            return Condition("between", (low, self.value()), negated)
        if self.at("in"):
            self.position += 1
            self.take("[")
            members = [self.value()]
            while self.at(","):
                self.position += 1
                members.append(self.value())
            self.take("]", expected="',' or ']' closing the 'in' list")
            return Condition("in", tuple(members), negated)
        if self.at("matches"):
            self.position += 1
            pattern = self.take(kind="string", expected="a quoted regular expression")
            return Condition("matches", (Text(_unquote(pattern)),), negated)
        return self.comparison()

    def comparison(self) -> Condition:
        """`> 0.9`, `= "a"`, ...: one of COMPARISONS and a value."""
        operator = self.take(kind="op", expected=" or ".join(COMPARISONS))
        if operator.text not in COMPARISONS:
            raise _Invalid(
                operator, f"expected {' or '.join(COMPARISONS)}, found '{operator.text}'"
            )
        return Condition(operator.text, (self.value(),))  # type: ignore[arg-type]

    def value(self) -> Value:
        left = self.term()
        while self.at("+", "-", "*", "/"):
            operator = self.take().text
            left = Arithmetic(operator, left, self.term())  # type: ignore[arg-type]
        return left

    def term(self) -> Value:
        token = self.current
        if self.at("-"):
            self.position += 1
            return Negative(self.term())
        if token.kind == "number":
            self.position += 1
            if self.at(*UNITS):
                return Duration(float(token.text), self.take().text)
            if self.current.kind == "word" and self.current.text in SIZE_UNITS:
                return Size(float(token.text), self.take().text)
            return Number(float(token.text))
        if token.kind == "string":
            self.position += 1
            return Text(_unquote(token))
        if token.text in KEYWORDS:
            self.position += 1
            return Special(token.text)  # type: ignore[arg-type]
        if self.at("("):
            self.position += 1
            inner = self.value()
            self.take(")", expected="')'")
            return inner
        if token.kind == "word" and self.tokens[self.position + 1].text == "(":
            self.position += 2  # a function such as now(), last(10), avg(last(10))
            arguments: list[Value] = []
            if not self.at(")"):
                arguments.append(self.value())
                while self.at(","):
                    self.position += 1
                    arguments.append(self.value())
            self.take(")", expected="')' closing the function call")
            return Call(token.text, tuple(arguments))
        found = f"'{token.text}'" if token.text else "the end of the ruleset"
        raise _Invalid(
            token, f"expected a number, a quoted string, a duration or a function, found {found}"
        )
