"""getResolvedOptions parses as AWS Glue's own does (awslabs/aws-glue-libs, awsglue/utils.py)."""

import argparse
from typing import Any

import pytest

from gluestack.local.glue_compat.glue_version import VERSION_VARIABLE

# What Glue's parser adds to every result when none of its own arguments is passed.
GLUE_OWN: dict[str, str | None] = {
    "job_bookmark_option": "job-bookmark-disable",
    "job_bookmark_from": None,
    "job_bookmark_to": None,
    "JOB_ID": None,
    "JOB_RUN_ID": None,
    "SECURITY_CONFIGURATION": None,
    "encryption_type": None,
    "enable_data_lineage": None,
    "RedshiftTempDir": None,
    "TempDir": None,
}


def test_resolved_options_returns_the_asked_options_and_glues_own(runtime: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-get-resolved-options.html
    # Unknown names are ignored (parse_known_args); the result is vars(parsed): utils.py L119-121.
    from awsglue.utils import getResolvedOptions

    argv = ["job.py", "--JOB_NAME", "clean", "--day", "2013-01-01", "--extra", "x"]
    resolved = getResolvedOptions(argv, ["JOB_NAME", "day"])
    assert resolved == {**GLUE_OWN, "JOB_NAME": "clean", "day": "2013-01-01"}
    assert list(resolved) == [*GLUE_OWN, "JOB_NAME", "day"]


def test_a_missing_option_raises_glue_argument_error_naming_it(
    runtime: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-get-resolved-options.html
    # GlueArgumentParser.error raises instead of printing usage and exiting: utils.py L68-76.
    from awsglue.utils import GlueArgumentError, getResolvedOptions

    with pytest.raises(GlueArgumentError) as raised:
        getResolvedOptions(["job.py", "--JOB_NAME", "clean"], ["JOB_NAME", "day"])
    assert str(raised.value) == "the following arguments are required: --day"
    assert not isinstance(raised.value, SystemExit)
    assert capsys.readouterr() == ("", "")


def test_run_id_and_temp_dir_come_back_when_passed(runtime: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html
    # Bookmarks default to disable (https://docs.aws.amazon.com/glue/latest/dg/monitor-continuations.html);
    # TempDir is copied to RedshiftTempDir: utils.py L124-128, L137-138.
    from awsglue.utils import getResolvedOptions

    argv = ["job.py", "--JOB_NAME", "clean", "--JOB_RUN_ID", "jr_1", "--TempDir", "s3://t/"]
    assert getResolvedOptions(argv, ["JOB_NAME"]) == {
        **GLUE_OWN,
        "job_bookmark_option": "job-bookmark-disable",
        "JOB_RUN_ID": "jr_1",
        "TempDir": "s3://t/",
        "RedshiftTempDir": "s3://t/",
        "JOB_NAME": "clean",
    }


def test_redshift_temp_dir_is_copied_to_temp_dir(runtime: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html
    # The other direction of the mirror: utils.py L127-128.
    from awsglue.utils import getResolvedOptions

    resolved = getResolvedOptions(["job.py", "--RedshiftTempDir", "s3://r/"], [])
    assert (resolved["TempDir"], resolved["RedshiftTempDir"]) == ("s3://r/", "s3://r/")


def test_temp_dir_in_options_is_not_required(runtime: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html
    # TempDir and RedshiftTempDir are dropped from the required options: utils.py L112-114.
    from awsglue.utils import getResolvedOptions

    resolved = getResolvedOptions(["job.py", "--day", "d"], ["TempDir", "RedshiftTempDir", "day"])
    assert resolved == {**GLUE_OWN, "day": "d"}


def test_a_dashed_option_comes_back_with_an_underscore(runtime: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-get-resolved-options.html
    # (use underscores); a dash becomes "_" as argparse names the dest: utils.py L117, L121.
    from awsglue.utils import getResolvedOptions

    resolved = getResolvedOptions(["job.py", "--a-b", "v"], ["a-b"])
    assert resolved == {**GLUE_OWN, "a_b": "v"}


def test_up_to_5_1_an_abbreviated_option_matches_and_allow_abbrev_is_no_parameter(
    runtime: Any,
) -> None:
    # awslabs/aws-glue-libs, branch glue-5.1, awsglue/utils.py: getResolvedOptions(args,
    # options) builds GlueArgumentParser() with argparse's default prefix matching.
    from awsglue.utils import getResolvedOptions

    assert getResolvedOptions(["job.py", "--da", "2013-01-01"], ["day"])["day"] == "2013-01-01"
    with pytest.raises(TypeError, match="unexpected keyword argument 'allow_abbrev'"):
        getResolvedOptions(["job.py", "--day", "2013-01-01"], ["day"], allow_abbrev=True)


def test_on_6_0_an_abbreviated_option_is_refused_unless_allowed(
    runtime: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # awslabs/aws-glue-libs README, "Breaking change: getResolvedOptions no longer accepts
    # abbreviated argument names" (main = Glue 6.0); the migration guide's getResolvedOptions
    # item (https://docs.aws.amazon.com/glue/latest/dg/migrating-version-60.html).
    from awsglue.utils import GlueArgumentError, getResolvedOptions

    monkeypatch.setenv(VERSION_VARIABLE, "6.0")
    with pytest.raises(GlueArgumentError) as raised:
        getResolvedOptions(["job.py", "--da", "2013-01-01"], ["day"])
    assert str(raised.value) == "the following arguments are required: --day"
    abbreviated = getResolvedOptions(["job.py", "--da", "2013-01-01"], ["day"], allow_abbrev=True)
    assert abbreviated["day"] == "2013-01-01"


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("continuation-option", "continuation-option"),
        ("job-bookmark-option", "job-bookmark-option"),
        ("job-bookmark-from", "--job-bookmark-from"),
        ("job-bookmark-to", "--job-bookmark-to"),
        ("--JOB_ID", "--JOB_ID"),
        ("--JOB_RUN_ID", "--JOB_RUN_ID"),
        ("--SECURITY_CONFIGURATION", "--SECURITY_CONFIGURATION"),
        ("--encryption-type", "--encryption-type"),
        ("--enable-data-lineage", "--enable-data-lineage"),
    ],
)
def test_a_reserved_name_raises_runtime_error(runtime: Any, name: str, named: str) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html
    # Names and messages as Glue checks them: utils.py L82-107.
    from awsglue.utils import getResolvedOptions

    with pytest.raises(RuntimeError) as raised:
        getResolvedOptions(["job.py"], ["day", name])
    assert str(raised.value) == f"Using reserved arguments {named}"


def test_a_bare_id_name_conflicts_inside_argparse(runtime: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html
    # Glue looks for "--JOB_RUN_ID" in options (utils.py L96-98), so the bare name reaches
    # add_argument and argparse refuses the duplicate.
    from awsglue.utils import getResolvedOptions

    with pytest.raises(argparse.ArgumentError) as raised:
        getResolvedOptions(["job.py"], ["JOB_RUN_ID"])
    assert str(raised.value) == "argument --JOB_RUN_ID: conflicting option string: --JOB_RUN_ID"


@pytest.mark.parametrize(
    ("continuation", "bookmark"),
    [
        ("continuation-enabled", "job-bookmark-enable"),
        ("continuation-readonly", "job-bookmark-pause"),
        ("continuation-ignore", "job-bookmark-disable"),
    ],
)
def test_a_continuation_option_is_translated(
    runtime: Any, continuation: str, bookmark: str
) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/monitor-continuations.html
    # The old option maps by position and is dropped from the result: utils.py L135-144.
    from awsglue.utils import getResolvedOptions

    resolved = getResolvedOptions(["job.py", "--continuation-option", continuation], [])
    assert resolved == {**GLUE_OWN, "job_bookmark_option": bookmark}


def test_job_bookmark_option_wins_over_continuation_option(runtime: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/monitor-continuations.html
    # utils.py L130-136.
    from awsglue.utils import getResolvedOptions

    argv = ["job.py", "--job-bookmark-option", "job-bookmark-enable"]
    argv += ["--continuation-option", "continuation-ignore"]
    assert getResolvedOptions(argv, [])["job_bookmark_option"] == "job-bookmark-enable"


def test_an_unknown_bookmark_value_raises_glue_argument_error(runtime: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/monitor-continuations.html
    # The values are argparse choices: utils.py L88.
    from awsglue.utils import GlueArgumentError, getResolvedOptions

    with pytest.raises(GlueArgumentError) as raised:
        getResolvedOptions(["job.py", "--job-bookmark-option", "on"], [])
    assert str(raised.value) == (
        "argument --job-bookmark-option: invalid choice: 'on' (choose from "
        "'job-bookmark-enable', 'job-bookmark-pause', 'job-bookmark-disable')"
    )


def test_pause_with_a_from_but_no_to_raises(runtime: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html
    # Pause takes both bounds or neither: utils.py L150-152.
    from awsglue.utils import getResolvedOptions

    argv = ["job.py", "--job-bookmark-option", "job-bookmark-pause", "--job-bookmark-from", "jr_1"]
    with pytest.raises(RuntimeError) as raised:
        getResolvedOptions(argv, [])
    assert str(raised.value) == "Missing option or value for --job-bookmark-to"


def test_pause_takes_both_bounds_or_neither(runtime: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html
    # utils.py L150-152: only a single bound is an error.
    from awsglue.utils import getResolvedOptions

    pause = ["job.py", "--job-bookmark-option", "job-bookmark-pause"]
    assert getResolvedOptions(pause, []) == {
        **GLUE_OWN,
        "job_bookmark_option": "job-bookmark-pause",
    }
    bounds = ["--job-bookmark-from", "jr_1", "--job-bookmark-to", "jr_2"]
    assert getResolvedOptions(pause + bounds, []) == {
        **GLUE_OWN,
        "job_bookmark_option": "job-bookmark-pause",
        "job_bookmark_from": "jr_1",
        "job_bookmark_to": "jr_2",
    }


def test_both_bounds_without_pause_raise(runtime: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html
    # utils.py L153-155, message spacing included.
    from awsglue.utils import getResolvedOptions

    argv = ["job.py", "--job-bookmark-from", "jr_1", "--job-bookmark-to", "jr_2"]
    with pytest.raises(RuntimeError) as raised:
        getResolvedOptions(argv, [])
    assert str(raised.value) == "Invalid option(s)--job-bookmark-from --job-bookmark-to"


def test_job_lists_glues_reserved_arguments(runtime: Any) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html
    # The lists the real Job's classmethods return: awsglue/job.py L14-36.
    from awsglue.job import Job

    assert Job.continuation_options() == [
        "--continuation-option",
        "continuation-enabled",
        "continuation-readonly",
        "continuation-ignore",
    ]
    assert Job.job_bookmark_options() == [
        "--job-bookmark-option",
        "job-bookmark-enable",
        "job-bookmark-pause",
        "job-bookmark-disable",
    ]
    assert Job.job_bookmark_range_options() == ["--job-bookmark-from", "--job-bookmark-to"]
    assert Job.id_params() == ["--JOB_NAME", "--JOB_ID", "--JOB_RUN_ID", "--SECURITY_CONFIGURATION"]
    assert Job.encryption_type_options() == ["--encryption-type", "sse-s3"]
    assert Job.data_lineage_options() == ["--enable-data-lineage"]
