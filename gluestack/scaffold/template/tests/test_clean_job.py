"""The clean job of pipeline ${name}, run offline over data/orders.csv as Glue would run it.

`offline_glue` (gluestack's pytest plugin) is a moto account, local Spark and s3:// folders
for one test; the script is the one `gluestack generate` wrote and the job deploys.
"""

from pathlib import Path

from gluestack.testing import OfflineGlue

PROJECT = Path(__file__).resolve().parents[1]


def test_clean_keeps_each_positive_order_once(offline_glue: OfflineGlue) -> None:
    offline_glue.upload("s3://raw/orders/", PROJECT / "data" / "orders.csv")
    assert offline_glue.crawl("s3://raw/orders/", database="${database}") == ["orders"]
    offline_glue.create_bucket("curated")
    run = offline_glue.run_script(
        PROJECT / "glue_scripts" / "generated" / "clean.py",
        {"--database": "${database}", "--orders_clean_path": "s3://curated/orders_clean/"},
    )
    assert run.state == "SUCCEEDED", run.error
    rows = offline_glue.read("s3://curated/orders_clean/").orderBy("order_id").collect()
    assert [(r.order_id, r.customer, r.amount) for r in rows] == [
        (1, "ann", 12.5),
        (3, "cy", 40.0),
        (4, "di", 7.25),
    ]
