"""What the executor hands a job or crawl process: a JSON file, and how to reach the account."""

import functools
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Self

from gluestack.local.offline_identity import offline_session


@dataclass(frozen=True)
class ProcessConfig:
    """Fields every process needs: the offline endpoint, its region, the workspace, a result."""

    endpoint: str
    region: str
    workspace: str
    result_file: str

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self)))

    @classmethod
    def read(cls, path: Path) -> Self:
        return cls(**json.loads(path.read_text()))

    def write_result(self, result: dict[str, Any]) -> None:
        """Write how the process ended, whole or not at all: the executor acts on its arrival."""
        target = Path(self.result_file)
        partial = target.with_name(target.name + ".partial")
        partial.write_text(json.dumps(result))
        partial.replace(target)

    def client(self, service: str) -> Any:
        """A boto3 client of the offline account (its credentials are not checked)."""
        session = _session(self.region)
        return session.client(service, endpoint_url=self.endpoint)  # type: ignore[call-overload]


# One session for the process's clients: each session loads the service models again.
_session = functools.cache(offline_session)
