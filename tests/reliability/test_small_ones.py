"""Small things that told the operator less than the truth: a listing cut by
`max_links_per_page` counts each article it left once; a rebuild that met a damaged WARC record
counts it (no plain "ok, errors 0"); a full disk's message names the file; `status` prints `-`,
never `None`, where a count is unknown.

Real parts: crawler processes against loopback sites, `orewire run` and `orewire rebuild` with a
real Prefect server, WARC files damaged on disk, a 1 MB tmpfs filled by a crawl, DuckDB files.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime

import pytest

from orewire.archive import list_manifests, read_manifest
from orewire.crawl import crawl_source
from orewire.testing.archive_stand_ins import article_page
from orewire.testing.site_server import SiteServer
from tests.cli import orewire

from .conftest import FAST, SITES, command_env, orewire_env, query, record_fault, write_registry
from .test_concurrency_and_safety import _mount, _umount

ARTICLE = re.compile(r"^/business/economy/(\d+)\.html$")
FIRST_ID = 4_300_000


def _listing_site(articles: int, boilerplate: int) -> SiteServer:
    """A listing linking each article twice (picture and title), then a "most read" block."""
    items = "\n".join(f'<li><a href="/business/economy/{FIRST_ID + i}.html"><img src="/i/{i}.jpg"></a>'
                      f'<a href="/business/economy/{FIRST_ID + i}.html"><h4>Gold news {i}</h4></a></li>'
                      for i in range(articles))
    most_read = "".join(f'<li><a href="/business/economy/{FIRST_ID + 10_000 + i}.html">Most read {i}</a></li>'
                        for i in range(boilerplate))
    listing = (f"<html><body><ul class='news-list'>{items}</ul>"
               f"<div class='most-read'><ul>{most_read}</ul></div></body></html>").encode()

    def answer(target: str):
        if target == "/latest/":
            return 200, {"Content-Type": "text/html; charset=utf-8"}, listing
        match = ARTICLE.match(target)
        if match:
            return 200, {"Content-Type": "text/html; charset=utf-8"}, article_page(
                f"https://en.trend.az{target}", datetime(2026, 11, 20, tzinfo=UTC), f"Gold news {match.group(1)}")
        return None

    return SiteServer(generator=answer)


@pytest.mark.slow
def test_a_cut_listing_counts_each_article_left_once(tmp_path, warehouse_env):
    registry = write_registry(tmp_path / "sources.toml", {"trend": {
        **FAST, "feeds": [], "sitemaps": [], "sections": ["https://en.trend.az/latest/"],
        "politeness.max_links_per_page": 40, "politeness.max_article_requests": 1000}})
    env = {"OREWIRE_SOURCES": str(registry), "OREWIRE_ARCHIVE": str(warehouse_env.archive),
           "OREWIRE_WAREHOUSE": str(warehouse_env.warehouse)}
    with _listing_site(100, 5) as site:
        proc = orewire(["crawl", "trend", "--base-url", site.url], env)  # its crawler in its own process
        requested = [p for p in site.paths() if ARTICLE.match(p)]
    assert proc.code == 0, proc.stdout + proc.stderr[-3000:]
    assert len(requested) == 40, requested
    # 100 articles, 40 taken: 60 left (not the 125 links after the cut, pictures and the block of
    # most-read links included).
    note = next(ln for ln in proc.lines if "left for the next run" in ln)
    assert note == "trend: left for the next run: 60 article links over max_links_per_page", note
    record_fault("listing linking each of 100 articles twice, cut at 40 (max_links_per_page)",
                 "40 taken; 'left for the next run: 60 article links' (each article once, most-read block not "
                 "counted)", "nothing (deferred)")


@pytest.mark.slow
def test_a_rebuild_counts_the_damaged_records_it_skipped(rel_env, tmp_path):
    settings, prefect_url = rel_env
    registry = write_registry(tmp_path / "sources.toml", {"trend": FAST})
    env = command_env(orewire_env(settings, prefect_url, registry))
    with SiteServer(SITES / "trend") as site:
        first = orewire(["run", "--source", "trend", "--base-url", site.url, "--workers", "1"], env)
    assert first.code == 0, first.stdout + first.stderr[-3000:]
    # Garbage over the middle of a response record halfway through a WARC file.
    rows = [r for m in list_manifests(settings.archive, "trend") for r in read_manifest(m)
            if r.get("warc_file") and r.get("kind") == "article"]
    row = rows[len(rows) // 2]
    path = settings.archive / row["warc_file"]
    with open(path, "r+b") as fh:
        fh.seek(int(row["warc_offset"]) + 60)
        fh.write(os.urandom(400))

    proc = orewire(["rebuild", "--workers", "1"], env)
    line = next(ln for ln in proc.lines if ln.startswith("all:"))
    assert proc.code == 1, proc.stdout + proc.stderr[-3000:]
    assert line.startswith("all: partial: "), line
    errors = int(re.search(r"errors (\d+)", line).group(1))
    assert errors >= 1, line
    assert f"{row['warc_file']}: stopped reading at a damaged record" in line, line
    assert proc.lines[-1] == "rebuild: finished with failures", proc.lines
    articles = query(settings.warehouse, "SELECT count(*) FROM articles")[0][0]
    assert 0 < articles < len(rows), (articles, len(rows))  # what came before the damage is loaded
    record_fault("rebuild over a WARC file with a damaged record",
                 f"the rest of the file skipped and counted: partial, errors {errors}, the file named; exit 1",
                 f"the file's records after the damage ({len(rows) - articles} articles, from a damaged file)")


@pytest.mark.slow
def test_a_full_disk_message_names_the_file(tmp_path):
    from tests.crawl.conftest import crawl_settings

    archive = tmp_path / "small"
    problem = _mount(archive, "1m")
    if problem:
        pytest.skip(f"cannot mount a small tmpfs to fill: {problem}")
    try:
        registry = write_registry(tmp_path / "sources.toml", {"trend": FAST})
        settings = crawl_settings(tmp_path, registry).with_overrides(archive=archive)
        with SiteServer(SITES / "trend") as site:
            # Article pages of 300 KB of incompressible text: the 1 MB disk fills mid-crawl.
            for page in (SITES / "trend").rglob("42*.html"):
                rel = "/" + page.relative_to(SITES / "trend").as_posix()
                site.put(rel, page.read_bytes().replace(b"</body>", os.urandom(150_000).hex().encode() + b"</body>"))
            full = crawl_source("trend", settings=settings, base_url=site.url, politeness=False, timeout=120)
    finally:
        _umount(archive)
    assert not full.ok and full.error, full.error
    found = re.search(rf"cannot write the archive: ({re.escape(str(archive))}/\S+\.(?:warc\.gz\.open|jsonl)): "
                      r"No space left on device", full.error)
    assert found, full.error
    record_fault("disk full while crawling (the message)",
                 f"names the file: cannot write the archive: <archive>/...{found.group(1)[-14:]}: No space left on "
                 "device", "nothing more fetched")


def test_status_prints_a_dash_where_a_count_is_unknown(warehouse_env):
    from orewire.warehouse import writer
    from orewire.warehouse.load import record_run

    with writer(warehouse_env) as conn:  # a run that failed before it counted anything
        record_run(conn, {"run_id": "20261101T000000Z-daily-trend-abcdef", "flow": "daily", "source": "trend",
                          "started_at": datetime(2026, 11, 1, tzinfo=UTC), "finished_at": datetime(2026, 11, 1, tzinfo=UTC),
                          "status": "failed", "message": "cannot write the archive: /x/runs: Permission denied"})
    assert query(warehouse_env.warehouse, "SELECT fetched, errors FROM runs") == [(None, None)]
    proc = orewire(["status"])
    assert proc.code == 0, proc.stdout + proc.stderr
    row = next(ln for ln in proc.stdout.splitlines() if "│ trend " in ln)
    cells = [c.strip() for c in row.strip("│ ").split("│")]
    assert "None" not in row, row
    assert cells[2] == "failed" and cells[3:7] == ["-", "-", "-", "-"], cells
    record_fault("status of a run whose counts are unknown (failed before counting)",
                 "'-' in the count columns, never 'None'", "nothing")
