"""Any valid transform generates a script that compiles and that ruff accepts as formatted."""

import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gluestack.codegen.generated_files import generated_scripts
from gluestack.spec import PipelineSpec

RUFF = [sys.executable, "-m", "ruff"]
NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)
TYPES = st.sampled_from(["string", "int", "bigint", "double", "date", "timestamp", "boolean"])


@st.composite
def pipelines(draw: st.DrawFn) -> PipelineSpec:
    columns = draw(st.dictionaries(NAMES, TYPES, min_size=2, max_size=8))
    names = list(columns)
    kept = draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names)))
    mappings = [
        {"source": c, "target": draw(st.sampled_from([c, f"{c}_out"])), "type": "string"}
        for c in kept
    ]
    after_mapping = [m["target"] for m in mappings] or names
    text_column = draw(st.sampled_from(after_mapping))
    derived = {
        f"d{i}": {"expression": expression, "type": "string"}
        for i, expression in enumerate(
            draw(
                st.lists(
                    st.sampled_from(
                        [
                            f"upper(cast({text_column} AS string))",
                            f"concat({text_column}, '-', \"x\")",
                            f"CASE WHEN {text_column} IS NULL THEN 'none' ELSE 'some' END",
                            " || ".join([f"cast({text_column} AS string)"] * 12),
                        ]
                    ),
                    max_size=3,
                )
            )
        )
    }
    transform = {
        "sources": {
            "src": {
                "path": "s3://landing/" + draw(NAMES) + "/",
                "format": draw(st.sampled_from(["csv", "json", "parquet", "orc"])),
                "columns": columns,
            }
        },
        "mappings": mappings,
        "filters": draw(st.lists(st.just(f"{text_column} IS NOT NULL"), max_size=2)),
        "derived": derived,
        "drop_nulls": draw(st.lists(st.sampled_from(after_mapping), unique=True, max_size=2)),
        "dedupe": draw(st.lists(st.sampled_from(after_mapping), unique=True, max_size=3)),
        "compression": draw(st.sampled_from(["snappy", "gzip", "none"])),
    }
    output = draw(NAMES)
    job = {
        "script": f"glue_scripts/generated/{draw(NAMES)}.py",
        "description": draw(st.sampled_from(["", 'Orders "as sold", cleaned.'])),
        "outputs": {output: {"prefix": f"{output}/"}},
        "transform": transform,
    }
    return PipelineSpec.model_validate(
        {"name": "p" + draw(NAMES)[:10], "database": "db", "jobs": {draw(NAMES): job}}
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=pipelines())
def test_random_transforms_generate_scripts_ruff_accepts(
    spec: PipelineSpec, tmp_path_factory
) -> None:  # type: ignore[no-untyped-def]
    project = tmp_path_factory.mktemp("project")
    (project / "pipelines").mkdir()
    (script,) = generated_scripts(spec, project / "pipelines" / "p.yaml", project)
    compile(script.expected, str(script.path), "exec")
    for command in (["check", "--quiet"], ["format", "--check", "--quiet"]):
        ruff = subprocess.run(
            [*RUFF, *command, "--stdin-filename", "script.py", "-"],
            input=script.expected,
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        assert ruff.returncode == 0, ruff.stdout + ruff.stderr + script.expected
