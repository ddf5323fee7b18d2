"""``make cluster-demo``: orewire beyond one machine, rehearsed on one.

Starts, all on loopback and under ``.state/cluster-demo/`` (made anew each time):

1. a throwaway PostgreSQL cluster (:mod:`orewire.testing.postgres`) with two databases, one for
   Prefect's server and one for the warehouse's DuckLake catalog;
2. an S3-compatible store (moto's server, :mod:`orewire.testing.object_store`) holding the raw
   archive (``OREWIRE_ARCHIVE=s3://…``) and the lake's data files (``OREWIRE_LAKE_DATA=s3://…``);
3. a Prefect server on the PostgreSQL database, its scheduler off (the deployments' cron
   schedules would crawl the real sites), and ``orewire serve --pool`` registering the
   deployments on a process work pool;
4. two ``orewire worker`` processes, each with a state folder of its own as on two machines;
5. a loopback copy of every fixture site (``tests/fixtures/sites``).

It runs ``daily/<source>`` through the pool for every fixture source, then the same daily flow
over the same sites into a plain DuckDB file and a local archive, and prints both warehouses'
counts table by table. The exit status is 0 when every count is the same, 1 when any differs
or a run failed, 2 when the rehearsal could not be set up. Whatever happens (an error, Ctrl-C,
SIGTERM), everything it started is stopped before it returns.

A part not installed here (PostgreSQL's server programs, the lake, the object-store archive) is
left out and said so: Prefect then keeps its database in SQLite and the workers share a DuckDB
file or a local archive folder.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

DEMO = Path(".state/cluster-demo")
SITES = Path("tests/fixtures/sites")
POOL = "cluster-demo"
BUCKET = "orewire-demo"
WORKERS = 2
RUN_LIMIT = 2          # flow runs at once per worker
RUNS_TIMEOUT_S = 1200.0
STOP_WAIT_S = 30.0

console = Console(width=None if sys.stdout.isatty() else 160, highlight=False)


def say(text: str, style: str = "") -> None:
    console.print(Text(text, style=style), soft_wrap=True)


@dataclass
class Parts:
    """Which pieces of the cluster this installation has, and why one is missing."""

    postgres: bool
    lake: bool
    store: bool
    missing: list[str] = field(default_factory=list)

    @classmethod
    def find(cls) -> Parts:
        from orewire.settings import Settings

        names = {f.name for f in fields(Settings)}
        missing = []
        postgres = False
        if importlib.util.find_spec("orewire.testing.postgres") is None:
            missing.append("PostgreSQL: the throwaway-cluster launcher (orewire.testing.postgres) is not in this checkout")
        else:
            from orewire.testing import postgres as pg

            postgres = pg.available()
            if not postgres:
                missing.append("PostgreSQL: its server programs are not installed (make postgres installs them)")
        lake = postgres and "lake" in names and importlib.util.find_spec("orewire.warehouse.lake") is not None
        if postgres and not lake:
            missing.append("the warehouse on DuckLake: not in this checkout yet")
        store = "archive_url" in names and importlib.util.find_spec("orewire.testing.object_store") is not None
        if not store:
            missing.append("the archive on an object store: not in this checkout yet")
        return cls(postgres=postgres, lake=lake, store=store, missing=missing)


# -- processes -----------------------------------------------------------------------------------

def _start(cmd: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """A child in a session of its own, output to ``log``, ended by the kernel if we are killed."""
    from orewire import lifeline

    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        return subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True, preexec_fn=lifeline.preexec(signal.SIGTERM))


def _stop_tree(proc: subprocess.Popen[bytes], wait: float = STOP_WAIT_S) -> None:
    """SIGTERM to the process (a worker stops taking runs), then every descendant it left is
    ended too: flow-run processes run in sessions of their own, out of reach of a group signal."""
    import psutil

    from orewire.stopping import end_processes

    try:
        tree = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        tree = []
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    end_processes([p for p in tree if p.is_running() and p.status() != psutil.STATUS_ZOMBIE], wait=10)


@contextlib.contextmanager
def _stopped_on_sigterm() -> Iterator[None]:
    """SIGTERM (and SIGINT) become KeyboardInterrupt, so every ``finally`` runs."""

    def interrupt(signum: int, frame: Any) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGTERM, interrupt), signal.signal(signal.SIGINT, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before[0])
        signal.signal(signal.SIGINT, before[1])


@contextlib.contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """``values`` set in this process's environment for the block, the former values (or their
    absence) restored after it."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


# -- the rehearsal -------------------------------------------------------------------------------

@dataclass
class Cluster:
    """What the workers share: the Prefect API, the warehouse and the archive settings."""

    api: str
    shared: dict[str, str]       # OREWIRE_* and AWS_* every worker gets
    warehouse_label: str
    archive_label: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _base_env() -> dict[str, str]:
    """This environment without Prefect's, orewire's and AWS's own variables: the rehearsal sets them."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "OREWIRE_", "AWS_"))}


def _wait_for_workers(api: str, names: set[str], procs: list[subprocess.Popen[bytes]], logs: list[Path],
                      timeout: float = 180.0) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import WorkerFilter, WorkerFilterStatus

    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while True:
            for proc, log in zip(procs, logs, strict=True):
                if proc.poll() is not None:
                    raise RuntimeError(f"a worker exited ({proc.returncode}); see {log}")
            online = {w.name for w in client.read_workers_for_work_pool(
                POOL, worker_filter=WorkerFilter(status=WorkerFilterStatus(any_=["ONLINE"])))}
            if names <= online:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"the workers did not come online within {timeout:.0f} s; see {logs[0].parent}")
            time.sleep(0.5)


def _run_through_pool(api: str, bases: dict[str, str]) -> list[tuple[str, str, str]]:
    """One run of ``daily/<source>`` per source through the pool; waits for all. Returns
    (source, final state, message) for each."""
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment

    runs = {}
    for source, base in bases.items():
        run = run_deployment(f"daily/{source}", parameters={"base_url": base, "politeness": False}, timeout=0)
        runs[source] = run.id  # type: ignore[union-attr]
    deadline = time.monotonic() + RUNS_TIMEOUT_S
    done: dict[str, tuple[str, str]] = {}
    with get_client(sync_client=True) as client:
        while len(done) < len(runs):
            for source, run_id in runs.items():
                if source in done:
                    continue
                state = client.read_flow_run(run_id).state
                if state is not None and state.is_final():
                    done[source] = (state.type.value, state.message or "")
                    say(f"  {source}: {state.type.value.lower()}", "green" if state.is_completed() else "red")
            if time.monotonic() > deadline:
                raise RuntimeError(f"runs still unfinished after {RUNS_TIMEOUT_S:.0f} s: "
                                   f"{', '.join(sorted(set(runs) - set(done)))}")
            time.sleep(1)
    return [(source, *done[source]) for source in bases]


def _counts(env: dict[str, str]) -> tuple[dict[str, int], list[tuple[str, str, str | None]]]:
    """Rows per table of the warehouse these variables name (a file or a lake), and its runs
    (source, status, message)."""
    from orewire.settings import get_settings
    from orewire.warehouse import reader

    with environment(env):
        settings = get_settings()
        conn = reader(settings)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
            "AND schema_name = 'main' ORDER BY table_name").fetchall()]
        counts = {}
        for table in tables:
            row = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()
            counts[table] = int(row[0]) if row else 0
        runs = [(str(r[0]), str(r[1]), r[2]) for r in conn.execute(
            "SELECT source, status, message FROM runs ORDER BY source, started_at").fetchall()]
        return counts, runs
    finally:
        conn.close()


def _plain_run(folder: Path, bases: dict[str, str]) -> tuple[dict[str, str], bool]:
    """The daily flow over the same sites in this process, into a DuckDB file and a local archive
    (reporting to the same Prefect server). Returns its settings' variables and whether it was ok."""
    env = {"OREWIRE_WAREHOUSE": str((folder / "orewire.duckdb").resolve()),
           "OREWIRE_ARCHIVE": str((folder / "raw").resolve()),
           "OREWIRE_STATE": str((folder / "state").resolve())}
    with environment(env):
        from flows.pipeline import daily_flow

        result = daily_flow(sources=list(bases), base_url=bases, politeness=False)
    for line in result["lines"]:
        say(f"  {line}")
    return env, bool(result["ok"])


def _report(cluster: dict[str, int], plain: dict[str, int], label: str) -> bool:
    """Print both warehouses' counts; True when every table they share has the same count. A
    table of one kind of warehouse alone (the lake's full-text postings) is shown, not compared."""
    table = Table("table", label, "plain DuckDB file", "")
    same = True
    for name in sorted(set(cluster) | set(plain)):
        a, b = cluster.get(name), plain.get(name)
        if a is None or b is None:
            verdict = Text(f"only in the {'plain file' if a is None else label}", "dim")
        elif a == b:
            verdict = Text("same", "green")
        else:
            verdict, same = Text("DIFFERS", "bold red"), False
        table.add_row(name, "-" if a is None else str(a), "-" if b is None else str(b), verdict)
    console.print(table)
    return same


def rehearse(sites: Path, demo: Path, parts: Parts) -> int:
    """Set everything up, run, compare; every part started is stopped on the way out."""
    from orewire.sources import load_registry
    from orewire.testing.site_server import SiteServer

    t0 = time.monotonic()
    registry = load_registry(Path("sources.toml"))
    names = [p.name for p in sorted(sites.iterdir()) if p.is_dir() and p.name in registry.names()]
    if not names:
        say(f"cluster-demo: no fixture site of a registered source under {sites}", "red")
        return 2
    with contextlib.ExitStack() as stack:
        # the fixture sites
        servers = {name: stack.enter_context(SiteServer(sites / name)) for name in names}
        bases = {name: server.url for name, server in servers.items()}
        say(f"{len(bases)} fixture sites on loopback: {', '.join(names)}")

        shared: dict[str, str] = {"OREWIRE_SOURCES": str(Path("sources.toml").resolve())}
        prefect_db = f"sqlite+aiosqlite:///{(demo / 'prefect' / 'prefect.db').resolve()}"
        warehouse_label = "workers' DuckDB file"
        if parts.postgres:
            from orewire.testing import postgres as pg

            started = time.monotonic()
            cluster_pg = stack.enter_context(pg.cluster(demo / "postgres", database="prefect"))
            cluster_pg.create_database("lake")
            prefect_db = cluster_pg.url("prefect", driver="postgresql+asyncpg")
            say(f"PostgreSQL on {cluster_pg.host}:{cluster_pg.port} (databases prefect, lake) "
                f"in {time.monotonic() - started:.1f} s")
            if parts.lake:
                shared["OREWIRE_WAREHOUSE"] = cluster_pg.ducklake("lake")
                shared["OREWIRE_LAKE_DATA"] = str((demo / "lake-data").resolve())
                warehouse_label = "DuckLake on PostgreSQL"
        if "OREWIRE_WAREHOUSE" not in shared:
            shared["OREWIRE_WAREHOUSE"] = str((demo / "cluster" / "orewire.duckdb").resolve())
        archive_label = "a shared local folder"
        if parts.store:
            from orewire.testing.object_store import ObjectStoreServer

            store = stack.enter_context(ObjectStoreServer())
            store.create_bucket(BUCKET)
            shared.update(store.env())
            shared["OREWIRE_ARCHIVE"] = f"s3://{BUCKET}/raw"
            archive_label = f"s3://{BUCKET}/raw on {store.url}"
            if parts.lake:  # the lake's data files on the store too: no machine's disk is shared
                shared["OREWIRE_LAKE_DATA"] = f"s3://{BUCKET}/lake"
                warehouse_label = "DuckLake (PostgreSQL, S3)"
            say(f"S3-compatible store (moto) on {store.url}, bucket {BUCKET}")
        else:
            shared["OREWIRE_ARCHIVE"] = str((demo / "cluster" / "raw").resolve())
        for missing in parts.missing:
            say(f"not used: {missing}", "yellow")
        say(f"warehouse: {warehouse_label}; archive: {archive_label}")

        # Prefect's server, on PostgreSQL when there is one
        from flows.serve import local_server

        # No scheduler: the deployments' cron schedules would start runs against the real sites
        # (no --base-url) whenever an hour or a quarter turns during the rehearsal.
        os.environ.update(PREFECT_HOME=str((demo / "prefect").resolve()), PREFECT_API_DATABASE_CONNECTION_URL=prefect_db,
                          PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED="false")
        started = time.monotonic()
        api = stack.enter_context(local_server(_free_port(), timeout=180))
        say(f"Prefect server on {api} ({'PostgreSQL' if parts.postgres else 'SQLite'}) "
            f"in {time.monotonic() - started:.1f} s")
        from prefect.settings import PREFECT_API_URL, temporary_settings

        os.environ["PREFECT_API_URL"] = api
        stack.enter_context(temporary_settings({PREFECT_API_URL: api}))

        common = {**_base_env(), **shared, "PREFECT_API_URL": api, "PREFECT_WORKER_QUERY_SECONDS": "2",
                  "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING",
                  "PYTHONUNBUFFERED": "1"}
        logs = demo / "logs"
        serve_env = {**common, "OREWIRE_STATE": str((demo / "serve").resolve())}
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "orewire", "serve", "--pool", POOL], env=serve_env,
                              capture_output=True, text=True, timeout=300, check=False)
        if done.returncode != 0:
            say(f"orewire serve --pool {POOL} failed: {done.stderr.strip()[-500:]}", "red")
            return 2
        say(f"orewire serve --pool {POOL}: deployments registered in {time.monotonic() - started:.1f} s")

        if parts.lake:
            # The catalog and its schema made once, before any worker writes, as on real machines.
            started = time.monotonic()
            done = subprocess.run([sys.executable, "-m", "orewire", "migrate"], env=serve_env,
                                  capture_output=True, text=True, timeout=300, check=False)
            if done.returncode != 0:
                say(f"orewire migrate (the lake) failed: {done.stderr.strip()[-500:]}", "red")
                return 2
            say(f"orewire migrate: the lake's catalog and schema in {time.monotonic() - started:.1f} s")

        worker_names = [f"worker-{i}" for i in range(1, WORKERS + 1)]
        procs, worker_logs = [], []
        for name in worker_names:
            env = {**common, "OREWIRE_STATE": str((demo / name / "state").resolve())}
            log = logs / f"{name}.log"
            proc = _start([sys.executable, "-m", "orewire", "worker", "--pool", POOL, "--name", name,
                           "--limit", str(RUN_LIMIT)], env, log)
            stack.callback(_stop_tree, proc)
            procs.append(proc)
            worker_logs.append(log)
        started = time.monotonic()
        _wait_for_workers(api, set(worker_names), procs, worker_logs)
        say(f"{WORKERS} workers online in {time.monotonic() - started:.1f} s (logs in {logs})")

        say(f"daily/<source> for {len(bases)} sources through the pool:")
        started = time.monotonic()
        results = _run_through_pool(api, bases)
        pool_s = time.monotonic() - started
        failed = [r for r in results if r[1] != "COMPLETED"]
        say(f"through the pool: {len(results) - len(failed)} of {len(results)} runs completed in {pool_s:.1f} s",
            "red" if failed else "")
        for source, state, message in failed:
            say(f"  {source}: {state} {message[:300]}", "red")

        say("the same daily flow, same sites, into a plain DuckDB file:")
        started = time.monotonic()
        plain_env, plain_ok = _plain_run(demo / "plain", bases)
        say(f"plain run in {time.monotonic() - started:.1f} s")

        cluster_counts, cluster_runs = _counts(shared)
        plain_counts, _plain_runs = _counts(plain_env)
        # A flow run completes even when a source in it failed: the warehouse's runs say how each went.
        bad = [(source, status, message or "") for source, status, message in cluster_runs
               if status not in ("ok", "warning")]
        for source, status, text in bad:
            say(f"  pool run of {source}: {status}: {text[:300]}", "red")
        failed += bad
        same = _report(cluster_counts, plain_counts, warehouse_label)
        if not cluster_counts.get("articles"):  # two empty warehouses agree, and show nothing
            say("cluster-demo: no article was loaded through the pool", "red")
            same = False
        ok = same and not failed and plain_ok
        say(f"cluster-demo: {'every shared table the same' if same else 'counts differ'}"
            f"{'' if not failed else f'; {len(failed)} pool run(s) failed'}"
            f"{'' if plain_ok else '; the plain run failed'} ({time.monotonic() - t0:.0f} s in all)",
            "bold green" if ok else "bold red")
        for missing in parts.missing:
            say(f"(rehearsed without {missing.split(':')[0]})", "yellow")
        say("stopping the workers and everything else it started")
        return 0 if ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m orewire.demo.cluster", description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=Path, default=SITES, help="folder of fixture sites, one per source")
    parser.add_argument("--folder", type=Path, default=DEMO, help="where everything goes (made anew)")
    args = parser.parse_args(argv)
    # Prefect reads its settings when first imported: the rehearsal's own, not this shell's.
    for key in [k for k in os.environ if k.startswith(("PREFECT_", "OREWIRE_", "AWS_"))]:
        del os.environ[key]
    demo = args.folder
    if demo.exists():
        shutil.rmtree(demo)
    demo.mkdir(parents=True)
    os.environ.update(OREWIRE_STATE=str((demo / "state").resolve()), PREFECT_HOME=str((demo / "prefect").resolve()))
    from orewire.settings import get_settings

    get_settings().apply_environment()
    parts = Parts.find()
    started = time.monotonic()
    try:
        with _stopped_on_sigterm():
            code = rehearse(args.sites, demo, parts)
    except KeyboardInterrupt:
        say("cluster-demo: interrupted; everything it started is stopped", "yellow")
        return 130
    except Exception as exc:
        say(f"cluster-demo: {type(exc).__name__}: {str(exc).strip()[:500]}", "red")
        return 2
    say(f"everything stopped ({time.monotonic() - started:.0f} s)")
    return code


if __name__ == "__main__":
    sys.exit(main())
