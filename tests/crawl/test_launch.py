"""Crawlers forked from the zygote (orewire.launch, spiders.zygote) crawl as a new process does;
a zygote that dies is replaced; one that cannot start leaves the crawls to subprocesses.

Real crawls of a fixture site on loopback; the handle each crawl was started with is recorded to
tell which way it was started.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import psutil
import pytest

import orewire.crawl
from orewire import launch
from orewire.archive import read_manifest
from orewire.crawl import crawl_source
from orewire.testing.site_server import SiteServer

from .conftest import SITES, crawl_settings
from .test_crawl_e2e import archived_articles, assert_archive_matches_server, fixture_articles

pytestmark = pytest.mark.slow

SOURCE = "kursiv"


@pytest.fixture
def handles(monkeypatch) -> list[object]:
    """The handles crawls are started with, in order."""
    started: list[object] = []

    def recording(*args, **kwargs):
        handle = launch.start_crawler(*args, **kwargs)
        started.append(handle)
        return handle

    monkeypatch.setattr(orewire.crawl, "start_crawler", recording)
    return started


def _crawl(tmp_path: Path, server: SiteServer, name: str, fork: bool = True):
    settings = crawl_settings(tmp_path / name).with_overrides(crawler_fork=fork)
    result = crawl_source(SOURCE, settings=settings, base_url=server.url, politeness=False)
    assert result.ok, result.error
    rows = read_manifest(result.manifest)
    assert_archive_matches_server(settings.archive, server, rows)
    return result, sorted(archived_articles(rows))


def test_forked_and_new_process_crawlers_archive_the_same(tmp_path, handles) -> None:
    with SiteServer(SITES / SOURCE) as server:
        forked, forked_articles = _crawl(tmp_path, server, "forked")
        fresh, fresh_articles = _crawl(tmp_path, server, "fresh", fork=False)
    assert isinstance(handles[0], launch.ForkedCrawler)
    assert isinstance(handles[1], subprocess.Popen)
    assert set(forked_articles) == set(fresh_articles) == fixture_articles(SOURCE)
    assert (forked.articles_new, forked.errors) == (fresh.articles_new, fresh.errors)
    # The crawler was a child of the zygote, which is a child of this process and outlives it.
    zygote = launch._zygote
    assert zygote is not None and zygote.alive()
    assert psutil.Process(zygote.process.pid).ppid() == os.getpid()


def test_a_zygote_that_dies_is_replaced(tmp_path, handles) -> None:
    with SiteServer(SITES / SOURCE) as server:
        _crawl(tmp_path, server, "first")
        first = launch._zygote
        assert first is not None
        os.kill(first.process.pid, signal.SIGKILL)
        first.process.wait()
        _crawl(tmp_path, server, "second")
    assert all(isinstance(h, launch.ForkedCrawler) for h in handles)
    assert launch._zygote is not None and launch._zygote is not first and launch._zygote.alive()


def test_a_zygote_that_cannot_start_leaves_crawls_to_subprocesses(tmp_path, handles, monkeypatch) -> None:
    monkeypatch.setattr(launch, "_zygote", None)
    monkeypatch.setattr(launch, "_zygote_failed", False)
    monkeypatch.setattr(launch, "ZYGOTE_MODULE", "spiders.no_such_zygote")
    with SiteServer(SITES / SOURCE) as server:
        _, articles = _crawl(tmp_path, server, "fallback")
        _crawl(tmp_path, server, "again")
    assert [type(h) for h in handles] == [subprocess.Popen, subprocess.Popen]
    assert set(articles) == fixture_articles(SOURCE)
    assert launch._zygote_failed  # tried once, not before every crawl


def test_the_zygote_keeps_no_crawls_files_open(tmp_path, handles) -> None:
    """The crawl lock, the crawler's output and its error file pass through the zygote to the
    crawler: once forked, the zygote holds none of them (else a lock would outlive its crawl)."""
    from orewire.crawl import CRAWL_LOCK

    with SiteServer(SITES / SOURCE) as server:
        result, _ = _crawl(tmp_path, server, "lock")
    assert isinstance(handles[0], launch.ForkedCrawler)
    lock = result.manifest.parents[1] / CRAWL_LOCK
    assert lock.exists()
    zygote = launch._zygote
    assert zygote is not None
    held = {Path(f.path) for f in psutil.Process(zygote.process.pid).open_files()}
    assert lock not in held and lock.resolve() not in held
    fds = _settled_fd_count(zygote.process.pid)
    with SiteServer(SITES / SOURCE) as server:
        _crawl(tmp_path, server, "lock-again")
    assert _settled_fd_count(zygote.process.pid) == fds  # nothing left behind per crawl


def _settled_fd_count(pid: int) -> int:
    """The process's open descriptors once the count holds still (the zygote closes a crawl's
    reply socket just after sending its exit status, which the crawl may read first)."""
    counts = [len(os.listdir(f"/proc/{pid}/fd"))]
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not (len(counts) >= 3 and len(set(counts[-3:])) == 1):
        time.sleep(0.05)
        counts.append(len(os.listdir(f"/proc/{pid}/fd")))
    return counts[-1]


def test_a_forked_crawlers_handle_polls_waits_and_kills(tmp_path) -> None:
    """The handle answers as Popen does: poll() is None while the crawler runs, kill() ends it,
    wait() gives the signal as a negative status; a time-out raises TimeoutExpired."""
    from orewire.crawl import _child_env
    from orewire.testing.site_server import slow_route

    settings = crawl_settings(tmp_path)
    with SiteServer(SITES / SOURCE) as server, (tmp_path / "err").open("w+b") as err:
        server.route("/robots.txt", slow_route(60))  # the crawl waits on its first request
        handle = launch.start_crawler(["--source", SOURCE, "--run-id", "t-1", "--base-url", server.url,
                                       "--no-politeness"], _child_env(settings), err, ())
        assert isinstance(handle, launch.ForkedCrawler)
        assert handle.poll() is None
        with pytest.raises(subprocess.TimeoutExpired):
            handle.wait(timeout=0.2)
        handle.kill()
        assert handle.wait(timeout=30) == -signal.SIGKILL
        assert handle.poll() == -signal.SIGKILL
