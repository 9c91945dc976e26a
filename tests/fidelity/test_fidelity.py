"""Scripts in the styles people write, over crafted data, give the answers Glue's docs give.

Each script runs through gluestack.testing.OfflineGlue (moto catalog, local Spark); each expected
output is derived from the AWS documentation cited beside it.
"""

import json
from pathlib import Path

import pytest

from gluestack.testing import OfflineGlue

SCRIPTS = Path(__file__).parent / "scripts"
# Headers as AWS's medicaid sample has them: mixed case, a space inside, spaces around.
PEOPLE = "Person Id, Name ,City,Nickname\n1,Ann,Paris,\n2,Bob,,\n"


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.fixture
def people(offline_glue: OfflineGlue, tmp_path: Path) -> OfflineGlue:
    offline_glue.upload("s3://raw/people/", _file(tmp_path, "a.csv", PEOPLE))
    offline_glue.crawl("s3://raw/people/", database="legacy")
    offline_glue.create_bucket("out")
    return offline_glue


def _people(glue: OfflineGlue) -> list[tuple[object, ...]]:
    return sorted(tuple(r) for r in glue.read("s3://out/people/").collect())


def test_a_legacy_console_script_maps_crawled_lower_case_columns(people: OfflineGlue) -> None:
    # Crawled CSV headers are lower case in the catalog ("Person Id" is "person id"):
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-medicaid.html
    # ApplyMapping keeps only the mapped fields; DropNullFields drops fields null in every record:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-ApplyMapping.html
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-DropNullFields.html
    run = people.run_script(SCRIPTS / "legacy_console_people.py")
    assert run.state == "SUCCEEDED", run.error + run.output
    written = people.read("s3://out/people/")
    assert written.schema.simpleString() == "struct<person_id:bigint,name:string,city:string>"
    assert _people(people) == [(1, "Ann", "Paris"), (2, "Bob", None)]


def test_bookmarks_enable_skip_processed_files_and_pause_does_not_advance(
    people: OfflineGlue, tmp_path: Path
) -> None:
    # https://docs.aws.amazon.com/glue/latest/dg/monitor-continuations.html: enable processes
    # only new data and advances the bookmark; pause processes new data without advancing it.
    script = SCRIPTS / "legacy_console_people.py"
    enable = {"--job-bookmark-option": "job-bookmark-enable"}
    assert people.run_script(script, enable).succeeded
    assert people.run_script(script, enable).succeeded
    assert len(_people(people)) == 2  # the second run read nothing new

    people.upload("s3://raw/people/", _file(tmp_path, "b.csv", "Person Id,Name,City\n3,Cy,Rome\n"))
    assert people.run_script(script, {"--job-bookmark-option": "job-bookmark-pause"}).succeeded
    assert len(_people(people)) == 3  # paused: read the new file ...
    assert people.run_script(script, enable).succeeded
    assert len(_people(people)) == 4  # ... but did not record it, so enable reads it again
    assert people.run_script(script, enable).succeeded
    assert len(_people(people)) == 4


def test_a_hand_written_join_filter_and_catalog_write(
    offline_glue: OfflineGlue, tmp_path: Path
) -> None:
    glue = offline_glue
    persons = '{"id": 1, "name": "Ann", "weight": 50}\n{"id": 2, "name": "Bob", "weight": 0}\n'
    persons += '{"id": 3, "name": "Cy"}\n{"id": 4, "name": "Di", "weight": 80}\n'
    memberships = "".join(
        json.dumps({"person_id": p, "year": y}) + "\n"
        for p, y in [(1, 2020), (2, 2021), (3, 2022), (4, 2010)]
    )
    glue.upload("s3://raw/persons/", _file(tmp_path, "persons.json", persons))
    glue.upload("s3://raw/memberships/", _file(tmp_path, "memberships.json", memberships))
    glue.crawl("s3://raw/persons/", database="house")
    glue.crawl("s3://raw/memberships/", database="house")
    glue.create_bucket("out")
    _pipe_separated_table(glue, "s3://out/report/")

    run = glue.run_script(SCRIPTS / "hand_written_memberships.py", {"--min-year": "2015"})

    assert run.state == "SUCCEEDED", run.error + run.output
    # Join.apply(frame1, frame2, "id", "person_id") joins on one key each:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-join.html
    # Filter drops a record whose function raises KeyError, ValueError or TypeError and turns
    # any other exception (Bob's 100 / 0) into an error record (awsglue/dynamicframe.py, filter):
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-filter.html
    assert "error records: 1" in run.output
    # write_dynamic_frame.from_catalog writes in the table's format: '|' and a header line.
    lines = sorted(
        line
        for f in sorted((glue.workspace.s3_root / "out" / "report").glob("*.csv"))
        for line in f.read_text().splitlines()
    )
    assert lines == ["1|Ann|50|2020", "id|name|weight|year"]
    # getResolvedOptions returns Glue's JOB_RUN_ID and maps --min-year to min_year:
    # https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-get-resolved-options.html
    assert [r.run for r in glue.read("s3://out/runs/", format="json").collect()] == [run.run_id]


def _pipe_separated_table(glue: OfflineGlue, location: str) -> None:
    glue.glue.create_table(
        DatabaseName="house",
        TableInput={
            "Name": "report",
            "Parameters": {"classification": "csv", "skip.header.line.count": "1"},
            "StorageDescriptor": {
                "Location": location,
                "Columns": [
                    {"Name": n, "Type": t}
                    for n, t in [
                        ("id", "bigint"),
                        ("name", "string"),
                        ("weight", "bigint"),
                        ("year", "bigint"),
                    ]
                ],
                "SerdeInfo": {
                    "SerializationLibrary": "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                    "Parameters": {"field.delim": "|"},
                },
            },
        },
    )


# A DynamicFrame types CSV fields from the records: whole numbers are long (Spark's inferSchema
# says integer), text is string, and a column holding both is a choice of long and string:
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-samples-medicaid.html
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-extensions-dynamic-frame.html
def test_a_glue_studio_s3_csv_source_types_whole_numbers_as_long(
    offline_glue: OfflineGlue, tmp_path: Path
) -> None:
    orders = "order id,zip,customer\n1,02134,Ann\n2,75001,Bob\n"
    offline_glue.upload("s3://raw/orders/", _file(tmp_path, "orders.csv", orders))
    offline_glue.create_bucket("out")
    script = SCRIPTS / "studio_s3_csv_orders.py"
    arguments = {"--source": "s3://raw/orders/", "--target": "s3://out/orders/"}

    run = offline_glue.run_script(script, arguments)

    assert run.state == "SUCCEEDED", run.error + run.output
    written = offline_glue.read("s3://out/orders/")
    assert written.schema.simpleString() == "struct<order_id:bigint,zip:bigint,customer:string>"
    assert sorted(tuple(r) for r in written.collect()) == [(1, 2134, "Ann"), (2, 75001, "Bob")]

    offline_glue.upload("s3://raw/orders/", _file(tmp_path, "late.csv", "order id,zip\nX9,1\n"))
    refused = offline_glue.run_script(script, arguments)
    assert refused.state == "FAILED"
    assert "choice" in refused.error and "'order id'" in refused.error and "'X9'" in refused.error


def test_a_glue_studio_data_quality_node_evaluates_and_fails_the_job_on_bad_data(
    offline_glue: OfflineGlue, tmp_path: Path
) -> None:
    """The Evaluate Data Quality node as Glue Studio generates it, "fail job" chosen
    (aws-glue-api-crawler-pyspark-transforms-EvaluateDataQuality.html; tutorial-data-quality.html:
    rowLevelOutcomes gains DataQualityRulesPass/Fail/Skip and DataQualityEvaluationResult)."""
    orders = "order id,zip,customer\n1,02134,Ann\n2,75001,Bob\n"
    offline_glue.upload("s3://raw/orders/", _file(tmp_path, "orders.csv", orders))
    offline_glue.create_bucket("out")
    script = SCRIPTS / "studio_data_quality_orders.py"
    arguments = {
        "--source": "s3://raw/orders/",
        "--target": "s3://out/orders/",
        "--row_outcomes": "s3://out/row_outcomes/",
        "--job-bookmark-option": "job-bookmark-enable",
    }

    run = offline_glue.run_script(script, arguments)

    assert run.state == "SUCCEEDED", run.error + run.output
    (result,) = run.data_quality_results
    assert result["EvaluationContext"] == "EvaluateDataQuality_node2"
    assert result["Score"] == 1.0
    assert [r["Result"] for r in result["RuleResults"]] == ["PASS"] * 4
    assert result["RuleResults"][0]["EvaluatedMetrics"] == {"Dataset.*.RowCount": 2.0}
    rows = offline_glue.read("s3://out/row_outcomes/", format="json").collect()
    assert {r["DataQualityEvaluationResult"] for r in rows} == {"Passed"}
    assert rows[0]["DataQualityRulesSkip"] == ["RowCount > 0", "ColumnCount = 3"]
    assert rows[0]["DataQualityRulesPass"] == [
        'IsComplete "customer"',
        'ColumnValues "zip" between 0 and 100000',
    ]
    written = sorted(r["order id"] for r in offline_glue.read("s3://out/orders/").collect())
    assert written == [1, 2]

    offline_glue.upload(
        "s3://raw/orders/", _file(tmp_path, "late.csv", "order id,zip,customer\n3,999999,Cy\n")
    )
    failed = offline_glue.run_script(script, arguments)

    assert failed.state == "FAILED"
    assert "The job failed due to failing DQ rules for node: AmazonS3_node1" in failed.error
    (bad,) = failed.data_quality_results
    assert [r["Result"] for r in bad["RuleResults"]] == ["PASS", "PASS", "PASS", "FAIL"]
    assert bad["RuleResults"][3]["EvaluatedMetrics"] == {"Column.zip.ColumnValues.Compliance": 0.0}
    # nothing written, and the bookmark did not advance: a fixed file is read on the rerun
    assert sorted(r["order id"] for r in offline_glue.read("s3://out/orders/").collect()) == [1, 2]
