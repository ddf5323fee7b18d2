"""Prefect work pools: `orewire serve --pool` registers the deployments, `orewire worker` processes
run them, and two workers never crawl one source at once.

A real Prefect server of the test's own (the per-source limits it gets must not reach the
session's shared server), real `orewire serve --pool` and `orewire worker` processes, and a
loopback copy of Trend whose feed answers slowly, so that two crawls started together would
overlap for seconds if nothing kept them apart. Each worker has an archive of its own, as on two
machines: the archive's file lock cannot keep their crawls apart, only the Prefect limit can.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from orewire.testing.site_server import Route, SiteServer

from .conftest import REPO_ROOT, SITES

pytestmark = pytest.mark.slow

POOL = "test-pool"
FEED = "/feeds/index.rss"
FEED_DELAY_S = 5.0


def _env(tmp_path: Path, api: str, name: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "OREWIRE_"))}
    env.update(PREFECT_API_URL=api, PREFECT_WORKER_QUERY_SECONDS="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="WARNING", OREWIRE_SOURCES=str(REPO_ROOT / "sources.toml"),
               OREWIRE_STATE=str(tmp_path / name / "state"), OREWIRE_ARCHIVE=str(tmp_path / name / "raw"),
               OREWIRE_WAREHOUSE=str(tmp_path / "wh" / "orewire.duckdb"), PYTHONUNBUFFERED="1")
    return env


@pytest.fixture(scope="module")
def own_server(tmp_path_factory, prefect_database_template):
    """A Prefect server for this module alone, on a copy of the session's migrated database."""
    from prefect.settings import PREFECT_API_DATABASE_CONNECTION_URL, temporary_settings

    from orewire.prefect_api import TemporaryServer
    from tests.prefect_session import copy_prefect_database

    folder = tmp_path_factory.mktemp("pool-server")
    database = copy_prefect_database(prefect_database_template, folder / "prefect.db")
    server = TemporaryServer()
    with temporary_settings({PREFECT_API_DATABASE_CONNECTION_URL: f"sqlite+aiosqlite:///{database}"}):
        server.start(timeout=180)
    try:
        yield server.api_url
    finally:
        server.stop()


def _crawl_interval(archive: Path) -> tuple[datetime, datetime]:
    """First and last fetch of the one crawl of Trend in ``archive``."""
    from orewire.archive import read_manifest

    manifests = sorted((archive / "trend" / "manifests").glob("*.jsonl"))
    assert len(manifests) == 1, manifests  # each worker ran one of the two runs
    times = [datetime.fromisoformat(row["fetched_at"]) for row in read_manifest(manifests[0])]
    return min(times), max(times)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _online_workers(api: str) -> set[str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import WorkerFilter, WorkerFilterStatus
    from prefect.exceptions import PrefectHTTPStatusError
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: api}), get_client(sync_client=True) as client:
        try:
            workers = client.read_workers_for_work_pool(
                POOL, worker_filter=WorkerFilter(status=WorkerFilterStatus(any_=["ONLINE"])))
        except PrefectHTTPStatusError as exc:
            if exc.response.status_code == 404:
                return set()  # the pool: not made yet
            raise
    return {w.name for w in workers}


def test_two_workers_run_the_pool_and_never_crawl_one_source_at_once(tmp_path, own_server):
    """`orewire serve --pool` registers every deployment on the process pool (by module path) and
    the one-slot limit of each source; two `orewire worker` processes take one run each of
    `daily/trend`, both load, and the second crawl starts only once the first has ended."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from orewire.sources import load_registry

    api = own_server
    registry = load_registry(REPO_ROOT / "sources.toml")
    serve = subprocess.run([sys.executable, "-m", "orewire", "serve", "--pool", POOL], cwd=REPO_ROOT,
                           env=_env(tmp_path, api, "serve"), capture_output=True, text=True, timeout=240)
    assert serve.returncode == 0, serve.stderr[-2000:]
    assert f"on work pool {POOL!r}" in serve.stderr

    with temporary_settings({PREFECT_API_URL: api}), get_client(sync_client=True) as client:
        pool = client.read_work_pool(POOL)
        deployment = client.read_deployment_by_name("daily/trend")
        limits = {limit.name: limit.limit for limit in client.read_global_concurrency_limits(limit=200)}
    assert pool.type == "process"
    assert deployment.work_pool_name == POOL
    assert deployment.entrypoint == "flows.pipeline.daily_flow"  # found in the installed project
    assert deployment.pull_steps == []
    assert limits == {f"crawl-{name}": 1 for name in registry.names()}

    with SiteServer(SITES / "trend") as site:
        feed = (SITES / "trend" / "feeds" / "index.rss").read_bytes()
        site.route(FEED, Route(status=200, body=feed, headers={"Content-Type": "application/rss+xml"},
                               delay=FEED_DELAY_S))
        logs = [tmp_path / f"{name}.log" for name in ("w1", "w2")]
        workers = [subprocess.Popen([sys.executable, "-m", "orewire", "worker", "--pool", POOL, "--name", name,
                                     "--limit", "1"], cwd=REPO_ROOT, env=_env(tmp_path, api, name),
                                    stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)
                   for name, log in zip(("w1", "w2"), logs, strict=True)]
        try:
            deadline = time.monotonic() + 180
            while _online_workers(api) != {"w1", "w2"}:
                assert all(w.poll() is None for w in workers), [log.read_text()[-2000:] for log in logs]
                assert time.monotonic() < deadline, "the workers did not come online"
                time.sleep(0.5)
            from prefect.deployments import run_deployment

            with temporary_settings({PREFECT_API_URL: api}):
                params = {"base_url": site.url, "politeness": False}
                runs = [run_deployment("daily/trend", parameters=params, timeout=0) for _ in range(2)]
                deadline = time.monotonic() + 300
                with get_client(sync_client=True) as client:
                    while True:
                        states = [client.read_flow_run(run.id).state for run in runs]
                        if all(s is not None and s.is_final() for s in states):
                            break
                        assert time.monotonic() < deadline, states
                        time.sleep(1)
        finally:
            for worker in workers:
                _stop(worker)
    assert all(s is not None and s.is_completed() for s in states), (states, [log.read_text()[-2000:] for log in logs])
    assert all(w.returncode == 0 for w in workers), [log.read_text()[-2000:] for log in logs]

    first, second = sorted([_crawl_interval(tmp_path / "w1" / "raw"), _crawl_interval(tmp_path / "w2" / "raw")])
    assert (first[1] - first[0]).total_seconds() >= FEED_DELAY_S - 0.5  # each crawl waited on the slow feed
    assert second[0] >= first[1], (first, second)  # one crawl of the source at a time
    conn = duckdb.connect(str(tmp_path / "wh" / "orewire.duckdb"), read_only=True)
    try:
        runs_ok = conn.execute("SELECT count(*) FROM runs WHERE source = 'trend' AND status = 'ok'").fetchone()
        articles = conn.execute("SELECT count(*) FROM articles WHERE source = 'trend'").fetchone()
    finally:
        conn.close()
    assert runs_ok == (2,)
    assert articles is not None and articles[0] > 0


def test_worker_without_a_server_says_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(OREWIRE_STATE=str(tmp_path / "state"))
    done = subprocess.run([sys.executable, "-m", "orewire", "worker", "--pool", POOL], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "orewire: no Prefect server to take runs from: set PREFECT_API_URL to the server of "
        "`orewire serve --pool NAME` (or run that here first)"]


def test_local_paths_reach_the_flow_runs_absolute(tmp_path, monkeypatch):
    """A process worker starts each run in a folder of its own: relative paths are made absolute,
    a DuckLake catalog or an s3:// archive is passed on as written."""
    from flows.pools import absolute_environment
    from orewire.settings import get_settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OREWIRE_WAREHOUSE", "wh/orewire.duckdb")
    monkeypatch.delenv("OREWIRE_ARCHIVE", raising=False)
    env = absolute_environment(get_settings())
    assert env["OREWIRE_WAREHOUSE"] == str(tmp_path / "wh" / "orewire.duckdb")
    assert env["OREWIRE_ARCHIVE"] == str(tmp_path / "warehouse" / "raw")
    assert Path(env["OREWIRE_STATE"]).is_absolute()

    monkeypatch.setenv("OREWIRE_WAREHOUSE", "ducklake:postgres:dbname=lake host=127.0.0.1")
    monkeypatch.setenv("OREWIRE_LAKE_DATA", str(tmp_path / "lake"))
    monkeypatch.setenv("OREWIRE_ARCHIVE", "s3://bucket/raw")
    env = absolute_environment(get_settings())
    assert "OREWIRE_WAREHOUSE" not in env and "OREWIRE_ARCHIVE" not in env


def test_worker_started_with_sigint_ignored_stops_on_sigterm(tmp_path, own_server):
    """A shell's background job starts with SIGINT ignored; Prefect's handlers turn SIGTERM into a
    SIGINT to the worker itself, which must still stop it."""
    log = tmp_path / "worker.log"
    worker = subprocess.Popen([sys.executable, "-m", "orewire", "worker", "--pool", POOL, "--name", "bg"],
                              cwd=REPO_ROOT, env=_env(tmp_path, own_server, "bg"), stdout=log.open("wb"),
                              stderr=subprocess.STDOUT, start_new_session=True,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        deadline = time.monotonic() + 120
        while "bg" not in _online_workers(own_server):
            assert worker.poll() is None, log.read_text()[-2000:]
            assert time.monotonic() < deadline, log.read_text()[-2000:]
            time.sleep(0.5)
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=60) == 0, log.read_text()[-2000:]
    finally:
        _stop(worker)


def test_crawl_slot_waits_for_the_holder_and_skips_a_temporary_server(own_server, monkeypatch):
    """The slot is taken where the limit exists on a shared server; a second crawl of the source
    waits, then gives up with CrawlBusy naming the limit; on a command's own temporary server
    (nothing shared) no slot is asked for."""
    import threading

    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.limits import crawl_slot, ensure_crawl_limits
    from orewire import prefect_api
    from orewire.crawl import CrawlBusy

    with temporary_settings({PREFECT_API_URL: own_server}):
        ensure_crawl_limits(["kursiv"])
        held, release = threading.Event(), threading.Event()

        def holder() -> None:  # settings are per context: a new thread starts without them
            with temporary_settings({PREFECT_API_URL: own_server}), crawl_slot("kursiv", timeout=30) as taken:
                assert taken
                held.set()
                release.wait(60)

        thread = threading.Thread(target=holder)
        thread.start()
        try:
            assert held.wait(60)
            with pytest.raises(CrawlBusy, match="another crawl of kursiv holds the Prefect concurrency limit "
                                                 "crawl-kursiv; waited 2 s"), crawl_slot("kursiv", timeout=2):
                pass
            with crawl_slot("unlimited", timeout=2) as taken:  # no limit of that name on this server
                assert taken is False
            monkeypatch.setattr(prefect_api, "_temporary_api", own_server)
            with crawl_slot("kursiv", timeout=2) as taken:  # held elsewhere, but nothing is shared
                assert taken is False
        finally:
            release.set()
            thread.join(60)
        monkeypatch.setattr(prefect_api, "_temporary_api", None)
        with crawl_slot("kursiv", timeout=30) as taken:  # freed by its holder
            assert taken


def test_a_stop_raised_inside_a_task_group_is_still_a_stop():
    # Prefect's handler turns SIGTERM into a KeyboardInterrupt, which may surface wrapped in an exception group
    import asyncio

    from flows.pools import only_stops

    assert only_stops(BaseExceptionGroup("stop", [KeyboardInterrupt()]))
    assert only_stops(BaseExceptionGroup("stop", [asyncio.CancelledError(), BaseExceptionGroup("inner", [KeyboardInterrupt()])]))
    assert not only_stops(BaseExceptionGroup("error", [KeyboardInterrupt(), ValueError("boom")]))
