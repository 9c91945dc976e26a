"""spigot: write a sample of a frame's records to S3 as JSON, and pass the frame on unchanged.

https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-spigot.html
and https://docs.aws.amazon.com/glue/latest/webapi/API_Spigot.html: "topk" writes that many
records (0 to 100) from the beginning of the dataset; "prob" (0 to 1) is the probability of
picking any given record, 1 taking every one; the sample goes to a JSON file under path.
"""

from typing import TYPE_CHECKING, Any

from gluestack.local.glue_compat.formats import write_frame
from gluestack.local.glue_compat.options import check_options
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

SPIGOT_OPTIONS = frozenset({"topk", "prob"})
MAX_TOPK = 100


def write_sample(frame: "DataFrame", path: str, options: dict[str, Any]) -> None:
    """Write the sample options choose to one JSON file under path."""
    check_options("spigot", options, SPIGOT_OPTIONS)
    if not options:
        # AWS documents both options as optional but not the sample taken without them.
        raise UnsupportedGlueFeature("spigot without 'topk' or 'prob'")
    sample = frame
    if "prob" in options:
        prob = float(options["prob"])
        if not 0 <= prob <= 1:
            raise ValueError(f"spigot option 'prob' is {prob}; it must be between 0 and 1")
        if prob < 1:
            sample = sample.sample(fraction=prob)
    if "topk" in options:
        topk = int(options["topk"])
        if not 0 <= topk <= MAX_TOPK:
            raise ValueError(f"spigot option 'topk' is {topk}; it must be 0 to {MAX_TOPK}")
        sample = sample.limit(topk)
    write_frame(sample.coalesce(1), path, "json", {}, [])
