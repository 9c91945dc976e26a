"""Crawler exclusion globs match as Glue documents them."""

import pytest

from gluestack.local.crawl.exclusions import excluded


@pytest.mark.parametrize(
    ("path", "pattern", "matches"),
    [
        ("a.json", "*.json", True),
        ("2013/a.json", "*.json", False),  # * stays within one folder
        ("2013/a.json", "**.json", True),
        ("2013/01/a.csv", "2013/**", True),
        ("a.csv", "?.csv", True),
        ("ab.csv", "?.csv", False),
        ("a.csv", "*.{csv,tsv}", True),
        ("a.tsv", "*.{csv,tsv}", True),
        ("a.txt", "*.{csv,tsv}", False),
        ("b1.csv", "[ab]1.csv", True),
        ("c1.csv", "[ab]1.csv", False),
    ],
)
def test_glob(path: str, pattern: str, matches: bool) -> None:
    assert excluded(path, [pattern]) is matches
