"""The checks every synthesis runs: cdk-nag's AWS Solutions pack, and the suppressions."""

import aws_cdk as cdk
from cdk_nag import AwsSolutionsChecks

from gluestack.cdk.compliance.suppressions import ApplySuppressions


def add_gates(app: cdk.App) -> None:
    """cdk-nag fails synthesis on any unacknowledged finding (cdk-nag 3 is a validation plugin)."""
    cdk.Aspects.of(app).add(ApplySuppressions())
    cdk.Validations.of(app).add_plugins(AwsSolutionsChecks(app, verbose=True))
