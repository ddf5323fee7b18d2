"""The warehouse on a DuckLake: a real PostgreSQL catalog on loopback, data files in a folder.

One cluster for the module; each test its own lake (a database of that cluster). Runs crawl the
loopback fixture sites of Trend and Kazinform, into the lake and, for comparison, into DuckDB
files: the lake holds what the files hold, table by table.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
import warnings
from datetime import date
from pathlib import Path

import duckdb
import pytest

from orewire.demo.cluster import environment
from orewire.settings import get_settings
from orewire.testing.site_server import SiteServer
from orewire.warehouse import db
from orewire.warehouse.upsert import TABLE_KEYS, duplicate_keys
from tests.cli import orewire
from tests.reliability.conftest import FAST, SITES, command_env, finish, start, write_registry

pytestmark = pytest.mark.slow

SOURCES = ("trend", "kazinform")
# The tables a run fills, compared between lake and file (entities are shared between sources).
COUNTED = ("articles", "article_versions", "mentions", "facts", "events", "not_articles", "fetches", "runs",
           "processed_files", "alerts", "alert_seen")


# One watch without notify URLs: its alerts are recorded in the warehouse, written by each load.
WATCHLIST = """
[watch.kazakhstan]
countries = ["KZ"]
"""


def _env(tmp: Path, prefect_url: str, warehouse: str, registry: Path, data: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    watchlist = registry.with_name("watchlists.toml")
    if not watchlist.exists():
        watchlist.write_text(WATCHLIST, encoding="utf-8")
    env.update(OREWIRE_WAREHOUSE=warehouse, OREWIRE_ARCHIVE=str(tmp / "raw"), OREWIRE_STATE=str(tmp / "state"),
               OREWIRE_SOURCES=str(registry), OREWIRE_WATCHLISTS=str(watchlist), PREFECT_API_URL=prefect_url,
               PYTHONUNBUFFERED="1")
    if data is not None:
        env["OREWIRE_LAKE_DATA"] = str(data)
    else:
        env.pop("OREWIRE_LAKE_DATA", None)
    return env


def _run_args(source: str, url: str) -> list[str]:
    return ["run", "--source", source, "--base-url", url, "--workers", "1"]


def test_processes_starting_on_a_new_lake_at_once_each_migration_applied_once(pg, tmp_path):
    """Four commands open a lake no one has made yet at the same moment: the catalog is made once,
    every migration is applied by one of them and recorded once, and none of them fails."""
    import subprocess

    from orewire.warehouse.db import migrations

    env = _env(tmp_path, "", pg.ducklake(pg.create_database("race")), tmp_path / "none.toml", tmp_path / "data")
    probe = ("import json; from orewire.settings import get_settings; from orewire.warehouse.db import migrate; "
             "print(json.dumps(migrate(get_settings())))")
    procs = [subprocess.Popen([sys.executable, "-c", probe], env=command_env(env), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    done = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
    assert [code for code, _, _ in done] == [0, 0, 0, 0], done
    applied = sorted(v for _, out, _ in done for v in json.loads(out.strip().splitlines()[-1]))
    assert applied == [m[0] for m in migrations()]  # each migration applied by exactly one process
    with _lake(env) as lake:
        assert [r[0] for r in lake.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()] == \
            [m[0] for m in migrations()]


def _counts(conn: duckdb.DuckDBPyConnection, tables: tuple[str, ...] = COUNTED) -> dict[str, int]:
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _lake(env: dict[str, str]) -> duckdb.DuckDBPyConnection:
    """A fresh read-only connection to the lake of ``env`` (not the process's cached reader)."""
    with environment({k: env[k] for k in ("OREWIRE_WAREHOUSE", "OREWIRE_LAKE_DATA", "OREWIRE_STATE") if k in env}):
        return db.open_lake(get_settings(), read_only=True)


def _no_duplicate_keys(lake: duckdb.DuckDBPyConnection) -> None:
    """No table holds a key twice (a lake has no keys to refuse a second row)."""
    for table in TABLE_KEYS:
        assert duplicate_keys(lake, table) == 0, table


@pytest.fixture(scope="module")
def sites():
    with SiteServer(SITES / "trend") as trend, SiteServer(SITES / "kazinform") as kazinform:
        yield {"trend": trend.url, "kazinform": kazinform.url}


@pytest.fixture(scope="module")
def registry(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("registry")
    return write_registry(tmp / "sources.toml", {s: dict(FAST) for s in SOURCES})


@pytest.fixture(scope="module")
def files(tmp_path_factory, prefect_harness, sites, registry) -> dict[str, dict[str, str]]:
    """Each source run on its own into a DuckDB file: their environments."""
    out = {}
    for source in SOURCES:
        tmp = tmp_path_factory.mktemp(f"file-{source}")
        env = _env(tmp, prefect_harness, str(tmp / "orewire.duckdb"), registry)
        ran = orewire(_run_args(source, sites[source]), command_env(env))
        assert ran.code == 0, ran.stdout + ran.stderr[-3000:]
        out[source] = env
    return out


def _file_counts(env: dict[str, str]) -> dict[str, int]:
    conn = duckdb.connect(env["OREWIRE_WAREHOUSE"], read_only=True)
    try:
        return _counts(conn)
    finally:
        conn.close()


def _file_entities(envs) -> set[str]:
    ids: set[str] = set()
    for env in envs:
        conn = duckdb.connect(env["OREWIRE_WAREHOUSE"], read_only=True)
        try:
            ids |= {r[0] for r in conn.execute("SELECT entity_id FROM entities").fetchall()}
        finally:
            conn.close()
    return ids


def test_settings_need_a_data_path(monkeypatch):
    from orewire.settings import SettingsError

    monkeypatch.setenv("OREWIRE_WAREHOUSE", "ducklake:postgres:dbname=x host=127.0.0.1")
    monkeypatch.delenv("OREWIRE_LAKE_DATA", raising=False)
    with pytest.raises(SettingsError, match="OREWIRE_LAKE_DATA"):
        get_settings()
    monkeypatch.setenv("OREWIRE_LAKE_DATA", "lake-data")
    settings = get_settings()
    assert settings.lake == "ducklake:postgres:dbname=x host=127.0.0.1"
    assert settings.lake_data is not None and Path(settings.lake_data).is_absolute()
    monkeypatch.setenv("OREWIRE_WAREHOUSE", "ducklake:postgres:dbname=x host=127.0.0.1 password=s3cret")
    shown = dict((name, value) for name, value, _ in get_settings().effective())["OREWIRE_WAREHOUSE"]
    assert shown == "ducklake:postgres:dbname=x host=127.0.0.1 password=(hidden)"


def test_migrations_make_the_same_schema_on_a_lake(pg, tmp_path):
    from orewire.warehouse.db import migrations

    env = _env(tmp_path, "", pg.ducklake(pg.create_database("schema")), tmp_path / "none.toml", tmp_path / "data")
    ran = orewire(["migrate"], command_env(env))
    assert ran.code == 0, ran.stdout + ran.stderr
    again = orewire(["migrate"], command_env(env))
    assert "schema is up to date" in again.stdout
    file = duckdb.connect(str(tmp_path / "file.duckdb"))
    db.apply_migrations(file)
    lake = _lake(env)
    try:
        def columns(conn, database):
            return conn.execute(
                "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE database_name = ? "
                "AND schema_name = 'main' ORDER BY ALL", [database]).fetchall()

        def views(conn, database):
            return sorted(r[0] for r in conn.execute(
                "SELECT view_name FROM duckdb_views() WHERE database_name = ? AND NOT internal", [database]).fetchall())

        # the lake's own: its search postings and its migrations' turn
        own = [r for r in columns(lake, "lake") if r[0] not in ("search_docs", "search_terms", "schema_turn")]
        assert own == columns(file, "file")
        assert views(lake, "lake") == views(file, "file")
        assert [r[0] for r in lake.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()] == \
            [m[0] for m in migrations()]
    finally:
        lake.close()
        file.close()


def test_every_command_on_a_lake(pg, tmp_path, prefect_harness, sites, registry, files):
    env = _env(tmp_path, prefect_harness, pg.ducklake(pg.create_database("commands")), registry, tmp_path / "data")
    cmd = command_env(env)
    ran = orewire(_run_args("trend", sites["trend"]), cmd)
    assert ran.code == 0, ran.stdout + ran.stderr[-3000:]
    want = _file_counts(files["trend"])
    with _lake(env) as lake:
        assert _counts(lake) == want
        _no_duplicate_keys(lake)

    sql = orewire(["sql", "--format", "csv", "SELECT count(*) AS n FROM articles WHERE source = 'trend'"], cmd)
    assert sql.code == 0 and sql.lines[-1] == str(want["articles"]), sql.stdout + sql.stderr
    refused = orewire(["sql", "SELECT * FROM read_csv('/etc/passwd')"], cmd)
    assert refused.code != 0  # the lake's data files stay readable, nothing else

    conn = duckdb.connect(files["trend"]["OREWIRE_WAREHOUSE"], read_only=True)
    title_word, article_id = conn.execute(
        "SELECT lower(regexp_extract(title, '([A-Za-z]{6,})', 1)), article_id FROM articles "
        "WHERE is_mining ORDER BY article_id LIMIT 1").fetchone()
    (entity_id,) = conn.execute("SELECT entity_id FROM mentions GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()
    conn.close()
    found = orewire(["search", title_word], cmd)
    assert found.code == 0 and title_word in found.stdout.lower(), found.stdout + found.stderr
    # The lake's postings find what the file's BM25 index finds (same tokens, same stems).
    from orewire.warehouse.fulltext import search

    for words in (title_word, "copper deposit", "gold"):
        file_conn = db.reader(get_settings().with_overrides(warehouse=Path(files["trend"]["OREWIRE_WAREHOUSE"])))
        lake = _lake(env)
        try:
            in_file = {r[0] for r in search(file_conn, words, limit=1000)}
            assert in_file, words
            assert {r[0] for r in search(lake, words, limit=1000)} == in_file, words
        finally:
            file_conn.close()
            lake.close()

    # Alerts on the past: written once (no ON CONFLICT on a lake: an anti-join keeps them unique).
    for _ in range(2):
        alerted = orewire(["alerts", "--backfill", "kazakhstan", "--since", "2000-01-01"], cmd)
        assert alerted.code == 0, alerted.stdout + alerted.stderr
    with _lake(env) as lake:
        alerts = lake.execute("SELECT count(*), count(DISTINCT alert_id) FROM alerts").fetchone()
        assert alerts[0] > 0 and alerts[0] == alerts[1]
    listed = orewire(["alerts", "--json"], cmd)
    assert listed.code == 0 and listed.stdout.count('"alert_id"') == alerts[0], listed.stdout[-500:] + listed.stderr

    status = orewire(["status"], cmd)
    assert status.code == 0 and "trend" in status.stdout, status.stdout + status.stderr

    again = orewire(["reprocess", "--source", "trend", "--workers", "1"], cmd)
    assert again.code == 0, again.stdout + again.stderr[-3000:]
    rebuilt = orewire(["rebuild", "--workers", "1"], cmd)
    assert rebuilt.code == 0, rebuilt.stdout + rebuilt.stderr[-3000:]
    with _lake(env) as lake:
        got = _counts(lake)
        # Reprocessed and rebuilt in place: the same rows, the alerts' history kept.
        assert {**got, "runs": 0} == {**want, "runs": 0, "alerts": alerts[0]}
        flows = {r[0] for r in lake.execute("SELECT flow FROM runs").fetchall()}
        assert {"daily", "reprocess"} <= flows  # the runs of the archive's run records, reprocess's too

    from orewire.web import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette announces a future change of its HTTP client
        from starlette.testclient import TestClient
    with environment(cmd):
        app = create_app(get_settings())
        with TestClient(app, base_url="http://127.0.0.1:8765") as client:
            for page in ("/", f"/search?q={title_word}", "/facts", "/alerts", f"/article/{article_id}",
                         f"/entity/{entity_id}", f"/archived/{article_id}"):
                response = client.get(page)
                assert response.status_code == 200, (page, response.text[:500])
            assert title_word in client.get(f"/search?q={title_word}").text.lower()

    back = orewire(["backfill", "trend", "--since", "2021-01-01", "--until", date.today().isoformat(),
                    "--base-url", sites["trend"], "--workers", "1"], cmd)
    assert back.code == 0, back.stdout + back.stderr[-3000:]
    with _lake(env) as lake:
        assert lake.execute("SELECT count(*) FROM runs WHERE flow = 'backfill'").fetchone() == (1,)
        assert _counts(lake)["articles"] >= want["articles"]
        _no_duplicate_keys(lake)


def test_two_writers_at_once_while_a_reader_reads(pg, tmp_path, prefect_harness, sites, registry, files):
    env = _env(tmp_path, prefect_harness, pg.ducklake(pg.create_database("two")), registry, tmp_path / "data")
    assert orewire(["migrate"], command_env(env)).code == 0  # the schema first: the two runs then only write
    answers, pages, failures = [], [], []
    stop = threading.Event()
    from orewire.web import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette announces a future change of its HTTP client
        from starlette.testclient import TestClient
    web = get_settings().with_overrides(warehouse=Path(env["OREWIRE_WAREHOUSE"]), lake=env["OREWIRE_WAREHOUSE"],
                                        lake_data=env["OREWIRE_LAKE_DATA"], state_dir=tmp_path / "web-state")

    def read() -> None:
        with TestClient(create_app(web), base_url="http://127.0.0.1:8765") as client:
            while not stop.is_set():
                ran = orewire(["sql", "--format", "csv", "SELECT count(*) FROM articles"], command_env(env))
                (answers if ran.code == 0 else failures).append(ran.stdout + ran.stderr)
                page = client.get("/search?q=gold")
                (pages if page.status_code == 200 else failures).append(page.text[:300])

    writers = [(s, start(_run_args(s, sites[s]), env)) for s in SOURCES]
    reader = threading.Thread(target=read)
    reader.start()
    try:
        done = [finish(p, _run_args(s, sites[s]), timeout=400) for s, p in writers]
    finally:
        stop.set()
        reader.join()
    for proc in done:
        assert proc.code == 0, proc.stdout + proc.stderr[-3000:]
    assert not failures, failures[:2]
    assert len(answers) >= 2 and len(pages) >= 2  # orewire sql and the web view answered while both wrote
    with _lake(env) as lake:
        got = _counts(lake)
        want = {t: sum(_file_counts(files[s])[t] for s in SOURCES) for t in COUNTED}
        # The first matching pass on a new warehouse takes what it holds as the past; with two
        # first runs at once, which of the other's articles that pass finds depends on timing, so
        # the alerts lie between none and what matching every article gives, each written once.
        assert {**got, "alerts": 0} == {**want, "alerts": 0}
        assert got["alert_seen"] == got["articles"]
        _no_duplicate_keys(lake)
        entities = {r[0] for r in lake.execute("SELECT entity_id FROM entities").fetchall()}
        assert entities == _file_entities(files.values())
        during = {r[0] for r in lake.execute("SELECT alert_id FROM alerts").fetchall()}
    every = orewire(["alerts", "--backfill", "kazakhstan", "--since", "2000-01-01"], command_env(env))
    assert every.code == 0, every.stdout + every.stderr
    with _lake(env) as lake:
        after = {r[0] for r in lake.execute("SELECT alert_id FROM alerts").fetchall()}
        assert during <= after and after  # the runs' alerts kept; the past now alerted too
        _no_duplicate_keys(lake)


def test_a_writer_killed_mid_commit_leaves_the_lake_readable(pg, tmp_path, prefect_harness, sites, registry, files):
    env = _env(tmp_path, prefect_harness, pg.ducklake(pg.create_database("killed")), registry, tmp_path / "data")
    assert orewire(["migrate"], command_env(env)).code == 0
    args = _run_args("trend", sites["trend"])
    popen = start(args, env)
    deadline = time.monotonic() + 240
    # Killed as soon as the first batch of articles is committed: the load is then in full swing.
    while popen.poll() is None and time.monotonic() < deadline:
        with _lake(env) as lake:
            if lake.execute("SELECT count(*) FROM articles").fetchone()[0] > 0:
                break
        time.sleep(0.05)
    os.killpg(popen.pid, signal.SIGKILL)
    killed = finish(popen, args, timeout=30)
    assert killed.code == -signal.SIGKILL, "the run ended before it could be killed"
    with _lake(env) as lake:
        partial = _counts(lake)  # readable after the kill
        assert partial["articles"] > 0
    final = orewire(args, command_env(env))
    assert final.code == 0, final.stdout + final.stderr[-3000:]
    with _lake(env) as lake:
        got = _counts(lake, ("articles", "article_versions", "mentions", "facts", "events", "not_articles"))
        want = {t: v for t, v in _file_counts(files["trend"]).items() if t in got}
        assert got == want
        _no_duplicate_keys(lake)


def test_migrate_copies_a_file_into_a_lake_and_checks_counts(pg, tmp_path, files):
    source = files["kazinform"]
    catalog = pg.ducklake(pg.create_database("copied"))
    cmd = {**command_env(source), "OREWIRE_LAKE_DATA": str(tmp_path / "data")}
    ran = orewire(["migrate", "--to", catalog], cmd)
    assert ran.code == 0, ran.stdout + ran.stderr
    assert "DIFFERS" not in ran.stdout and "articles" in ran.stdout
    lake = _lake({**cmd, "OREWIRE_WAREHOUSE": catalog})
    try:
        assert _counts(lake) == _file_counts(source)
    finally:
        lake.close()
    twice = orewire(["migrate", "--to", catalog], cmd)
    assert twice.code != 0 and "already holds rows" in (twice.stdout + twice.stderr)


def test_a_conflicting_commit_runs_its_transaction_again(pg, tmp_path):
    """Two writers delete rows of one data file at once: the second commit conflicts, DuckLake
    rolls it back, and ``atomic`` runs that transaction again on the newer snapshot."""
    from orewire.warehouse.upsert import atomic

    env = _env(tmp_path, "", pg.ducklake(pg.create_database("conflict")), tmp_path / "none.toml", tmp_path / "data")
    with environment({k: env[k] for k in ("OREWIRE_WAREHOUSE", "OREWIRE_LAKE_DATA", "OREWIRE_STATE")}):
        settings = get_settings()
        with db.writer(settings) as setup:
            setup.execute("INSERT INTO alert_state VALUES ('a', 'old', now()), ('b', 'old', now())")
        first, second = db.open_lake(settings), db.open_lake(settings)
    b_deleted, a_committed = threading.Event(), threading.Event()
    runs = []

    def replace(conn: duckdb.DuckDBPyConnection, key: str) -> None:
        conn.execute("DELETE FROM alert_state WHERE key = ?", [key])
        conn.execute("INSERT INTO alert_state VALUES (?, 'new', now())", [key])

    def work_b() -> None:
        runs.append("b")
        replace(second, "b")
        if len(runs) == 1:  # the first run commits only after the other writer has
            b_deleted.set()
            assert a_committed.wait(30)

    other = threading.Thread(target=lambda: atomic(second, work_b))
    other.start()
    try:
        assert b_deleted.wait(30)
        atomic(first, lambda: replace(first, "a"))
        a_committed.set()
    finally:
        other.join(60)
    assert runs == ["b", "b"]  # conflicted once, then committed
    rows = first.execute("SELECT key, value FROM alert_state ORDER BY key").fetchall()
    assert rows == [("a", "new"), ("b", "new")]
    first.close()
    second.close()


def test_lake_data_on_an_object_store(pg, tmp_path, prefect_harness, sites, registry, files):
    """OREWIRE_LAKE_DATA=s3://...: the data files on an S3-compatible store (moto's server on
    loopback), reached with the usual AWS variables; a run there holds the file's rows, and the
    locked-down reader of `orewire sql` reads them."""
    from orewire.testing.object_store import ObjectStoreServer

    with ObjectStoreServer() as store:
        store.create_bucket("lake")
        env = {**_env(tmp_path, prefect_harness, pg.ducklake(pg.create_database("on_s3")), registry), **store.env(),
               "OREWIRE_LAKE_DATA": "s3://lake/orewire/"}
        cmd = {**command_env(env), **store.env()}
        ran = orewire(_run_args("trend", sites["trend"]), cmd)
        assert ran.code == 0, ran.stdout + ran.stderr[-3000:]
        want = _file_counts(files["trend"])
        sql = orewire(["sql", "--format", "csv", "SELECT count(*) FROM articles"], cmd)
        assert sql.code == 0 and sql.lines[-1] == str(want["articles"]), sql.stdout + sql.stderr
        with environment(store.env()), _lake(env) as lake:
            assert _counts(lake) == want
            paths = [r[0] for r in lake.execute("SELECT data_file FROM ducklake_list_files('lake', 'articles')")
                     .fetchall()]
            assert paths and all(p.startswith("s3://lake/orewire/") for p in paths)
