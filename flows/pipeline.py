"""Prefect flows of orewire: daily, backfill, reprocess, rebuild and WARC import.

The flows only orchestrate: every step is a function of ``orewire`` (crawl, ingest, load),
wrapped in a task with the retry policy that fits it — network steps retry with back-off,
page-processing steps never do (a bad page stays bad).
"""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from prefect import flow, task

from flows.alerts import with_alerts
from flows.archives import web_archive_backfill
from flows.common import publish, record_run_task, record_when_stopped
from flows.limits import crawl_slot
from orewire.archive import read_manifest
from orewire.crawl import CrawlResult, crawl_source
from orewire.records import default_workers
from orewire.runs import ARCHIVE_FAILURE, RunStatus, SourceOutcome, crawl_outcome, new_run_id, os_error_line
from orewire.settings import get_settings
from orewire.sources import load_registry
from orewire.stages import (
    IngestResult,
    ingest_manifests,
    pending_manifests,
    push_archive,
    rebuild_warehouse,
    reprocess_archive,
    write_run_record,
)


class TransientCrawlError(RuntimeError):
    """A crawl that failed in a way a later attempt can fix (time-outs, refused connections)."""


def _retry_transient(task: Any, task_run: Any, state: Any) -> bool:
    try:
        state.result()
    except TransientCrawlError:
        return True
    except Exception:
        return False
    return False


@task(name="crawl", retries=2, retry_delay_seconds=[10, 60], retry_condition_fn=_retry_transient)
def crawl_task(source: str, run_id: str, base_url: str | None = None, refetch: bool = False,
               mode: str = "daily", since: date | None = None, until: date | None = None,
               politeness: bool = True) -> tuple[CrawlResult, str, str]:
    """Crawl one source in its own process, holding the source's crawl slot (see flows.limits).
    Returns (result, outcome, message)."""
    with crawl_slot(source, get_settings().lock_timeout):
        result = crawl_source(source, run_id=run_id, base_url=base_url, refetch=refetch, mode=mode,
                              since=since, until=until, politeness=politeness, keep_local=True)
    rows = read_manifest(result.manifest) if result.manifest.exists() else []
    outcome, message = crawl_outcome(result.ok, result.error, rows)
    if outcome == RunStatus.TRANSIENT:
        raise TransientCrawlError(message)
    return result, outcome, message


@task(name="ingest", retries=0)
def ingest_task(source: str, workers: int) -> IngestResult:
    """Clean, extract and load every manifest of the source not loaded yet (this run's included)."""
    settings = get_settings()
    return ingest_manifests(pending_manifests(settings, source), settings, workers=workers)


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"[:300]


def _base_for(source: str, base_url: str | dict[str, str] | None) -> str | None:
    if isinstance(base_url, dict):
        return base_url.get(source)
    return base_url


def _crawl_and_load(flow_name: str, source: str, run_id: str, *, base_url: str | None, refetch: bool,
                    mode: str, since: date | None, until: date | None, workers: int, politeness: bool,
                    crawl_future: Any | None = None) -> SourceOutcome:
    started = _now()
    t0 = time.monotonic()
    params: dict[str, Any] = {"base_url": base_url, "refetch": refetch, "mode": mode,
                              "since": since.isoformat() if since else None,
                              "until": until.isoformat() if until else None}
    run: dict[str, Any] = {"run_id": run_id, "flow": flow_name, "source": source, "started_at": started,
                           "status": "running", "params": params}
    settings = get_settings()
    counts: dict[str, Any] = {}
    # Recorded before any record is loaded: a rebuild then applies a backfill's range as this run
    # does, and a daily run's crawl start decides which earlier out-of-range records it covers.
    try:
        write_run_record(settings, run)
    except OSError as exc:
        # The archive's root cannot be written: nothing can be archived, so nothing is crawled.
        if crawl_future is not None:
            crawl_future.wait()  # started with the others; it fails on the same archive
        return _finish(run, RunStatus.FAILED, f"{ARCHIVE_FAILURE}: {os_error_line(exc)}", counts, t0)
    # A SIGTERM stop records it as stopped; withdrawn only once the run has recorded itself (Prefect
    # turns the signal into an exception in this thread, which must leave it to the stop).
    withdraw = record_when_stopped(run)
    outcome = _crawl_and_load_recorded(run, source, run_id, params, counts, t0, base_url=base_url,
                                       refetch=refetch, mode=mode, since=since, until=until, workers=workers,
                                       politeness=politeness, crawl_future=crawl_future)
    withdraw()
    return outcome


def _finish(run: dict[str, Any], status: RunStatus, message: str, counts: dict[str, Any], t0: float) -> SourceOutcome:
    """Record the run (archive and warehouse) and give its outcome."""
    counts["duration_s"] = round(time.monotonic() - t0, 3)
    run.update(status=status, message=message or None, finished_at=_now(), **counts)
    try:
        problem = record_run_task(run)
        if problem and problem not in message:
            message = "; ".join(m for m in (message, f"run record: {problem}") if m)
    except Exception as exc:
        if _one_line(exc) not in message:  # a damaged warehouse is said once
            message = "; ".join(m for m in (message, f"run record: {_one_line(exc)}") if m)
    return SourceOutcome(run["source"], run["run_id"], status, message, counts)


def _crawl_and_load_recorded(run: dict[str, Any], source: str, run_id: str, params: dict[str, Any],
                             counts: dict[str, Any], t0: float, *, base_url: str | None, refetch: bool, mode: str,
                             since: date | None, until: date | None, workers: int, politeness: bool,
                             crawl_future: Any | None) -> SourceOutcome:
    status, message = RunStatus.OK, ""
    try:
        future = crawl_future or crawl_task.submit(source, run_id, base_url, refetch, mode, since, until, politeness)
        result, outcome, message = future.result()
        counts.update(fetched=result.fetched, errors=result.errors)
        status = RunStatus(outcome) if outcome in (RunStatus.OK, RunStatus.OFFLINE) else RunStatus.FAILED
        if status == RunStatus.OK and result.fetched == 0:
            status, message = _nothing_fetched(source, mode) or (status, message)
        note = result.left_note()
        if note:
            message = "; ".join(m for m in (message, note) if m)
        # Recorded with the run: what the caps left and why each listing walk stopped.
        params["crawl"] = {"links_cut": result.links_cut, "articles_deferred": result.articles_deferred,
                           "walks": result.walks}
    except Exception as exc:
        status, message = RunStatus.FAILED, f"crawl: {_one_line(exc)}"
    try:
        ingest = ingest_task(source, workers)
        counts.update({k: v for k, v in ingest.as_dict().items() if k in
                       ("new_articles", "updated_articles", "not_articles", "facts")})
        counts["errors"] = counts.get("errors", 0) + len(ingest.errors)
        if ingest.errors:
            note = f"{len(ingest.errors)} page error(s), first: {ingest.errors[0]}"[:300]
            message = "; ".join(m for m in (message, note) if m)
    except Exception as exc:
        status = RunStatus.FAILED
        message = "; ".join(m for m in (message, f"load: {_one_line(exc)}") if m)
    # With the archive on a store: the crawl sent its files and kept them for the ingest to read
    # locally; they leave the outbox now. What the store did not take stays for the next run.
    unsent = push_archive(get_settings(), source)
    if unsent:
        message = "; ".join(m for m in (message, unsent) if m)
        status = RunStatus.WARNING if status == RunStatus.OK else status
    return _finish(run, status, message, counts, t0)


def _nothing_fetched(source: str, mode: str) -> tuple[RunStatus, str] | None:
    """A crawl that fetched nothing although the registry lists feeds: a warning, not an "ok"."""
    if mode not in ("daily", "feeds"):
        return None
    feeds = load_registry(get_settings().sources)[source].feeds
    if not feeds:
        return None
    return RunStatus.WARNING, f"fetched nothing although the registry lists {len(feeds)} feed(s); see the crawl log"


@flow(name="daily", flow_run_name="daily-{sources}")
def daily_flow(sources: list[str] | None = None, base_url: str | dict[str, str] | None = None,
               refetch: bool = False, workers: int = 0, politeness: bool = True,
               feeds_only: bool = False) -> dict[str, Any]:
    """One scheduled cycle over ``sources`` (default all): crawl each (sources in parallel,
    each in its own process), then load each through the single writer. A failing source does
    not stop the others. ``feeds_only``: the quick poll between full crawls (the sources' feeds,
    conditionally; no sitemap or listing walk)."""
    mode = "feeds" if feeds_only else "daily"
    settings = get_settings()
    names = [s.name for s in load_registry(settings.sources).select(sources)]
    workers = workers or default_workers()
    run_ids = {name: new_run_id("daily", name) for name in names}
    futures = {name: crawl_task.submit(name, run_ids[name], _base_for(name, base_url), refetch, mode,
                                       None, None, politeness) for name in names}
    outcomes = [
        _crawl_and_load("daily", name, run_ids[name], base_url=_base_for(name, base_url), refetch=refetch,
                        mode=mode, since=None, until=None, workers=workers, politeness=politeness,
                        crawl_future=futures[name])
        for name in names
    ]
    return with_alerts(publish("daily", outcomes))


@flow(name="backfill", flow_run_name="backfill-{source}-{since}-{until}-{via}")
def backfill_flow(source: str, since: date, until: date, via: str = "site",
                  base_url: str | None = None, workers: int = 0, politeness: bool = True,
                  dask_address: str | None = None) -> dict[str, Any]:
    """Articles of ``source`` published from ``since`` to ``until`` (inclusive), discovered on the
    site itself (sitemaps, listings, id ranges) or in web archives."""
    workers = workers or default_workers()
    if via != "site":

        outcome = web_archive_backfill(source, since, until, via=via, workers=workers, dask_address=dask_address)
    else:
        run_id = new_run_id("backfill", source)
        outcome = _crawl_and_load("backfill", source, run_id, base_url=base_url, refetch=False, mode="backfill",
                                  since=since, until=until, workers=workers, politeness=politeness)
    return with_alerts(publish("backfill", [outcome]))


@flow(name="reprocess")
def reprocess_flow(sources: list[str] | None = None, since: date | None = None, until: date | None = None,
                   workers: int = 0) -> dict[str, Any]:
    """Re-clean and re-extract from the raw archive with no network; facts of the current
    extractor version replace the old ones, articles keep their identity."""
    settings = get_settings()
    names = [s.name for s in load_registry(settings.sources).select(sources)]
    run_id = new_run_id("reprocess")
    started, t0 = _now(), time.monotonic()
    result = reprocess_archive(names, settings, workers=workers or default_workers(), since=since, until=until)
    counts = {**{k: v for k, v in result.as_dict().items()
                 if k in ("new_articles", "updated_articles", "not_articles", "facts", "errors")},
              "fetched": 0, "duration_s": round(time.monotonic() - t0, 3)}
    status = RunStatus.OK if not result.errors else RunStatus.PARTIAL
    message = f"{result.records} records from {result.files} WARC files"
    run = {"run_id": run_id, "flow": "reprocess", "source": ",".join(names), "started_at": started,
           "finished_at": _now(), "status": status, "message": message,
           "params": {"sources": names, "since": since.isoformat() if since else None,
                      "until": until.isoformat() if until else None}, **counts}
    record_run_task(run)
    return publish("reprocess", [SourceOutcome(",".join(names), run_id, status, message, counts)])


@flow(name="rebuild")
def rebuild_flow(workers: int = 0) -> dict[str, Any]:
    """Recreate the warehouse from the raw archive alone."""
    settings = get_settings()
    t0 = time.monotonic()
    result = rebuild_warehouse(settings, workers=workers or default_workers())
    counts = {**result.as_dict(), "duration_s": round(time.monotonic() - t0, 3)}
    status = RunStatus.OK if not result.errors else RunStatus.PARTIAL
    message = f"{result.records} records from {result.files} WARC files"
    if result.errors:  # damaged records skipped, unreadable files: counted and named, never a plain "ok"
        message += f"; {len(result.errors)} error(s), first: {result.errors[0]}"[:300]
    return publish("rebuild", [SourceOutcome("all", "rebuild", status, message, counts)])
