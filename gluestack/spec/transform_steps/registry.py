"""The kinds of transform step, in the order a transform runs them.

Sources are read before the first and the output is written after the last.
"""

from gluestack.spec.transform_steps.dedupe import DedupeStep
from gluestack.spec.transform_steps.derived import DerivedStep
from gluestack.spec.transform_steps.drop import DropStep
from gluestack.spec.transform_steps.drop_nulls import DropNullsStep
from gluestack.spec.transform_steps.fill_nulls import FillNullsStep
from gluestack.spec.transform_steps.filters import FiltersStep
from gluestack.spec.transform_steps.join import JoinStep
from gluestack.spec.transform_steps.mapping import MappingStep
from gluestack.spec.transform_steps.null_values import NullValuesStep
from gluestack.spec.transform_steps.step import TransformStep

STEPS: tuple[TransformStep, ...] = (
    JoinStep(),
    MappingStep(),
    DropStep(),
    NullValuesStep(),
    FiltersStep(),
    DerivedStep(),
    DropNullsStep(),
    FillNullsStep(),
    DedupeStep(),
)
