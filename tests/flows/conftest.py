"""Fixtures for flow tests: loopback copies of two sources and a fresh warehouse and archive."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from orewire.testing.site_server import SiteServer

REPO_ROOT = Path(__file__).resolve().parents[2]
SITES = REPO_ROOT / "tests" / "fixtures" / "sites"
TABLES = ("articles", "article_versions", "entities", "mentions", "facts", "events", "not_articles")


@pytest.fixture
def sites() -> Iterator[dict[str, SiteServer]]:
    servers = {name: SiteServer(SITES / name).start() for name in ("trend", "astanatimes")}
    try:
        yield servers
    finally:
        for server in servers.values():
            server.stop()


@pytest.fixture
def pipeline_env(tmp_path, monkeypatch, prefect_harness):
    from orewire.settings import get_settings

    monkeypatch.setenv("OREWIRE_WAREHOUSE", str(tmp_path / "wh" / "orewire.duckdb"))
    monkeypatch.setenv("OREWIRE_ARCHIVE", str(tmp_path / "raw"))
    return get_settings()


def dump(settings, tables=TABLES) -> dict[str, list[tuple]]:
    """Whole table contents, ordered, for comparisons (the file is opened read-only)."""
    conn = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}
    finally:
        conn.close()


def query(settings, sql: str) -> list[tuple]:
    conn = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


PUBLISHED = re.compile(r'<meta[^>]+(?:property="article:published_time"|itemprop="datePublished")[^>]+content="([^"]+)"')


def published_dates(source: str) -> dict[str, date]:
    """Publication date of every article page of a fixture site, read straight from its markup."""
    found = {}
    for page in (SITES / source).rglob("*.html"):
        match = PUBLISHED.search(page.read_text(encoding="utf-8", errors="replace"))
        if match:
            found[str(page.relative_to(SITES / source))] = datetime.fromisoformat(match.group(1)).date()
    return found
