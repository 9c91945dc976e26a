"""Adopt an existing Glue estate: read it, group it into pipelines, write their specs."""

from gluestack.adopt.context import ImportContext
from gluestack.adopt.importer import ImportPlan, plan_import
from gluestack.adopt.report import ImportReport, ReportEntry
from gluestack.adopt.writer import Origin, WouldOverwrite, write_import

__all__ = [
    "ImportContext",
    "ImportPlan",
    "ImportReport",
    "Origin",
    "ReportEntry",
    "WouldOverwrite",
    "plan_import",
    "write_import",
]
