"""The crawler's politeness wiring, on built requests and a fake clock (no server, no waiting):
robots.txt's Crawl-delay reaches the per-host pacer, what robots.txt forbids is recorded, the
pacing middleware waits exactly what the pacer books, and a 429's Retry-After pauses the host.

One end-to-end crawl (tests/crawl/test_crawl_e2e.py) still shows a Retry-After honoured by a
real crawler process against a loopback site.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace

import pytest
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.robotstxt import ProtegoRobotParser
from scrapy.utils.test import get_crawler

import spiders.middlewares as middlewares
from orewire.archive import read_manifest
from orewire.sources import load_registry
from spiders.runtime import HostPacer, RunContext
from tests.clock import FakeClock

from .conftest import REGISTRY

ROBOTS = b"User-agent: *\nCrawl-delay: 1\nDisallow: /private/\n"
HOST = "en.trend.az"
ARTICLE = f"https://{HOST}/business/economy/4205809.html"


@pytest.fixture
def crawl(tmp_path: Path):
    """Makes a crawler whose spider carries a real run context (archive under tmp_path) with a
    pacer on a fake clock."""
    made: list[RunContext] = []

    def make(politeness: bool = True):
        ctx = RunContext(source=load_registry(REGISTRY)["trend"], archive_root=tmp_path / "raw", run_id="r1",
                         politeness=politeness)
        ctx.open()
        made.append(ctx)
        clock = FakeClock()
        ctx.pacer = HostPacer(clock.monotonic)
        crawler = get_crawler(settings_dict={"ROBOTSTXT_OBEY": True, "USER_AGENT": "orewire-test",
                                             "RETRY_TIMES": 2, "RETRY_HTTP_CODES": [429, 500, 503]})
        crawler.spider = SimpleNamespace(ctx=ctx, crawler=crawler, name="trend")  # type: ignore[assignment]
        return crawler, ctx, clock

    yield make
    for ctx in made:
        ctx.close()


def _robots(crawler) -> ProtegoRobotParser:
    return ProtegoRobotParser.from_crawler(crawler, ROBOTS)


def _parsed(crawler, robots: ProtegoRobotParser, request: Request) -> None:
    """What Scrapy's robots.txt middleware does once the file is parsed: the robots_parsed signal."""
    crawler.signals.send_catch_log(signal=signals.robots_parsed, robotparser=robots, request=request)


def test_crawl_delay_reaches_the_pacer_and_forbidden_urls_are_recorded(crawl) -> None:
    crawler, ctx, _clock = crawl()
    robots = middlewares.RecordingRobotsTxtMiddleware(crawler)
    parser = _robots(crawler)
    _parsed(crawler, parser, Request(ARTICLE))
    robots.process_request_2(parser, Request(ARTICLE))
    assert ctx.robots_crawl_delay == 1.0 and ctx.pacer.min_interval == {HOST: 1.0}
    # Three requests to the host: one second apart.
    assert [ctx.pacer.reserve(HOST) for _ in range(3)] == [0, 1, 2]

    with pytest.raises(IgnoreRequest):
        robots.process_request_2(_robots(crawler), Request(f"https://{HOST}/private/news/4205999.html"))
    ctx.close()
    [row] = read_manifest(ctx.manifest.path)  # type: ignore[union-attr]
    assert row["error"] == "forbidden by robots.txt" and row["robots_blocked"]
    assert ctx.counters.robots_blocked == 1


def test_without_politeness_crawl_delay_is_noted_not_applied(crawl) -> None:
    crawler, ctx, _clock = crawl(politeness=False)
    robots = middlewares.RecordingRobotsTxtMiddleware(crawler)  # kept: signal receivers are weak references
    _parsed(crawler, _robots(crawler), Request(ARTICLE))
    assert ctx.robots_crawl_delay == 1.0 and ctx.pacer.min_interval == {}
    assert robots is not None


def test_requests_that_waited_on_the_same_robots_txt_all_get_its_parser(crawl, monkeypatch) -> None:
    """Scrapy hands the parsed file to the first request waiting on it; the others get None from
    the spent Deferred. The parser kept from the robots_parsed signal answers them instead."""
    from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware

    crawler, _ctx, _clock = crawl()
    robots = middlewares.RecordingRobotsTxtMiddleware(crawler)
    parser = _robots(crawler)

    async def spent(self, request):
        return None

    monkeypatch.setattr(RobotsTxtMiddleware, "robot_parser", spent)
    assert asyncio.run(robots.robot_parser(Request(ARTICLE))) is None  # not parsed yet: nothing to answer
    _parsed(crawler, parser, Request(ARTICLE))
    assert asyncio.run(robots.robot_parser(Request(f"https://{HOST}/business/economy/4205810.html"))) is parser
    assert asyncio.run(robots.robot_parser(Request("https://www.trend.az/x.html"))) is None  # another host


def test_pacing_middleware_waits_what_the_pacer_books(crawl, monkeypatch) -> None:
    crawler, ctx, _clock = crawl()
    waited: list[float] = []

    async def sleep(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr(middlewares, "_sleep", sleep)
    ctx.pacer.set_min_interval(HOST, 1.0)
    pacing = middlewares.PacingMiddleware(crawler)
    for _ in range(3):
        asyncio.run(pacing.process_request(Request(ARTICLE)))
    asyncio.run(pacing.process_request(Request("https://www.trend.az/other.html")))  # another host: no wait
    assert waited == [1, 2]


def test_retry_after_pauses_the_host_and_retries(crawl) -> None:
    crawler, ctx, _clock = crawl()
    retry = middlewares.BackoffRetryMiddleware.from_crawler(crawler)
    request = Request(ARTICLE)
    again = retry.process_response(request, Response(ARTICLE, status=429, headers={"Retry-After": "7"},
                                                     request=request))
    assert isinstance(again, Request) and again.url == ARTICLE and again.meta["retry_times"] == 1
    assert ctx.pacer.reserve(HOST) == 7  # the whole host waits, not only this URL
    # A wait longer than allowed: given up for this run, the response is kept.
    long = retry.process_response(request, Response(ARTICLE, status=503, headers={"Retry-After": "3600"},
                                                    request=request))
    assert isinstance(long, Response) and long.status == 503
    # Without Retry-After: exponential back-off, shortened when politeness is off.
    retried = retry.process_response(again, Response(ARTICLE, status=429, request=again))
    assert isinstance(retried, Request) and retried.meta["retry_times"] == 2
    # Retries run out (RETRY_TIMES 2): the last answer stands.
    last = retry.process_response(retried, Response(ARTICLE, status=429, headers={"Retry-After": "1"},
                                                    request=retried))
    assert isinstance(last, Response) and last.status == 429


def test_the_registrys_retry_backoff_spaces_failed_attempts(crawl, tmp_path) -> None:
    """A time-out rests the host for the source's ``retry_backoff`` before the second attempt,
    twice that before the third."""
    from twisted.internet.error import TimeoutError as TwistedTimeout

    from spiders.run import scrapy_settings

    from .conftest import registry_with

    _crawler, ctx, clock = crawl()
    source = load_registry(registry_with(tmp_path, "trend", politeness={"retry_backoff": 0.75}))["trend"]
    assert source.politeness.retry_backoff == 0.75
    ctx.source = source
    settings = scrapy_settings(ctx, "orewire-test", None)
    assert settings.getfloat("OREWIRE_BACKOFF_BASE") == 0.75
    crawler = get_crawler(settings_dict={k: settings[k] for k in ("OREWIRE_BACKOFF_BASE", "RETRY_TIMES")})
    crawler.spider = SimpleNamespace(ctx=ctx, crawler=crawler, name="trend")  # type: ignore[assignment]
    retry = middlewares.BackoffRetryMiddleware.from_crawler(crawler)
    first = retry.process_exception(Request(ARTICLE), TwistedTimeout())
    assert isinstance(first, Request) and first.meta["retry_times"] == 1
    assert ctx.pacer.reserve(HOST) == 0.75
    clock.advance(10)
    second = retry.process_exception(first, TwistedTimeout())
    assert isinstance(second, Request) and second.meta["retry_times"] == 2
    assert ctx.pacer.reserve(HOST) == 1.5
