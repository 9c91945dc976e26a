"""A reviewed snapshot of the flights pipeline's template: any change to what is deployed shows
up in review as a diff of tests/cdk/snapshots/. Regenerate with GLUESTACK_UPDATE_SNAPSHOTS=1."""

import json
import os
import re
from pathlib import Path
from typing import Any

from tests.cdk.conftest import Templates

SNAPSHOT = Path(__file__).parent / "snapshots" / "flights-dev-pipeline.json"
# Asset hashes change with every edit of a script; what the template does with them does not.
ASSET_HASH = re.compile(r"[0-9a-f]{64}")


def _normalized(template: dict[str, Any]) -> str:
    return ASSET_HASH.sub("<asset-hash>", json.dumps(template, indent=1, sort_keys=True)) + "\n"


def test_the_flights_pipeline_template_matches_its_reviewed_snapshot(dev: Templates) -> None:
    current = _normalized(dev.pipeline.to_json())
    if os.environ.get("GLUESTACK_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(current)
    assert SNAPSHOT.exists(), (
        f"no snapshot at {SNAPSHOT}; create it with GLUESTACK_UPDATE_SNAPSHOTS=1"
    )
    assert current == SNAPSHOT.read_text(), (
        "the flights pipeline template changed; review the diff and rerun with "
        "GLUESTACK_UPDATE_SNAPSHOTS=1 to accept it"
    )
