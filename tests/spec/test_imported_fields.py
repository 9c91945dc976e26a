"""role, s3_targets and unmodeled: what `gluestack import` writes, and each mistake's message."""

import inspect
from pathlib import Path

import pytest
from aws_cdk import aws_glue

from gluestack.spec import PipelineSpec, SpecError, load
from gluestack.spec.unmodeled import (
    CRAWLER_PROPERTIES,
    JOB_PROPERTIES,
    TRIGGER_PROPERTIES,
    TypeProperties,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SPEC = """name: imports
database: imports
crawlers:
  legacy:
    s3_targets: ["s3://acme-data/exports/orders/"]
jobs:
  nightly:
    script: glue_scripts/flights_clean.py
    role: arn:aws:iam::111122223333:role/legacy-etl
triggers:
  start:
    type: on_demand
    actions: [{job: nightly}]
"""
CRAWLER = '    s3_targets: ["s3://acme-data/exports/orders/"]\n'
JOB = "    role: arn:aws:iam::111122223333:role/legacy-etl\n"
TRIGGER = "    actions: [{job: nightly}]\n"
KEPT_JOB = "properties kept verbatim for AWS::Glue::Job: LogUri, NonOverridableArguments, "


def _load(tmp_path: Path, old: str = "", new: str = "") -> PipelineSpec:
    path = tmp_path / "imports.yaml"
    path.write_text(SPEC.replace(old, new, 1))
    return load(path, PROJECT_ROOT)


def test_the_fields_load_as_written(tmp_path: Path) -> None:
    spec = _load(
        tmp_path,
        JOB,
        JOB + "    unmodeled:\n      NotificationProperty: {NotifyDelayAfter: 15}\n"
        '      NonOverridableArguments: {"--region_code": eu}\n',
    )
    job = spec.jobs["nightly"]
    assert job.role == "arn:aws:iam::111122223333:role/legacy-etl"
    assert job.unmodeled["NonOverridableArguments"] == {"--region_code": "eu"}
    crawler = spec.crawlers["legacy"]
    assert (crawler.s3_targets, crawler.role, crawler.unmodeled) == (
        ["s3://acme-data/exports/orders/"],
        None,
        {},
    )


INVALID = [
    pytest.param(
        JOB, "    role: arn:aws:iam::1111:role/legacy-etl\n", "jobs.nightly.role",
        "is not an IAM role ARN; write arn:<partition>:iam::<12-digit account>:role/",
        id="short-account",
    ),
    pytest.param(
        CRAWLER, CRAWLER + "    role: arn:aws:iam::111122223333:user/bob\n", "crawlers.legacy.role",
        "'arn:aws:iam::111122223333:user/bob' is not an IAM role ARN", id="a-user-is-no-role",
    ),
    pytest.param(
        CRAWLER, '    s3_targets: ["acme-data/exports/"]\n', "crawlers.legacy.s3_targets[0]",
        "'acme-data/exports/' is not an S3 location; write s3://<bucket>/<prefix>/", id="no-scheme",
    ),
    pytest.param(
        CRAWLER, '    s3_targets: ["s3://Acme/exports/"]\n', "crawlers.legacy.s3_targets[0]",
        "is not an S3 location", id="bucket-name-rules",
    ),
    pytest.param(
        CRAWLER, '    s3_targets: ["s3://acme-data/exports/*"]\n', "crawlers.legacy.s3_targets[0]",
        "an S3 location has no wildcards", id="wildcard-would-widen-the-grant",
    ),
    pytest.param(
        CRAWLER, CRAWLER + "    catalog_tables: [orders]\n", "crawlers.legacy",
        "cannot also crawl S3 or JDBC targets", id="catalog-and-s3-targets",
    ),
    pytest.param(
        # https://docs.aws.amazon.com/glue/latest/dg/define-crawler-choose-data-sources.html:
        # "No new catalog tables are created": the named tables are updated as they are named.
        CRAWLER, "    catalog_tables: [orders]\n    table_prefix: raw_\n", "crawlers.legacy",
        "a crawler of 'catalog_tables' keeps their names: no 'table_prefix'",
        id="catalog-tables-keep-their-names",
    ),
    pytest.param(
        JOB, JOB + "    unmodeled: {Foo: 1}\n", "jobs.nightly.unmodeled",
        "'Foo' is not a CloudFormation property of AWS::Glue::Job; " + KEPT_JOB, id="unknown",
    ),
    pytest.param(
        JOB, JOB + "    unmodeled: {WorkerType: G.2X}\n", "jobs.nightly.unmodeled",
        "unmodeled property 'WorkerType' is modeled by the spec (worker_type); " + KEPT_JOB,
        id="modeled",
    ),
    pytest.param(
        JOB, JOB + "    unmodeled: {AllocatedCapacity: 2}\n", "jobs.nightly.unmodeled",
        "unmodeled property 'AllocatedCapacity' cannot be kept: Glue deprecated it",
        id="deprecated",
    ),
    pytest.param(
        JOB, JOB + '    unmodeled: {NonOverridableArguments: {"--job-bookmark-option": x}}\n',
        "jobs.nightly.unmodeled",
        "NonOverridableArguments: argument 'job-bookmark-option' is managed by gluestack; use "
        "the job field 'bookmarks'", id="non-overridable-managed-argument",
    ),
    pytest.param(
        JOB, JOB + "    unmodeled: {NonOverridableArguments: {region: eu}}\n",
        "jobs.nightly.unmodeled", "'region' must be '--name' with a string value",
        id="non-overridable-name",
    ),
    pytest.param(
        CRAWLER, CRAWLER + "    unmodeled: {Configuration: '{}'}\n", "crawlers.legacy.unmodeled",
        "'Configuration' is modeled by the spec (combine_compatible_schemas, table_level and "
        "partition_schema); "
        "properties kept verbatim for AWS::Glue::Crawler: Classifiers, LakeFormationConfiguration",
        id="crawler-modeled",
    ),
    pytest.param(
        TRIGGER, TRIGGER + "    unmodeled: {StartOnCreation: true}\n", "triggers.start.unmodeled",
        "'StartOnCreation' is modeled by the spec (enabled_in; conditional triggers always start "
        "activated); AWS::Glue::Trigger keeps none verbatim", id="trigger-modeled",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "field", "phrase"), INVALID)
def test_each_mistake_is_located_and_explained(
    tmp_path: Path, old: str, new: str, field: str, phrase: str
) -> None:
    with pytest.raises(SpecError) as raised:
        _load(tmp_path, old, new)
    text = str(raised.value)
    assert f"{field}: " in text, text
    assert phrase in text, text


@pytest.mark.parametrize(
    ("properties", "cdk_props"),
    [
        (JOB_PROPERTIES, aws_glue.CfnJobProps),
        (CRAWLER_PROPERTIES, aws_glue.CfnCrawlerProps),
        (TRIGGER_PROPERTIES, aws_glue.CfnTriggerProps),
    ],
    ids=["job", "crawler", "trigger"],
)
def test_every_cloudformation_property_is_modeled_kept_or_refused(
    properties: TypeProperties, cdk_props: type
) -> None:
    """CloudFormation's property lists (aws-resource-glue-job.html, -crawler.html,
    -trigger.html in the CloudFormation template reference), as aws-cdk-lib's L1 props carry
    them: a property added there must be placed in gluestack/spec/unmodeled.py."""
    names = {
        "".join(part.title() for part in name.split("_"))
        for name in inspect.signature(cdk_props).parameters
    }
    assert properties.all == names
    kinds = [properties.allowed, properties.modeled, properties.refused]
    assert sum(len(k) for k in kinds) == len(names)  # each in one kind only
