"""Prefect flows that bring in articles from web archives and WARC files.

- ``web_archive_backfill``: a source's articles of a date range from the Wayback Machine (CDX
  discovery, raw captures; paced, one request at a time) or from CC-NEWS (the months' WARC files,
  streamed and filtered by the source's hosts).
- ``import_warc_flow``: WARC files already on disk, records routed to the sources owning their hosts.

Processing WARC files is one task per file (scan and re-archive the kept records, clean, extract).
The tasks run on a local thread pool, or on a Dask cluster when a scheduler address is given
(``--dask-address`` or ``OREWIRE_DASK_ADDRESS``). A task writes its file's warehouse rows as
Parquet parts under ``<state dir>/parts/<run id>/`` chunk by chunk and returns only their paths;
the flow loads the parts through the single warehouse writer, a chunk at a time, and deletes
them afterwards. On a Dask cluster the state directory (like the archive) must be on a
filesystem shared by the workers and the flow.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.task_runners import ThreadPoolTaskRunner

from flows.alerts import with_alerts
from flows.common import publish, record_run_task
from orewire.archive import read_manifest
from orewire.records import Processed
from orewire.runs import RunStatus, SourceOutcome, new_run_id
from orewire.settings import Settings, get_settings
from orewire.sources import load_registry
from orewire.stages import IngestResult, ingest_manifests, push_archive, write_run_record
from orewire.warehouse import writer
from orewire.warehouse.load import (
    LoadCounts,
    load_manifest,
    load_processed,
    processed_paths,
    record_processed_file,
)
from orewire.webarchive import (
    FileResult,
    ImportJob,
    ScanCounts,
    ScanResult,
    ServiceRefused,
    WaybackOptions,
    ccnews_listing,
    iter_part_batches,
    remove_parts,
    run_job,
    sweep_stale_parts,
    wayback_backfill,
)
from orewire.webarchive.importer import PARTS_DIR
from orewire.webarchive.wayback import WaybackResult

log = logging.getLogger(__name__)


def task_runner(dask_address: str | None, workers: int) -> Any:
    """The task runner of the per-file tasks: the Dask cluster at ``dask_address`` through
    prefect-dask, else a local pool of ``workers`` threads."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    return ThreadPoolTaskRunner(max_workers=max(1, workers))


@task(name="import-warc-file", retries=0, task_run_name="import-{job.origin}")
def import_file_task(job: ImportJob) -> FileResult:
    """One WARC file: scan it into the archive, clean and extract what it kept."""
    return run_job(job)


def _failed_result(job: ImportJob, exc: BaseException) -> FileResult:
    message = f"{type(exc).__name__}: {exc}"[:300]
    scan = ScanResult(origin=job.origin, run_id=job.run_id, error=message)
    return FileResult(job, scan, Processed(errors=[f"{job.origin}: {message}"]))


@flow(name="process-warc-files", flow_run_name="process-{label}")
def process_files_flow(jobs: list[ImportJob], label: str = "files") -> list[FileResult]:
    """Run one task per file on the flow's task runner; a failed task becomes a failed result."""
    futures = [import_file_task.submit(job) for job in jobs]
    results = []
    for job, future in zip(jobs, futures, strict=True):
        try:
            results.append(future.result())
        except Exception as exc:
            results.append(_failed_result(job, exc))
    return results


def run_jobs(jobs: list[ImportJob], *, dask_address: str | None, workers: int, label: str) -> list[FileResult]:
    """Process ``jobs`` on the chosen task runner (see :func:`task_runner`)."""
    if not jobs:
        return []
    runner = task_runner(dask_address, workers)
    return process_files_flow.with_options(task_runner=runner)(jobs, label=label)


def _rel(settings: Settings, path: Path) -> str:
    try:
        return path.resolve().relative_to(Path(settings.archive).resolve()).as_posix()
    except ValueError:
        return str(path)


def done_keys(settings: Settings, kind: str) -> set[str]:
    """processed_files keys of ``kind`` (empty when there is no warehouse yet)."""
    from orewire.warehouse import reader
    from orewire.warehouse.db import WarehouseError

    try:
        conn = reader(settings, fts=False)
    except (WarehouseError, OSError):
        return set()
    try:
        return processed_paths(conn, kind)
    except Exception:
        return set()
    finally:
        conn.close()


def parts_dir(settings: Settings) -> str:
    """Where the per-file tasks write their Parquet parts (absolute: tasks may run elsewhere).
    Parts a dead flow left behind long ago are deleted on the way."""
    base = Path(settings.state_dir).resolve() / PARTS_DIR
    for name in sweep_stale_parts(base):
        log.warning("deleted the parts of run %s, left behind by a flow that stopped", name)
    return str(base)


def load_results(settings: Settings, results: list[FileResult]) -> IngestResult:
    """Load every file's parts and manifests through the single writer, a chunk of parts at a
    time; a file read to its end is recorded in ``processed_files`` so it is not read again. The
    parts are deleted once the writer is done (loaded or not: the archive holds the records)."""
    out = IngestResult()
    try:
        _load_results(settings, results, out)
    finally:
        for res in results:
            remove_parts(res)
    return out


def _load_results(settings: Settings, results: list[FileResult], out: IngestResult) -> None:
    # Each batch carries its own index entries and duplicate links (see orewire.warehouse.load), so a file
    # read to its end is done once its batches are in.
    with writer(settings) as conn:
        for res in results:
            for name, manifest in zip(res.scan.sources, res.scan.manifests, strict=True):
                path = Path(manifest)
                rows = read_manifest(path) if path.exists() else []
                out.fetches += load_manifest(conn, rows)
                record_processed_file(conn, _rel(settings, path), "manifest", name, len(rows),
                                      path.stat().st_size if path.exists() else 0)
            for batch in iter_part_batches(res.parts):
                out.counts.add(load_processed(conn, batch))
            # The file's errors (its rows are all in the parts).
            counts: LoadCounts = load_processed(conn, res.processed)
            out.counts.add(counts)
            out.records += res.scan.counts.records
            out.skipped += res.scan.counts.records - res.scan.counts.kept
            out.errors.extend(res.processed.errors)
            if res.complete:
                record_processed_file(conn, res.job.key, res.job.kind, ",".join(res.scan.sources) or None,
                                      res.scan.counts.records, res.job.size or res.scan.counts.bytes_in)
                out.files += 1


def _counts(ingest: IngestResult, fetched: int, seconds: float) -> dict[str, Any]:
    return {"fetched": fetched, "new_articles": ingest.counts.new_articles,
            "updated_articles": ingest.counts.updated_articles, "not_articles": ingest.counts.not_articles,
            "facts": ingest.counts.facts, "errors": len(ingest.errors), "duration_s": round(seconds, 3)}


def _scan_totals(results: list[FileResult]) -> ScanCounts:
    total = ScanCounts()
    for res in results:
        total.add(res.scan.counts)
    return total


def _finish_run(run: dict[str, Any], outcome: SourceOutcome) -> SourceOutcome:
    # With the archive on a store, what the run archived is sent (an import's records go to any source).
    unsent = push_archive(get_settings(), None if run.get("flow") == "import" else run.get("source"))
    if unsent:
        outcome.message = "; ".join(m for m in (outcome.message, unsent) if m)
        if outcome.status == RunStatus.OK:
            outcome.status = RunStatus.WARNING
    run.update(status=outcome.status, message=outcome.message or None, finished_at=_now(), **outcome.counts)
    try:
        record_run_task(run)
    except Exception as exc:
        outcome.message = "; ".join(m for m in (outcome.message, f"run record: {type(exc).__name__}: {exc}") if m)
    return outcome


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# -- Wayback --------------------------------------------------------------------------------------

@task(name="wayback-fetch", retries=0)
def wayback_fetch_task(source: str, since: date, until: date, run_id: str) -> WaybackResult:
    """List and fetch the captures (paced); never retried: a refusing service ends the run."""
    settings = get_settings()
    registry = load_registry(settings.sources)
    return wayback_backfill(settings, registry[source], since, until, run_id, **WaybackOptions.from_settings().kwargs())


@task(name="load-captures", retries=0)
def load_captures_task(manifest: str, since: date, until: date, workers: int) -> IngestResult:
    return ingest_manifests([Path(manifest)], get_settings(), workers=workers, since=since, until=until,
                            via="wayback")


def _wayback(source: str, since: date, until: date, workers: int) -> SourceOutcome:
    settings = get_settings()
    run_id = new_run_id("backfill", source)
    t0 = time.monotonic()
    run: dict[str, Any] = {"run_id": run_id, "flow": "backfill", "source": source, "started_at": _now(),
                           "status": "running", "params": {"since": _iso(since), "until": _iso(until),
                                                           "via": "wayback", "crawl_run_ids": [run_id]}}
    # Written before anything is loaded: a rebuild then applies this run's range to its records.
    write_run_record(settings, run)
    status, messages = RunStatus.OK, []
    fetched = 0
    try:
        result = wayback_fetch_task(source, since, until, run_id)
        fetched = result.fetched
        if result.stopped:
            status = RunStatus.FAILED
            messages.append(result.stopped)
        messages.extend(result.errors[:3])
        manifest = str(result.manifest)
        note = (f"{result.candidates} captures in range, {result.already} already archived, "
                f"{result.fetched} fetched, {result.requests} requests")
    except Exception as exc:
        status, manifest, note = RunStatus.FAILED, "", ""
        messages.append(f"wayback: {type(exc).__name__}: {exc}"[:300])
    ingest = IngestResult()
    if manifest and Path(manifest).exists():
        try:
            ingest = load_captures_task(manifest, since, until, workers)
        except Exception as exc:
            status = RunStatus.FAILED
            messages.append(f"load: {type(exc).__name__}: {exc}"[:300])
    if ingest.errors and status == RunStatus.OK:
        status = RunStatus.PARTIAL
    if note:
        messages.append(note)
    outcome = SourceOutcome(source, run_id, status, "; ".join(messages),
                            _counts(ingest, fetched, time.monotonic() - t0))
    return _finish_run(run, outcome)


# -- CC-NEWS --------------------------------------------------------------------------------------

def _ccnews(source: str, since: date, until: date, workers: int, dask_address: str | None) -> SourceOutcome:
    settings = get_settings()
    registry = load_registry(settings.sources)
    src = registry[source]
    run_id = new_run_id("backfill", source)
    t0 = time.monotonic()
    base = settings.ccnews_url.rstrip("/")
    run: dict[str, Any] = {"run_id": run_id, "flow": "backfill", "source": source, "started_at": _now(),
                           "status": "running", "params": {"since": _iso(since), "until": _iso(until),
                                                           "via": "ccnews", "crawl_run_ids": []}}
    try:
        listing = ccnews_listing(settings, since, until)
    except ServiceRefused as exc:
        write_run_record(settings, run)
        outcome = SourceOutcome(source, run_id, RunStatus.FAILED, f"failed: {exc}", _counts(IngestResult(), 0, 0.0))
        return _finish_run(run, outcome)
    done = done_keys(settings, "ccnews")
    pending = [p for p in listing.paths if p not in done]
    parts = parts_dir(settings)
    jobs = [ImportJob(kind="ccnews", origin=f"{base}/{p}", key=p, run_id=f"{run_id}-{i:04d}", via="ccnews",
                      archive_root=str(Path(settings.archive).resolve()),
                      registry_path=str(Path(settings.sources).resolve()), user_agent=settings.user_agent,
                      hosts=src.all_hosts, source=src.name, since=since, until=until,
                      parts_dir=parts)
            for i, p in enumerate(pending)]
    run["params"]["crawl_run_ids"] = [j.run_id for j in jobs]
    run["params"]["files"] = len(jobs)
    write_run_record(settings, run)
    results = run_jobs(jobs, dask_address=dask_address or settings.dask_address, workers=workers,
                       label=f"ccnews-{source}")
    ingest = load_results(settings, results)
    scan = _scan_totals(results)
    broken = [r for r in results if not r.complete]
    messages = [f"{len(listing.paths)} files for the range, {len(listing.paths) - len(pending)} done before, "
                f"{len(jobs) - len(broken)} read now; {scan.kept} records of {source} kept of {scan.records}"]
    if listing.missing:
        messages.append(f"no CC-NEWS list for {', '.join(listing.missing)}")
    messages.extend(listing.errors[:3])
    messages.extend(f"{r.job.key}: {r.scan.error or r.scan.damaged}" for r in broken[:3])
    status = RunStatus.OK if not broken and not listing.errors else (RunStatus.PARTIAL if len(broken) < len(jobs) else RunStatus.FAILED)
    if status == RunStatus.OK and ingest.errors:
        status = RunStatus.PARTIAL
    outcome = SourceOutcome(source, run_id, status, "; ".join(messages),
                            _counts(ingest, scan.kept, time.monotonic() - t0))
    return _finish_run(run, outcome)


def web_archive_backfill(source: str, since: date, until: date, *, via: str, workers: int = 1,
                         dask_address: str | None = None) -> SourceOutcome:
    """Backfill ``source`` for ``since``..``until`` from a web archive (``via`` wayback or ccnews)."""
    if via == "wayback":
        return _wayback(source, since, until, workers)
    if via == "ccnews":
        return _ccnews(source, since, until, workers, dask_address)
    raise ValueError(f"via must be wayback or ccnews, not {via!r}")


# -- import-warc ----------------------------------------------------------------------------------

def import_key(path: Path) -> tuple[str, int]:
    """processed_files key of a local WARC file (resolved path and size) and its size."""
    resolved = path.resolve()
    size = resolved.stat().st_size
    return f"{resolved}#{size}", size


@flow(name="import-warc")
def import_warc_flow(paths: list[str], hosts: list[str] | None = None, since: date | None = None,
                     until: date | None = None, dask_address: str | None = None, workers: int = 0) -> dict[str, Any]:
    """Import WARC files on disk: records routed to the registry sources owning their hosts
    (only ``hosts`` when given), articles published in ``since``..``until`` when given. A file
    imported before (same path and size) is not read again."""
    from orewire.records import default_workers

    settings = get_settings()
    workers = workers or default_workers()
    run_id = new_run_id("import")
    t0 = time.monotonic()
    wanted = tuple(sorted({h.strip().lower() for h in hosts or [] if h.strip()}))
    done = done_keys(settings, "import")
    parts = parts_dir(settings)
    jobs: list[ImportJob] = []
    missing: list[str] = []
    skipped = 0
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            missing.append(raw)
            continue
        key, size = import_key(path)
        if key in done:
            skipped += 1
            continue
        jobs.append(ImportJob(kind="import", origin=str(path.resolve()), key=key, run_id=f"{run_id}-{len(jobs):04d}",
                              via="import", archive_root=str(Path(settings.archive).resolve()),
                              registry_path=str(Path(settings.sources).resolve()), user_agent=settings.user_agent,
                              hosts=wanted, since=since, until=until, size=size,
                              parts_dir=parts))
    run: dict[str, Any] = {"run_id": run_id, "flow": "import", "source": "import", "started_at": _now(),
                           "status": "running",
                           "params": {"since": _iso(since), "until": _iso(until), "via": "import",
                                      "hosts": list(wanted), "paths": [j.origin for j in jobs],
                                      "crawl_run_ids": [j.run_id for j in jobs]}}
    write_run_record(settings, run)
    address = dask_address or settings.dask_address
    if not address and jobs:
        # Locally, files run side by side and each cleans with its share of the worker processes.
        share = max(1, workers // len(jobs))
        jobs = [replace(j, workers=share) for j in jobs]
    results = run_jobs(jobs, dask_address=address, workers=workers, label="import")
    ingest = load_results(settings, results)
    scan = _scan_totals(results)
    broken = [r for r in results if not r.complete]
    messages = [f"{len(jobs)} files read, {skipped} imported before; {scan.summary()}"]
    messages.extend(f"{Path(r.job.origin).name}: {r.scan.damaged}" for r in results if r.scan.damaged)
    messages.extend(f"{r.job.origin}: {r.scan.error}" for r in broken[:3])
    messages.extend(f"no such file: {m}" for m in missing)
    status = RunStatus.OK if not broken and not missing else RunStatus.FAILED
    if status == RunStatus.OK and ingest.errors:
        status = RunStatus.PARTIAL
    sources = sorted({s for r in results for s in r.scan.sources})
    label = ",".join(sources) or "import"
    outcome = SourceOutcome(label, run_id, status, "; ".join(messages),
                            _counts(ingest, scan.kept, time.monotonic() - t0))
    run["source"] = label
    _finish_run(run, outcome)
    try:
        get_run_logger().info("import-warc: %s", messages[0])
    except Exception:
        pass
    return with_alerts(publish("import-warc", [outcome]))
