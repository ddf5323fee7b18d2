"""Archive every response exactly as the server sent it, and record every request.

:class:`ArchiveMiddleware` sits closest to the downloader (priority 950, above the
decompression and redirect middlewares), so it sees raw bodies and every hop of a redirect
chain. Each response becomes a WARC request/response pair plus a manifest row; each download
failure becomes a manifest row with its error.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.http.headers import Headers
from scrapy.utils.defer import deferred_from_coro

from spiders.runtime import RunContext, error_text

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

log = logging.getLogger(__name__)


def header_pairs(headers: Headers) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for key, values in headers.items():
        name = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        for value in values:
            pairs.append((name, value.decode("latin-1") if isinstance(value, bytes) else str(value)))
    return pairs


def request_kind(request: Request) -> str:
    kind = request.meta.get("orewire_kind")
    if kind:
        return str(kind)
    return "robots" if urlsplit(request.url).path == "/robots.txt" else "other"


def base_row(ctx: RunContext, request: Request) -> dict[str, Any]:
    """The manifest fields every row of ``request`` carries."""
    canonical = ctx.canonical(request.url)
    row: dict[str, Any] = {
        "url": request.url,
        "kind": request_kind(request),
        "canonical_url": canonical,
        "page_key": request.meta.get("orewire_page_key") or canonical,
    }
    ident = request.meta.get("orewire_article_id")
    if ident:
        row["article_id"] = ident
    if request.meta.get("orewire_discovered_by"):
        row["discovered_by"] = request.meta["orewire_discovered_by"]
    redirects = request.meta.get("redirect_urls")
    if redirects:
        row["redirected_from"] = redirects[0]
    return row


def context_of(crawler: Crawler) -> RunContext | None:
    spider = crawler.spider
    return getattr(spider, "ctx", None) if spider is not None else None


class ArchiveMiddleware:
    """Downloader middleware writing the WARC records and manifest rows."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        ctx = context_of(self.crawler)
        if ctx is not None and ctx.archive_error:
            # Nothing more is fetched once the archive could not be written.
            self._close(ctx)
            raise IgnoreRequest(ctx.archive_error)
        request.meta["orewire_sent_at"] = time.time()

    def _close(self, ctx: RunContext) -> None:
        engine = self.crawler.engine
        if not ctx.closing and engine is not None and engine.spider is not None:
            ctx.closing = True
            closing = deferred_from_coro(engine.close_spider_async(reason="archive_error"))
            closing.addErrback(lambda failure: log.error("closing the crawl after an archive error failed: %s",
                                                         failure.getErrorMessage()))

    def process_response(self, request: Request, response: Response) -> Response:
        ctx = context_of(self.crawler)
        if ctx is None or ctx.warc is None:
            return response
        fetched_at = datetime.now(UTC)
        kind = request_kind(request)
        real_url = ctx.to_real(response.url)
        extra = {"Source": ctx.source.name, "Run-Id": ctx.run_id, "Kind": kind}
        if ctx.base_url:
            extra["Original-URL"] = real_url
        req_headers = header_pairs(request.headers)
        if not any(k.lower() == "host" for k, _ in req_headers):
            req_headers.insert(0, ("Host", urlsplit(request.url).netloc))
        try:
            reason = HTTPStatus(response.status).phrase
        except ValueError:
            reason = ""
        try:
            location = ctx.warc.write_exchange(
                url=response.url, method=request.method, request_headers=req_headers,
                request_body=request.body or b"", status=response.status, reason=reason,
                response_headers=header_pairs(response.headers), body=response.body,
                fetched_at=fetched_at, remote_ip=str(response.ip_address) if response.ip_address else None,
                extra=extra,
            )
        except OSError as exc:
            # A response that cannot be archived is not used: the crawl stops at once and says why.
            self._archive_failed(ctx, request, exc)
            raise IgnoreRequest(ctx.archive_error or "cannot write the archive") from None
        final_url = response.url
        redirect = response.headers.get(b"Location")
        if 300 <= response.status < 400 and redirect:
            final_url = urljoin(response.url, redirect.decode("latin-1"))
        row = base_row(ctx, request)
        ident = row.get("article_id")
        new = False
        if kind == "article" and response.status == 200 and ident:
            new = not ctx.index.has_article(ident) and ident not in ctx.archived_now
            ctx.archived_now.add(ident)
        ctype = response.headers.get(b"Content-Type")
        etag = response.headers.get(b"ETag")
        modified = response.headers.get(b"Last-Modified")
        ctx.record(
            **row, final_url=final_url, status=response.status, fetched_at=fetched_at,
            warc_file=location.warc_file, warc_offset=location.offset, bytes=len(response.body),
            content_type=ctype.decode("latin-1") if ctype else None,
            etag=etag.decode("latin-1") if etag else None,
            last_modified=modified.decode("latin-1") if modified else None,
            new=new, elapsed_s=round(time.time() - request.meta.get("orewire_sent_at", time.time()), 3),
        )
        return response

    def _archive_failed(self, ctx: RunContext, request: Request, exc: OSError) -> None:
        ctx.archive_failed(exc)
        try:
            ctx.record(**base_row(ctx, request), final_url=None, status=None, error=ctx.archive_error)
        except ValueError:
            pass  # the manifest is closed: the summary still carries the error
        self._close(ctx)

    def process_exception(self, request: Request, exception: Exception) -> None:
        ctx = context_of(self.crawler)
        if ctx is None or ctx.manifest is None or isinstance(exception, IgnoreRequest):
            return None  # a refused request is recorded by the middleware that refused it
        timeout = request.meta.get("download_timeout") or ctx.timeout
        ctx.record(**base_row(ctx, request), final_url=None, status=None,
                   error=error_text(exception, timeout))
        return None
