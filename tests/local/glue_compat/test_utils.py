"""getResolvedOptions reads --NAME value pairs and requires every named option."""

from typing import Any

import pytest


def test_resolved_options_returns_only_what_was_asked(runtime: Any) -> None:
    from awsglue.utils import getResolvedOptions

    argv = ["job.py", "--JOB_NAME", "clean", "--day", "2013-01-01", "--extra", "x"]
    assert getResolvedOptions(argv, ["JOB_NAME", "day"]) == {
        "JOB_NAME": "clean",
        "day": "2013-01-01",
    }


def test_a_missing_option_stops_the_script_like_glue(
    runtime: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from awsglue.utils import getResolvedOptions

    with pytest.raises(SystemExit) as raised:
        getResolvedOptions(["job.py", "--JOB_NAME", "clean"], ["JOB_NAME", "day"])
    assert raised.value.code == 2
    assert "the following arguments are required: --day" in capsys.readouterr().err
