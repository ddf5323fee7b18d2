"""Articles for the alert tests: Trend pages cleaned and extracted by the real code and loaded by
the one writer into a real DuckDB file, as the pipeline loads them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from orewire.archive.warc import ArchivedResponse
from orewire.records import Processed, ProcessOptions, process_response
from orewire.settings import Settings
from orewire.testing.archive_stand_ins import article_page
from orewire.warehouse import writer
from orewire.warehouse.load import load_processed

REPO = Path(__file__).resolve().parents[2]

# Words enough for an article, with nothing in them to extract.
FILLER = ("Officials of the regional administration discussed the plans with the company at a meeting "
          "on Tuesday, and the talks will continue next month, the statement said.")

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
    url = f"https://en.trend.az/business/economy/{number}.html"
    return ArchivedResponse(url=url, status=200, headers=[("Content-Type", "text/html; charset=utf-8")],
                            body=article_page(url, published, title, [*paragraphs, FILLER]),
                            fetched_at=fetched or published, warc_file=warc, offset=offset,
                            record_id=f"<urn:uuid:{number}-{offset}>")


def processed(settings: Settings, *pages: ArchivedResponse) -> Processed:
    opts = ProcessOptions(archive_root=str(settings.archive), registry_path=str(REPO / "sources.toml"),
                          page_budget_s=0)
    out = Processed()
    for p in pages:
        process_response(p, opts, out)
    assert out.article_count == len(pages) and not out.errors, (out.not_articles, out.errors)
    return out


def load(settings: Settings, *pages: ArchivedResponse) -> None:
    """Clean, extract and load ``pages`` through the warehouse's one writer."""
    with writer(settings) as conn:
        load_processed(conn, processed(settings, *pages))


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
