"""The deployment manifest is one typed contract: the stack writes it, tools read it back."""

from gluestack.spec.manifest import PipelineManifest


def test_the_manifest_round_trips_through_its_stack_output_json() -> None:
    manifest = PipelineManifest(
        pipeline="flights", database="flights_dev", workflow="flights-dev",
        crawlers={"raw": "flights-dev-raw"}, jobs={"clean": "flights-dev-clean"},
        triggers={"start": "flights-dev-start"}, connections={"reference": "flights-dev-reference"},
        rulesets={"flights_clean": {"ruleset": "r", "job": "j", "on_failure": "warn"}},
        table_rulesets={"raw-checks": {"ruleset": "flights-dev-raw-checks", "table": "flights"}},
    )  # fmt: skip
    assert PipelineManifest.from_json(manifest.to_json()) == manifest
    older = (
        '{"pipeline": "p", "database": "d", "workflow": "w", "crawlers": {}, "jobs": {}, '
        '"triggers": {}}'
    )
    assert PipelineManifest.from_json(older).connections == {}  # stacks deployed before connections
    assert PipelineManifest.from_json(older).table_rulesets == {}
