"""An expected failure is one line on the terminal: `orewire run` and `orewire reprocess` on a
damaged warehouse say it is damaged and exit 1, with none of Prefect's tracebacks of the failed
flow and tasks (those go to the command's log file, `<state>/logs/<command>-*.log`) and no
"Error logging to API" from a temporary server stopped before Prefect sent its logs.

Real processes: each command with no Prefect server to report to (it starts its temporary one),
`run` crawling a loopback copy of Trend; a real DuckDB warehouse cut to half its size.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from orewire.testing.site_server import SiteServer

from .conftest import FAST, REPO_ROOT, SITES, record_fault, write_registry
from .test_damaged_warehouse import _fill, _truncated

pytestmark = pytest.mark.slow


def _env(tmp_path: Path, registry: Path, template: Path) -> dict[str, str]:
    from tests.prefect_session import copy_prefect_database

    copy_prefect_database(template, tmp_path / "state" / "prefect" / "prefect.db")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(OREWIRE_STATE=str(tmp_path / "state"), OREWIRE_WAREHOUSE=str(tmp_path / "wh" / "orewire.duckdb"),
               OREWIRE_ARCHIVE=str(tmp_path / "raw"), OREWIRE_SOURCES=str(registry),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", PYTHONUNBUFFERED="1")
    return env


@pytest.mark.parametrize("command", ["reprocess", "run"])
def test_damaged_warehouse_is_one_line_and_the_traceback_goes_to_the_log(tmp_path, prefect_database_template,
                                                                         command):
    from orewire.settings import get_settings

    registry = write_registry(tmp_path / "sources.toml", {"trend": FAST})
    env = _env(tmp_path, registry, prefect_database_template)
    settings = get_settings().with_overrides(warehouse=tmp_path / "wh" / "orewire.duckdb", archive=tmp_path / "raw")
    _fill(settings, 500)
    path = settings.warehouse
    for leftover in (path.with_name(path.name + ".snapshot"), path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    _truncated(path)
    with SiteServer(SITES / "trend") as site:
        args = ["reprocess"] if command == "reprocess" else ["run", "--source", "trend", "--base-url", site.url,
                                                              "--workers", "1"]
        proc = subprocess.run([sys.executable, "-m", "orewire", *args], env=env, cwd=REPO_ROOT, capture_output=True,
                              text=True, timeout=420)
    err = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    out = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    assert proc.returncode == 1, proc.stdout[-2000:] + proc.stderr[-3000:]
    assert "Error logging to API" not in proc.stderr, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr[-3000:]
    damaged = f"warehouse {path} is damaged"
    if command == "reprocess":
        assert len(err) == 1 and err[0].startswith(f"orewire: {damaged}"), err
        assert "`orewire rebuild` recreates it" in err[0]
        assert out == [], out
    else:
        assert err == [], err
        assert len(out) == 2 and out[0].startswith("trend: failed: ") and out[0].count(damaged) == 1, out
        assert out[1] == "daily run: finished with failures", out
    logs = list((tmp_path / "state" / "logs").glob(f"{command}-*.log"))
    assert len(logs) == 1, logs
    log = logs[0].read_text(encoding="utf-8")
    assert "Traceback" in log and "WarehouseDamaged" in log, log[-2000:]
    record_fault(f"`orewire {command}` on a damaged warehouse (temporary Prefect server)",
                 f"exit 1, {'one line on stderr' if command == 'reprocess' else 'the summary lines only'}; "
                 "Prefect's tracebacks in the command's log file; no 'Error logging to API'",
                 "nothing (rebuild restores it from the archive)")
