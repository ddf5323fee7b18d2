"""Safety and politeness middlewares of the orewire crawler.

- :class:`SafetyMiddleware`: only the source's hosts (or the base URL's host), and never a
  private, loopback or link-local address unless the base URL itself points at one. Checked on
  every request, redirects included, against the address the host resolves to.
- :class:`RecordingRobotsTxtMiddleware`: Scrapy's robots.txt handling, plus a manifest row for
  every forbidden URL and the file's ``Crawl-delay`` fed to the pacer (Scrapy ignores it).
- :class:`BackoffRetryMiddleware`: 429/503 wait for ``Retry-After`` (seconds or HTTP date) or an
  exponential back-off, for the whole host, before the retry.
- :class:`PacingMiddleware`: waits for the host's next start time from the pacer.

Why a pacer and not Scrapy's downloader-slot delays: a slot's delay is one fixed gap, which
AutoThrottle rewrites on every response, and Scrapy has no public way to hold a host until a
moment (a Retry-After, the back-off after a time-out). The pacer books start times per host
(Crawl-delay as the least gap, pauses on top) and the middleware awaits its turn without holding
the reactor, so other hosts go on.
"""

from __future__ import annotations

import ipaddress
import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.task import deferLater

from orewire.http import retry_after_seconds
from spiders.archiving import base_row, context_of
from spiders.runtime import RunContext, error_text, is_public_ip

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.robotstxt import RobotParser

log = logging.getLogger(__name__)


class Blocked(IgnoreRequest):
    """A request the crawler refused to send."""


def _reactor() -> Any:
    """The running reactor, imported when first used: importing it at module level would install
    Twisted's default reactor in a process that has none yet (the crawler zygote)."""
    from twisted.internet import reactor

    return reactor


async def _sleep(seconds: float) -> None:
    reactor = _reactor()
    await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))  # type: ignore[arg-type]


def _origin(scheme: str, host: str | None, port: int | None) -> tuple[str, str, int]:
    return scheme, (host or "").lower(), port or (443 if scheme == "https" else 80)


def _base_origin(base_url: str) -> tuple[str, str, int]:
    parts = urlsplit(base_url)
    return _origin(parts.scheme, parts.hostname, parts.port)


class SafetyMiddleware:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self._ips: dict[str, str] = {}
        self._base_ips: set[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SafetyMiddleware:
        return cls(crawler)

    async def _resolve(self, host: str) -> str:
        try:
            ipaddress.ip_address(host)
            return host
        except ValueError:
            pass
        if host not in self._ips:
            self._ips[host] = await maybe_deferred_to_future(_reactor().resolve(host))  # type: ignore[attr-defined,arg-type]
        return self._ips[host]

    def _block(self, ctx: RunContext, request: Request, error: str) -> None:
        ctx.counters.blocked += 1
        ctx.record(**base_row(ctx, request), status=None, error=error)
        raise Blocked(error)

    async def process_request(self, request: Request) -> None:
        ctx = context_of(self.crawler)
        if ctx is None:
            return None
        parts = urlparse_cached(request)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https"):
            self._block(ctx, request, f"blocked: {parts.scheme} URLs are not crawled")
        hop = " (redirect)" if request.meta.get("redirect_urls") else ""
        if host not in ctx.allowed_hosts:
            self._block(ctx, request, f"blocked: off-site host {host}{hop}")
        if ctx.base_url and _origin(parts.scheme, parts.hostname, parts.port) != _base_origin(ctx.base_url):
            # A re-rooted source is one origin: another port on its (often loopback) host is
            # another service, never the source.
            self._block(ctx, request, f"blocked: off-site origin {parts.scheme}://{parts.netloc}{hop}")
        try:
            ip = await self._resolve(host)
        except Exception as exc:
            ctx.record(**base_row(ctx, request), status=None, error=error_text(exc))
            raise IgnoreRequest(error_text(exc)) from None
        if not is_public_ip(ip):
            if self._base_ips is None:
                self._base_ips = set()
                if ctx.base_host:
                    try:
                        self._base_ips.add(await self._resolve(ctx.base_host))
                    except Exception:
                        pass
            if ip not in self._base_ips:
                self._block(ctx, request, f"blocked: {host} resolves to non-public address {ip}")
        return None


class RecordingRobotsTxtMiddleware(RobotsTxtMiddleware):
    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self._parsed: dict[str, RobotParser] = {}
        self._user_agent = str(crawler.settings.get("ROBOTSTXT_USER_AGENT") or crawler.settings.get("USER_AGENT"))
        crawler.signals.connect(self._robots_parsed, signal=signals.robots_parsed)

    def _robots_parsed(self, robotparser: RobotParser, request: Request) -> None:
        """Scrapy's signal for each robots.txt parsed (before any request waiting on it goes on):
        the parser is kept, and its Crawl-delay reaches the host's pacer."""
        netloc = urlparse_cached(request).netloc
        self._parsed[netloc] = robotparser
        ctx = context_of(self.crawler)
        delay = robotparser.crawl_delay(self._user_agent) if hasattr(robotparser, "crawl_delay") else None
        if ctx is not None and delay:
            ctx.robots_crawl_delay = float(delay)
            if ctx.politeness:
                ctx.pacer.set_min_interval(netloc, float(delay))
                log.info("robots.txt of %s asks for Crawl-delay %s s", netloc, delay)

    async def robot_parser(self, request: Request) -> RobotParser | None:
        # Several requests awaiting the same pending robots.txt: all but the first may get None
        # back (the first consumes the Deferred's result); the parser kept from the signal answers.
        result = await super().robot_parser(request)
        return result if result is not None else self._parsed.get(urlparse_cached(request).netloc)

    def process_request_2(self, rp: RobotParser | None, request: Request) -> None:
        ctx = context_of(self.crawler)
        try:
            super().process_request_2(rp, request)
        except IgnoreRequest:
            if ctx is not None:
                ctx.record(**base_row(ctx, request), status=None, error="forbidden by robots.txt",
                           robots_blocked=True)
            raise


class BackoffRetryMiddleware(RetryMiddleware):
    retry_after_max: float = 300.0
    backoff_base: float = 2.0
    backoff_max: float = 120.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        o = cls(crawler.settings)
        o.crawler = crawler
        o.retry_after_max = crawler.settings.getfloat("OREWIRE_RETRY_AFTER_MAX", 300.0)
        o.backoff_base = crawler.settings.getfloat("OREWIRE_BACKOFF_BASE", 2.0)
        o.backoff_max = crawler.settings.getfloat("OREWIRE_BACKOFF_MAX", 120.0)
        return o

    def _backoff(self, request: Request) -> float:
        ctx = context_of(self.crawler)
        base = self.backoff_base if ctx is None or ctx.politeness else min(self.backoff_base, 0.2)
        return float(min(self.backoff_max, base * 2 ** request.meta.get("retry_times", 0)))

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if request.meta.get("dont_retry", False):
            return response
        if response.status in (429, 503):
            asked = retry_after_seconds(response.headers.get(b"Retry-After"))
            wait = asked if asked is not None else self._backoff(request)
            if wait > self.retry_after_max:
                log.warning("%s asks to wait %.0f s; giving up on %s for this run",
                            urlparse_cached(request).netloc, wait, request.url)
                return response
            assert self.crawler.spider is not None
            retry = get_retry_request(
                request, spider=self.crawler.spider, reason=f"{response.status} (waiting {wait:g} s)",
                max_retry_times=request.meta.get("max_retry_times", self.max_retry_times),
                priority_adjust=request.meta.get("priority_adjust", self.priority_adjust))
            if retry is None:
                return response
            ctx = context_of(self.crawler)
            if ctx is not None:
                ctx.pacer.pause(urlparse_cached(request).netloc, wait)
            return retry
        return super().process_response(request, response)

    def process_exception(self, request: Request, exception: Exception) -> Any:  # type: ignore[override]
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            ctx = context_of(self.crawler)
            if ctx is not None:
                ctx.pacer.pause(urlparse_cached(request).netloc, self._backoff(request))
        return result


class PacingMiddleware:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PacingMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        ctx = context_of(self.crawler)
        if ctx is None:
            return None
        wait = ctx.pacer.reserve(urlparse_cached(request).netloc)
        if wait > 0.001:
            await _sleep(wait)
        return None
