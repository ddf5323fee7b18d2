"""SIGTERM during `orewire run` stops it within seconds: the crawler finishes the record it is
writing and closes its WARC file under its final name, the other processes end, one line is
printed, exit status 143; the next run picks up the rest.

Real processes: `orewire run` (Prefect flow, Scrapy crawler subprocess) against a loopback copy
of Trend that answers slowly, stopped once by a SIGTERM to the command alone and once to its
whole process group (as service managers do).
"""

from __future__ import annotations

import os
import signal
import time

import psutil
import pytest
from warcio.archiveiterator import ArchiveIterator

from orewire.testing.site_server import slow_route
from tests.cli import orewire

from .conftest import (
    FAST,
    SITES,
    command_env,
    finish,
    orewire_env,
    record_fault,
    record_figure,
    start,
    write_registry,
)
from .test_crash import SlowSite

pytestmark = pytest.mark.slow

STOP_LINE = "orewire: stopped (SIGTERM); what was loaded stays, the next run picks up the rest"


def _group_alive(pgid: int) -> list[str]:
    alive = []
    for proc in psutil.process_iter():
        try:
            if os.getpgid(proc.pid) == pgid and proc.status() != psutil.STATUS_ZOMBIE:
                alive.append(" ".join(proc.cmdline())[:120])
        except (psutil.Error, ProcessLookupError):
            continue
    return alive


@pytest.mark.parametrize("target", ["command", "group"])
def test_sigterm_stops_fast_and_clean(rel_env, tmp_path, target):
    settings, prefect_url = rel_env
    registry = write_registry(tmp_path / "sources.toml", {"trend": {
        **FAST, "politeness.concurrency": 1, "politeness.timeout": 120.0}})
    env = orewire_env(settings, prefect_url, registry)
    args = ["run", "--source", "trend", "--workers", "1"]

    class Slow(SlowSite):
        delay = 0.3

    with Slow(SITES / "trend") as site:
        # One article answers only after 90 s: the crawl cannot end on its own before the signal,
        # and a download is in flight when it comes.
        site.route("/business/economy/4205809.html", slow_route(90))
        args += ["--base-url", site.url]
        popen = start(args, env)
        deadline = time.monotonic() + 180
        while not list(settings.archive.rglob("*.warc.gz.open")) and time.monotonic() < deadline \
                and popen.poll() is None:
            time.sleep(0.05)
        assert popen.poll() is None, "the run ended before it could be stopped"
        time.sleep(1.0)  # the crawler is busy writing
        sent = time.monotonic()
        if target == "group":
            os.killpg(popen.pid, signal.SIGTERM)
        else:
            popen.send_signal(signal.SIGTERM)
        # Bounded wait: before, the run took about 95 s to stop (or longer) after SIGTERM.
        proc = finish(popen, args, timeout=60)
        took = time.monotonic() - sent
        leftovers = _group_alive(popen.pid)

        assert proc.code == 128 + signal.SIGTERM, (proc.code, proc.stderr[-3000:])
        lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
        assert lines[-1] == STOP_LINE, proc.stderr[-3000:]
        assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
        assert leftovers == [], leftovers
        # Nothing half-written: no temporary WARC name, every record of every file reads whole.
        assert not list(settings.archive.rglob("*.open")), list(settings.archive.rglob("*.open"))
        warcs = list(settings.archive.rglob("*.warc.gz"))
        records = 0
        for path in warcs:
            with open(path, "rb") as fh:
                records += sum(1 for _ in ArchiveIterator(fh))
        assert warcs and records > 1
        # The stopped crawl stays marked unfinished, so the next run walks what it did not.
        assert list(settings.archive.rglob("manifests/*.crawling"))

        if target == "command":
            site.routes.clear()
            site.delay = 0.0  # the next run need not be slow: it only has to pick up the rest
            again = orewire(args, command_env(env))  # in this process: only its outcome matters
            assert again.code == 0, again.stdout + again.stderr[-3000:]
            assert again.lines[-1] == "daily run: ok"
    record_fault(f"SIGTERM to {'the command' if target == 'command' else 'its process group'} during a crawl",
                 f"stopped in {took:.1f} s, exit 143, one line; WARC closed whole ({records} records), "
                 "no process left" + ("; next run ok" if target == "command" else ""),
                 "nothing (the next run picks up)")
    record_figure(f"SIGTERM ({target}): stopped {took:.1f} s after the signal")
