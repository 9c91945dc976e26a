"""DQDL, Glue Data Quality's rule language: parsed and checked when a spec loads."""

from gluestack.spec.dqdl.parser import (
    DqdlError,
    DqdlProblem,
    check_ruleset,
    parse_ruleset,
    rule_types,
)

__all__ = ["DqdlError", "DqdlProblem", "check_ruleset", "parse_ruleset", "rule_types"]
