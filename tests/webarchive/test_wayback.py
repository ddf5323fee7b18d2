"""`backfill --via wayback` against a loopback CDX stand-in that refuses some requests."""

from __future__ import annotations

import itertools
from datetime import date, datetime

import pytest

from orewire.testing.archive_stand_ins import StandInCapture, WaybackStandIn, article_page

from .conftest import article_ids, query, trend_url, utc

pytestmark = pytest.mark.slow

SINCE, UNTIL = date(2021, 3, 1), date(2021, 3, 31)
INTERVAL = 0.2


def capture(article_id: int, published: datetime, stamp: str, *, host: str = "en.trend.az",
            mimetype: str = "text/html", section: str = "business/economy") -> StandInCapture:
    url = trend_url(article_id, section, host)
    body = article_page(url, published, f"Kazakhstan opens tender for gold deposit {article_id}")
    return StandInCapture(url, stamp, body, mimetype)


def captures() -> list[StandInCapture]:
    return [
        # Published in March, captured in March, April and (within the lag) May.
        capture(3500001, utc(2021, 3, 2, 9), "20210302120000"),
        capture(3500002, utc(2021, 3, 10, 9), "20210311080000"),
        capture(3500003, utc(2021, 3, 20, 9), "20210401080000", section="casia/kazakhstan"),
        capture(3500004, utc(2021, 3, 30, 9), "20210515080000"),
        capture(3500005, utc(2021, 3, 31, 9), "20210331230000", host="www.trend.az"),
        # Captured twice: collapse=urlkey lists the first capture only.
        capture(3500006, utc(2021, 3, 15, 9), "20210316000000"),
        capture(3500006, utc(2021, 3, 15, 9), "20210420000000"),
        # Captured in range but published before it: fetched, then not an article of the range.
        capture(3400001, utc(2021, 2, 20, 9), "20210305000000"),
        # Captured before the range: never listed.
        capture(3400002, utc(2021, 1, 20, 9), "20210121000000"),
        # Not an article URL, and not HTML: listed, never fetched.
        StandInCapture("https://en.trend.az/latest/", "20210310000000", b"<html></html>"),
        capture(3500007, utc(2021, 3, 12, 9), "20210312000000", mimetype="image/jpeg"),
    ]


IN_RANGE = sorted(f"trend:{i}" for i in (3500001, 3500002, 3500003, 3500004, 3500005, 3500006))


def gaps(server: WaybackStandIn, slots: list[float]) -> list[tuple[float, int]]:
    """(seconds the pacer put between a request and the previous one, the previous one's status)
    for every request after the first; ``slots`` are the fake clock's times of the requests."""
    log = sorted(server.log, key=lambda r: r.at)
    assert len(slots) == len(log), (len(slots), len(log))
    return [(b - a, prev.status) for (a, b), prev in zip(itertools.pairwise(slots), log, strict=False)]


def test_wayback_backfill_gets_every_capture_in_range_and_respects_the_rate(prefect_harness, archive_env,
                                                                           monkeypatch, paced):
    from flows.pipeline import backfill_flow
    from orewire.stages import rebuild_warehouse

    monkeypatch.setenv("OREWIRE_WAYBACK_PAGE_SIZE", "3")  # several CDX pages, resume keys
    with WaybackStandIn(captures(), refuse_every=4, retry_after=1) as server:
        monkeypatch.setenv("OREWIRE_WAYBACK_URL", server.url)
        result = backfill_flow(source="trend", since=SINCE, until=UNTIL, via="wayback")
        [line] = result["lines"]
        assert result["ok"], line
        assert article_ids(archive_env) == IN_RANGE
        assert {r[0] for r in query(archive_env, "SELECT DISTINCT via FROM articles")} == {"wayback"}
        assert query(archive_env, "SELECT count(*) FROM not_articles WHERE reason = 'out-of-range'") == [(1,)]
        # The rate: never two requests closer than the interval; after a 429, Retry-After waited.
        assert server.refused >= 3
        measured = gaps(server, paced.slots)  # type: ignore[attr-defined]
        assert min(g for g, _ in measured) >= INTERVAL
        assert [g for g, status in measured if status == 429] and \
            all(g >= 1.0 for g, status in measured if status == 429)
        raw = [r.path for r in server.log if r.path.startswith("/web/") and r.status == 200]
        assert len(raw) == 7 and len(set(raw)) == 7  # 6 in range + 1 published before it; none twice
        assert any("resumeKey=" in r.path for r in server.log)
        assert not any("3400002" in p or "3500007" in p or "latest" in p for p in raw)

        # Provenance in the archive: the original URL, capture time and archive URL.
        prov = query(archive_env, "SELECT url, fetched_at FROM articles WHERE article_id = 'trend:3500004'")
        assert prov == [(trend_url(3500004), utc(2021, 5, 15, 8))]

        # A re-run fetches no capture again.
        server.clear_log()
        again = backfill_flow(source="trend", since=SINCE, until=UNTIL, via="wayback")
        assert again["ok"], again["lines"]
        assert not [r for r in server.log if r.path.startswith("/web/")]
        assert "6 already archived" in again["lines"][0] or "7 already archived" in again["lines"][0]

    # A rebuild from the archive alone decides the range as the run did.
    rebuild_warehouse(archive_env)
    assert article_ids(archive_env) == IN_RANGE


def test_a_service_that_keeps_refusing_stops_cleanly_and_resumes_later(prefect_harness, archive_env,
                                                                       monkeypatch, paced):
    from flows.pipeline import backfill_flow

    monkeypatch.setenv("OREWIRE_WAYBACK_MAX_REFUSALS", "3")
    # Request 1 lists (en.trend.az), 2 lists (www.trend.az), 3-4 fetch two captures, then refusals.
    with WaybackStandIn(captures(), refuse_after=4, retry_after=0) as server:
        monkeypatch.setenv("OREWIRE_WAYBACK_URL", server.url)
        result = backfill_flow(source="trend", since=SINCE, until=UNTIL, via="wayback")
        [line] = result["lines"]
        assert not result["ok"]
        assert "trend: failed:" in line
        assert "wayback keeps refusing (429) — stopped after 3 tries; resume later" in line
        assert len(server.log) == 4 + 3
        # What was archived is loaded: the two earliest captures, one of them published before the range.
        assert article_ids(archive_env) == ["trend:3500001"]
        assert query(archive_env, "SELECT count(*) FROM not_articles WHERE reason = 'out-of-range'") == [(1,)]
    with WaybackStandIn(captures()) as server:
        monkeypatch.setenv("OREWIRE_WAYBACK_URL", server.url)
        result = backfill_flow(source="trend", since=SINCE, until=UNTIL, via="wayback")
        assert result["ok"], result["lines"]
        fetched = [r.path for r in server.log if r.path.startswith("/web/")]
        assert len(fetched) == 7 - 2
        assert article_ids(archive_env) == IN_RANGE
