"""JDBC connections: the URL is declared, credentials stay in Secrets Manager."""

from pydantic import BaseModel, ConfigDict, Field


class ConnectionSpec(BaseModel):
    """A Glue JDBC connection in a VPC, authenticated by a Secrets Manager secret."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    jdbc_url: str = Field(
        pattern=r"^jdbc:[a-z0-9]+://[^\s]+$",
        description="such as jdbc:postgresql://db.internal:5432/sales; never a password",
    )
    secret: str = Field(
        pattern=r"^[A-Za-z0-9/_+=.@-]{1,512}$",
        description="name of the Secrets Manager secret holding username and password",
    )
    subnet_id: str = Field(pattern=r"^subnet-[0-9a-f]+$")
    security_group_ids: list[str] = Field(min_length=1)
    availability_zone: str = Field(pattern=r"^[a-z]{2}(-[a-z]+)+-\d[a-z]$")
    description: str = ""
