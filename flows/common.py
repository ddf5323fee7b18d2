"""What every flow shares: recording a run and publishing its summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact

from orewire import stopping
from orewire.runs import ARCHIVE_FAILURE, RunStatus, SourceOutcome, os_error_line, summary_markdown
from orewire.settings import get_settings
from orewire.stages import write_run_record
from orewire.warehouse import writer
from orewire.warehouse.db import WarehouseDamaged
from orewire.warehouse.load import record_run

# How long a SIGTERM stop waits for the warehouse to record the runs it stopped.
STOP_RECORD_WAIT_S = 5.0


def _retry_record(task: Any, task_run: Any, state: Any) -> bool:
    """Try recording again, but not into a damaged warehouse: damage does not heal."""
    try:
        state.result()
    except WarehouseDamaged:
        return False
    except Exception:
        return True
    return False


def save_run(settings: Any, run: dict[str, Any], *, timeout: float | None = None) -> str | None:
    """Record the run in the archive (for rebuilds) and in the warehouse's ``runs`` table. An
    archive that cannot take the record does not keep it from the warehouse: the archive's problem
    is returned (one line), the warehouse's is raised."""
    problem = None
    try:
        write_run_record(settings, run)
    except OSError as exc:
        problem = f"{ARCHIVE_FAILURE}: {os_error_line(exc)}"
    with writer(settings, timeout=timeout) as conn:
        record_run(conn, run)
    return problem


@task(name="record-run", retries=3, retry_delay_seconds=[1, 5, 15], retry_condition_fn=_retry_record)
def record_run_task(run: dict[str, Any]) -> str | None:
    """Record the run (see :func:`save_run`); during a SIGTERM stop the stop records it."""
    if stopping.requested():
        return None
    return save_run(get_settings(), run)


def record_when_stopped(run: dict[str, Any]) -> Callable[[], None]:
    """Have a SIGTERM stop record ``run`` (a dict the flow keeps up to date) as ``stopped``;
    returns the function that withdraws this once the flow has recorded the run itself."""
    settings = get_settings()

    def record() -> None:
        stopped = {**run, "status": RunStatus.STOPPED, "finished_at": datetime.now(UTC),
                   "message": "stopped (SIGTERM) before it finished; the next run picks up the rest"}
        save_run(settings, stopped, timeout=STOP_RECORD_WAIT_S)

    return stopping.on_stop(record)


def publish(flow_name: str, outcomes: list[SourceOutcome]) -> dict[str, Any]:
    markdown = summary_markdown(flow_name, outcomes)
    try:
        create_markdown_artifact(markdown=markdown, key=f"orewire-{flow_name}-summary",
                                 description=f"orewire {flow_name} run summary")
    except Exception as exc:  # an artifact is a convenience; never fail a run over it
        get_run_logger().warning("could not publish the summary artifact: %s", exc)
    return {"ok": all(RunStatus(o.status).succeeded for o in outcomes),
            "warnings": sum(o.status == RunStatus.WARNING for o in outcomes),
            "sources": [{"source": o.source, "run_id": o.run_id, "status": o.status, "message": o.message,
                         **o.counts} for o in outcomes],
            "lines": [o.line() for o in outcomes]}
