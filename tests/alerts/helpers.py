"""Articles for the alert tests: Trend pages cleaned and extracted by the real code and loaded by
the one writer into a real DuckDB file, as the pipeline loads them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import duckdb

from orewire.archive.warc import ArchivedResponse
from orewire.settings import Settings
from tests import loading
from tests.loading import FILLER, REPO, load, processed

__all__ = ["FILLER", "REPO", "load", "processed"]


KAZATOMPROM = ["Kazatomprom said on Tuesday it would raise uranium output at the Budenovskoye deposit in Turkistan "
               "region next year.",
               "The company plans to spend more on drilling, its chief executive said at a briefing in Astana."]
BIG_DEAL = ["Kazakhmys acquired a 51% stake in Copper LLP for $120 million, the buyer said."]
SMALL_DEAL = ["Kazakhmys acquired a 20% stake in Zinc LLP for $50 million, the buyer said."]
BIG_INVESTMENT = ["Rio Tinto will invest $200 million in the Zhezkazgan copper project in Kazakhstan."]
TUNGSTEN = ["A Chinese company will develop the Boguty tungsten deposit in Almaty region, the ministry said."]

DAY = datetime(2026, 11, 2, 9, tzinfo=UTC)


def page(number: int, title: str, paragraphs: list[str], *, published: datetime = DAY,
         fetched: datetime | None = None, offset: int = 0, warc: str = "alerts.warc.gz") -> ArchivedResponse:
    """Trend article ``number`` as the archive holds it (its record at ``warc``/``offset``)."""
    return loading.page(number, title, paragraphs, published=published, fetched=fetched, offset=offset, warc=warc)


def rows(settings: Settings, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    conn = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        cur = conn.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    finally:
        conn.close()


def alerts(settings: Settings) -> list[dict[str, Any]]:
    return rows(settings, "SELECT * FROM alerts ORDER BY watch, article_id")
