"""Report entries about one resource being converted, with its spec path filled in."""

from dataclasses import dataclass, field
from typing import Any

from gluestack.adopt.report import Outcome, ReportEntry


@dataclass
class Notes:
    """What happened to one AWS resource's settings; `path` is its place in the spec, e.g.
    jobs.load."""

    kind: str
    aws_name: str
    pipeline: str
    path: str
    entries: list[ReportEntry] = field(default_factory=list)

    def note(
        self,
        outcome: Outcome,
        spec_field: str = "",
        value: Any = None,
        detail: str = "",
        setting: str = "",
    ) -> None:
        where = ".".join(part for part in (self.path, spec_field) if part)
        self.entries.append(
            ReportEntry(
                outcome, self.kind, self.aws_name, self.pipeline, where, setting, value, detail
            )
        )

    def kept(self, spec_field: str, value: Any, detail: str = "") -> None:
        self.note("kept", spec_field, value, detail)

    def replaced(self, setting: str, value: Any, detail: str) -> None:
        self.note("replaced", "", value, detail, setting)

    def not_imported(self, setting: str, value: Any, detail: str) -> None:
        self.note("not_imported", "", value, detail, setting)

    def action(self, spec_field: str, detail: str, value: Any = None) -> None:
        self.note("action", spec_field, value, detail)

    def tags(self, resource: dict[str, Any]) -> None:
        """A resource's own tags: the spec's `tags` are the whole pipeline's, on every resource."""
        if resource.get("Tags"):
            self.not_imported(
                "Tags",
                resource["Tags"],
                "the spec's tags: apply to every resource of the pipeline; put the ones its "
                "resources share there",
            )
