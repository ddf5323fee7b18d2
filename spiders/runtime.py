"""What one crawl run shares between the spider and its middlewares.

The run context holds the source, the base-URL mapping, the archive writers, the incremental
index, the per-host pacer and the counters; the spider creates it and the middlewares reach it
through ``crawler.spider.ctx``.
"""

from __future__ import annotations

import ipaddress
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from orewire.archive import CrawlIndex, ManifestWriter, WarcWriter, list_manifests, read_manifest
from orewire.sources import Source
from orewire.urls import article_id, canonical_url, rebase, unbase


class HostPacer:
    """Spaces requests to each host: robots.txt Crawl-delay and Retry-After pauses.

    ``reserve`` hands out start times one after another, so the spacing holds whatever the
    downloader's concurrency is.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.min_interval: dict[str, float] = {}
        self.paused_until: dict[str, float] = {}
        self.next_start: dict[str, float] = {}

    def set_min_interval(self, host: str, seconds: float) -> None:
        self.min_interval[host] = max(seconds, self.min_interval.get(host, 0.0))

    def pause(self, host: str, seconds: float) -> None:
        until = self._clock() + seconds
        self.paused_until[host] = max(until, self.paused_until.get(host, 0.0))

    def reserve(self, host: str) -> float:
        """Book the next start time for ``host``; return how long to wait for it."""
        now = self._clock()
        start = max(now, self.paused_until.get(host, 0.0), self.next_start.get(host, 0.0))
        self.next_start[host] = start + self.min_interval.get(host, 0.0)
        return start - now


def is_public_ip(value: str) -> bool:
    """False for private, loopback, link-local, multicast, reserved and unspecified addresses."""
    try:
        ip = ipaddress.ip_address(value)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified)


def error_text(exc: BaseException, timeout: float | None = None) -> str:
    """A one-line description of a download failure."""
    name = type(exc).__name__
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if name == "DNSLookupError":
        return "DNS lookup failed"
    if name in ("ConnectionRefusedError",):
        return "connection refused"
    if name in ("TimeoutError", "TCPTimedOutError", "UserTimeoutError") or "took longer than" in text:
        return f"timed out after {timeout:g} s" if timeout else "timed out"
    if name in ("ResponseNeverReceived", "ConnectionLost", "ConnectionDone", "ResponseFailed"):
        return "connection lost before a complete response"
    if "maxsize" in text.lower() or "max size" in text.lower() or "exceeds" in text.lower():
        return f"body too large ({text})"
    return f"{name}: {text}" if text else name


def archive_problem(exc: OSError) -> str:
    """``path: cause`` of a failed archive write."""
    cause = exc.strerror or type(exc).__name__
    return f"{exc.filename}: {cause}" if exc.filename else f"{cause} ({exc})"


CRAWLING_SUFFIX = ".crawling"


def unsettled(root: Path, source: str) -> tuple[set[str], set[str]]:
    """(articles, page keys) archived by crawls that did not run to their end (killed,
    crashed), after the last crawl that did.

    A crawl marks its manifest ``<run_id>.crawling`` while it runs and removes the mark when it
    finishes. A killed crawl archived some articles of a listing but may not have walked the
    listing's older pages: a daily walk must not stop at those articles ("met the archive"),
    or the pages after them would never be walked. Likewise the cache validators it got for
    listings and feeds must not turn the next walk into 304s. The next crawl that finishes walked
    past them, so only killed crawls after the last finished one count.
    """
    articles: set[str] = set()
    pages: set[str] = set()
    for path in list_manifests(root, source):
        if not path.with_suffix(CRAWLING_SUFFIX).exists():
            articles.clear()
            pages.clear()
            continue
        for row in read_manifest(path):
            key = row.get("page_key") or row.get("canonical_url") or row.get("url")
            if row.get("kind") == "article":
                if row.get("status") == 200 and row.get("warc_file") and (row.get("article_id") or key):
                    articles.add(str(row.get("article_id") or key))
            elif key:
                pages.add(str(key))
    return articles, pages


@dataclass
class Counters:
    fetched: int = 0
    articles_new: int = 0
    articles_seen: int = 0
    not_modified: int = 0
    errors: int = 0
    robots_blocked: int = 0
    blocked: int = 0
    bytes: int = 0
    requests: int = 0
    article_requests: int = 0
    links_cut: int = 0  # article links over max_links_per_page, left for the next run
    articles_deferred: int = 0  # article requests over max_article_requests, left for the next run
    listing_pages: int = 0


@dataclass
class RunContext:
    """Shared state of one crawl run of one source."""

    source: Source
    archive_root: Path
    run_id: str
    base_url: str | None = None
    mode: str = "daily"
    since: date | None = None
    until: date | None = None
    refetch: bool = False
    politeness: bool = True
    progress: bool = False
    timeout: float = 30.0
    index: CrawlIndex = field(default_factory=CrawlIndex)
    pacer: HostPacer = field(default_factory=HostPacer)
    counters: Counters = field(default_factory=Counters)
    archived_now: set[str] = field(default_factory=set)
    robots_crawl_delay: float | None = None
    # Set by the spider_closed signal; a crawl stopped without it (a forced stop) stays unfinished.
    finish_reason: str = "stopped"
    first_error: str | None = None
    first_error_host: str | None = None
    archive_error: str | None = None
    closing: bool = False  # a close of the crawl was asked for (archive_error)
    warc: WarcWriter | None = None
    unsettled: set[str] = field(default_factory=set)
    manifest: ManifestWriter | None = None
    # Listing walks by section URL: pages walked, items seen, and why the walk stopped.
    walks: dict[str, dict[str, Any]] = field(default_factory=dict)
    walk_now: str = ""
    started: float = field(default_factory=time.monotonic)
    _last_progress: float = 0.0

    def open(self) -> None:
        self.index = CrawlIndex.build(self.archive_root, self.source.name)
        self.unsettled, pages = unsettled(self.archive_root, self.source.name)
        for key in pages:  # validators a killed crawl got: fetch those pages in full again
            self.index.validators.pop(key, None)
        self.manifest = ManifestWriter(self.archive_root, self.source.name, self.run_id)
        self.manifest.path.with_suffix(CRAWLING_SUFFIX).touch()
        self.warc = WarcWriter(self.archive_root, self.source.name, self.run_id)

    @property
    def left_for_next_run(self) -> bool:
        """Article links were cut by a cap: the next crawl must fetch this run's pages in full."""
        return bool(self.counters.links_cut or self.counters.articles_deferred)

    def walk_step(self, section: str, page: int, items: int, unseen: int) -> None:
        walk = self.walks.setdefault(section, {"pages": 0, "items": 0, "stopped": None})
        walk["pages"] = max(walk["pages"], page)
        walk["items"] += unseen
        self.counters.listing_pages += 1
        self.walk_now = f"{section} page {page}"
        self.report()

    def walk_stopped(self, section: str, page: int, reason: str) -> None:
        walk = self.walks.setdefault(section, {"pages": page, "items": 0, "stopped": None})
        walk["stopped"] = f"page {page}: {reason}"

    def mark_finished(self) -> None:
        """The crawl ran to its end: its archived articles are settled (see unsettled_articles).

        A crawl that left article links for later (a cap) stays unsettled like a killed one: the
        next crawl fetches its listings and feeds in full (no 304) and walks past its articles.
        """
        if self.left_for_next_run:
            return
        if self.manifest is not None:
            self.manifest.path.with_suffix(CRAWLING_SUFFIX).unlink(missing_ok=True)

    def is_settled(self, ident: str) -> bool:
        """Archived by a crawl that ran to its end (or before one that did)."""
        return self.index.has_article(ident) and ident not in self.unsettled

    def archive_failed(self, exc: OSError) -> None:
        """Remember the first failure to write the archive (path and cause) for the summary."""
        if self.archive_error is None:
            self.archive_error = f"cannot write the archive: {archive_problem(exc)}"

    def close(self) -> None:
        if self.warc is not None:
            try:
                self.warc.close()
            except OSError as exc:
                self.archive_failed(exc)
        if self.manifest is not None:
            try:
                self.manifest.close()
            except OSError as exc:
                self.archive_failed(exc)

    # -- URLs --------------------------------------------------------------------------------
    @property
    def allowed_hosts(self) -> set[str]:
        if self.base_url:
            return {(urlsplit(self.base_url).hostname or "").lower()}
        return {h.lower() for h in self.source.all_hosts}

    @property
    def base_host(self) -> str | None:
        return (urlsplit(self.base_url).hostname or "").lower() if self.base_url else None

    def to_fetch(self, real_url: str) -> str:
        """The URL to request for a URL of the source (canonical, re-rooted on the base URL)."""
        return rebase(canonical_url(real_url, self.source), self.base_url)

    def to_real(self, fetched_url: str) -> str:
        """A fetched (possibly re-rooted) URL back on the source's own origin."""
        return unbase(fetched_url, self.source, self.base_url)

    def on_source(self, real_url: str) -> bool:
        parts = urlsplit(real_url)
        return parts.scheme in ("http", "https") and self.source.owns_host(parts.hostname or "")

    def canonical(self, fetched_url: str) -> str:
        return canonical_url(self.to_real(fetched_url), self.source)

    def article_identity(self, real_url: str) -> str:
        return article_id(real_url, self.source)

    # -- bookkeeping -------------------------------------------------------------------------
    def record(self, **row: Any) -> dict[str, Any]:
        assert self.manifest is not None
        try:
            full = self.manifest.write(mode=self.mode, **row)
        except OSError as exc:
            # The manifest is part of the archive: the crawl stops (the archive middleware sees
            # archive_error on the next request) and the run fails with the path and the cause.
            self.archive_failed(exc)
            return {**row, "mode": self.mode}
        c = self.counters
        c.requests += 1
        status = full.get("status")
        error = full.get("error")
        if status is not None:
            c.fetched += 1
            c.bytes += int(full.get("bytes") or 0)
        if status == 304:
            c.not_modified += 1
        if full.get("robots_blocked"):
            c.robots_blocked += 1
        elif error or (isinstance(status, int) and status >= 400):
            c.errors += 1
            if error and self.first_error is None and status is None:
                self.first_error = error
                self.first_error_host = urlsplit(full.get("url") or "").hostname
        if full.get("new"):
            c.articles_new += 1
        self.report()
        return full

    def report(self, final: bool = False) -> None:
        if not self.progress:
            return
        now = time.monotonic()
        if not final and now - self._last_progress < 0.5:
            return
        self._last_progress = now
        c = self.counters
        line = {"progress": {"fetched": c.fetched, "articles_new": c.articles_new, "errors": c.errors,
                             "not_modified": c.not_modified, "robots_blocked": c.robots_blocked,
                             "listing_pages": c.listing_pages, "walk": self.walk_now,
                             "elapsed": round(now - self.started, 1)}}
        sys.stdout.write(json.dumps(line) + "\n")
        sys.stdout.flush()

    def summary(self, finish_reason: str) -> dict[str, Any]:
        c = self.counters
        error = None
        if self.archive_error:
            error = self.archive_error
        elif c.fetched == 0 and self.first_error:
            host = self.source.primary_host if not self.base_url else self.first_error_host
            error = f"cannot reach {host}: {self.first_error}"
        elif finish_reason not in ("finished",):
            error = f"crawl ended early: {finish_reason}"
        return {
            "source": self.source.name, "run_id": self.run_id,
            "manifest": str(self.manifest.path) if self.manifest else None,
            "fetched": c.fetched, "articles_new": c.articles_new, "not_modified": c.not_modified,
            "errors": c.errors, "robots_blocked": c.robots_blocked, "requests": c.requests,
            "links_cut": c.links_cut, "articles_deferred": c.articles_deferred, "listing_pages": c.listing_pages,
            "walks": self.walks,
            "duration_s": round(time.monotonic() - self.started, 3), "finish_reason": finish_reason,
            "ok": error is None, "error": error,
            "finished_at": datetime.now(UTC).isoformat(),
        }
