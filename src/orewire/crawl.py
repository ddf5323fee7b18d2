"""The crawl step: crawl one source in its own process and report what it did.

:func:`crawl_source` starts ``python -m spiders.run`` (Scrapy's Twisted reactor runs once per
process; the process is forked from one that has imported Scrapy, see :mod:`orewire.launch`),
waits for it, and counts the run's manifest. It never raises for a failed crawl: the result says
``ok=False`` with a one-line ``error``.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from orewire import locking
from orewire.archive import manifest_path, read_manifest, recover_open_files
from orewire.archive.store import Archive, StoreError, Transfer, pull, push
from orewire.launch import start_crawler
from orewire.runs import new_run_id
from orewire.settings import Settings, get_settings
from orewire.sources import RegistryError, load_registry

MODES = ("daily", "feeds", "backfill", "urls")
CRAWL_LOCK = ".crawl.lock"


class CrawlBusy(RuntimeError):
    """Another crawl of the same source holds its crawl lock."""


@contextlib.contextmanager
def crawl_lock(archive: Path, source: str, timeout: float) -> Iterator[int]:
    """Hold ``<archive>/<source>/.crawl.lock`` (flock); yield its descriptor.

    Two crawls of one source never run at once: the second waits up to ``timeout`` seconds,
    then raises :class:`CrawlBusy`. The descriptor is handed to the crawler process, so the
    lock stays held while that process lives, even if this one dies. Raises OSError when the
    archive folder cannot be written.
    """
    folder = Path(archive) / source
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / CRAWL_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        holder = locking.acquire(fd, timeout)
        if holder is not None:
            raise CrawlBusy(f"another crawl of {source} is running ({holder}); waited {timeout:.0f} s")
        yield fd
    finally:
        locking.release(fd)


def _recover(settings: Settings, source: str) -> str | None:
    """Give final names to the WARC files a killed crawl of ``source`` left open; an error line or None."""
    try:
        recovered = recover_open_files(settings.archive, source)
    except OSError as exc:
        return f"cannot recover unfinished WARC files of {source}: {_os_error(exc)}"
    for path in recovered:
        added = repair_manifests(settings.archive, source, path)
        note = f" ({added} fetches added to the run's manifest)" if added else ""
        sys.stderr.write(f"{source}: recovered unfinished WARC file {path.name}{note}\n")
    return None


def repair_manifests(root: Path, source: str, warc: Path) -> int:
    """Add manifest rows for the responses of a recovered WARC file that its run's manifest lacks.

    A crawl killed between writing a record and writing its manifest row would otherwise leave
    a record that a rebuild loads but the daily ingest never sees. Returns the rows added.
    """
    from orewire.archive import ManifestWriter, iter_responses

    by_run: dict[str, list[Any]] = {}
    for resp in iter_responses(warc, root):
        by_run.setdefault(resp.extra.get("Run-Id") or "", []).append(resp)
    added = 0
    for run_id, responses in by_run.items():
        if not run_id:
            continue
        path = manifest_path(root, source, run_id)
        known = {(r.get("warc_file"), r.get("warc_offset")) for r in read_manifest(path)} if path.exists() else set()
        missing = [r for r in responses if (r.warc_file, r.offset) not in known]
        if not missing:
            continue
        if path.exists():
            # Drop a half-written last line so the appended rows start on a line of their own.
            data = path.read_bytes()
            if data and not data.endswith(b"\n"):
                with open(path, "r+b") as fh:
                    fh.truncate(data.rfind(b"\n") + 1)
        writer = ManifestWriter(root, source, run_id)
        try:
            for resp in missing:
                writer.write(url=resp.url, final_url=resp.url, status=resp.status, fetched_at=resp.fetched_at,
                             warc_file=resp.warc_file, warc_offset=resp.offset, kind=resp.extra.get("Kind"),
                             bytes=len(resp.raw_body), content_type=resp.header("Content-Type"),
                             error=None, recovered=True)
                added += 1
        finally:
            writer.close()
    return added


def sync_source(settings: Settings, source: str, *, fetch: bool = False, keep: bool = False) -> Transfer:
    """With the archive on an object store: with ``fetch``, bring the source's manifests other
    machines sent (the crawl's index of what is archived), then send what the outbox holds for
    the source (``keep``: WARC files stay in the outbox too). Never raises for the store: what
    failed is in the result's ``errors``."""
    archive = Archive(settings.archive, settings.archive_url)
    out = Transfer()
    if archive.url is None:
        return out
    if fetch:
        try:
            out.errors.extend(pull(archive, source).errors)
        except StoreError as exc:
            out.errors.append(str(exc))
    sent = push(archive, source, remove=not keep)
    out.done.extend(sent.done)
    out.errors.extend(sent.errors)
    return out


def _os_error(exc: OSError) -> str:
    reason = exc.strerror or errno.errorcode.get(exc.errno or 0, "") or str(exc)
    return f"{reason} ({exc.filename})" if exc.filename else reason


@dataclass
class CrawlResult:
    """What one crawl run did, counted from its manifest."""

    source: str
    run_id: str
    manifest: Path
    fetched: int = 0
    articles_new: int = 0
    not_modified: int = 0
    errors: int = 0
    robots_blocked: int = 0
    duration_s: float = 0.0
    ok: bool = True
    error: str | None = None
    links_cut: int = 0  # article links over max_links_per_page, left for the next run
    articles_deferred: int = 0  # article requests over max_article_requests, left for the next run
    walks: dict[str, Any] = field(default_factory=dict)  # listing walks: pages, items, why they stopped
    unsent: str | None = None  # archive files the store did not take yet (kept locally for the next run)

    def left_note(self) -> str | None:
        """One line on what the caps left for the next run, or None."""
        parts = []
        if self.links_cut:
            parts.append(f"{self.links_cut} article links over max_links_per_page")
        if self.articles_deferred:
            parts.append(f"{self.articles_deferred} articles over max_article_requests")
        return f"left for the next run: {', '.join(parts)}" if parts else None


def count_manifest(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Counts of one run's manifest rows."""
    counts = {"fetched": 0, "articles_new": 0, "not_modified": 0, "errors": 0, "robots_blocked": 0}
    for row in rows:
        status = row.get("status")
        if status is not None:
            counts["fetched"] += 1
        if status == 304:
            counts["not_modified"] += 1
        if row.get("robots_blocked"):
            counts["robots_blocked"] += 1
        elif row.get("error") or (isinstance(status, int) and status >= 400):
            counts["errors"] += 1
        if row.get("new"):
            counts["articles_new"] += 1
    return counts


def _child_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        OREWIRE_ARCHIVE=str(settings.archive.resolve()),
        OREWIRE_SOURCES=str(settings.sources.resolve()),
        OREWIRE_STATE=str(settings.state_dir.resolve()),
        OREWIRE_CONTACT_URL=settings.contact_url,
        SCRAPY_SETTINGS_MODULE="spiders.settings",
        PYTHONUNBUFFERED="1",
    )
    return env


def _render_progress(source: str, data: dict[str, Any]) -> None:
    walk = f", walking {data['walk']}" if data.get("walk") else ""
    sys.stderr.write(
        f"\r{source}: {data.get('fetched', 0)} pages, {data.get('articles_new', 0)} new articles, "
        f"{data.get('not_modified', 0)} not modified, {data.get('errors', 0)} errors, "
        f"{data.get('listing_pages', 0)} listing pages{walk} ({data.get('elapsed', 0)} s)   "
    )
    sys.stderr.flush()


def crawl_source(
    source: str,
    *,
    settings: Settings | None = None,
    base_url: str | None = None,
    refetch: bool = False,
    mode: str = "daily",
    since: date | None = None,
    until: date | None = None,
    urls: list[str] | None = None,
    run_id: str | None = None,
    progress: bool = False,
    politeness: bool = True,
    concurrency: int | None = None,
    timeout: float | None = None,
    keep_local: bool = False,
) -> CrawlResult:
    """Crawl ``source`` in a subprocess and return the run's manifest path and counts.

    ``mode`` is ``daily`` (feeds, listings back to what is archived), ``backfill`` (``since``..
    ``until`` from sitemaps, listings and, where enabled, the id walk) or ``urls`` (exactly
    ``urls``). ``politeness=False`` drops delays (tests, benchmarks); robots.txt still applies.
    ``timeout`` bounds the whole subprocess. With the archive on an object store the crawl's files
    are sent when it ends; ``keep_local`` keeps its WARC files in the outbox as well, for a caller
    that reads them next and then pushes again (which removes them). Never raises for a crawl
    failure: ``ok`` is False and ``error`` one line.
    """
    settings = settings or get_settings()
    run_id = run_id or new_run_id("crawl", source)
    manifest = manifest_path(settings.archive, source, run_id)
    result = CrawlResult(source=source, run_id=run_id, manifest=manifest)
    started = time.monotonic()
    try:
        load_registry(settings.sources)[source]
    except RegistryError as exc:
        result.ok, result.error = False, str(exc)
        return result
    if mode not in MODES:
        result.ok, result.error = False, f"unknown crawl mode {mode!r} (known: {', '.join(MODES)})"
        return result
    if mode == "backfill" and since and until and since > until:
        result.ok, result.error = False, f"since {since} is after until {until}"
        return result

    cmd = ["--source", source, "--run-id", run_id, "--mode", mode]
    if base_url:
        cmd += ["--base-url", base_url]
    if since:
        cmd += ["--since", since.isoformat()]
    if until:
        cmd += ["--until", until.isoformat()]
    for url in urls or []:
        cmd += ["--url", url]
    if refetch:
        cmd.append("--refetch")
    if not politeness:
        cmd.append("--no-politeness")
    if concurrency:
        cmd += ["--concurrency", str(concurrency)]
    if progress:
        cmd.append("--progress")

    try:
        with crawl_lock(settings.archive, source, settings.lock_timeout) as lock_fd:
            # A crawl killed earlier (kill -9, power loss) left .open files: cut them after their
            # last complete record and give them their final names, so the manifest rows that
            # point at them (always by final name) can be loaded.
            problem = _recover(settings, source)
            if problem:
                result.ok, result.error = False, problem
                return result
            # With the archive on a store: what earlier runs could not send goes first, and the
            # manifests of crawls on other machines come, so nothing archived is fetched again.
            before = sync_source(settings, source, fetch=True)
            code, summary, err_tail = _run_crawler(cmd, settings, source, progress, timeout, lock_fd)
            # Whatever way the crawler ended, nothing of it stays under a temporary name.
            problem = _recover(settings, source)
            # Each closed file is sent whole; one the store does not take stays for the next run.
            after = sync_source(settings, source, keep=keep_local)
            result.unsent = after.note()
            for line in before.errors if not after.errors else []:
                sys.stderr.write(f"{source}: archive store: {line}\n")
    except CrawlBusy as exc:
        result.ok, result.error = False, str(exc)
        return result
    except OSError as exc:
        result.ok, result.error = False, f"cannot write the archive of {source}: {_os_error(exc)}"
        return result
    if code is None:
        result.ok, result.error = False, f"cannot start the crawler: {err_tail[-1]}"
        return result

    if manifest.exists():
        for key, value in count_manifest(read_manifest(manifest)).items():
            setattr(result, key, value)
    result.duration_s = round(time.monotonic() - started, 3)
    if summary is None or code != 0:
        result.ok = False
        detail = (summary or {}).get("error") or (err_tail[-1] if err_tail else f"exit status {code}")
        result.error = f"crawler process failed: {detail}"[:500]
    else:
        result.ok = bool(summary.get("ok", True))
        result.error = summary.get("error")
    if summary:
        result.links_cut = int(summary.get("links_cut") or 0)
        result.articles_deferred = int(summary.get("articles_deferred") or 0)
        result.walks = dict(summary.get("walks") or {})
    if problem and result.ok:
        result.ok, result.error = False, problem
    return result


def _run_crawler(cmd: list[str], settings: Settings, source: str, progress: bool, timeout: float | None,
                 lock_fd: int) -> tuple[int | None, dict[str, Any] | None, list[str]]:
    """Run the crawler process (``spiders.run CMD``, see :mod:`orewire.launch`); (exit code or None
    if it did not start, summary, stderr lines)."""
    summary: dict[str, Any] | None = None
    with tempfile.TemporaryFile() as stderr:
        try:
            # The crawl lock's descriptor goes to the crawler: the lock lives as long as it does.
            proc = start_crawler(cmd, _child_env(settings), stderr, (lock_fd,), fork=settings.crawler_fork)
        except OSError as exc:
            return None, None, [str(exc.strerror or exc)]
        assert proc.stdout is not None
        try:
            for line in proc.stdout:
                try:
                    message = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if not isinstance(message, dict):
                    continue
                if "progress" in message and progress:
                    _render_progress(source, message["progress"])
                if "summary" in message:
                    summary = message["summary"]
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            code = -9
            summary = summary or {"ok": False, "error": f"crawl did not finish within {timeout:g} s"}
        if progress:
            sys.stderr.write("\n")
        stderr.seek(0)
        err_tail = [ln for ln in stderr.read().decode("utf-8", "replace").splitlines() if ln.strip()]
    return code, summary, err_tail
