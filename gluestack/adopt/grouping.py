"""Pipelines out of an estate: one per workflow, else per connected part of the trigger graph.

A job or crawler no trigger touches is a pipeline of its own. Resources a trigger links across
workflows (a job two workflows start) join those workflows into one pipeline: in gluestack a
job belongs to one pipeline.
"""

from dataclasses import dataclass, field

from gluestack.ops.estate import GlueEstate


@dataclass(frozen=True)
class Group:
    """The AWS names of one future pipeline's resources, each list in name order."""

    jobs: list[str] = field(default_factory=list)
    crawlers: list[str] = field(default_factory=list)
    triggers: list[str] = field(default_factory=list)
    workflows: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """Its workflow's name when it has exactly one, else its first job's, else crawler's."""
        if len(self.workflows) == 1:
            return self.workflows[0]
        return (self.jobs or self.crawlers or self.workflows or self.triggers)[0]

    @property
    def empty(self) -> bool:
        return not (self.jobs or self.crawlers)


def group_estate(estate: GlueEstate) -> list[Group]:
    """The estate's pipelines, ordered by name."""
    groups = []
    for component in estate.graph().components():
        names = {
            kind: sorted(n for k, n in component if k == kind)
            for kind in ("job", "crawler", "trigger", "workflow")
        }
        groups.append(Group(names["job"], names["crawler"], names["trigger"], names["workflow"]))
    return sorted(groups, key=lambda group: group.name)
