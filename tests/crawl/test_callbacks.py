"""Spider callbacks on built responses (fixture pages as Scrapy ``HtmlResponse``/``XmlResponse``),
no crawler process: a backfill's discovery through robots.txt's Sitemap line, the sitemap index
and the news sitemap, and its listing walk back to the page older than ``--since``.

The crawler process itself is covered once per source by tests/crawl/test_crawl_e2e.py, and a
whole backfill run by tests/flows/test_flows.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

from scrapy.http import HtmlResponse, Request, XmlResponse
from scrapy.robotstxt import ProtegoRobotParser
from scrapy.utils.test import get_crawler

from orewire.sources import load_registry
from spiders.runtime import RunContext
from spiders.trend import TrendSpider

from .conftest import REGISTRY, SITES

LATEST = "https://en.trend.az/latest/"
DAY = date(2026, 11, 25)
IN_RANGE = {"/business/economy/4205702.html", "/casia/kazakhstan/4205688.html"}


def fixture_file(url: str) -> Path:
    """The fixture file the loopback site serves for ``url`` (``/a/?page=2`` -> ``a/index@page=2.html``)."""
    parts = urlsplit(url)
    base = parts.path.lstrip("/")
    if not base or base.endswith("/"):
        base += "index"
    if parts.query:
        base += "@" + parts.query
    for candidate in (base, base + ".html", base + ".xml"):
        if (SITES / "trend" / candidate).is_file():
            return SITES / "trend" / candidate
    raise FileNotFoundError(url)


def response_for(request: Request) -> HtmlResponse | XmlResponse:
    body = fixture_file(request.url).read_bytes()
    cls = XmlResponse if request.url.endswith(".xml") else HtmlResponse
    return cls(url=request.url, body=body, request=request, encoding="utf-8")


def backfill_spider(tmp_path: Path) -> tuple[TrendSpider, list[Request]]:
    """A Trend spider in backfill mode for one day; requests it hands the engine go to the list."""
    ctx = RunContext(source=load_registry(REGISTRY)["trend"], archive_root=tmp_path / "raw", run_id="r1",
                     mode="backfill", since=DAY, until=DAY, politeness=False)
    ctx.open()
    spider = TrendSpider(ctx)
    engine: list[Request] = []
    spider.crawler = SimpleNamespace(engine=SimpleNamespace(crawl=engine.append))  # type: ignore[assignment]
    return spider, engine


def run(requests: list[Request]) -> tuple[list[str], list[str]]:
    """Answer every discovery request from the fixture site, following what the callbacks yield;
    (page paths fetched, article paths requested)."""
    pages, articles = [], []
    queue = list(requests)
    while queue:
        request = queue.pop(0)
        path = urlsplit(request.url).path + (f"?{urlsplit(request.url).query}" if urlsplit(request.url).query else "")
        if request.meta.get("orewire_kind") == "article":
            articles.append(path)
            continue
        pages.append(path)
        queue.extend(request.callback(response_for(request)))
    return pages, articles


def test_backfill_finds_the_day_by_sitemap_dates_and_listing_dates(tmp_path: Path) -> None:
    spider, engine = backfill_spider(tmp_path)
    try:
        # robots.txt names the sitemap index: the spider hands it to the engine.
        robots = ProtegoRobotParser.from_crawler(get_crawler(), fixture_file("/robots.txt").read_bytes())
        spider._robots_parsed(robots, Request("https://en.trend.az/robots.txt"))
        assert [r.url for r in engine] == ["https://en.trend.az/sitemap.xml"]
        sitemap_pages, from_sitemaps = run(engine)
        assert sitemap_pages == ["/sitemap.xml", "/sitemap-news.xml"]
        assert set(from_sitemaps) == IN_RANGE

        # The listing is walked back until its items are older than --since: page 3, not page 4.
        listing = [r for r in spider.start_requests_list() if r.url == LATEST]
        walked, from_listing = run(listing)
        assert walked == ["/latest/", "/latest/?page=2", "/latest/?page=3"]
        assert spider.ctx.walks[LATEST]["stopped"] == "page 3: items older than --since 2026-11-25"
        # Articles already requested (by the sitemap) are not asked for twice; nothing out of range is.
        assert set(from_listing) <= IN_RANGE and not set(from_listing) & set(from_sitemaps)
    finally:
        spider.ctx.close()


def test_daily_spider_ignores_robots_sitemaps(tmp_path: Path) -> None:
    ctx = RunContext(source=load_registry(REGISTRY)["trend"], archive_root=tmp_path / "raw", run_id="r1",
                     politeness=False)
    ctx.open()
    try:
        spider = TrendSpider(ctx)
        engine: list[Request] = []
        spider.crawler = SimpleNamespace(engine=SimpleNamespace(crawl=engine.append))  # type: ignore[assignment]
        robots = ProtegoRobotParser.from_crawler(get_crawler(), fixture_file("/robots.txt").read_bytes())
        spider._robots_parsed(robots, Request("https://en.trend.az/robots.txt"))
        assert engine == []
    finally:
        ctx.close()
