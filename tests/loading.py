"""Trend article pages as the archive holds them, cleaned and extracted by the real code and loaded
by the warehouse's one writer into a real DuckDB file, as the pipeline loads them: for the tests
that need a loaded warehouse (events, their indexes, alerts)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from orewire.archive.warc import ArchivedResponse
from orewire.records import Processed, ProcessOptions, process_response
from orewire.settings import Settings
from orewire.testing.archive_stand_ins import article_page
from orewire.warehouse import writer
from orewire.warehouse.load import load_processed

REPO = Path(__file__).resolve().parents[1]

# Words enough for an article (the cleaner wants 30), with nothing in them to extract.
FILLER = ("Officials of the regional administration discussed the plans with the company at a meeting "
          "on Tuesday, and the talks will continue next month, the statement said.")


def page(number: int, title: str, paragraphs: list[str], *, published: datetime,
         fetched: datetime | None = None, offset: int = 0, warc: str = "tests.warc.gz") -> ArchivedResponse:
    """Trend article ``number`` as the archive holds it (its record at ``warc``/``offset``)."""
    url = f"https://en.trend.az/business/economy/{number}.html"
    return ArchivedResponse(url=url, status=200, headers=[("Content-Type", "text/html; charset=utf-8")],
                            body=article_page(url, published, title, [*paragraphs, FILLER]),
                            fetched_at=fetched or published, warc_file=warc, offset=offset,
                            record_id=f"<urn:uuid:{number}-{offset}>")


def processed(settings: Settings, *pages: ArchivedResponse) -> Processed:
    """``pages`` cleaned and extracted as a run does it; every one must come out an article."""
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
