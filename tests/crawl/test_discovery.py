"""Pure discovery parsing and politeness helpers (no network)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from orewire.http import retry_after_seconds
from orewire.sources import load_registry
from spiders.parsing import parse_feed, parse_listing_date, parse_sitemap
from spiders.runtime import HostPacer, is_public_ip
from tests.clock import FakeClock

from .conftest import REGISTRY, SITES

BAKU = ZoneInfo("Asia/Baku")


def test_trend_feed_items() -> None:
    entries = parse_feed((SITES / "trend/feeds/index.rss").read_bytes(), BAKU)
    assert len(entries) == 5
    assert entries[0].url == "https://en.trend.az/business/economy/4205840.html"
    assert entries[0].published == datetime(2026, 11, 26, 15, 30, tzinfo=UTC)
    assert entries[2].url.startswith("https://www.trend.az/casia/kazakhstan/4205790.html?utm_source=rss")


def test_atom_feed() -> None:
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
      <entry><link rel="alternate" href="https://astanatimes.com/2026/11/a-b-c/"/><published>2026-11-26T10:00:00Z</published></entry>
    </feed>"""
    (entry,) = parse_feed(atom)
    assert entry.url == "https://astanatimes.com/2026/11/a-b-c/" and entry.published and entry.published.day == 26


def test_news_sitemap_keeps_publication_date() -> None:
    sitemap = parse_sitemap((SITES / "trend/sitemap-news.xml").read_bytes(), BAKU)
    assert sitemap is not None and not sitemap.is_index
    first = sitemap.entries[0]
    assert first.url.endswith("/4205840.html")
    assert first.published == datetime(2026, 11, 26, 19, 30, tzinfo=BAKU)
    index = parse_sitemap((SITES / "miningcom/sitemap.xml").read_bytes())
    assert index is not None and index.is_index and len(index.entries) == 2
    assert parse_sitemap(b"<html><body>no</body></html>") is None


def test_entities_are_not_expanded() -> None:
    evil = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&x;</loc></url></urlset>"""
    sitemap = parse_sitemap(evil)
    assert sitemap is None or all("root:" not in e.url for e in sitemap.entries)


@pytest.mark.parametrize(("text", "expected"), [
    ("26 November 2026 17:57", datetime(2026, 11, 26, 17, 57, tzinfo=BAKU)),
    ("November 26, 2026", datetime(2026, 11, 26, tzinfo=BAKU)),
    ("26.11.2026 17:57", datetime(2026, 11, 26, 17, 57, tzinfo=BAKU)),
    ("2026-11-26T17:57:00+04:00", datetime(2026, 11, 26, 13, 57, tzinfo=UTC)),
    ("17:57", datetime(2026, 11, 27, 17, 57, tzinfo=BAKU)),
    ("25 November 09:00", datetime(2026, 11, 25, 9, 0, tzinfo=BAKU)),
])
def test_listing_dates(text: str, expected: datetime) -> None:
    now = datetime(2026, 11, 27, 8, 0, tzinfo=BAKU)
    assert parse_listing_date(text, BAKU, now) == expected


def test_retry_after_forms() -> None:
    now = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
    assert retry_after_seconds(b"7") == 7
    assert retry_after_seconds("Fri, 27 Nov 2026 03:00:30 GMT", now) == 30
    assert retry_after_seconds(None) is None and retry_after_seconds("soon") is None


def test_pacer_spaces_requests() -> None:
    clock = FakeClock()
    pacer = HostPacer(clock.monotonic)
    pacer.set_min_interval("h", 1.0)
    assert [pacer.reserve("h") for _ in range(3)] == [0, 1, 2]
    clock.advance(1.5)  # the second request went out; the third still waits its turn
    assert pacer.reserve("h") == 1.5  # a fourth: after the third, one interval on
    pacer.pause("other", 5)
    assert pacer.reserve("other") == 5
    pacer.pause("h", 10)  # Retry-After: nothing to the host before the pause ends
    assert pacer.reserve("h") == 10
    assert pacer.reserve("free") == 0


@pytest.mark.parametrize(("ip", "public"), [
    ("8.8.8.8", True), ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False),
    ("169.254.169.254", False), ("::1", False), ("fe80::1", False), ("::ffff:127.0.0.1", False),
    ("0.0.0.0", False), ("2001:4860:4860::8888", True),
])
def test_address_classes(ip: str, public: bool) -> None:
    assert is_public_ip(ip) is public


def test_id_interpolation() -> None:
    from spiders.generic import SourceSpider

    class Probe(SourceSpider):
        def __init__(self) -> None:  # only the interpolation is exercised
            self.source = load_registry(REGISTRY)["trend"]

    probe = Probe()
    assert probe.id_for_date(date(2021, 2, 10)) == 3378389
    assert probe.id_for_date(date(2021, 8, 14)) == 3469070
    mid = probe.id_for_date(date(2022, 1, 1))
    assert mid is not None and 3469070 < mid < 3682680
    later = probe.id_for_date(date(2026, 1, 1))
    assert later is not None and later > 3958753
