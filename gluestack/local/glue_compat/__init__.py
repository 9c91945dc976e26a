"""A local stand-in for AWS Glue's `awsglue` package, over Spark DataFrames.

Only for local runs: `activated()` puts the `awsglue` package folder on sys.path while a script
runs. It is never deployed; on Glue the real package is used. What it implements is listed in
README.md ("Supported awsglue subset"); anything else raises UnsupportedGlueFeature.
"""

from gluestack.local.glue_compat.activation import activated
from gluestack.local.glue_compat.bookmarks import BookmarkStore
from gluestack.local.glue_compat.runtime import GlueRuntime, current_runtime, runtime_scope
from gluestack.local.glue_compat.unsupported import UnsupportedGlueFeature

__all__ = [
    "BookmarkStore",
    "GlueRuntime",
    "UnsupportedGlueFeature",
    "activated",
    "current_runtime",
    "runtime_scope",
]
