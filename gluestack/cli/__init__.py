"""The `gluestack` command: specs, synthesis, the offline world, and runtime operations."""

import typer

from gluestack.cli import (
    bookmark_commands,
    catalog_commands,
    drift_command,
    generate_commands,
    import_command,
    init_command,
    job_commands,
    local_commands,
    log_commands,
    ops_commands,
    quality_commands,
    spec_commands,
    upgrade_commands,
    workflow_commands,
)

app = typer.Typer(no_args_is_help=True, help="AWS Glue pipelines as code, tested offline.")
init_command.register(app)
spec_commands.register(app)
generate_commands.register(app)
job_commands.register(app)
log_commands.register(app)
ops_commands.register(app)
workflow_commands.register(app)
drift_command.register(app)
import_command.register(app)
bookmark_commands.register(app)
catalog_commands.register(app)
quality_commands.register(app)
upgrade_commands.register(app)
app.add_typer(local_commands.app, name="local", help="The offline world: moto and local Spark.")

__all__ = ["app"]
