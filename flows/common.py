"""What every flow shares: recording a run and publishing its summary."""

from __future__ import annotations

from typing import Any

from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact

from orewire.runs import RunStatus, SourceOutcome, summary_markdown
from orewire.settings import get_settings
from orewire.stages import write_run_record
from orewire.warehouse import writer
from orewire.warehouse.load import record_run


@task(name="record-run", retries=3, retry_delay_seconds=[1, 5, 15])
def record_run_task(run: dict[str, Any]) -> None:
    """Record the run in the archive (for rebuilds) and in the warehouse's ``runs`` table."""
    settings = get_settings()
    write_run_record(settings, run)
    with writer(settings) as conn:
        record_run(conn, run)


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
