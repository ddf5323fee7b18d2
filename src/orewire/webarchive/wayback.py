"""Backfill from the Internet Archive: list a source's captures with the CDX API, fetch each raw
capture (the ``id_`` form: the page as the site sent it, no Wayback toolbar or rewritten links),
and archive it in orewire's WARC files with its provenance.

Discovery asks for every host of the source by prefix, status 200, one row per URL key
(``collapse=urlkey``), captured from ``since`` to ``until`` plus a lag (an article is captured
after it is published, often weeks later). Capture time is not publication time: which captures
become articles of the range is decided when they are loaded, by their published date.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from orewire.archive import ManifestWriter, WarcWriter, list_manifests, read_manifest
from orewire.settings import Settings
from orewire.sources import Source
from orewire.webarchive.pacing import DEFAULT_INTERVAL, Answer, PoliteClient, ServiceRefused

log = logging.getLogger(__name__)

CDX_FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")
PAGE_SIZE = 1000
CAPTURE_LAG_DAYS = 92
VIA = "wayback"


@dataclass(frozen=True)
class Capture:
    """One CDX row: a capture of ``original`` at ``timestamp`` (YYYYMMDDhhmmss, UTC)."""

    urlkey: str
    timestamp: str
    original: str
    mimetype: str = ""
    statuscode: str = ""
    digest: str = ""
    length: str = ""

    @property
    def captured_at(self) -> datetime:
        return capture_time(self.timestamp)

    def raw_url(self, base: str) -> str:
        """The capture exactly as archived (``id_``: no rewriting, no banner)."""
        return f"{base.rstrip('/')}/web/{self.timestamp}id_/{self.original}"


def capture_time(timestamp: str) -> datetime:
    """A Wayback timestamp (1 to 14 digits, the rest padded) as a UTC datetime."""
    digits = (timestamp.strip() + "00000101000000"[len(timestamp.strip()):])[:14]
    return datetime.strptime(digits, "%Y%m%d%H%M%S").replace(tzinfo=UTC)


def parse_cdx_json(body: bytes) -> tuple[list[Capture], str | None]:
    """Rows of a CDX ``output=json`` answer and its resume key (None on the last page).

    The first row names the fields; with ``showResumeKey=true`` an empty row and a one-element
    row holding the key follow the captures. Raises ValueError for a body that is not CDX JSON.
    """
    text = body.decode("utf-8", errors="replace").strip()
    if not text:
        return [], None
    rows = json.loads(text)
    if not isinstance(rows, list):
        raise ValueError("CDX answer is not a JSON list")
    if not rows:
        return [], None
    header = [str(h) for h in rows[0]]
    captures: list[Capture] = []
    resume: str | None = None
    rest = rows[1:]
    for index, row in enumerate(rest):
        if not row:  # the separator before the resume key
            tail = rest[index + 1:]
            if tail and tail[0]:
                resume = str(tail[0][0])
            break
        values = dict(zip(header, (str(v) for v in row), strict=False))
        if not values.get("timestamp") or not values.get("original"):
            continue
        captures.append(Capture(**{f: values.get(f, "") for f in CDX_FIELDS}))
    return captures, resume


def cdx_query(base: str, prefix: str, since: date, to: date, *, resume_key: str | None = None,
              limit: int = PAGE_SIZE) -> str:
    """The CDX URL listing captures under ``prefix`` from ``since`` to ``to`` (both whole days)."""
    params = [("url", prefix), ("matchType", "prefix"), ("from", since.strftime("%Y%m%d") + "000000"),
              ("to", to.strftime("%Y%m%d") + "235959"), ("output", "json"), ("filter", "statuscode:200"),
              ("collapse", "urlkey"), ("showResumeKey", "true"), ("limit", str(limit))]
    if resume_key:
        params.append(("resumeKey", resume_key))
    return f"{base.rstrip('/')}/cdx/search/cdx?{urlencode(params)}"


@dataclass
class WaybackResult:
    """What one Wayback backfill run fetched and archived."""

    run_id: str
    manifest: Path
    listed: int = 0        # CDX rows seen
    candidates: int = 0    # article URLs of the source, HTML, in the capture window
    already: int = 0       # archived by an earlier run (not fetched again)
    fetched: int = 0       # captures archived by this run
    failed: int = 0        # captures answered with something else than 200
    requests: int = 0
    refusals: int = 0
    stopped: str | None = None
    errors: list[str] = field(default_factory=list)
    warc_files: list[str] = field(default_factory=list)


def archived_captures(root: Path, source: str) -> set[tuple[str, str]]:
    """(original URL, timestamp) of every capture of ``source`` already in the archive."""
    done: set[tuple[str, str]] = set()
    for path in list_manifests(root, source):
        for row in read_manifest(path):
            if row.get("via") == VIA and row.get("capture_time") and row.get("status") == 200 \
                    and row.get("warc_file"):
                done.add((str(row.get("url")), str(row["capture_time"])))
    return done


def _html(capture: Capture) -> bool:
    mime = capture.mimetype.lower()
    return not mime or mime in ("unk", "warc/revisit") or "html" in mime


class WaybackBackfill:
    """List, fetch and archive the captures of one source for one run."""

    def __init__(self, settings: Settings, source: Source, run_id: str, *, interval: float = DEFAULT_INTERVAL,
                 max_refusals: int = 6, backoff: float = 5.0, max_wait: float = 300.0,
                 capture_lag_days: int = CAPTURE_LAG_DAYS, page_size: int = PAGE_SIZE, timeout: float = 60.0):
        self.settings = settings
        self.source = source
        self.run_id = run_id
        self.base = settings.wayback_url.rstrip("/")
        self.capture_lag_days = capture_lag_days
        self.page_size = page_size
        self.manifest = ManifestWriter(settings.archive, source.name, run_id)
        self.warc = WarcWriter(settings.archive, source.name, run_id)
        self.client = PoliteClient("wayback", settings.user_agent, interval=interval, max_refusals=max_refusals,
                                   backoff=backoff, max_wait=max_wait, timeout=timeout,
                                   on_refusal=self._refusal)
        self.result = WaybackResult(run_id=run_id, manifest=self.manifest.path)

    def _refusal(self, url: str, status: int | str, pause: float, when: datetime) -> None:
        self.manifest.write(url=url, final_url=url, status=status if isinstance(status, int) else None,
                            fetched_at=when, kind="other", via=VIA,
                            error=(f"HTTP {status}" if isinstance(status, int) else str(status))
                            + f"; next try in {pause:.1f} s")

    def _extra(self, kind: str, **more: str) -> dict[str, str]:
        return {"Source": self.source.name, "Run-Id": self.run_id, "Via": VIA, "Kind": kind, **more}

    def _archive(self, answer: Answer, *, fetched_at: datetime, extra: dict[str, str]) -> Any:
        return self.warc.write_exchange(
            url=answer.final_url or answer.url, method="GET", request_headers=answer.request_headers,
            request_body=b"", status=answer.status, reason=answer.reason, response_headers=answer.headers,
            body=answer.body, fetched_at=fetched_at, extra=extra)

    # -- discovery -------------------------------------------------------------------------
    def list_captures(self, since: date, until: date) -> Iterator[Capture]:
        """Every CDX row for the source's hosts in the capture window, page by page."""
        to = min(until + timedelta(days=self.capture_lag_days), datetime.now(UTC).date())
        to = max(to, until)
        for host in self.source.all_hosts:
            resume: str | None = None
            while True:
                url = cdx_query(self.base, f"{host}/", since, to, resume_key=resume, limit=self.page_size)
                answer = self.client.get(url)
                self.result.requests += 1
                loc = self._archive(answer, fetched_at=answer.requested_at, extra=self._extra("cdx"))
                self.manifest.write(url=url, final_url=answer.final_url, status=answer.status,
                                    fetched_at=answer.requested_at, warc_file=loc.warc_file,
                                    warc_offset=loc.offset, kind="other", bytes=len(answer.body),
                                    content_type=answer.header("Content-Type"), via=VIA)
                if answer.status != 200:
                    self.result.errors.append(f"CDX {host}: HTTP {answer.status}")
                    break
                try:
                    captures, resume = parse_cdx_json(answer.body)
                except ValueError as exc:
                    self.result.errors.append(f"CDX {host}: unreadable answer ({exc})")
                    break
                yield from captures
                if not resume:
                    break

    # -- fetching --------------------------------------------------------------------------
    def fetch(self, capture: Capture) -> None:
        raw_url = capture.raw_url(self.base)
        answer = self.client.get(raw_url)
        self.result.requests += 1
        captured = capture.captured_at
        extra = self._extra("capture", **{"Original-URL": capture.original, "Capture-Time": capture.timestamp,
                                          "Archive-URL": raw_url,
                                          "Fetched-At": answer.requested_at.isoformat()})
        loc = self._archive(answer, fetched_at=captured, extra=extra)
        self.manifest.write(url=capture.original, final_url=answer.final_url, status=answer.status,
                            fetched_at=captured, warc_file=loc.warc_file, warc_offset=loc.offset,
                            kind="article", bytes=len(answer.body), content_type=answer.header("Content-Type"),
                            via=VIA, capture_time=capture.timestamp, archive_url=raw_url,
                            requested_at=answer.requested_at.isoformat(),
                            error=None if answer.status == 200 else f"HTTP {answer.status}")
        if answer.status == 200:
            self.result.fetched += 1
        else:
            self.result.failed += 1

    def run(self, since: date, until: date) -> WaybackResult:
        """List and fetch; a service that keeps refusing ends the run cleanly (``stopped``)."""
        done = archived_captures(self.settings.archive, self.source.name)
        try:
            seen: set[str] = set()
            todo: list[Capture] = []
            for capture in self.list_captures(since, until):
                self.result.listed += 1
                if capture.urlkey in seen or not _html(capture) or not self.source.is_article_url(capture.original):
                    continue
                if capture.captured_at.date() < since:
                    continue  # a capture cannot precede publication
                seen.add(capture.urlkey)
                self.result.candidates += 1
                if (capture.original, capture.timestamp) in done:
                    self.result.already += 1
                    continue
                todo.append(capture)
            # In capture order, so the archive's monthly folders fill one after the other.
            for capture in sorted(todo, key=lambda c: (c.timestamp, c.original)):
                self.fetch(capture)
        except ServiceRefused as exc:
            self.result.stopped = str(exc)
        finally:
            self.result.refusals = self.client.refusals
            self.result.requests = self.client.requests
            self.result.warc_files = self.warc.close()
            self.manifest.close()
        return self.result


@dataclass(frozen=True)
class WaybackOptions:
    """Politeness and discovery settings of a Wayback backfill (environment overrides:
    ``OREWIRE_WAYBACK_INTERVAL``, ``_MAX_REFUSALS``, ``_BACKOFF``, ``_MAX_WAIT``, ``_CAPTURE_LAG_DAYS``,
    ``_PAGE_SIZE``)."""

    interval: float = DEFAULT_INTERVAL
    max_refusals: int = 6
    backoff: float = 5.0
    max_wait: float = 300.0
    capture_lag_days: int = CAPTURE_LAG_DAYS
    page_size: int = PAGE_SIZE

    @classmethod
    def from_settings(cls) -> WaybackOptions:
        """The ``OREWIRE_WAYBACK_*`` tuning of :func:`orewire.settings.get_settings`."""
        from dataclasses import asdict

        from orewire.settings import get_settings

        return cls(**asdict(get_settings().wayback))

    def kwargs(self) -> dict[str, Any]:
        return {"interval": self.interval, "max_refusals": self.max_refusals, "backoff": self.backoff,
                "max_wait": self.max_wait, "capture_lag_days": self.capture_lag_days, "page_size": self.page_size}


def wayback_backfill(settings: Settings, source: Source, since: date, until: date, run_id: str,
                     **options: Any) -> WaybackResult:
    """Archive the Wayback captures of ``source`` for articles of ``since``..``until``; see
    :class:`WaybackBackfill` for the options. Loading is the caller's (the manifest lists every
    request). Never raises for the service's refusals: ``stopped`` says why it ended early."""
    return WaybackBackfill(settings, source, run_id, **options).run(since, until)
