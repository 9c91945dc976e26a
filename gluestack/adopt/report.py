"""What an import did with each resource and field: a person reads the table, a script the JSON.

Nothing in scope is dropped silently: every AWS setting the spec does not type is either kept
verbatim (arguments, unmodeled), replaced by gluestack's own (with the imported value shown),
or listed as not imported with the reason.
"""

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from rich.table import Table

Outcome = Literal[
    "imported",  # the resource became a spec entry
    "renamed",  # its spec key differs from its AWS name
    "kept",  # a setting kept verbatim in arguments or unmodeled
    "replaced",  # a setting gluestack manages itself: the deployed value will be gluestack's
    "action",  # imported, but the user has to do something (a secret, environments)
    "not_imported",  # could not be imported: the import exits 1
    "missing_script",  # the job's script object could not be read: exits 1
]
FAILING: tuple[Outcome, ...] = ("not_imported", "missing_script")


@dataclass(frozen=True)
class ReportEntry:
    outcome: Outcome
    kind: str  # job, crawler, trigger, connection, ruleset, workflow, database, pipeline
    aws_name: str
    pipeline: str = ""
    field: str = ""  # where in the spec, e.g. jobs.load.arguments.source
    setting: str = ""  # the AWS member or argument, e.g. --TempDir, NotificationProperty
    value: Any = None  # the imported value, when one was kept, replaced or left out
    detail: str = ""


@dataclass
class ImportReport:
    entries: list[ReportEntry] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # files, relative to the project

    def add(self, outcome: Outcome, kind: str, aws_name: str, **details: Any) -> None:
        self.entries.append(ReportEntry(outcome, kind, aws_name, **details))

    def extend(self, entries: list[ReportEntry]) -> None:
        self.entries.extend(entries)

    @property
    def failed(self) -> bool:
        """Something in scope could not be imported."""
        return any(entry.outcome in FAILING for entry in self.entries)

    def of(self, outcome: Outcome) -> list[ReportEntry]:
        return [entry for entry in self.entries if entry.outcome == outcome]

    def as_json(self) -> str:
        return json.dumps(
            {
                "failed": self.failed,
                "written": self.written,
                "entries": [asdict(entry) for entry in self.entries],
            },
            default=str,
            indent=2,
        )

    def table(self) -> Table:
        table = Table(title=f"gluestack import: {len(self.written)} files written")
        columns = (
            "outcome",
            "kind",
            "aws name",
            "pipeline",
            "spec field",
            "aws setting",
            "value",
            "detail",
        )
        for column in columns:
            table.add_column(column, overflow="fold")
        for e in sorted(self.entries, key=_display_order):
            table.add_row(
                e.outcome,
                e.kind,
                e.aws_name,
                e.pipeline,
                e.field,
                e.setting,
                _shown(e.value),
                e.detail,
            )
        return table


_ORDER: tuple[Outcome, ...] = (
    "not_imported",
    "missing_script",
    "action",
    "replaced",
    "kept",
    "renamed",
    "imported",
)


def _display_order(entry: ReportEntry) -> tuple[int, str, str]:
    return _ORDER.index(entry.outcome), entry.pipeline, entry.aws_name


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, default=str, sort_keys=True)
    return str(value)
