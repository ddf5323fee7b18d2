"""A scheduled run is not lost to Prefect's temporary server: commands use a running
`orewire serve` server; otherwise they start a temporary one with a longer allowance and a
second try; if that fails too, one line says what to do.

Real `orewire` processes with no PREFECT_API_URL (each command finds or starts its server) and a
real `orewire serve`.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import REPO_ROOT, record_fault, record_figure

pytestmark = pytest.mark.slow


def _env(tmp_path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(OREWIRE_STATE=str(tmp_path / "state"), OREWIRE_WAREHOUSE=str(tmp_path / "wh" / "orewire.duckdb"),
               OREWIRE_ARCHIVE=str(tmp_path / "raw"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PYTHONUNBUFFERED="1", **extra)
    return env


def _orewire(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "orewire", *args], env=env, cwd=REPO_ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _wait(proc: subprocess.Popen, timeout: float) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        raise AssertionError(f"did not finish in {timeout} s: {err[-2000:]}") from None
    return proc.returncode, out, err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _completed_runs(api: str) -> list[dict]:
    body = json.dumps({"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}}).encode()
    req = urllib.request.Request(f"{api}/flow_runs/filter", data=body, method="POST",
                                 headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


def _flow_runs_in(database) -> list[tuple]:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(database)) as conn:
        return conn.execute("SELECT name FROM flow_run").fetchall()


def _deployments(port: int) -> list[dict]:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/deployments/filter", data=b"{}",
                                 headers={"content-type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


def _wait_for_deployments(port: int, proc: subprocess.Popen, want: int, timeout: float = 240) -> list[dict]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        try:
            found = _deployments(port)
            if len(found) >= want:
                time.sleep(1)
                return _deployments(port)
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError("deployments did not appear")


def test_serve_schedules_every_source_restarts_without_duplicates_and_commands_use_it(tmp_path):
    """`orewire serve` registers one deployment per source with its cron string (plus backfill,
    reprocess and the daily digest), serving again updates the same deployments, and while it runs
    a command with no PREFECT_API_URL reports to its server instead of starting a temporary one."""
    from orewire.sources import load_registry

    registry = load_registry(REPO_ROOT / "sources.toml")
    feeders = [s for s in registry if s.feeds and s.feed_schedule]
    want = len(registry) + len(feeders) + 3
    env = _env(tmp_path)
    port = _free_port()
    marker = tmp_path / "state" / "prefect" / "serve.json"
    for attempt in range(2):
        serve = _orewire(["serve", "--port", str(port)], env)
        try:
            found = _wait_for_deployments(port, serve, want)
            if attempt == 0:
                assert marker.exists(), "orewire serve did not announce its server"
                api = json.loads(marker.read_text())["api"]
                assert api == f"http://127.0.0.1:{port}/api"
                code, out, err = _wait(_orewire(["reprocess"], env), 240)
                assert code == 0, out + err[-2000:]
                assert out.splitlines()[-1] == "reprocess: ok"
                runs = _completed_runs(api)
                assert any(r["name"] and r.get("parameters", {}).get("sources") is not None for r in runs), runs
        finally:
            serve.send_signal(signal.SIGTERM)
            _code, _out, err = _wait(serve, 60)
        assert serve.returncode == 0, err
        assert "stopped" in err
        assert not marker.exists()  # gone with the server
        names = sorted(d["name"] for d in found)
        assert names == sorted([*registry.names(), *(f"{s.name}-feeds" for s in feeders), "backfill", "reprocess",
                                "digest"]), (attempt, names)
        crons = {d["name"]: [s["schedule"].get("cron") for s in d["schedules"]] for d in found}
        for source in registry:
            assert crons[source.name] == [source.schedule]
        for source in feeders:  # the feeds alone between full crawls, every 15 minutes by default
            assert crons[f"{source.name}-feeds"] == [source.feed_schedule] == ["*/15 * * * *"]
        assert crons["backfill"] == [] and crons["reprocess"] == []
        assert crons["digest"] == ["0 6 * * *"]  # the watchlist's daily digest
    record_fault("`orewire reprocess` while `orewire serve` runs (no PREFECT_API_URL)",
                 "the run reported to the serve server; serve stops cleanly and withdraws its address; "
                 "served again: the same deployments, none doubled", "nothing")


def test_two_commands_at_once_each_start_a_temporary_server(tmp_path, prefect_database_template):
    """Two commands started together, no server running, on a machine where Prefect ran before
    (its database already migrated): each starts its own temporary server on the same Prefect
    database and both end ok. In `make test` the suite's other workers hold the cores meanwhile;
    the allowance and the second try that keep a slow start from failing a run are checked one
    by one in `test_prefect_startup.py`; `orewire serve` above starts on a new database."""
    from tests.prefect_session import copy_prefect_database

    env = _env(tmp_path)
    copy_prefect_database(prefect_database_template, tmp_path / "state" / "prefect" / "prefect.db")
    started = time.monotonic()
    procs = [_orewire(["reprocess"], env) for _ in range(2)]
    results = [_wait(p, 420) for p in procs]
    took = time.monotonic() - started
    for code, out, err in results:
        assert code == 0, out + err[-3000:]
        assert out.splitlines()[-1] == "reprocess: ok", out
    # Both servers used the copied database (they did not make one elsewhere).
    assert len(_flow_runs_in(tmp_path / "state" / "prefect" / "prefect.db")) == 2
    record_fault("two `orewire reprocess` started at once, no Prefect server running",
                 "both ended ok, each on its own temporary server over one Prefect database", "nothing")
    record_figure(f"two commands at once, each starting a server: both ok in {took:.0f} s")
