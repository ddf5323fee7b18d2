"""The feed poll between full crawls (``crawl_source(mode="feeds")``, the ``<source>-feeds``
deployments of `orewire serve`): a real crawl of a loopback copy of a site that asks for its feeds
alone, conditionally, and is answered 304 once it has them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from orewire.archive import read_manifest
from orewire.crawl import crawl_source
from orewire.sources import load_registry
from orewire.testing.site_server import SiteServer

from .conftest import REGISTRY, SITES, crawl_settings

pytestmark = pytest.mark.slow


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.mark.parametrize("name", ["trend", "astanatimes"])
def test_a_feed_poll_asks_for_the_feeds_alone_and_conditionally(tmp_path: Path, name: str) -> None:
    source = load_registry(REGISTRY)[name]
    feeds = {_path(u) for u in source.feeds}
    walks = {_path(u) for u in (*source.sitemaps, *source.sections)} - feeds
    assert feeds and walks
    settings = crawl_settings(tmp_path)
    with SiteServer(SITES / name) as server:
        first = crawl_source(name, settings=settings, base_url=server.url, politeness=False, mode="feeds")
        assert first.ok, first.error
        asked = server.paths()
        assert feeds <= set(asked)
        assert not walks & set(asked), "a feed poll walked a listing or a sitemap"
        assert first.articles_new > 0
        # Only the feeds' articles: nothing else than robots.txt, the feeds and article pages.
        assert {p for p in asked if p != "/robots.txt" and p not in feeds and not source.is_article_url(p)} == set()
        rows = read_manifest(first.manifest)
        assert {r["kind"] for r in rows} <= {"robots", "feed", "article"}

        server.clear_log()
        second = crawl_source(name, settings=settings, base_url=server.url, politeness=False, mode="feeds")
        assert second.ok, second.error
        feed_hits = [r for r in server.log if r.path in feeds]
        assert feed_hits and all(r.status == 304 for r in feed_hits)
        for hit in feed_hits:
            sent = {k.lower() for k in hit.headers}
            assert sent & {"if-none-match", "if-modified-since"}, hit.headers
        assert second.articles_new == 0 and second.not_modified == len(feed_hits)
        assert [p for p in server.paths() if source.is_article_url(p)] == []
