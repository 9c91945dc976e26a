"""OfflineGlue and the pytest plugin, used as a user's own test suite would use them.

The script under test is in Glue Studio's style (`sc = SparkContext()`, `getSink` with
enableUpdateCatalog): https://docs.aws.amazon.com/glue/latest/dg/update-from-job.html
"""

from decimal import Decimal
from pathlib import Path

from gluestack.testing import OfflineGlue

SCRIPTS = Path(__file__).parent / "scripts"
ORDERS = "Order Id,Customer,Amount,Country\n1,Ann,10.5,FR\n2,Bob,3.25,DE\n3,Cy,7,FR\n"


def _orders(tmp_path: Path) -> Path:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS)
    return path


def test_a_glue_studio_script_runs_over_a_crawled_table_and_updates_the_catalog(
    offline_glue: OfflineGlue, tmp_path: Path
) -> None:
    glue = offline_glue
    glue.upload("s3://raw/orders/", _orders(tmp_path))
    # Crawled column names are lower case: "Order Id" is catalogued as "order id".
    assert glue.crawl("s3://raw/orders/", database="sales") == ["orders"]
    glue.create_bucket("out")

    run = glue.run_script(SCRIPTS / "studio_orders.py", {"--target": "s3://out/orders/"})

    assert run.state == "SUCCEEDED", run.error + run.output
    rows = glue.read("s3://out/orders/", format="parquet")
    assert rows.schema.simpleString() == (
        "struct<order_id:bigint,customer:struct<name:string>,amount:decimal(10,2),country:string>"
    )
    assert sorted((r.order_id, r.customer.name, r.amount, r.country) for r in rows.collect()) == [
        (1, "Ann", Decimal("10.50"), "FR"),
        (2, "Bob", Decimal("3.25"), "DE"),
        (3, "Cy", Decimal("7.00"), "FR"),
    ]
    table = glue.table("sales", "orders_clean")
    assert [k["Name"] for k in table["PartitionKeys"]] == ["country"]
    assert table["StorageDescriptor"]["Location"] == "s3://out/orders/"
    partitions = glue.glue.get_partitions(DatabaseName="sales", TableName="orders_clean")
    assert sorted(p["Values"] for p in partitions["Partitions"]) == [["DE"], ["FR"]]


def test_a_failing_script_reports_glue_s_state_and_message(
    offline_glue: OfflineGlue, tmp_path: Path
) -> None:
    script = tmp_path / "broken.py"
    script.write_text("from awsglue.context import GlueContext\nraise ValueError('no orders')\n")
    run = offline_glue.run_script(script)
    assert (run.state, run.error) == ("FAILED", "ValueError: no orders")
    assert "Traceback" in run.output


def test_writing_to_a_bucket_that_does_not_exist_fails_as_on_aws(
    offline_glue: OfflineGlue, tmp_path: Path
) -> None:
    offline_glue.upload("s3://raw/orders/", _orders(tmp_path))
    offline_glue.crawl("s3://raw/orders/", database="sales")
    run = offline_glue.run_script(SCRIPTS / "studio_orders.py", {"--target": "s3://nowhere/x/"})
    assert run.state == "FAILED"
    assert "NoSuchBucket" in run.error and "s3://nowhere/" in run.error


def test_offline_glue_works_as_a_context_manager_of_its_own(tmp_path: Path) -> None:
    with OfflineGlue(workspace=tmp_path / "w") as glue:
        uri = glue.upload("s3://raw/orders/", _orders(tmp_path))
        assert uri == "s3://raw/orders/orders.csv"
        body = glue.s3.get_object(Bucket="raw", Key="orders/orders.csv")["Body"].read()
        assert body.decode() == ORDERS
        assert glue.read("s3://raw/orders/", format="csv", withHeader=True).count() == 3
