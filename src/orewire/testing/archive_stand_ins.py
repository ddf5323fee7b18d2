"""Loopback stand-ins for the web archives, and generated WARC files, for tests and benchmarks.

- :class:`WaybackStandIn`: the CDX API (``output=json``: header row, prefix match, from/to,
  ``filter=statuscode:200``, ``collapse=urlkey``, ``limit`` and resume keys) and raw ``id_``
  captures; it can answer some requests with 429 + Retry-After, or every request.
- :class:`CCNewsStandIn`: ``crawl-data/CC-NEWS/YYYY/MM/warc.paths.gz`` lists and the WARC files
  they name, served from a folder.
- :func:`article_page` and :func:`write_warc`: article HTML in Trend's layout and WARC files of
  response records (optionally with a truncated last record).

Both servers are :class:`~orewire.testing.site_server.SiteServer` instances, so every request is
logged with its arrival time.
"""

from __future__ import annotations

import gzip
import html
import io
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from orewire.testing.site_server import SiteServer

# -- content --------------------------------------------------------------------------------------

MINING_PARAGRAPHS = (
    "Kazakhstan's Ministry of Industry said the tender for the gold deposit in the Karaganda region "
    "drew bids from five companies, Trend reports.",
    "The project would require investment of about $350 million over five years and would process "
    "2.5 million tonnes of ore per year at an average grade of 1.2 g/t.",
    "Exploration across 75,000 square kilometers has been carried out over the past three years, "
    "and copper and zinc reserves were confirmed at two sites.",
    "Officials expect the mine to start commercial production by the end of the decade, creating "
    "about 1,200 jobs in the region.",
)


def article_page(url: str, published: datetime, title: str, paragraphs: Iterable[str] = MINING_PARAGRAPHS,
                 *, padding: int = 0) -> bytes:
    """An article page in Trend's newer layout, published at ``published`` (UTC). ``padding``
    adds that many bytes of page chrome (scripts and navigation), as real pages carry."""
    when = published.astimezone(UTC)
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    chrome = ""
    if padding > 0:
        unit = '<li><a href="/latest/">Latest news from the region and the world</a></li>\n'
        chrome = "<ul class='menu-extra'>" + unit * (padding // len(unit) + 1) + "</ul>"
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} - Trend.Az</title>
<meta property="og:title" content="{html.escape(title)}">
<link rel="canonical" href="{html.escape(url)}">
<meta property="article:published_time" content="{when.strftime('%Y-%m-%dT%H:%M:%S+00:00')}">
</head><body>
<header class="header"><nav class="main-menu"><a href="/latest/">Latest</a> <a href="/business/">Business</a></nav>{chrome}</header>
<main class="container"><div class="article-page">
<h1 class="article-title">{html.escape(title)}</h1>
<div class="article-meta"><span class="date-time">{when.strftime('%d %B %Y %H:%M')}</span></div>
<div class="article-content article-paddings">
{body}
</div></div></main>
<footer class="footer"><p>&copy; Trend News Agency</p></footer>
</body></html>
"""
    return page.encode("utf-8")


# -- WARC files -----------------------------------------------------------------------------------

@dataclass
class WarcRecord:
    """One record of a generated WARC: a response unless ``kind`` says otherwise."""

    url: str
    body: bytes
    date: datetime
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    kind: str = "response"   # response | request | metadata | resource
    headers: list[tuple[str, str]] = field(default_factory=list)


def _warc_date(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_record(writer: WARCWriter, rec: WarcRecord) -> None:
    """Write one record (with ``gzip`` as the writer was made)."""
    warc_headers = {"WARC-Date": _warc_date(rec.date)}
    if rec.kind == "response":
        http = StatusAndHeaders(f"{rec.status} {'OK' if rec.status == 200 else 'Other'}",
                                [("Content-Type", rec.content_type), ("Content-Length", str(len(rec.body))),
                                 *rec.headers], protocol="HTTP/1.1")
        record = writer.create_warc_record(rec.url, "response", payload=io.BytesIO(rec.body), length=len(rec.body),
                                           http_headers=http, warc_headers_dict=warc_headers)
    elif rec.kind == "request":
        path = "/" + rec.url.split("/", 3)[3] if rec.url.count("/") >= 3 else "/"
        http = StatusAndHeaders(f"GET {path}", [("Host", urlsplit(rec.url).netloc)], protocol="HTTP/1.1",
                                is_http_request=True)
        record = writer.create_warc_record(rec.url, "request", payload=io.BytesIO(b""), length=0,
                                           http_headers=http, warc_headers_dict=warc_headers)
    else:
        warc_headers["Content-Type"] = rec.content_type
        record = writer.create_warc_record(rec.url, rec.kind, payload=io.BytesIO(rec.body), length=len(rec.body),
                                           warc_headers_dict=warc_headers)
    writer.write_record(record)


def write_warc(path: Path, records: Iterable[WarcRecord], *, gzip_members: bool = True,
               truncate_last: int = 0) -> Path:
    """Write ``records`` to ``path`` (one gzip member per record); ``truncate_last`` cuts that many
    bytes off the end of the file, leaving a truncated last record."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip_members, warc_version="1.1")
        for rec in records:
            write_record(writer, rec)
    if truncate_last:
        size = path.stat().st_size
        with open(path, "r+b") as fh:
            fh.truncate(max(0, size - truncate_last))
    return path


# -- Wayback --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StandInCapture:
    original: str
    timestamp: str          # YYYYMMDDhhmmss
    body: bytes
    mimetype: str = "text/html"
    statuscode: str = "200"

    @property
    def urlkey(self) -> str:
        """A SURT-like key: reversed host, then path (scheme and www. dropped)."""
        parts = urlsplit(self.original)
        host = (parts.hostname or "").lower()
        host = host[4:] if host.startswith("www.") else host
        rest = parts.path + (f"?{parts.query}" if parts.query else "")
        return ",".join(reversed(host.split("."))) + ")" + rest.lower()


def _no_scheme(url: str) -> str:
    return url.split("://", 1)[-1]


class WaybackStandIn(SiteServer):
    """The CDX API and raw captures over loopback (see the module). ``refuse_every=k`` answers
    every k-th request with 429 and ``Retry-After: retry_after``; ``refuse_all`` answers every
    request so, ``refuse_after=n`` every request after the n-th."""

    def __init__(self, captures: Iterable[StandInCapture], *, refuse_every: int = 0, retry_after: int = 1,
                 refuse_all: bool = False, refuse_after: int = 0):
        super().__init__(generator=self._generate)
        self.captures = sorted(captures, key=lambda c: (c.urlkey, c.timestamp))
        self.refuse_every = refuse_every
        self.retry_after = retry_after
        self.refuse_all = refuse_all
        self.refuse_after = refuse_after
        self.served = 0
        self.refused = 0
        self._count_lock = threading.Lock()

    def _generate(self, target: str) -> tuple[int, dict[str, str], bytes] | None:
        with self._count_lock:
            self.served += 1
            number = self.served
            refuse = (self.refuse_all or bool(self.refuse_every and number % self.refuse_every == 0)
                      or bool(self.refuse_after and number > self.refuse_after))
            if refuse:
                self.refused += 1
        if refuse:
            return 429, {"Retry-After": str(self.retry_after), "Content-Type": "text/plain"}, b"Too Many Requests"
        parts = urlsplit(target)
        if parts.path == "/cdx/search/cdx":
            return self._cdx(parse_qs(parts.query))
        if parts.path.startswith("/web/"):
            return self._raw(target[len("/web/"):])
        return 404, {"Content-Type": "text/plain"}, b"not found"

    def _cdx(self, q: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes]:
        import json

        def one(name: str, default: str = "") -> str:
            return q.get(name, [default])[0]

        prefix = _no_scheme(one("url"))
        if one("matchType", "exact") != "prefix" and not prefix.endswith("*"):
            prefix_match = False
        else:
            prefix_match = True
            prefix = prefix.rstrip("*")
        since = one("from", "0").ljust(14, "0")
        until = one("to", "99999999999999").ljust(14, "9")
        status_filter = [f.split(":", 1)[1] for f in q.get("filter", []) if f.startswith("statuscode:")]
        rows: list[StandInCapture] = []
        last_key = None
        for cap in self.captures:
            target = _no_scheme(cap.original)
            if not (target.startswith(prefix) if prefix_match else target == prefix):
                continue
            if not since <= cap.timestamp <= until:
                continue
            if status_filter and cap.statuscode not in status_filter:
                continue
            if one("collapse") == "urlkey" and cap.urlkey == last_key:
                continue
            last_key = cap.urlkey
            rows.append(cap)
        resume = unquote(one("resumeKey")) if one("resumeKey") else None
        if resume:
            rows = [c for c in rows if f"{c.urlkey} {c.timestamp}" > resume]
        limit = int(one("limit", "0") or 0)
        more = bool(limit) and len(rows) > limit
        page = rows[:limit] if limit else rows
        out: list[list[str]] = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]]
        out += [[c.urlkey, c.timestamp, c.original, c.mimetype, c.statuscode, f"D{abs(hash(c.body)) % 10**8}",
                 str(len(c.body))] for c in page]
        if more and one("showResumeKey") == "true":
            out += [[], [quote(f"{page[-1].urlkey} {page[-1].timestamp}")]]
        if len(out) == 1:
            return 200, {"Content-Type": "application/json"}, b"[]"
        return 200, {"Content-Type": "application/json"}, json.dumps(out).encode()

    def _raw(self, rest: str) -> tuple[int, dict[str, str], bytes]:
        stamp, _, original = rest.partition("/")
        if not stamp.endswith("id_"):
            return 400, {"Content-Type": "text/plain"}, b"only raw (id_) captures here"
        stamp = stamp[:-3]
        for cap in self.captures:
            if cap.timestamp == stamp and cap.original == original:
                return 200, {"Content-Type": f"{cap.mimetype}; charset=utf-8",
                             "X-Archive-Orig-Content-Type": f"{cap.mimetype}; charset=utf-8",
                             "Memento-Datetime": datetime.strptime(stamp, "%Y%m%d%H%M%S").strftime(
                                 "%a, %d %b %Y %H:%M:%S GMT")}, cap.body
        return 404, {"Content-Type": "text/plain"}, b"no such capture"


# -- CC-NEWS --------------------------------------------------------------------------------------

class CCNewsStandIn(SiteServer):
    """Serves ``root`` as data.commoncrawl.org: :meth:`add_month` writes a month's paths list."""

    def __init__(self, root: Path):
        self.files_root = Path(root)
        self.files_root.mkdir(parents=True, exist_ok=True)
        super().__init__(generator=self._generate)

    def add_month(self, year: int, month: int, warc_paths: list[str]) -> Path:
        rel = Path(f"crawl-data/CC-NEWS/{year:04d}/{month:02d}/warc.paths.gz")
        path = self.files_root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(gzip.compress(("\n".join(warc_paths) + "\n").encode(), mtime=0))
        return path

    def _generate(self, target: str) -> tuple[int, dict[str, str], bytes] | None:
        rel = unquote(urlsplit(target).path).lstrip("/")
        if ".." in rel.split("/"):
            return 404, {}, b""
        file = self.files_root / rel
        if not file.is_file():
            return 404, {"Content-Type": "text/plain"}, b"not found"
        return 200, {"Content-Type": "application/octet-stream"}, file.read_bytes()

    def file_requests(self) -> list[str]:
        """Paths of the WARC files requested, in order."""
        return [p for p in self.paths() if p.endswith((".warc.gz", ".warc"))]
