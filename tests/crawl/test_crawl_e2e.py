"""End-to-end crawls: Scrapy in a subprocess (via crawl_source) against loopback fixture sites."""

from __future__ import annotations

import gzip
import hashlib
from collections import defaultdict
from datetime import date
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from warcio.archiveiterator import ArchiveIterator

from orewire.archive import iter_responses, list_warc_files, read_manifest, read_response
from orewire.crawl import crawl_source
from orewire.sources import load_registry
from orewire.testing.site_server import (
    Route,
    SiteServer,
    redirect_route,
    retry_after_route,
    slow_route,
    status_route,
)
from orewire.urls import identity_key

from .conftest import REGISTRY, SITES, SOURCE_NAMES, crawl_settings, registry_with

pytestmark = pytest.mark.slow


def _target(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def fixture_articles(name: str) -> set[str]:
    """Identity keys of every article page of a fixture site (robots-disallowed ones excluded)."""
    source = load_registry(REGISTRY)[name]
    site = SITES / name
    keys = set()
    for path in site.rglob("*.html"):
        url_path = "/" + path.relative_to(site).as_posix().removesuffix("index.html")
        if source.is_article_url(url_path) and not url_path.startswith("/private/"):
            keys.add(identity_key(url_path))
    return keys


def archived_articles(rows: list[dict]) -> list[str]:
    return [identity_key(_target(r["url"])) for r in rows if r["kind"] == "article" and r["status"] == 200]


def assert_archive_matches_server(root: Path, server: SiteServer, rows: list[dict]) -> None:
    """Every WARC file reads back with warcio, digests pass, and every response payload is
    byte-identical to a body the server sent for that URL."""
    served: dict[str, set[str]] = defaultdict(set)
    for entry in server.log:
        served[entry.path].add(entry.sha256)
    files = list_warc_files(root)
    assert files, "no WARC file written"
    responses = 0
    for path in files:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh, check_digests=True):
                payload = record.raw_stream.read()
                assert record.rec_headers.protocol == "WARC/1.1"
                if record.rec_type == "response":
                    responses += 1
                    target = _target(record.rec_headers.get_header("WARC-Target-URI"))
                    assert hashlib.sha256(payload).hexdigest() in served[target], target
                assert record.digest_checker.passed is not False, record.digest_checker.problems
    with_warc = [r for r in rows if r.get("warc_file")]
    assert responses >= len(with_warc)
    for row in with_warc:
        resp = read_response(root, row["warc_file"], row["warc_offset"])
        assert resp.url == row["url"] and resp.status == row["status"]
    assert not list(root.rglob("*.open")), "a WARC file was left under its temporary name"


@pytest.mark.parametrize("name", SOURCE_NAMES)
def test_crawl_archives_every_article_then_fetches_none_again(tmp_path: Path, name: str) -> None:
    expected = fixture_articles(name)
    assert expected
    settings = crawl_settings(tmp_path)
    with SiteServer(SITES / name) as server:
        first = crawl_source(name, settings=settings, base_url=server.url, politeness=False)
        assert first.ok, first.error
        rows = read_manifest(first.manifest)
        assert set(archived_articles(rows)) == expected
        assert first.articles_new == len(expected)
        assert first.errors == 0, [r for r in rows if r["error"] or r["status"] >= 400]
        assert {r["kind"] for r in rows} >= {"robots", "article"}
        assert all(r["run_id"] == first.run_id and r["source"] == name for r in rows)
        assert_archive_matches_server(settings.archive, server, rows)
        # The archive reader sees exactly the responses the manifest points at.
        read_back = {(r.warc_file, r.offset) for f in list_warc_files(settings.archive, name)
                     for r in iter_responses(f, settings.archive)}
        assert {(r["warc_file"], r["warc_offset"]) for r in rows if r.get("warc_file")} == read_back

        server.clear_log()
        second = crawl_source(name, settings=settings, base_url=server.url, politeness=False)
        assert second.ok, second.error
        source = load_registry(REGISTRY)[name]
        refetched = [p for p in server.paths() if source.is_article_url(p)]
        assert refetched == [] and second.articles_new == 0
        assert second.not_modified >= 1  # feeds/listings answered 304 to conditional requests


def test_trend_identity_gzip_feed_and_revisit(tmp_path: Path, trend_site: SiteServer) -> None:
    settings = crawl_settings(tmp_path)
    first = crawl_source("trend", settings=settings, base_url=trend_site.url, politeness=False)
    assert first.ok, first.error
    # Listed on en.trend.az and in the feed via www.trend.az with tracking parameters: one fetch.
    assert len(trend_site.requests_for("/casia/kazakhstan/4205790.html")) == 1
    rows = read_manifest(first.manifest)
    feed = next(r for r in rows if r["kind"] == "feed")
    archived = read_response(settings.archive, feed["warc_file"], feed["warc_offset"])
    assert archived.header("Content-Encoding") == "gzip"
    assert archived.raw_body[:2] == b"\x1f\x8b" and archived.body.startswith(b"<?xml")
    assert archived.extra["Original-URL"] == "https://en.trend.az/feeds/index.rss"

    page = "/business/economy/4205809.html"
    changed = (SITES / "trend" / page.lstrip("/")).read_text().replace(
        "raises 2027 uranium production guidance</h1>", "raises 2027 uranium production guidance (CORRECTED)</h1>")
    trend_site.put(page, changed)
    trend_site.clear_log()
    second = crawl_source("trend", settings=settings, base_url=trend_site.url, politeness=False)
    assert second.ok and trend_site.requests_for(page) == []

    revisiting = crawl_settings(tmp_path, registry_with(
        tmp_path, "trend", politeness={"download_delay": 0.0, "concurrency": 2, "revisit_hours": 0.0001}))
    third = crawl_source("trend", settings=revisiting, base_url=trend_site.url, politeness=False)
    assert third.ok, third.error
    assert len(trend_site.requests_for(page)) == 1
    row = next(r for r in read_manifest(third.manifest) if r["url"].endswith(page))
    assert row["status"] == 200 and row["discovered_by"] == "revisit" and not row["new"]
    assert b"(CORRECTED)" in read_response(settings.archive, row["warc_file"], row["warc_offset"]).body


def test_failures_are_recorded_and_the_crawl_finishes(tmp_path: Path, trend_site: SiteServer) -> None:
    art = "/business/economy/{}.html"
    trend_site.route(art.format(4209500), status_route(500))
    trend_site.route(art.format(4209429), retry_after_route(2, times=1))
    trend_site.put(art.format(4209429), (SITES / "trend/business/economy/4205702.html").read_bytes())
    trend_site.route(art.format(4209777), slow_route(8))
    trend_site.route(art.format(4209301), redirect_route("http://elsewhere.example.org/stolen.html"))
    trend_site.route(art.format(4209302), redirect_route(art.format(4205809), code=301))
    bomb = gzip.compress(b"<p>copper</p>" * 100_000)  # 1.3 MB once decompressed
    trend_site.route(art.format(4209900), Route(headers={"Content-Encoding": "gzip",
                                                         "Content-Type": "text/html"}, body=bomb))
    registry = registry_with(tmp_path, "trend", politeness={"download_delay": 0.0, "timeout": 1.0,
                                                            "max_bytes": 500_000})
    settings = crawl_settings(tmp_path, registry)
    ids = [4209404, 4209500, 4209429, 4209777, 4209301, 4209302, 4209900]
    urls = ["https://en.trend.az" + art.format(i) for i in ids] + ["https://en.trend.az/private/news/4205999.html"]
    result = crawl_source("trend", settings=settings, base_url=trend_site.url, urls=urls, politeness=False)
    assert result.ok, result.error
    rows = read_manifest(result.manifest)
    by_path: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_path[_target(row["url"])].append(row)

    assert [r["status"] for r in by_path[art.format(4209404)]] == [404]
    assert [r["status"] for r in by_path[art.format(4209500)]] == [500, 500, 500]  # two retries
    assert [r["status"] for r in by_path[art.format(4209429)]] == [429, 200]
    hits = trend_site.requests_for(art.format(4209429))
    assert hits[1].at - hits[0].at >= 1.8, "Retry-After: 2 was not honoured"
    timeouts = by_path[art.format(4209777)]
    assert timeouts and all(r["status"] is None and r["error"].startswith("timed out") for r in timeouts)
    assert [r["status"] for r in by_path[art.format(4209301)]] == [302]
    assert by_path[art.format(4209301)][0]["final_url"] == "http://elsewhere.example.org/stolen.html"
    offsite = by_path["/stolen.html"]
    assert offsite and offsite[0]["error"].startswith("blocked: off-site host elsewhere.example.org")
    assert [r["status"] for r in by_path[art.format(4209302)]] == [301]
    assert [r["status"] for r in by_path[art.format(4205809)]] == [200]
    blocked = by_path["/private/news/4205999.html"]
    assert [r["error"] for r in blocked] == ["forbidden by robots.txt"] and blocked[0]["robots_blocked"]
    assert trend_site.requests_for("/private/news/4205999.html") == []
    big = by_path[art.format(4209900)]
    assert big[0]["status"] == 200 and big[0]["bytes"] == len(bomb)  # archived as sent
    assert big[1]["error"].startswith("body too large after decompression")
    assert result.robots_blocked == 1 and result.errors >= 6
    assert_archive_matches_server(settings.archive, trend_site, rows)


def test_backfill_id_walk_is_bounded(tmp_path: Path, trend_site: SiteServer) -> None:
    for path in (SITES / "trend").rglob("42*.html"):
        rel = "/" + path.relative_to(SITES / "trend").as_posix()
        if not rel.startswith("/private/"):
            trend_site.route(f"/business/{path.stem}.html", redirect_route(rel, code=301))
    registry = registry_with(
        tmp_path, "trend", politeness={"download_delay": 0.0, "id_walk_max": 60}, id_walk=True,
        id_range={"2026-11-20": 4205000, "2026-11-30": 4206000})
    result = crawl_source("trend", settings=crawl_settings(tmp_path, registry), base_url=trend_site.url,
                          mode="backfill", since=date(2026, 11, 25), until=date(2026, 11, 25), politeness=False)
    assert result.ok, result.error
    walked = [p for p in trend_site.paths() if p.count("/") == 2 and p.startswith("/business/4")]
    assert len(walked) == 60 and min(walked) == "/business/4205500.html" and max(walked) == "/business/4205559.html"
    rows = read_manifest(result.manifest)
    found = [r for r in rows if r.get("article_id") == "trend:4205555" and r["status"] == 200]
    assert found and found[0]["url"].endswith("/casia/turkmenistan/4205555.html")


def test_robots_crawl_delay_spaces_a_real_crawls_requests(tmp_path: Path) -> None:
    """robots.txt's Crawl-delay, read by Scrapy's robots.txt middleware, reaches the host's pacer:
    after robots.txt the requests are spaced by it (the registry asks for no delay; without the
    Crawl-delay these three requests arrive within a tenth of a second)."""
    registry = registry_with(tmp_path, "kursiv", politeness={"download_delay": 0.0, "concurrency": 4})
    settings = crawl_settings(tmp_path, registry)
    with SiteServer(SITES / "kursiv") as site:
        site.route("/robots.txt", Route(headers={"Content-Type": "text/plain"},
                                        body=b"User-agent: *\nCrawl-delay: 1\nDisallow: /wp-admin/\n"))
        result = crawl_source("kursiv", settings=settings, base_url=site.url, politeness=True)
        hits = sorted(r.at for r in site.log if r.path != "/robots.txt")
    assert result.ok, result.error
    assert len(hits) >= 3
    # Each start is booked a second after the previous one; what runs between the booking and the
    # request reaching the site (archive, address checks) may shift one arrival by a little.
    span = hits[-1] - hits[0]
    assert span >= (len(hits) - 1) * 1.0 - 0.4, [round(b - a, 3) for a, b in pairwise(hits)]


def test_unreachable_source_reports_one_line(tmp_path: Path) -> None:
    registry = tmp_path / "offline.toml"
    registry.write_text(
        '[sources.offline]\nhomepage = "https://news.invalid/"\nhosts = ["news.invalid"]\n'
        'feeds = ["https://news.invalid/feed/"]\narticle_pattern = \'^/n/\\d+$\'\n'
        "[sources.offline.politeness]\ndownload_delay = 0.0\n", encoding="utf-8")
    result = crawl_source("offline", settings=crawl_settings(tmp_path, registry))
    assert not result.ok and result.fetched == 0
    assert result.error == "cannot reach news.invalid: DNS lookup failed"
    unknown = crawl_source("nosuch", settings=crawl_settings(tmp_path, registry))
    assert not unknown.ok and "unknown source 'nosuch'" in (unknown.error or "")
