"""Crash safety and rebuild: `kill -9` of `orewire run` at seeded random moments (during the
crawl, while a WARC file is being written, while the warehouse is being loaded); the next run
converges to the warehouse of one uninterrupted run, and every final-named WARC file reads back
whole. Then `orewire rebuild` recreates the warehouse from the raw archive alone, equal to the
original table for table.

The seed is ``OREWIRE_CRASH_SEED`` (default 8); the fault table shows where each kill landed.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
from warcio.archiveiterator import ArchiveIterator

from orewire.archive import list_manifests, list_warc_files, read_manifest, read_response
from orewire.testing.site_server import SiteServer
from orewire.warehouse import duplicate_keys
from tests.cli import orewire

from .conftest import (
    CONTENT_TABLES,
    FAST,
    PROVENANCE,
    SITES,
    command_env,
    dump,
    finish,
    orewire_env,
    query,
    record_fault,
    record_figure,
    run_orewire,
    start,
    write_registry,
)

pytestmark = pytest.mark.slow

SEED = int(os.environ.get("OREWIRE_CRASH_SEED", "8"))
LOGICAL_TABLES = ("articles", "article_versions", "entities", "mentions", "facts", "events",
                  "not_articles")


class SlowSite(SiteServer):
    """The fixture site, each answer a little late, so a crawl lasts long enough to be killed."""

    delay = 0.06

    def answer(self, method: str, target: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes, float]:
        status, out, body, delay = super().answer(method, target, headers)
        return status, out, body, max(delay, self.delay)


def _args(url: str) -> list[str]:
    return ["run", "--source", "trend", "--base-url", url, "--workers", "1"]


def _registry(tmp_path: Path) -> Path:
    return write_registry(tmp_path / "sources.toml",
                          {"trend": {**FAST, "politeness.concurrency": 1}})


def _env_for(tmp: Path, prefect_url: str, registry: Path) -> tuple[Any, dict[str, str]]:
    from orewire.settings import get_settings

    settings = get_settings().with_overrides(warehouse=tmp / "wh" / "orewire.duckdb", archive=tmp / "raw",
                                             state_dir=tmp / "state", sources=registry)
    return settings, orewire_env(settings, prefect_url, registry)


def _logical(path: Path) -> dict[str, list[tuple]]:
    """Table contents without the when-and-where of fetching (which differ between two runs)."""
    data = dump(path, LOGICAL_TABLES, drop=PROVENANCE)
    data["not_articles"] = sorted(set(data["not_articles"]))
    return data


# -- kill points ----------------------------------------------------------------------------------

def _open_warc_bytes(archive: Path) -> int:
    return sum(p.stat().st_size for p in archive.rglob("*.warc.gz.open") if p.exists())


def _manifest_rows_since(archive: Path, t0: float) -> int:
    rows = 0
    for path in archive.glob("*/manifests/*.jsonl"):
        try:
            if path.stat().st_mtime >= t0:
                rows += path.read_bytes().count(b"\n")
        except OSError:
            continue
    return rows


def _lock_held(lock: Path) -> bool:
    """Whether some process holds a flock on ``lock`` (from /proc/locks, without touching it)."""
    try:
        ino = lock.stat().st_ino
    except OSError:
        return False
    with open("/proc/locks") as fh:
        return any(f":{ino} " in line and "FLOCK" in line for line in fh)


def run_and_kill(args: list[str], env: dict[str, str], trigger, delay: float, timeout: float = 120) -> dict[str, Any]:
    """Start `orewire ARGS`; when ``trigger()`` turns true, wait ``delay`` s and kill -9 the whole
    process group (the run, its crawler and workers). Returns what the kill hit."""
    t0 = time.monotonic()
    popen = start(args, env)
    fired = None
    while popen.poll() is None and time.monotonic() - t0 < timeout:
        if fired is None and trigger():
            fired = time.monotonic()
        if fired is not None and time.monotonic() - fired >= delay:
            os.killpg(popen.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    proc = finish(popen, args, timeout=30)
    assert proc.code == -signal.SIGKILL, f"the run ended before its kill point (exit {proc.code}):\n{proc.stdout}"
    return {"after_s": round(time.monotonic() - t0, 2)}


def _check_archive(settings) -> tuple[int, int]:
    """Every final-named WARC file reads back to its last byte (digests checked); every manifest
    row with a location points at a complete response. Returns (files, records)."""
    files = list_warc_files(settings.archive)
    records = 0
    for path in files:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            it = ArchiveIterator(fh, check_digests=True)
            end = 0
            for record in it:
                record.raw_stream.read()
                assert record.digest_checker.passed is not False, (path, record.digest_checker.problems)
                records += 1
                it.read_to_end(record)
                end = it.get_record_offset() + it.get_record_length()
        assert end == size, f"{path.name}: {size - end} bytes after the last complete record"
    for manifest in list_manifests(settings.archive):
        for row in read_manifest(manifest):
            if row.get("warc_file"):
                read_response(settings.archive, row["warc_file"], row["warc_offset"])
    assert not list(settings.archive.rglob("*.open")), "a WARC file left under its temporary name"
    return len(files), records


@pytest.fixture(scope="module")
def reference(tmp_path_factory, prefect_harness):
    """One uninterrupted run: its settings and warehouse contents."""
    tmp = tmp_path_factory.mktemp("reference")
    registry = _registry(tmp)
    settings, env = _env_for(tmp, prefect_harness, registry)
    with SiteServer(SITES / "trend") as site:
        proc = orewire(_args(site.url), command_env(env))  # in this process: only its tables matter
    assert proc.code == 0, proc.stdout + proc.stderr[-3000:]
    return settings, env


def test_kill_9_at_random_moments_converges(reference, tmp_path, prefect_harness):
    ref_settings, _ = reference
    rng = random.Random(SEED)
    settings, env = _env_for(tmp_path, prefect_harness, _registry(tmp_path))
    lock = settings.warehouse.with_name(settings.warehouse.name + ".lock")
    archive = settings.archive
    kills = []
    with SlowSite(SITES / "trend") as site:
        args = _args(site.url)

        # 1. While a WARC file is being written: as soon as the open file has grown past a
        #    random size.
        size = rng.randrange(20_000, 120_000)
        hit = run_and_kill(args, env, lambda: _open_warc_bytes(archive) >= size, 0)
        torn = _open_warc_bytes(archive)
        kills.append(("kill -9 while writing WARC", f"at {hit['after_s']} s, open WARC {torn} bytes"))

        # 2. During the crawl: after a random number of manifest rows of this run.
        t0 = time.time()
        rows = rng.randrange(2, 6)
        hit = run_and_kill(args, env, lambda: _manifest_rows_since(archive, t0) >= rows, 0)
        kills.append(("kill -9 during the crawl", f"at {hit['after_s']} s, after {rows}+ fetch rows of the run"))

        # 3. While loading: a random moment after the writer took the warehouse lock.
        delay = rng.uniform(0.1, 0.8)
        hit = run_and_kill(args, env, lambda: _lock_held(lock), delay)
        wal = settings.warehouse.with_name(settings.warehouse.name + ".wal")
        wal_left = wal.exists() and wal.stat().st_size > 0
        kills.append(("kill -9 while loading the warehouse",
                      f"at {hit['after_s']} s ({delay:.2f} s into the load); WAL left: "
                      f"{f'{wal.stat().st_size} bytes, replayed on next open' if wal_left else 'no'}"))

        # 4. The next, uninterrupted run (the site need not answer slowly any more).
        site.delay = 0.0
        final = orewire(args, command_env(env))  # in this process: what it converges to is the point
    assert final.code == 0, final.stdout + final.stderr[-3000:]

    files, records = _check_archive(settings)
    want, got = _logical(ref_settings.warehouse), _logical(settings.warehouse)
    for table in LOGICAL_TABLES:
        assert got[table] == want[table], f"{table} differs from the uninterrupted run"
    conn = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        for table in CONTENT_TABLES:
            assert duplicate_keys(conn, table) == 0, table
        loaded = set(conn.execute("SELECT run_id, url, status, error FROM fetches").fetchall())
        pending = conn.execute("SELECT count(*) FROM processed_files WHERE kind = 'manifest'").fetchone()[0]
    finally:
        conn.close()
    # Every request of every run, killed ones included, is in `fetches`.
    manifests = list_manifests(archive)
    in_manifests = {(r["run_id"], r["url"], r["status"], r["error"]) for m in manifests for r in read_manifest(m)}
    assert in_manifests == loaded
    assert pending == len(manifests)

    n_articles = len(want["articles"])
    for fault, happened in kills:
        record_fault(fault, happened)
    record_fault(f"next run after 3 kills (seed {SEED})",
                 f"converged: {n_articles} articles, {len(want['facts'])} facts, {len(want['mentions'])} mentions "
                 f"equal to the uninterrupted run; {len(loaded)} fetch rows of {len(manifests)} manifests all "
                 f"loaded; {files} WARC files / {records} records read back whole; no duplicate keys")


def test_crash_between_loading_rows_and_marking_the_manifest(reference, tmp_path, monkeypatch):
    """The window `ingest_manifests` leaves open: rows loaded, manifest not yet marked processed.
    Loading the manifest again must leave the same warehouse."""
    import orewire.stages
    from orewire.stages import ingest_manifests, pending_manifests

    ref_settings, _ = reference
    archive = tmp_path / "raw"
    shutil.copytree(ref_settings.archive, archive)
    settings = ref_settings.with_overrides(warehouse=tmp_path / "wh" / "orewire.duckdb", archive=archive)

    class Crash(BaseException):
        pass

    def crash(*args: Any, **kwargs: Any) -> None:
        raise Crash

    monkeypatch.setattr(orewire.stages, "record_processed_file", crash)
    with pytest.raises(Crash):
        ingest_manifests(pending_manifests(settings, "trend"), settings, workers=1)
    monkeypatch.undo()
    half = query(settings.warehouse, "SELECT count(*) FROM articles")[0][0]
    assert half > 0 and pending_manifests(settings, "trend")  # rows in, manifest still pending
    ingest_manifests(pending_manifests(settings, "trend"), settings, workers=1)
    assert not pending_manifests(settings, "trend")
    assert _logical(settings.warehouse) == _logical(ref_settings.warehouse)
    assert dump(settings.warehouse, ("fetches",)) == dump(ref_settings.warehouse, ("fetches",))
    record_fault("crash after rows loaded, before manifest marked",
                 f"{half} articles in, manifest pending; reloaded: identical tables (idempotent upserts)")


def test_rebuild_from_the_archive_alone_equals_the_original(reference, tmp_path):
    ref_settings, env = reference
    before = dump(ref_settings.warehouse)
    processed = query(ref_settings.warehouse, "SELECT path, kind, source, records, bytes FROM processed_files "
                                              "ORDER BY ALL")
    proc = run_orewire(["rebuild", "--workers", "1"], env)
    assert proc.code == 0, proc.stdout + proc.stderr[-3000:]
    assert proc.lines[-1] == "rebuild: ok", proc.stdout
    after = dump(ref_settings.warehouse)
    for table in CONTENT_TABLES:
        assert after[table] == before[table], f"{table} differs after rebuild"
    assert query(ref_settings.warehouse, "SELECT path, kind, source, records, bytes FROM processed_files "
                                         "ORDER BY ALL") == processed
    assert Path(str(ref_settings.warehouse) + ".bak").exists()
    sizes = ", ".join(f"{t} {len(before[t])}" for t in CONTENT_TABLES)
    record_fault("warehouse lost: orewire rebuild from the raw archive",
                 f"every table equal, row for row ({sizes})")
    record_figure(f"rebuild: {proc.seconds:.0f} s, peak RSS {max(proc.peak_rss.values()) / 2**20:.0f} MB")
