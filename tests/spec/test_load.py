"""The real flights spec loads into the model every later layer reads."""

from pathlib import Path

from gluestack.spec import load, load_all
from tests.spec.conftest import FLIGHTS


def test_flights_spec_declares_the_pipeline() -> None:
    spec = load(FLIGHTS)
    assert (spec.name, spec.database) == ("flights", "flights")
    assert set(spec.sources) == {"flights", "weather", "planes"}
    assert spec.crawlers["raw"].tables == ["flights", "weather", "planes"]
    assert spec.crawlers["reference"].jdbc[0].path == "reference/public/%"
    assert spec.job_connections("clean") == ["reference"]  # through its database inputs
    job = spec.jobs["clean"]
    assert (job.glue_version, job.worker_type, job.number_of_workers) == ("5.1", "G.1X", 2)
    assert (job.timeout_minutes, job.max_retries) == (30, 1)
    assert job.outputs["flights_clean"].partition_keys == ["year", "month"]
    assert spec.triggers["start"].actions[0].crawler == "raw"
    condition = spec.triggers["after_raw_crawl"].conditions[0]
    assert (condition.kind, condition.name, condition.state) == ("crawler", "raw", "SUCCEEDED")


def test_load_all_reads_every_spec_in_the_folder(tmp_path: Path) -> None:
    text = FLIGHTS.read_text()
    (tmp_path / "flights.yaml").write_text(text)
    (tmp_path / "second.yaml").write_text(text.replace("name: flights", "name: second", 1))
    (tmp_path / "notes.txt").write_text("not a spec")
    loaded = load_all(tmp_path, project_root=FLIGHTS.parent.parent)
    assert [spec.name for spec in loaded] == ["flights", "second"]
