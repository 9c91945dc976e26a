"""gluestack's local stand-in for AWS Glue's awsglue package (never deployed to Glue)."""
