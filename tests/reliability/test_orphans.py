"""No process outlives the command that started it: after `kill -9` of `orewire run` alone (not its
process group), mid-crawl or mid-processing, its temporary Prefect server, its crawler zygote
and crawler, and its page workers all end; a crawl stopped so closes its WARC file whole.

Real processes: `orewire run` with no Prefect server to report to (it starts its temporary one),
crawling a loopback site of 120 articles (one of which answers only after 90 s in the mid-crawl
case) with two page workers.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil
import pytest

from orewire.testing.archive_stand_ins import article_page
from orewire.testing.site_server import SiteServer, slow_route

from .conftest import FAST, finish, record_fault, start, write_registry

pytestmark = pytest.mark.slow

ARTICLES = 120
FIRST_ID = 4_100_000
ARTICLE = re.compile(r"^/business/economy/(\d+)\.html$")
SLOW = f"/business/economy/{FIRST_ID + 3}.html"


def _site() -> SiteServer:
    items = "\n".join(f'<li><a href="/business/economy/{FIRST_ID + i}.html">Copper news {i}</a></li>'
                      for i in range(ARTICLES))
    listing = f"<html><body><ul class='news-list'>{items}</ul></body></html>".encode()

    def answer(target: str):
        if target == "/latest/":
            return 200, {"Content-Type": "text/html; charset=utf-8"}, listing
        match = ARTICLE.match(target)
        if match:
            # Pages of 100 KB, as real ones are: their cleaning keeps the workers busy a while.
            return 200, {"Content-Type": "text/html; charset=utf-8"}, article_page(
                f"https://en.trend.az{target}", datetime(2026, 11, 20, tzinfo=UTC), f"Copper news {match.group(1)}",
                padding=100_000)
        return None

    return SiteServer(generator=answer)


def _env(tmp_path: Path, registry: Path, template: Path) -> dict[str, str]:
    """No PREFECT_API_URL and no `orewire serve`: the command starts its temporary server (on a
    Prefect database already migrated, as on a machine where Prefect ran before)."""
    from tests.prefect_session import copy_prefect_database

    copy_prefect_database(template, tmp_path / "state" / "prefect" / "prefect.db")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(OREWIRE_STATE=str(tmp_path / "state"), OREWIRE_WAREHOUSE=str(tmp_path / "wh" / "orewire.duckdb"),
               OREWIRE_ARCHIVE=str(tmp_path / "raw"), OREWIRE_SOURCES=str(registry),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", PYTHONUNBUFFERED="1")
    return env


def _cmd(proc: psutil.Process) -> str:
    try:
        return " ".join(proc.cmdline())
    except psutil.Error:
        return "?"


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []


def _kinds(pid: int, procs: list[psutil.Process]) -> dict[str, list[psutil.Process]]:
    own = _cmd(psutil.Process(pid))
    kinds: dict[str, list[psutil.Process]] = {"server": [], "zygote": [], "crawler": [], "worker": []}
    for proc in procs:
        cmd = _cmd(proc)
        if "uvicorn" in cmd and "prefect" in cmd:
            kinds["server"].append(proc)
        elif "spiders.zygote" in cmd or "spiders.run" in cmd:
            with contextlib.suppress(psutil.Error):
                parent = proc.parent()
                kinds["crawler" if parent is not None and parent.pid != pid else "zygote"].append(proc)
        elif cmd == own:  # a page worker: a fork of the command
            kinds["worker"].append(proc)
    return kinds


@pytest.mark.parametrize("moment", ["crawl", "processing"])
def test_kill_9_leaves_no_process_behind(tmp_path, prefect_database_template, moment):
    registry = write_registry(tmp_path / "sources.toml", {"trend": {
        **FAST, "spider": "generic", "feeds": [], "sitemaps": [], "sections": ["https://en.trend.az/latest/"],
        "politeness.timeout": 120.0}})
    env = _env(tmp_path, registry, prefect_database_template)
    archive = tmp_path / "raw"
    with _site() as site:
        if moment == "crawl":
            site.route(SLOW, slow_route(90))  # the crawl cannot end before the kill
        args = ["run", "--source", "trend", "--base-url", site.url, "--workers", "2"]
        popen = start(args, env)
        try:
            procs: list[psutil.Process] = []
            kinds: dict[str, list[psutil.Process]] = {}
            deadline = time.monotonic() + 240
            while popen.poll() is None and time.monotonic() < deadline:
                procs = _descendants(popen.pid)
                kinds = _kinds(popen.pid, procs)
                if moment == "crawl" and kinds["crawler"] and kinds["server"] \
                        and site.requests_for(SLOW) and list(archive.rglob("*.warc.gz.open")):
                    break
                if moment == "processing" and kinds["worker"] and kinds["server"]:
                    break
                time.sleep(0.02)
            assert popen.poll() is None, "the run ended before the kill: " + (popen.stdout.read() if popen.stdout else "")
            os.kill(popen.pid, signal.SIGKILL)  # the command alone, as the OOM killer or a crash would
            popen.wait(timeout=30)
            _gone, alive = psutil.wait_procs(procs, timeout=60)
            left = [f"{p.pid}: {_cmd(p)[:140]}" for p in alive]
            assert left == [], left
            finish(popen, args, timeout=30)  # its output: nothing holds the pipes any more
            assert kinds["server"], "no temporary Prefect server was running"
            if moment == "crawl":
                assert kinds["crawler"], [_cmd(p) for p in procs]
                # Stopped as a SIGTERM stops it: the record being written finished, the file closed.
                assert not list(archive.rglob("*.open")), list(archive.rglob("*.open"))
                assert list(archive.rglob("*.warc.gz"))
            else:
                assert len(kinds["worker"]) >= 1, [_cmd(p) for p in procs]
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(popen.pid, signal.SIGKILL)  # whatever a failed check left behind
    ended = ", ".join(f"{len(v)} {k}{'s' if len(v) != 1 else ''}" for k, v in kinds.items() if v)
    record_fault(f"kill -9 of `orewire run` alone, mid-{moment}",
                 f"every process it started ended with it ({ended})"
                 + ("; the crawler closed its WARC file whole" if moment == "crawl" else ""),
                 "what was not loaded (the next run loads it)")
