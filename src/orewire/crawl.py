"""The crawl step: crawl one source in its own process and report what it did.

:func:`crawl_source` starts ``python -m spiders.run`` (Scrapy's Twisted reactor runs once per
process), waits for it, and counts the run's manifest. It never raises for a failed crawl: the
result says ``ok=False`` with a one-line ``error``.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from orewire.archive import manifest_path, read_manifest
from orewire.settings import Settings, get_settings
from orewire.sources import RegistryError, load_registry

MODES = ("daily", "backfill", "urls")


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


def new_run_id() -> str:
    """A sortable run id: UTC time plus a random suffix."""
    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


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
    sys.stderr.write(
        f"\r{source}: {data.get('fetched', 0)} pages, {data.get('articles_new', 0)} new articles, "
        f"{data.get('not_modified', 0)} not modified, {data.get('errors', 0)} errors "
        f"({data.get('elapsed', 0)} s)   "
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
) -> CrawlResult:
    """Crawl ``source`` in a subprocess and return the run's manifest path and counts.

    ``mode`` is ``daily`` (feeds, listings back to what is archived), ``backfill`` (``since``..
    ``until`` from sitemaps, listings and, where enabled, the id walk) or ``urls`` (exactly
    ``urls``). ``politeness=False`` drops delays (tests, benchmarks); robots.txt still applies.
    ``timeout`` bounds the whole subprocess. Never raises for a crawl failure: ``ok`` is False
    and ``error`` one line.
    """
    settings = settings or get_settings()
    run_id = run_id or new_run_id()
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

    cmd = [sys.executable, "-m", "spiders.run", "--source", source, "--run-id", run_id,
           "--mode", mode]
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

    summary: dict[str, Any] | None = None
    with tempfile.TemporaryFile() as stderr:
        try:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=stderr, env=_child_env(settings),
                                    text=True, encoding="utf-8", errors="replace")
        except OSError as exc:
            result.ok, result.error = False, f"cannot start the crawler: {exc.strerror}"
            return result
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
    return result
