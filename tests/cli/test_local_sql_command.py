"""gluestack local sql: fill the offline database a pipeline's JDBC connection names, the one
`local run` and the demo stand in for; it is kept in the workspace between commands."""

from pathlib import Path

from typer.testing import CliRunner

from gluestack.cli import app

runner = CliRunner()


def _sql(project_root: Path, workspace: Path, *arguments: str) -> str:
    ran = runner.invoke(
        app,
        ["local", "sql", "flights", *arguments, "--project", str(project_root),
         "--workspace", str(workspace)],
    )  # fmt: skip
    return f"{ran.exit_code}\n{ran.output}"


def test_a_failing_statement_is_named_and_nothing_is_saved(
    project_root: Path, tmp_path: Path
) -> None:
    workspace = tmp_path / "ws"
    ran = _sql(project_root, workspace, "reference", "--query", "SELECT * FROM nowhere")
    assert ran.startswith("1\n") and 'relation "nowhere" does not exist' in ran, ran
    assert not (workspace / "databases").exists()
    unknown = _sql(project_root, workspace, "crm", "--query", "SELECT 1")
    assert unknown.startswith("2\n") and "has no connection 'crm'; connections: reference" in (
        unknown
    )


def test_sql_fills_the_connections_offline_database_which_local_serve_stands_in_for(
    project_root: Path, tmp_path: Path
) -> None:
    workspace = tmp_path / "ws"
    script = tmp_path / "seed.sql"
    script.write_text(
        "CREATE TABLE airlines (carrier varchar(2) PRIMARY KEY, name text);\n"
        "INSERT INTO airlines VALUES ('9E', 'Endeavor Air Inc.'), ('AA', 'American');\n"
    )
    ran = _sql(project_root, workspace, "reference", str(script))
    assert ran.startswith("0\n"), ran
    assert "standing in for jdbc:postgresql://reference-db.internal:5432/reference" in ran
    (snapshot,) = (workspace / "databases").iterdir()
    assert snapshot.name == "reference-db.internal_5432_reference.sql"
    served = runner.invoke(
        app,
        ["local", "serve", "--no-serve", "--port", "0", "--project", str(project_root),
         "--workspace", str(workspace)],
    )  # fmt: skip
    assert served.exit_code == 0, served.output
    assert (
        "connection flights-dev-reference: its database reference is on the offline PostgreSQL "
        "standing in for reference-db.internal:5432" in " ".join(served.output.split())
    )
    counted = _sql(project_root, workspace, "reference", "--query", "SELECT count(*) FROM airlines")
    assert counted.splitlines()[:2] == ["0", "2"]  # kept through both commands and the server
