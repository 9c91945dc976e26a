"""Data quality rulesets: DQDL text checked at load, and rulesets on catalog tables of the
pipeline's database that no job of the pipeline writes (a crawled table, a console's table)."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from gluestack.spec.names import CatalogName


def _parsed_dqdl(value: str) -> str:
    from gluestack.spec.dqdl import parse_ruleset

    parse_ruleset(value)  # DqdlError (a ValueError) names the line and column
    return value


DqdlRules = Annotated[
    str,
    AfterValidator(_parsed_dqdl),
    Field(description="the DQDL ruleset: Rules = [ ... ]"),
]


class TableRulesetSpec(BaseModel):
    """A DQDL ruleset on a table of the pipeline's database, evaluated by an evaluation run
    (`gluestack dq run`), not after a job."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    table: CatalogName = Field(description="a table of the pipeline's database")
    rules: DqdlRules
    description: str = ""
