"""Two writers at once with readers answering, read-only SQL, private addresses, disk full and a
read-only archive folder."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from orewire.archive import list_warc_files, read_manifest
from orewire.crawl import crawl_source
from orewire.testing.site_server import SiteServer
from orewire.warehouse import SqlFailed, SqlRefused, duplicate_keys, reader, run_query
from tests.flows.conftest import published_dates

from .conftest import (
    CONTENT_TABLES,
    FAST,
    REPO_ROOT,
    SITES,
    finish,
    orewire_env,
    query,
    record_fault,
    start,
    write_registry,
)


@pytest.mark.slow
def test_daily_and_backfill_at_once_while_readers_query(rel_env, tmp_path):
    settings, prefect_url = rel_env
    registry = write_registry(tmp_path / "sources.toml", {"trend": FAST, "astanatimes": FAST})
    env = orewire_env(settings, prefect_url, registry)
    since, until = date(2026, 11, 24), date(2026, 11, 25)
    with SiteServer(SITES / "trend") as trend, SiteServer(SITES / "astanatimes") as astana:
        runs = [
            (["run", "--source", "trend", "--source", "astanatimes", "--base-url", f"trend={trend.url}",
              "--base-url", f"astanatimes={astana.url}", "--workers", "1"]),
            (["backfill", "trend", "--since", since.isoformat(), "--until", until.isoformat(),
              "--base-url", trend.url]),
        ]
        procs = [(args, start(args, env)) for args in runs]
        answers, refusals, sql_seconds = 0, [], []
        while any(p.poll() is None for _, p in procs):
            if not settings.warehouse.exists():
                time.sleep(0.2)
                continue
            t0 = time.monotonic()
            sql = subprocess.run([sys.executable, "-m", "orewire", "sql", "SELECT count(*) FROM fetches",
                                  "--format", "csv"], env=env, cwd=REPO_ROOT, capture_output=True, text=True,
                                 timeout=60)
            sql_seconds.append(time.monotonic() - t0)
            if sql.returncode == 0:
                answers += 1
            else:
                refusals.append(sql.stderr.strip())
            time.sleep(0.3)  # a reader's pace, not a busy loop taking the cores from the runs
        done = [finish(p, args) for args, p in procs]
    for proc in done:
        assert proc.code == 0, proc.stdout + proc.stderr[-3000:]
        # Neither waited out a lock nor died on one, and nothing printed a traceback.
        assert "lock" not in (proc.stdout + proc.stderr).lower(), proc.stdout + proc.stderr[-3000:]
        assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert answers > 0 and not refusals, refusals

    expected = {f"trend:{p.rsplit('/', 1)[-1].removesuffix('.html')}" for p in published_dates("trend")
                if not p.startswith("private/")}
    got = {r[0] for r in query(settings.warehouse, "SELECT article_id FROM articles WHERE source = 'trend'")}
    assert got == expected
    astana = query(settings.warehouse, "SELECT count(*) FROM articles WHERE source = 'astanatimes'")[0][0]
    assert astana == len(published_dates("astanatimes"))
    runs_rows = query(settings.warehouse, "SELECT flow, source, status FROM runs ORDER BY ALL")
    assert runs_rows == [("backfill", "trend", "ok"), ("daily", "astanatimes", "ok"), ("daily", "trend", "ok")]
    manifests = list((settings.archive / "trend" / "manifests").glob("*.jsonl"))
    rows = sum(len(read_manifest(m)) for m in manifests)
    fetch_rows = query(settings.warehouse, "SELECT count(*) FROM fetches WHERE source = 'trend'")[0][0]
    assert fetch_rows == rows
    conn = reader(settings)
    try:
        assert all(duplicate_keys(conn, t) == 0 for t in CONTENT_TABLES)
    finally:
        conn.close()
    record_fault("daily (2 sources) + backfill of the same source at once",
                 f"both finished (crawls of trend serialised by the crawl lock, loads by the writer lock); "
                 f"{len(got)} trend + {astana} astanatimes articles, {fetch_rows} trend fetch rows = manifests")
    record_fault("`orewire sql` during the loads",
                 f"{answers} of {answers} queries answered (slowest {max(sql_seconds):.1f} s), none refused")


REFUSED = [
    ("write", "DELETE FROM articles"),
    ("write", "CREATE TABLE t AS SELECT 1"),
    ("attach another file", "ATTACH '/tmp/other.duckdb' AS other"),
    ("install extension", "INSTALL httpfs"),
    ("load extension", "LOAD fts"),
    ("copy to a file", "COPY articles TO '/tmp/out.csv'"),
    ("re-enable file access", "SET enable_external_access = true"),
    ("read a machine file", "SELECT * FROM read_csv('/etc/passwd')"),
    ("read a machine file", "SELECT * FROM read_text('/etc/hostname')"),
    ("list machine files", "SELECT * FROM glob('/etc/*')"),
    ("attach via function", "SELECT * FROM sqlite_scan('/etc/passwd', 'x')"),
]


def test_sql_is_read_only(warehouse_env):
    from orewire.warehouse import writer

    with writer(warehouse_env):
        pass
    said = []
    for _what, sql in REFUSED:
        with pytest.raises((SqlRefused, SqlFailed)) as info:
            run_query(sql, warehouse_env)
        message = str(info.value)
        assert "\n" not in message and "root:" not in message
        said.append(message)
    assert run_query("SELECT count(*) FROM articles", warehouse_env).rows == [(0,)]
    assert not Path("/tmp/out.csv").exists() or Path("/tmp/out.csv").stat().st_mtime < time.time() - 60
    record_fault("`orewire sql`: write, ATTACH, INSTALL/LOAD, COPY, SET, read_csv('/etc/passwd')",
                 f"all {len(REFUSED)} refused with one line, e.g. {said[0]!r}; {said[7][:70]!r}")


@pytest.mark.slow
def test_private_address_is_never_contacted(tmp_path):
    """A source whose own host resolves to loopback (no base URL): nothing is sent to it."""
    with SiteServer(SITES / "trend") as site:
        port = site.url.rsplit(":", 1)[1]
        registry = tmp_path / "private.toml"
        registry.write_text(
            f'[sources.inside]\nhomepage = "http://localhost:{port}/"\nhosts = ["localhost"]\n'
            f'feeds = ["http://localhost:{port}/feeds/index.rss"]\narticle_pattern = \'^/n/\\d+$\'\n'
            "[sources.inside.politeness]\ndownload_delay = 0.0\n", encoding="utf-8")
        from tests.crawl.conftest import crawl_settings

        result = crawl_source("inside", settings=crawl_settings(tmp_path, registry), politeness=False)
        hits = list(site.log)
    rows = read_manifest(result.manifest)
    assert hits == [] and rows
    assert all(r["error"] == "blocked: localhost resolves to non-public address 127.0.0.1" for r in rows)
    assert not result.ok and "non-public address" in (result.error or "")
    record_fault("source host resolving to a loopback address (no base URL)",
                 f"0 requests reached it; {len(rows)} rows 'blocked: ... non-public address 127.0.0.1'")


# -- disk full, read-only archive -------------------------------------------------------------------

def _mount(path: Path, size: str) -> str | None:
    path.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True, text=True)
    return None if proc.returncode == 0 else (proc.stderr.strip() or "mount failed")


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True)


def _final_files_whole(archive: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    files = list_warc_files(archive)
    for path in files:
        with open(path, "rb") as fh:
            it = ArchiveIterator(fh, check_digests=True)
            end = 0
            for record in it:
                record.raw_stream.read()
                it.read_to_end(record)
                end = it.get_record_offset() + it.get_record_length()
        assert end == path.stat().st_size, path
    return len(files)


@pytest.mark.slow
def test_disk_full_and_read_only_archive(tmp_path):
    from tests.crawl.conftest import crawl_settings

    archive = tmp_path / "small"
    problem = _mount(archive, "1m")
    if problem:
        pytest.skip(f"cannot mount a small tmpfs to fill: {problem}")
    try:
        registry = write_registry(tmp_path / "sources.toml", {"trend": FAST})
        settings = crawl_settings(tmp_path, registry).with_overrides(archive=archive)
        with SiteServer(SITES / "trend") as site:
            # Article pages of 300 KB of incompressible text: the 1 MB disk fills mid-crawl.
            import os

            for page in (SITES / "trend").rglob("42*.html"):
                rel = "/" + page.relative_to(SITES / "trend").as_posix()
                site.put(rel, page.read_bytes().replace(b"</body>", os.urandom(300_000).hex().encode()
                                                        [:300_000] + b"</body>"))
            full = crawl_source("trend", settings=settings, base_url=site.url, politeness=False, timeout=120)
            assert not full.ok
            assert full.error and "\n" not in full.error and "No space left on device" in full.error, full.error
            assert not list(archive.rglob("*.open")), "a WARC file left half-written"
            whole = _final_files_whole(archive)
            record_fault("disk full while crawling (1 MB tmpfs)",
                         f"crawl stopped: {full.error[:90]}; {whole} final WARC files all whole")

            # Read-only archive folder.
            subprocess.run(["mount", "-o", "remount,ro", str(archive)], check=True)
            before = sorted(p.relative_to(archive).as_posix() for p in archive.rglob("*"))
            ro = crawl_source("trend", settings=settings, base_url=site.url, politeness=False, timeout=60)
            assert not ro.ok and ro.error and "\n" not in ro.error and "Read-only file system" in ro.error, ro.error
            assert sorted(p.relative_to(archive).as_posix() for p in archive.rglob("*")) == before
            record_fault("read-only archive folder", f"crawl refused: {ro.error[:100]}; nothing written")
    finally:
        _umount(archive)
