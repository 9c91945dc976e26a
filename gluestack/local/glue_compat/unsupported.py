"""A clear error for the parts of awsglue the local layer does not implement."""

SUPPORTED_TABLE = "README.md, section 'Supported awsglue subset'"


class UnsupportedGlueFeature(NotImplementedError):
    """Raised instead of a silently different result."""

    def __init__(self, feature: str) -> None:
        super().__init__(
            f"{feature} is not supported by gluestack's local awsglue layer; "
            f"see {SUPPORTED_TABLE} for what is"
        )
