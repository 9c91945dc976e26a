"""Outputs change all or nothing: a failed run, or one killed mid-write, leaves them unchanged."""

from pathlib import Path

import pytest

from gluestack.local.records.output_guard import _snapshot, guarded_outputs, recover


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def output(tmp_path: Path) -> Path:
    folder = tmp_path / "s3" / "curated" / "flights_clean"
    (folder / "month=1").mkdir(parents=True)
    (folder / "month=1" / "part-0.parquet").write_text("january")
    return folder


def test_a_failed_run_leaves_the_output_as_it_was(output: Path, tmp_path: Path) -> None:
    before = tree(output)
    with pytest.raises(RuntimeError), guarded_outputs([output], tmp_path / "journal"):
        (output / "month=1" / "part-0.parquet").unlink()  # an overwrite deletes first
        (output / "month=2").mkdir()
        (output / "month=2" / "part-0.parquet").write_text("half of febr")
        raise RuntimeError("executor lost")
    assert tree(output) == before
    assert not (tmp_path / "journal").exists()


def test_a_successful_run_keeps_its_changes(output: Path, tmp_path: Path) -> None:
    with guarded_outputs([output, tmp_path / "s3" / "curated" / "new_table"], tmp_path / "j"):
        (output / "month=2").mkdir()
        (output / "month=2" / "part-0.parquet").write_text("february")
    assert tree(output) == {
        "month=1/part-0.parquet": "january",
        "month=2/part-0.parquet": "february",
    }
    assert not (tmp_path / "j").exists()


def test_a_run_killed_mid_write_is_undone_before_the_next_run(output: Path, tmp_path: Path) -> None:
    journal = tmp_path / "journal"
    before = tree(output)
    _snapshot([output], journal)  # the killed run got this far, then wrote half its files
    (output / "month=1" / "part-1.parquet").write_text("partial")
    assert recover(journal) == [output.resolve()]
    assert tree(output) == before
    with guarded_outputs([output], journal):  # the rerun starts from the old output
        assert tree(output) == before


def test_a_new_output_folder_is_removed_when_the_run_fails(tmp_path: Path) -> None:
    new = tmp_path / "s3" / "curated" / "features"
    with pytest.raises(ValueError), guarded_outputs([new], tmp_path / "journal"):
        new.mkdir(parents=True)
        (new / "part-0.parquet").write_text("partial")
        raise ValueError("bad row")
    assert not new.exists()
