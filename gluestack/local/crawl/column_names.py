"""The names Glue's crawlers give the columns they write: top-level names in lower case."""


def catalog_column_name(name: str) -> str:
    """The Data Catalog name of a top-level column read from the data as name."""
    # The catalog is Hive's: top-level names are folded to lower case, nothing else is replaced
    # (spaces, dots, hyphens and parentheses are legal), and field names nested in a struct keep
    # their case, so the type string (e.g. struct<Inner:int>) is written as read. Surrounding
    # spaces go: AWS's crawl of a header " Total Discharges " lists `total discharges`
    # (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-medicaid.html).
    return name.strip().lower()
