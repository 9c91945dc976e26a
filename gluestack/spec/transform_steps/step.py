"""What a kind of transform step provides: its check, its script lines, its plain forms.

A new kind is a module with one TransformStep subclass and its entry in registry.STEPS.
"""

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, ClassVar

from gluestack.spec.errors import FieldPath, SpecIssue
from gluestack.spec.transform import TransformSpec
from gluestack.spec.transform_steps.columns import Columns, column_names, referenced_columns

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


class FrameKind(Enum):
    """What a step's script lines work on."""

    ROWS = "rows"  # a Spark DataFrame, held in the variable `rows`
    DYNAMIC = "dynamic"  # a Glue DynamicFrame, as Glue's own transforms take


@dataclass
class CheckState:
    """A transform's check so far: the columns the previous step left, and the issues found."""

    transform: TransformSpec
    columns: Columns
    sources: Mapping[str, Columns]  # every source's declared columns, for the joins
    where: FieldPath  # the transform's field path; an issue's path is relative to it
    issues: list[SpecIssue] = field(default_factory=list)

    def problem(self, path: FieldPath, message: str) -> None:
        self.issues.append(SpecIssue((*self.where, *path), message))

    def known(self, path: FieldPath, name: str) -> bool:
        """Whether name is a column here; an issue at path when it is not."""
        if name in self.columns:
            return True
        self._unknown(path, name)
        return False

    def references(self, path: FieldPath, expression: str) -> None:
        """An issue at path for each column the Spark SQL expression reads that is not here."""
        for name in sorted(referenced_columns(expression) - set(self.columns)):
            self._unknown(path, name)

    def _unknown(self, path: FieldPath, name: str) -> None:
        self.problem(
            path, f"'{name}' is not a column here; the columns are {column_names(self.columns)}"
        )


class TransformStep(ABC):
    """One kind of step, for every transform that has it.

    name is the TransformSpec field holding the step's settings. In the generated script the
    step reads and leaves a frame of frame_kind, in the variable frame_variable; present steps
    that are next to each other in STEPS and share a block label are written as one block.
    """

    name: ClassVar[str]
    frame_kind: ClassVar[FrameKind] = FrameKind.ROWS
    frame_variable: ClassVar[str] = "rows"
    block: ClassVar[str] = "dataframe"

    def present(self, transform: TransformSpec) -> bool:
        return bool(getattr(transform, self.name))

    @abstractmethod
    def check(self, state: CheckState) -> None:
        """Report what does not fit state.columns, and change them as the step does."""

    @abstractmethod
    def render(self, transform: TransformSpec, columns_before: Columns, frame: str) -> list[str]:
        """The script lines; frame is the expression of the frame they read, of frame_kind."""

    def imports(self, transform: TransformSpec) -> set[str]:
        """Import lines the script lines need."""
        return set()

    @abstractmethod
    def plain(
        self, rows: "DataFrame", transform: TransformSpec, frames: Mapping[str, "DataFrame"]
    ) -> "DataFrame":
        """The step in plain PySpark; frames holds every source's DataFrame by name."""

    @abstractmethod
    def sql(
        self,
        previous: str,
        transform: TransformSpec,
        columns_before: Columns,
        relations: Mapping[str, str],
    ) -> str:
        """The step as one DuckDB SELECT over previous; relations names every source in SQL."""
