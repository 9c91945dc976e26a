"""SpecError: every problem in one spec file, each with its field path and YAML line."""

from dataclasses import dataclass
from pathlib import Path

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class SpecIssue:
    """One problem at one field of a spec."""

    path: FieldPath
    message: str
    line: int | None = None

    def dotted_path(self) -> str:
        text = ""
        for part in self.path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
        return text


class SpecError(Exception):
    """A pipeline spec that cannot be used; str() is the message to show a person."""

    def __init__(self, file: Path | str, issues: list[SpecIssue]) -> None:
        """file: the spec's file, or what names a spec that has none (built in Python)."""
        self.file = file
        self.issues = issues
        super().__init__(self.render())

    def render(self) -> str:
        lines = [f"{self.file}: invalid pipeline spec"]
        for issue in self.issues:
            where = ", ".join(
                filter(None, [f"line {issue.line}" if issue.line else "", issue.dotted_path()])
            )
            lines.append(f"  {where}: {issue.message}" if where else f"  {issue.message}")
        return "\n".join(lines)
