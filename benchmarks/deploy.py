"""Measure 5: deploying the whole synthesized app into a fresh in-process moto."""

import tempfile
from pathlib import Path

from benchmarks.measurement import Measurement, median_seconds
from gluestack.local.cdk_out.deploy import deploy_assembly, read_assembly
from gluestack.local.cdk_out.synth import synthesize
from gluestack.local.offline import offline_account
from gluestack.ops import client

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def deploy_once(cdk_out: Path) -> None:
    with offline_account() as session:
        deploy_assembly(cdk_out, session)


def create_buckets(count: int) -> None:
    """The floor: as many of moto's cheapest creates as the app has resources."""
    with offline_account() as session:
        s3 = client(session, "s3")
        for index in range(count):
            s3.create_bucket(Bucket=f"floor-{index}")


def measure() -> list[Measurement]:
    with tempfile.TemporaryDirectory() as scratch:
        cdk_out = synthesize(PROJECT_ROOT, "dev", Path(scratch) / "cdk.out")
        resources = sum(len(s.template["Resources"]) for s in read_assembly(cdk_out))
        deploy_once(cdk_out)  # moto's first use imports its backends; time warm runs
        deploy = median_seconds(lambda: deploy_once(cdk_out))
        floor = median_seconds(lambda: create_buckets(resources))
    return [
        Measurement(
            5,
            f"moto deploy of the synthesized app ({resources} resources, assets uploaded)",
            deploy,
            "s",
            floor,
            f"{resources} bare S3 CreateBucket calls in moto",
            3,
            "figure",
            "python -m benchmarks --only deploy",
        )
    ]
