"""Pipeline specs: pydantic models of pipelines/*.yaml, loading and validation."""

from gluestack.spec.crawler import CrawlerSpec
from gluestack.spec.errors import SpecError, SpecIssue
from gluestack.spec.job import JobSpec, OutputSpec
from gluestack.spec.loader import load, load_all, validated
from gluestack.spec.pipeline import PipelineSpec
from gluestack.spec.schema import json_schema
from gluestack.spec.source import SourceSpec
from gluestack.spec.trigger import Action, Condition, Target, TriggerSpec

__all__ = [
    "Action",
    "Condition",
    "CrawlerSpec",
    "JobSpec",
    "OutputSpec",
    "PipelineSpec",
    "SourceSpec",
    "SpecError",
    "SpecIssue",
    "Target",
    "TriggerSpec",
    "json_schema",
    "load",
    "load_all",
    "validated",
]
