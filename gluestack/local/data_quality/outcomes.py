"""What evaluating a ruleset found, in the shape of Glue's GetDataQualityResult."""

from dataclasses import dataclass, field
from typing import Any, Literal

RuleResult = Literal["PASS", "FAIL", "ERROR"]
NOT_EVALUATED = "not evaluated offline: "


@dataclass(frozen=True)
class RuleOutcome:
    """One top-level rule of a ruleset: Glue's DataQualityRuleResult."""

    name: str  # Rule_1, Rule_2, ... in the ruleset's order
    rule: str  # the rule's DQDL text
    result: RuleResult
    message: str = ""
    metrics: dict[str, float] = field(default_factory=dict)

    def as_glue(self) -> dict[str, Any]:
        answer: dict[str, Any] = {
            "Name": self.name,
            "Description": self.rule,
            "Result": self.result,
            "EvaluatedMetrics": self.metrics,
            "EvaluatedRule": self.rule,
        }
        if self.message:
            answer["EvaluationMessage"] = self.message
        return answer


@dataclass(frozen=True)
class RulesetOutcome:
    """Every rule's outcome, and the score: the share of rules that passed."""

    rules: tuple[RuleOutcome, ...]

    @property
    def score(self) -> float:
        return sum(r.result == "PASS" for r in self.rules) / len(self.rules) if self.rules else 1.0

    @property
    def passed(self) -> bool:
        return all(r.result == "PASS" for r in self.rules)
