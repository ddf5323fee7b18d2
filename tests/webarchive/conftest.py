"""Fixtures for the web-archive tests: settings in a temporary warehouse and archive, and helpers
that read whole tables back. Prefect runs on the session's ``prefect_harness`` (tests/conftest.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from orewire.testing.archive_stand_ins import WarcRecord, article_page
from tests.clock import FakeClock


@pytest.fixture
def archive_env(warehouse_env, monkeypatch):
    """Settings on a fresh warehouse and archive, with fast Wayback pacing for the stand-ins."""
    monkeypatch.setenv("OREWIRE_WAYBACK_INTERVAL", "0.2")
    monkeypatch.setenv("OREWIRE_WAYBACK_BACKOFF", "0.2")
    monkeypatch.setenv("OREWIRE_CCNEWS_INTERVAL", "0")
    return warehouse_env


@pytest.fixture
def paced(monkeypatch) -> FakeClock:
    """Every web-archive pacer on a fake clock; ``paced.slots`` is the clock time of each request
    slot a pacer gave out, in order (so the spacing is read exactly, and never waited for)."""
    from orewire.webarchive import pacing

    clock = FakeClock()
    monkeypatch.setattr(pacing, "CLOCK", clock.monotonic)
    monkeypatch.setattr(pacing, "SLEEP", clock.sleep)
    slots: list[float] = []
    wait = pacing.Pacer.wait

    def recording(self: pacing.Pacer) -> None:
        wait(self)
        slots.append(self._clock())

    monkeypatch.setattr(pacing.Pacer, "wait", recording)
    clock.slots = slots  # type: ignore[attr-defined]
    return clock


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def trend_url(article_id: int, section: str = "business/economy", host: str = "en.trend.az") -> str:
    return f"https://{host}/{section}/{article_id}.html"


def trend_record(article_id: int, published: datetime, captured: datetime | None = None, **kw: Any) -> WarcRecord:
    url = trend_url(article_id)
    title = f"Kazakhstan gold deposit tender number {article_id} draws five bidders"
    return WarcRecord(url=url, body=article_page(url, published, title), date=captured or published, **kw)


def query(settings, sql: str) -> list[tuple[Any, ...]]:
    from orewire.warehouse import reader

    conn = reader(settings)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def article_ids(settings) -> list[str]:
    return [r[0] for r in query(settings, "SELECT article_id FROM articles ORDER BY article_id")]
