"""What every converter of one import shares: where the estate is, and the spec keys given."""

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from gluestack.adopt.names import SpecKeys

IMPORTED_SCRIPTS = PurePosixPath("glue_scripts/imported")
# The secret a connection is written with when --secret names none: the spec loads, a deploy
# would reference a secret that does not exist, and the report says so.
SECRET_PLACEHOLDER = "REPLACE-ME/gluestack-import/{connection}"


@dataclass
class ImportContext:
    account: str
    region: str
    keys: SpecKeys = field(default_factory=SpecKeys)
    secrets: dict[str, str] = field(default_factory=dict)  # AWS connection name -> secret name

    def script_path(self, job_key: str) -> str:
        return str(IMPORTED_SCRIPTS / f"{job_key}.py")
