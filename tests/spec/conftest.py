"""Write mutated copies of the real flights spec, to see how each mistake is reported."""

from collections.abc import Callable
from pathlib import Path

import pytest

from gluestack.spec import SpecError, load

FLIGHTS = Path(__file__).resolve().parents[2] / "pipelines" / "flights.yaml"

SpecWriter = Callable[[str, str], Path]


@pytest.fixture
def flights_text() -> str:
    return FLIGHTS.read_text()


@pytest.fixture
def mutated(tmp_path: Path, flights_text: str) -> SpecWriter:
    """Replace old with new in flights.yaml, write it to tmp_path, return its path."""

    def write(old: str, new: str) -> Path:
        assert old in flights_text, f"the fixture spec no longer contains {old!r}"
        path = tmp_path / "flights.yaml"
        path.write_text(flights_text.replace(old, new, 1))
        return path

    return write


def error_of(path: Path) -> SpecError:
    """Load a spec that must be invalid and return its error."""
    with pytest.raises(SpecError) as raised:
        load(path, project_root=FLIGHTS.parent.parent)
    return raised.value


def line_of(path: Path, fragment: str) -> int:
    """1-based number of the first line of path containing fragment."""
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if fragment in line)
