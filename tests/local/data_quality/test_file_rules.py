"""File rules offline, on files in the workspace's S3 with known modification times and contents.

Pages: https://docs.aws.amazon.com/glue/latest/dg/dqdl-rule-types-FileFreshness.html,
-FileSize.html, -FileUniqueness.html and -FileMatch.html (metrics, `with threshold`, the tags
recentFiles and uriRegex, checksums MD5 / SHA-1 / SHA-256 with SHA-256 the default, inferring
the files from the data frame).
"""

import hashlib
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from gluestack.local.data_quality.evaluator import evaluate_ruleset
from gluestack.local.data_quality.outcomes import RuleOutcome
from gluestack.spec.dqdl import parse_ruleset
from gluestack.spec.dqdl.syntax import Number, Rule, Size

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
FOLDER = "s3://landing/tickets/"


@pytest.fixture
def landing(s3_root: Path) -> Path:
    """Three CSV files: two identical, written 1 hour, 2 days and 10 days before NOW."""
    folder = s3_root / "landing" / "tickets"
    folder.mkdir(parents=True)
    contents = {"a.csv": "id\n1\n", "b.csv": "id\n1\n", "c.csv": "id\n2\n3\n4\n"}
    ages = {"a.csv": timedelta(hours=1), "b.csv": timedelta(days=2), "c.csv": timedelta(days=10)}
    for name, text in contents.items():
        (folder / name).write_text(text)
        moment = (NOW - ages[name]).timestamp()
        os.utime(folder / name, (moment, moment))
    (folder / "_SUCCESS").write_text("")  # the offline store's marker, not a data file
    return folder


def _one(frame: "DataFrame", rule: str) -> RuleOutcome:
    (outcome,) = evaluate_ruleset(frame, f"Rules = [ {rule} ]", now=NOW).rules
    return outcome


@pytest.fixture
def frame(spark: "SparkSession", landing: Path) -> "DataFrame":
    return spark.read.option("header", True).csv(FOLDER)


def test_freshness_is_the_share_of_files_modified_in_the_window(frame: "DataFrame") -> None:
    fresh = _one(frame, f'FileFreshness "{FOLDER}" > (now() - 3 days)')
    assert (fresh.result, fresh.metrics) == (
        "FAIL",
        {"Dataset.*.FileFreshness.Compliance": 2 / 3, "Dataset.*.FileCount": 3.0},
    )
    assert _one(frame, f'FileFreshness "{FOLDER}" > (now() - 11 days)').result == "PASS"
    threshold = f'FileFreshness "{FOLDER}" > (now() - 3 days) with threshold > 0.5'
    assert _one(frame, threshold).result == "PASS"
    # "between now() and (now() - 45 minutes)": AWS writes the later bound first
    assert _one(
        frame, f'FileFreshness "{FOLDER}a.csv" between now() and (now() - 2 hours)'
    ).result == ("PASS")
    assert _one(frame, f'FileFreshness "{FOLDER}" > "2026-11-01"').result == "PASS"
    assert _one(frame, f'FileFreshness "{FOLDER}" between "9:30 AM" and "11:30 AM"').metrics[
        "Dataset.*.FileFreshness.Compliance"
    ] == pytest.approx(1 / 3)  # a.csv, modified at 11:00 UTC today


def test_without_a_path_the_rule_reads_the_files_of_the_frame(frame: "DataFrame") -> None:
    assert _one(frame, "FileFreshness > (now() - 3 days)").metrics["Dataset.*.FileCount"] == 3.0
    newest = _one(frame, "FileUniqueness = 1 with recentFiles = 2")
    assert newest.metrics == {"Dataset.*.FileUniquenessRatio": 0.5, "Dataset.*.FileCount": 2.0}
    assert newest.result == "FAIL"  # a.csv and b.csv, the two most recent, are the same file


def test_sizes_compare_in_their_units(frame: "DataFrame") -> None:
    small = _one(frame, f'FileSize "{FOLDER}" < 1 KB')
    assert small.result == "PASS"
    assert small.metrics == {
        "Dataset.*.FileSize.Compliance": 1.0, "Dataset.*.FileCount": 3.0,
        "Dataset.*.MaximumFileSize": 9.0, "Dataset.*.MinimumFileSize": 5.0,
    }  # fmt: skip
    assert _one(frame, f'FileSize "{FOLDER}" > 6 B').metrics[
        "Dataset.*.FileSize.Compliance"
    ] == pytest.approx(1 / 3)
    regex = _one(frame, f'FileSize "{FOLDER}" > 6 B with uriRegex = "c\\\\.csv$"')
    assert (regex.result, regex.metrics["Dataset.*.FileCount"]) == ("PASS", 1.0)


def test_uniqueness_and_checksums(frame: "DataFrame", landing: Path) -> None:
    assert _one(frame, f'FileUniqueness "{FOLDER}" > 0.5').metrics == {
        "Dataset.*.FileUniquenessRatio": 2 / 3, "Dataset.*.FileCount": 3.0,
    }  # fmt: skip
    md5 = hashlib.md5((landing / "c.csv").read_bytes()).hexdigest()
    sha = hashlib.sha256((landing / "c.csv").read_bytes()).hexdigest()
    assert _one(
        frame, f'FileMatch "{FOLDER}c.csv" in ["{md5}"] with hashAlgorithm = "MD5"'
    ).result == ("PASS")
    assert _one(frame, f'FileMatch "{FOLDER}c.csv" in ["{sha}"]').result == "PASS"  # SHA-256
    wrong = _one(frame, f'FileMatch "{FOLDER}" in ["{sha}"]')
    assert wrong.result == "FAIL" and "s3://landing/tickets/a.csv" in wrong.message


def test_what_aws_leaves_open_is_not_evaluated_never_guessed(frame: "DataFrame") -> None:
    for rule in [
        f'FileSize "{FOLDER}" > 0.0089 KB',  # c.csv's 9 B pass as 1000-byte KB, fail as 1024
        f'FileMatch "{FOLDER}" "s3://archive/tickets/"',  # how files pair is not documented
        f'FileSize "{FOLDER}" > 1 B with recentFiles = 1 with uriRegex = "a"',  # filterOrder
        f'FileSize "{FOLDER}" > 1 B with failFast = "true"',  # a tag not emulated
        "RowCount > 0 with recentFiles = 1",  # not a file rule
        f'FileFreshness "{FOLDER}" > (now() - 1 days) where "id > 1"',
    ]:
        outcome = _one(frame, rule)
        assert outcome.result == "ERROR", rule
        assert outcome.message.startswith("not evaluated offline: "), outcome.message
    empty = _one(frame, 'FileSize "s3://landing/nothing/" > 1 B')
    assert (empty.result, empty.message) == ("ERROR", "No files found at s3://landing/nothing/")


def test_tags_and_sizes_are_dqdl() -> None:
    (rule,) = parse_ruleset(
        'Rules = [ FileSize "s3://b/" between 2 GB and 1 TB with threshold > 0.7 '
        "with recentFiles = 1 ]"
    ).rules
    assert isinstance(rule, Rule) and rule.tags == (("recentFiles", Number(1.0)),)
    assert rule.condition is not None and rule.condition.values == (Size(2, "GB"), Size(1, "TB"))
