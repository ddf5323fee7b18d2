"""Crawl throughput: orewire's spider (archiving, manifest, dedup) against a bare Scrapy spider.

Both crawl the same generated loopback site (listing pages plus a few thousand article pages of
news-like size) with politeness off and the same concurrency, each in its own process. Pages/s
is measured on the server side (requests answered between the first and the last request).
The target: orewire keeps at least 85% of the bare spider's throughput.

Usage: python bench/bench_crawl.py [--articles N] [--concurrency C] [--rounds R] [--strict]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from orewire.crawl import crawl_source
from orewire.settings import get_settings
from orewire.testing.site_server import SiteServer

PER_PAGE = 50
WORDS = ["copper", "gold", "lithium", "uranium", "deposit", "tonnes", "ore", "grade", "mine", "smelter", "exploration", "licence", "Kazakhstan", "Uzbekistan", "production", "output", "investment", "ministry", "company", "project", "reserves", "concentrate", "tenge", "dollars", "percent", "said", "year", "region", "plant", "quarter"]

REGISTRY = """
[sources.benchsite]
homepage = "https://bench.example.org/"
hosts = ["bench.example.org"]
sections = ["https://bench.example.org/news/"]
article_pattern = '^/news/(?P<id>\\d+)\\.html$'
listing_links = ["ul.items a"]
page_url = "{section}?page={n}"

[sources.benchsite.politeness]
max_pages = 100000
"""

BARE_SPIDER = """
import sys
import scrapy
from scrapy.crawler import CrawlerProcess

class FollowAll(scrapy.Spider):
    name = "bare"

    def __init__(self, start, **kw):
        super().__init__(**kw)
        self.start_urls = [start]

    def parse(self, response):
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, callback=self.parse)

start, concurrency, user_agent = sys.argv[1], int(sys.argv[2]), sys.argv[3]
process = CrawlerProcess({
    "CONCURRENT_REQUESTS": concurrency, "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
    "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "ROBOTSTXT_OBEY": True,
    "TELNETCONSOLE_ENABLED": False, "REMOTE_CONTROL_ENABLED": False, "COOKIES_ENABLED": False,
    "LOG_LEVEL": "WARNING", "USER_AGENT": user_agent, "LOGSTATS_INTERVAL": 0,
})
process.crawl(FollowAll, start=start)
process.start()
"""


def make_site(articles: int):
    pages = (articles + PER_PAGE - 1) // PER_PAGE

    def article(n: int) -> bytes:
        rnd = random.Random(n)
        paras = "\n".join(
            "<p>" + " ".join(rnd.choice(WORDS) for _ in range(120)) + ".</p>" for _ in range(18))
        related = "".join(f'<li><a href="/news/{rnd.randrange(articles)}.html">Related {k}</a></li>'
                          for k in range(5))
        return (f"<!DOCTYPE html><html><head><title>Article {n}</title>"
                f'<meta property="article:published_time" content="2026-11-26T10:00:00+04:00"></head>'
                f"<body><nav><a href=\"/news/\">News</a></nav><h1>Article {n}</h1>"
                f"<div class=\"article-content\">{paras}</div><ul class=\"related\">{related}</ul>"
                f"</body></html>").encode()

    def listing(page: int) -> bytes:
        first = (page - 1) * PER_PAGE
        items = "".join(f'<li><a href="/news/{i}.html">Story {i}</a></li>'
                        for i in range(first, min(first + PER_PAGE, articles)))
        nxt = f'<a rel="next" href="/news/?page={page + 1}">Next</a>' if page < pages else ""
        return f"<html><body><ul class=\"items\">{items}</ul>{nxt}</body></html>".encode()

    cache: dict[str, bytes] = {}

    def generator(target: str):
        if target == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"
        if target not in cache:
            if target == "/news/" or target.startswith("/news/?page="):
                page = int(target.split("=", 1)[1]) if "=" in target else 1
                if page > pages:
                    return 404, {"Content-Type": "text/html"}, b"<html>none</html>"
                cache[target] = listing(page)
            elif target.startswith("/news/") and target.endswith(".html"):
                number = target[len("/news/"):-len(".html")]
                if not number.isdigit() or int(number) >= articles:
                    return 404, {"Content-Type": "text/html"}, b"<html>none</html>"
                cache[target] = article(int(number))
            else:
                return 404, {"Content-Type": "text/html"}, b"<html>none</html>"
        return 200, {"Content-Type": "text/html; charset=utf-8"}, cache[target]

    return generator, pages


def rate(server: SiteServer) -> tuple[int, float]:
    times = [e.at for e in server.log]
    span = max(times) - min(times) if len(times) > 1 else 0.0
    return len(times), (len(times) / span if span else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args()

    generator, pages = make_site(args.articles)
    best = {"orewire": 0.0, "bare": 0.0}
    counts = {"orewire": 0, "bare": 0}
    with tempfile.TemporaryDirectory(prefix="orewire-bench-") as tmp_dir, \
            SiteServer(generator=generator) as server:
        tmp = Path(tmp_dir)
        registry = tmp / "sources.toml"
        registry.write_text(REGISTRY, encoding="utf-8")
        bare_script = tmp / "bare_spider.py"
        bare_script.write_text(textwrap.dedent(BARE_SPIDER), encoding="utf-8")
        # Warm the page cache so both crawlers see the same server cost.
        for n in range(args.articles):
            generator(f"/news/{n}.html")
        user_agent = get_settings().user_agent
        for round_no in range(args.rounds):
            settings = get_settings().with_overrides(archive=tmp / f"raw{round_no}", state_dir=tmp / "state",
                                                     sources=registry)
            server.clear_log()
            result = crawl_source("benchsite", settings=settings, base_url=server.url, politeness=False,
                                  concurrency=args.concurrency)
            if not result.ok:
                print(f"orewire crawl failed: {result.error}")
                return 1
            n, pps = rate(server)
            counts["orewire"], best["orewire"] = n, max(best["orewire"], pps)

            server.clear_log()
            subprocess.run([sys.executable, str(bare_script), server.url + "/news/", str(args.concurrency),
                            user_agent], check=True)
            n, pps = rate(server)
            counts["bare"], best["bare"] = n, max(best["bare"], pps)
            print(f"round {round_no + 1}: orewire {best['orewire']:.0f} pages/s, bare {best['bare']:.0f} pages/s")

    ratio = best["orewire"] / best["bare"] if best["bare"] else 0.0
    print(f"site: {args.articles} articles, {pages} listing pages; concurrency {args.concurrency}; "
          f"best of {args.rounds} rounds")
    print(f"orewire spider (archive + manifest + dedup): {best['orewire']:8.1f} pages/s ({counts['orewire']} requests)")
    print(f"bare link-following spider:                 {best['bare']:8.1f} pages/s ({counts['bare']} requests)")
    verdict = "ok" if ratio >= 0.85 else "MISSED"
    print(f"ratio orewire/bare: {ratio:.2f} (target >= 0.85: {verdict})")
    return 1 if args.strict and ratio < 0.85 else 0


if __name__ == "__main__":
    sys.exit(main())
