"""Generated scripts read as reviewed: one golden file per kind of step.

Regenerate the golden files with GLUESTACK_UPDATE_GOLDEN=1 and review their diff.
"""

import os
from pathlib import Path

import pytest

from tests.codegen.conftest import GOLDEN, shop_scripts

KINDS = ["mapping", "filtered", "joined", "derived", "deduped", "nulls", "cleaned"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_generated_script_matches_its_golden_file(project: Path, kind: str) -> None:
    script = shop_scripts(project)[kind]
    golden = GOLDEN / f"{kind}.py"
    if os.environ.get("GLUESTACK_UPDATE_GOLDEN") == "1":
        golden.write_text(script.expected)
    assert golden.is_file(), f"no golden file {golden}; create it with GLUESTACK_UPDATE_GOLDEN=1"
    assert script.expected == golden.read_text(), (
        f"{kind}: the generated script changed; review it and accept with GLUESTACK_UPDATE_GOLDEN=1"
    )


def test_generation_is_deterministic(project: Path) -> None:
    first = {name: s.expected for name, s in shop_scripts(project).items()}
    assert first == {name: s.expected for name, s in shop_scripts(project).items()}
    assert sorted(first) == sorted(KINDS)
