"""glue_scripts/lib as a zip: `lib/...` at its root, identical bytes until the code changes."""

import zipfile
from pathlib import Path

import pytest

from gluestack.cdk.shared_code import build_shared_code_zip
from tests.cdk.conftest import PROJECT_ROOT


def test_the_zip_holds_lib_at_its_root_and_is_reproducible(tmp_path: Path) -> None:
    first = build_shared_code_zip(PROJECT_ROOT).read_bytes()
    second = build_shared_code_zip(PROJECT_ROOT).read_bytes()
    assert first == second
    copy = tmp_path / "lib.zip"
    copy.write_bytes(first)
    names = zipfile.ZipFile(copy).namelist()
    assert "lib/__init__.py" in names and "lib/columns.py" in names


def test_a_project_without_lib_gets_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"shared_code needs a package at .*glue_scripts/lib"):
        build_shared_code_zip(tmp_path)
