"""`gluestack job run|stop` and `gluestack runs`: job runs, their history and what they cost."""

import json
from dataclasses import asdict
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from gluestack.cli.common import (
    OPERATION_ERRORS,
    DeadlineOption,
    EndpointOption,
    JsonOption,
    ProfileOption,
    RegionOption,
    WaitOption,
    console,
    errors,
    fail_operation,
    key_values,
    print_record,
    session,
)
from gluestack.ops import (
    GlueOpsError,
    WhenBusy,
    glue_client,
    start_job_run,
    stop_job_run,
    wait_for_job_run,
)
from gluestack.ops.costs import Rates, estimated_cost
from gluestack.ops.polling import DEFAULT_SCHEDULE
from gluestack.ops.run_history import job_run_history, typical_run_seconds

job = typer.Typer(no_args_is_help=True, help="Glue job runs.")


class ExecutionClass(StrEnum):
    STANDARD = "STANDARD"
    FLEX = "FLEX"


@job.command("run")
def job_run(
    name: str,
    arg: Annotated[
        list[str] | None, typer.Option("--arg", help="NAME=VALUE job argument, repeatable.")
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(help="Idempotency token: a retried start re-attaches to the run it made."),
    ] = None,
    when_busy: Annotated[
        WhenBusy, typer.Option(help="At the job's concurrent-run limit: fail, wait or attach.")
    ] = WhenBusy.FAIL,
    timeout: Annotated[
        int | None, typer.Option(help="Glue's run timeout in minutes (overrides the job's).")
    ] = None,
    worker_type: Annotated[str | None, typer.Option(help="Override the worker type.")] = None,
    workers: Annotated[int | None, typer.Option(help="Override the number of workers.")] = None,
    execution_class: Annotated[
        ExecutionClass | None, typer.Option(help="Override the execution class.")
    ] = None,
    wait: WaitOption = True,
    deadline: DeadlineOption = 3600,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """Start a job run and wait for it: exit 1 when it fails, 3 when the deadline passes."""
    glue = glue_client(session(profile, region, endpoint_url), endpoint_url)
    try:
        run_id = start_job_run(
            glue,
            name,
            key_values(arg or [], "--arg"),
            run_token=token,
            when_busy=when_busy,
            busy_deadline_seconds=deadline,
            timeout_minutes=timeout,
            worker_type=worker_type,
            number_of_workers=workers,
            execution_class=execution_class.value if execution_class else None,
        )
        if not wait:
            typer.echo(json.dumps({"job_name": name, "run_id": run_id}) if as_json else run_id)
            return
        schedule = DEFAULT_SCHEDULE.expecting(typical_run_seconds(glue, name))
        with errors.status(f"{name} {run_id}: STARTING") as status:

            def show(state: str, attempt: int, elapsed: float) -> None:
                status.update(f"{name} {run_id}: {state}, attempt {attempt}, {elapsed:.0f}s")

            result = wait_for_job_run(
                glue,
                name,
                run_id,
                deadline_seconds=deadline,
                schedule=schedule,
                on_poll=None if as_json else show,
            )
    except OPERATION_ERRORS as error:
        fail_operation(error)
    print_record(result, as_json)


@job.command("stop")
def job_stop(
    name: str,
    run_id: str,
    deadline: DeadlineOption = 300,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """Stop a run (BatchStopJobRun) and wait until it has ended."""
    glue = glue_client(session(profile, region, endpoint_url), endpoint_url)
    try:
        result = stop_job_run(glue, name, run_id, deadline_seconds=deadline)
    except NotImplementedError:
        fail_operation(GlueOpsError("this endpoint does not implement BatchStopJobRun (moto)"))
    except OPERATION_ERRORS as error:
        fail_operation(error)
    print_record(result, as_json)


def runs(
    name: str,
    limit: Annotated[int, typer.Option(help="How many recent runs.")] = 25,
    rate: Annotated[
        float, typer.Option(help="USD per DPU-hour, standard execution class.")
    ] = Rates.standard,
    flex_rate: Annotated[float, typer.Option(help="USD per DPU-hour, Flex.")] = Rates.flex,
    as_json: JsonOption = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
    profile: ProfileOption = None,
) -> None:
    """A job's recent runs with durations, DPU-hours and estimated cost."""
    glue = glue_client(session(profile, region, endpoint_url), endpoint_url)
    rates = Rates(standard=rate, flex=flex_rate)
    try:
        history = job_run_history(glue, name, limit)
    except OPERATION_ERRORS as error:
        fail_operation(error)
    costs = [estimated_cost(run, rates) for run in history]
    if as_json:
        rows = [{**asdict(r), "estimated_usd": c} for r, c in zip(history, costs, strict=True)]
        typer.echo(json.dumps(rows, default=str, indent=2))
        return
    table = Table(title=f"{name}: last {len(history)} runs")
    for column in ("run id", "attempt", "state", "started", "seconds", "class", "DPU-h", "USD"):
        table.add_column(
            column, justify="right" if column in ("seconds", "DPU-h", "USD") else "left"
        )
    for run, cost in zip(history, costs, strict=True):
        table.add_row(
            run.run_id,
            str(run.attempt),
            run.state,
            f"{run.started_on:%Y-%m-%d %H:%M}" if run.started_on else "",
            str(run.execution_seconds),
            run.execution_class,
            f"{run.dpu_seconds / 3600:.3f}" if run.dpu_seconds is not None else "?",
            f"{cost:.4f}" if cost is not None else "?",
        )
    console.print(table)
    known = [c for c in costs if c is not None]
    console.print(f"estimated total: ${sum(known):.4f} at ${rate}/DPU-h, Flex ${flex_rate}/DPU-h")


def register(app: typer.Typer) -> None:
    app.add_typer(job, name="job")
    app.command("runs")(runs)
