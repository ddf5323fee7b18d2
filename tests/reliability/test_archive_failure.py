"""An archive that cannot be written fails the source's run loudly, and a crawl that fetched
nothing is a warning, never a silent "ok".

Real processes: `orewire run` (Prefect flow, Scrapy crawler subprocess, DuckDB writer) against a
loopback copy of Trend, with the archive's month folder made unwritable.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from orewire.testing.site_server import SiteServer
from tests.cli import orewire

from .conftest import FAST, SITES, command_env, orewire_env, query, record_fault, write_registry


def make_unwritable(folder: Path) -> str:
    """Make ``folder`` a place where no file can be created; returns how."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        # File permissions do not bind root: point the folder at sysfs, where nobody creates files.
        folder.symlink_to("/sys", target_is_directory=True)
        return "month folder on sysfs"
    folder.mkdir()
    folder.chmod(0o555)
    return "month folder mode 555"


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["month", "manifests"])
def test_unwritable_archive_fails_the_run(rel_env, tmp_path, folder):
    settings, prefect_url = rel_env
    registry = write_registry(tmp_path / "sources.toml", {"trend": FAST})
    now = datetime.now(UTC)
    how = ""
    if folder == "manifests":
        how = make_unwritable(settings.archive / "trend" / "manifests").replace("month", "manifests")
        written = ".jsonl"
    else:
        written = ".warc.gz.open"
        for when in (now, now + timedelta(days=2)):  # the run may cross into the next month
            month = settings.archive / "trend" / f"{when:%Y}" / f"{when:%m}"
            if not month.exists() and not month.is_symlink():
                how = make_unwritable(month)
    env = orewire_env(settings, prefect_url, registry)
    env = command_env(env)
    # The command runs in this process (its crawler in its own, as always).
    with SiteServer(SITES / "trend") as site:
        proc = orewire(["run", "--source", "trend", "--base-url", site.url, "--workers", "1"], env)
        served = site.paths()

    out = proc.stdout + proc.stderr
    assert proc.code == 1, out[-3000:]
    line = next(ln for ln in proc.lines if ln.startswith("trend:"))
    assert line.startswith("trend: failed:"), line
    assert "cannot write the archive" in line and written in line, line
    assert "Permission denied" in line, line
    assert proc.lines[-1] == "daily run: finished with failures"
    # The crawl stopped at the first response it could not archive: no article was requested.
    assert not [p for p in served if p.endswith(".html")], served
    rows = query(settings.warehouse, "SELECT status, message FROM runs WHERE source = 'trend'")
    assert len(rows) == 1 and rows[0][0] == "failed" and "cannot write the archive" in rows[0][1], rows
    status = orewire(["status"], env)
    assert "trend: failed: " in status.stdout and "cannot write the archive" in status.stdout, status.stdout
    record_fault(f"archive not writable ({how})",
                 f"exit 1; summary, status and runs: failed, cannot write the archive: <file>{written}: "
                 f"Permission denied; {len(served)} request(s), no article", "nothing (no page fetched)")


@pytest.fixture
def pipeline_env(tmp_path, monkeypatch, prefect_harness):
    from orewire.settings import get_settings

    monkeypatch.setenv("OREWIRE_WAREHOUSE", str(tmp_path / "wh" / "orewire.duckdb"))
    monkeypatch.setenv("OREWIRE_ARCHIVE", str(tmp_path / "raw"))
    return get_settings()


def test_zero_fetch_with_feeds_is_a_warning(pipeline_env, monkeypatch):
    """A crawl that reports success but fetched nothing, for a source whose registry lists feeds."""
    import flows.pipeline as pipeline
    from orewire.crawl import CrawlResult
    from orewire.status import collect_status, render_status

    def nothing_fetched(source: str, *, run_id: str, **kw: object) -> CrawlResult:
        manifest = pipeline_env.archive / source / "manifests" / f"{run_id}.jsonl"
        return CrawlResult(source=source, run_id=run_id, manifest=manifest, ok=True)

    monkeypatch.setattr(pipeline, "crawl_source", nothing_fetched)
    result = pipeline.daily_flow(sources=["trend"], workers=1)
    line = result["lines"][0]
    assert line.startswith("trend: warning: fetched 0"), line
    assert "fetched nothing although the registry lists 1 feed(s)" in line
    assert result["ok"] and result["warnings"] == 1
    rows = query(pipeline_env.warehouse, "SELECT status, message FROM runs")
    assert rows[0][0] == "warning" and "fetched nothing" in rows[0][1], rows

    from io import StringIO

    from rich.console import Console

    buf = StringIO()
    render_status(collect_status(pipeline_env), Console(file=buf, width=200))
    assert "trend: warning: fetched nothing although" in buf.getvalue(), buf.getvalue()
    record_fault("crawl fetched nothing, registry lists feeds",
                 "summary line, status and runs row say warning (exit 0)", "nothing")
