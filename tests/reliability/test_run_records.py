"""A run is always recorded with how it ended: an archive whose root cannot be written fails the
run in one line naming the path and the cause (exit 1, the failure in the warehouse's `runs` and in
`orewire status`), and a run stopped by SIGTERM is recorded as `stopped`, not left at `running`.

Real processes and files: `orewire run` against loopback copies of Trend (in this process for the
unwritable root; its own process, stopped by SIGTERM, for the stop), a real DuckDB warehouse.
"""

from __future__ import annotations

import json
import signal
import time

import pytest

from orewire.testing.site_server import SiteServer, slow_route
from tests.cli import orewire

from .conftest import (
    FAST,
    SITES,
    command_env,
    finish,
    orewire_env,
    query,
    record_fault,
    start,
    write_registry,
)
from .test_archive_failure import make_unwritable
from .test_crash import SlowSite

pytestmark = pytest.mark.slow


def test_unwritable_archive_root_fails_the_run_in_one_line(rel_env, tmp_path):
    settings, prefect_url = rel_env
    registry = write_registry(tmp_path / "sources.toml", {"trend": FAST})
    how = make_unwritable(settings.archive).replace("month folder", "archive root")
    env = command_env(orewire_env(settings, prefect_url, registry))
    with SiteServer(SITES / "trend") as site:
        proc = orewire(["run", "--source", "trend", "--base-url", site.url, "--workers", "1"], env)
        served = site.paths()

    out = proc.stdout + proc.stderr
    assert proc.code == 1, out[-3000:]
    assert "Traceback" not in out, out[-3000:]
    line = next(ln for ln in proc.lines if ln.startswith("trend:"))
    assert line.startswith("trend: failed:"), line
    runs = settings.archive / "runs"
    assert f"cannot write the archive: {runs}: " in line, line
    cause = line.split(f"{runs}: ", 1)[1]
    assert cause in ("Permission denied", "Operation not permitted"), line
    assert proc.lines[-1] == "daily run: finished with failures", proc.lines
    assert served == [], served  # nothing fetched that could not be archived
    rows = query(settings.warehouse, "SELECT status, message, finished_at IS NOT NULL FROM runs WHERE source = 'trend'")
    assert len(rows) == 1 and rows[0][0] == "failed" and str(runs) in rows[0][1] and rows[0][2], rows
    status = orewire(["status"], env)
    assert status.code == 0, status.stdout + status.stderr
    row = next(ln for ln in status.stdout.splitlines() if "│ trend " in ln)
    assert "never" not in row and "failed" in row and "None" not in row, status.stdout
    assert f"trend: failed: cannot write the archive: {runs}" in status.stdout, status.stdout
    record_fault(f"archive root not writable ({how})",
                 f"exit 1, one line: trend: failed: ... cannot write the archive: <archive>/runs: {cause}; "
                 "the failed run in `runs` and `status`; nothing fetched", "nothing (no page fetched)")


def test_a_run_stopped_by_sigterm_is_recorded_as_stopped(rel_env, tmp_path):
    settings, prefect_url = rel_env
    registry = write_registry(tmp_path / "sources.toml", {"trend": {
        **FAST, "politeness.concurrency": 1, "politeness.timeout": 120.0}})
    env = orewire_env(settings, prefect_url, registry)
    args = ["run", "--source", "trend", "--workers", "1"]
    with SlowSite(SITES / "trend") as site:
        site.route("/business/economy/4205809.html", slow_route(90))  # the crawl cannot end before the signal
        args += ["--base-url", site.url]
        popen = start(args, env)
        deadline = time.monotonic() + 180
        while not list(settings.archive.rglob("*.warc.gz.open")) and time.monotonic() < deadline \
                and popen.poll() is None:
            time.sleep(0.05)
        assert popen.poll() is None, "the run ended before it could be stopped"
        popen.send_signal(signal.SIGTERM)
        proc = finish(popen, args, timeout=60)
    assert proc.code == 128 + signal.SIGTERM, proc.stderr[-3000:]

    rows = query(settings.warehouse, "SELECT run_id, status, message, finished_at IS NOT NULL FROM runs")
    assert len(rows) == 1 and rows[0][1] == "stopped" and rows[0][3], rows
    assert "stopped (SIGTERM)" in rows[0][2], rows
    record = json.loads((settings.archive / "runs" / f"{rows[0][0]}.json").read_text(encoding="utf-8"))
    assert record["status"] == "stopped" and record["finished_at"], record
    status = orewire(["status"], command_env(env))
    row = next(ln for ln in status.stdout.splitlines() if "│ trend " in ln)
    assert "never" not in row and "stopped" in row, status.stdout
    assert "trend: stopped: stopped (SIGTERM) before it finished" in status.stdout, status.stdout
    record_fault("SIGTERM during `orewire run` (the run record)",
                 "recorded as stopped in `runs`, the archive's run record and `status` (not left at running, "
                 "not 'never')", "nothing (the next run picks up)")
