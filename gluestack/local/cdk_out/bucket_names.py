"""The buckets a synthesized app names, resolved for an account without deploying it."""

from pathlib import Path

from gluestack.local.cdk_out.deploy import read_assembly
from gluestack.local.cdk_out.deploy.intrinsics import IntrinsicError, Scope, resolve

# The storage stack's outputs naming its buckets.
RAW_BUCKET_OUTPUT = "RawBucketName"


def bucket_of_output(cdk_out: Path, output: str, account: str, region: str) -> str:
    """The name of the bucket a stack output (e.g. RawBucketName) refers to, in account."""
    for stack in read_assembly(cdk_out):
        value = stack.template.get("Outputs", {}).get(output, {}).get("Value")
        if value is None:
            continue
        if not isinstance(value, dict) or "Ref" not in value:
            raise IntrinsicError(f"output {output} of {stack.name} is not a bucket reference")
        bucket = stack.template["Resources"][value["Ref"]]["Properties"]["BucketName"]
        scope = Scope(
            pseudo={"AWS::AccountId": account, "AWS::Region": region, "AWS::Partition": "aws",
                    "AWS::URLSuffix": "amazonaws.com", "AWS::StackName": stack.name},
            parameters={}, conditions={}, refs={}, attributes={}, exports={},
            stack_outputs=_no_stack_outputs,
        )  # fmt: skip
        return str(resolve(bucket, scope))
    raise IntrinsicError(f"no stack of {cdk_out} has an output {output}")


def _no_stack_outputs(stack: str, output: str) -> str:
    raise IntrinsicError(f"a bucket name that refers to {stack}.{output}")
