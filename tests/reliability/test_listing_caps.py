"""One listing page cannot queue a crawl of days: links taken per page and article requests per
run are capped (registry keys), what is cut is logged and counted, and the next run picks it up.

Real crawler processes (`orewire crawl`) against a loopback site whose one listing page links to
100,000 articles.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from orewire.archive import list_manifests, read_manifest
from orewire.testing.archive_stand_ins import article_page
from orewire.testing.site_server import SiteServer
from tests.cli import orewire

from .conftest import FAST, mb, record_fault, write_registry

LINKS = 100_000
FIRST_ID = 4_000_000
ARTICLE = re.compile(r"^/business/economy/(\d+)\.html$")


def _big_listing() -> bytes:
    items = "\n".join(f'<li><a href="/business/economy/{FIRST_ID + i}.html"><h4>Gold news {i}</h4></a></li>'
                      for i in range(LINKS))
    return f"<html><body><ul class='news-list'>{items}</ul></body></html>".encode()


def _site(listing: bytes):
    def answer(target: str):
        if target == "/latest/":
            return 200, {"Content-Type": "text/html; charset=utf-8", "ETag": '"big-listing"'}, listing
        match = ARTICLE.match(target)
        if match:
            url = f"https://en.trend.az{target}"
            return 200, {"Content-Type": "text/html; charset=utf-8"}, article_page(
                url, datetime(2026, 11, 20, tzinfo=UTC), f"Gold news {match.group(1)}")
        return None

    return SiteServer(generator=answer)


@pytest.mark.slow
def test_caps_cut_a_huge_listing_and_the_next_run_picks_up(tmp_path, warehouse_env):
    registry = write_registry(tmp_path / "sources.toml", {"trend": {
        **FAST, "feeds": [], "sections": ["https://en.trend.az/latest/"], "sitemaps": [],
        "politeness.max_links_per_page": 40, "politeness.max_article_requests": 25}})
    env = {"OREWIRE_SOURCES": str(registry), "OREWIRE_ARCHIVE": str(warehouse_env.archive),
           "OREWIRE_WAREHOUSE": str(warehouse_env.warehouse)}
    listing = _big_listing()
    requested: list[list[str]] = []
    notes: list[str] = []
    with _site(listing) as site:
        for _ in range(2):
            site.clear_log()
            proc = orewire(["crawl", "trend", "--base-url", site.url], env)  # its crawler in its own process
            assert proc.code == 0, proc.stdout + proc.stderr[-3000:]
            requested.append([p for p in site.paths() if ARTICLE.match(p)])
            # The listing is fetched in full each time (no 304: the first run left links behind).
            assert [r.status for r in site.requests_for("/latest/")] == [200]
            notes.append(next(ln for ln in proc.lines if "left for the next run" in ln))

    # Run 1: the first 40 links taken, 25 requested; run 2: links 25..64 (the archived ones do not
    # count against the cap), the next 25 requested.
    assert notes == ["trend: left for the next run: 99960 article links over max_links_per_page, "
                     "15 articles over max_article_requests",
                     "trend: left for the next run: 99935 article links over max_links_per_page, "
                     "15 articles over max_article_requests"], notes
    first, second = requested
    assert sorted(first) == sorted(f"/business/economy/{FIRST_ID + i}.html" for i in range(25))
    assert sorted(second) == sorted(f"/business/economy/{FIRST_ID + i}.html" for i in range(25, 50))
    manifests = list_manifests(warehouse_env.archive, "trend")
    assert len(manifests) == 2
    assert all(len([r for r in read_manifest(m) if r.get("kind") == "article"]) == 25 for m in manifests)
    record_fault(f"listing page of {mb(len(listing))} with {LINKS:,} article links (caps 40 links, 25 requests)",
                 "25 article requests per run; the cut logged and counted; next run took the next 25",
                 "nothing (deferred)")
