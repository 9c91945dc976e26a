"""gluestack's local stand-in for AWS Glue's awsglue package (never deployed to Glue)."""

from awsglue.dynamicframe import DynamicFrame

__all__ = ["DynamicFrame"]
