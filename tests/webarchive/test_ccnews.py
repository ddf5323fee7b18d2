"""`backfill --via ccnews` against a loopback CC-NEWS stand-in serving generated WARC files."""

from __future__ import annotations

from datetime import date

import pytest

from orewire.testing.archive_stand_ins import CCNewsStandIn, WarcRecord, article_page, write_warc

from .conftest import article_ids, query, trend_record, utc

pytestmark = pytest.mark.slow

SINCE, UNTIL = date(2024, 3, 1), date(2024, 3, 31)


def other(url: str, when) -> WarcRecord:
    return WarcRecord(url=url, date=when, body=article_page(url, when, "Copper output rises at Aktogay"))


def build(server: CCNewsStandIn) -> dict[str, list[str]]:
    root = server.files_root
    base = "crawl-data/CC-NEWS/2024/{m:02d}/CC-NEWS-2024{m:02d}{d:02d}000000-{n:05d}.warc.gz"
    files = {
        base.format(m=3, d=1, n=1): [
            trend_record(4000001, utc(2024, 3, 1, 8), captured=utc(2024, 3, 1, 9)),
            trend_record(3999001, utc(2024, 2, 27, 8), captured=utc(2024, 2, 29, 23)),  # captured before since
            other("https://astanatimes.com/2024/03/copper-output-rises/", utc(2024, 3, 2)),
            other("https://news.example.org/2024/03/copper/", utc(2024, 3, 2)),
            trend_record(4000002, utc(2024, 3, 5, 8), captured=utc(2024, 3, 5, 9)),
        ],
        base.format(m=3, d=20, n=2): [
            trend_record(3999002, utc(2024, 2, 10, 8), captured=utc(2024, 3, 20, 9)),  # published before
            WarcRecord(url="https://en.trend.az/business/economy/4000009.html", body=b"\x89PNG\r\n",
                       content_type="image/png", date=utc(2024, 3, 20)),
            trend_record(4000003, utc(2024, 3, 30, 8), captured=utc(2024, 3, 30, 9)),
        ],
        base.format(m=4, d=2, n=3): [
            trend_record(4000004, utc(2024, 3, 31, 20), captured=utc(2024, 4, 2, 1)),  # captured the month after
            trend_record(4000005, utc(2024, 4, 2, 8), captured=utc(2024, 4, 2, 9)),    # published after until
            other("https://www.mining.com/copper-output-rises-at-aktogay/", utc(2024, 4, 2)),
        ],
    }
    for rel, records in files.items():
        write_warc(root / rel, records)
    server.add_month(2024, 3, [p for p in files if "/03/" in p])
    server.add_month(2024, 4, [p for p in files if "/04/" in p])
    # A later month exists too: it is not listed for this range.
    server.add_month(2024, 5, ["crawl-data/CC-NEWS/2024/05/CC-NEWS-20240501000000-00004.warc.gz"])
    return files


def test_ccnews_backfill_keeps_the_source_and_range_and_reads_each_file_once(prefect_harness, archive_env,
                                                                            monkeypatch, tmp_path):
    from flows.pipeline import backfill_flow

    with CCNewsStandIn(tmp_path / "cc") as server:
        files = build(server)
        monkeypatch.setenv("OREWIRE_CCNEWS_URL", server.url)
        result = backfill_flow(source="trend", since=SINCE, until=UNTIL, via="ccnews")
        [line] = result["lines"]
        assert result["ok"], line
        assert article_ids(archive_env) == [f"trend:{i}" for i in (4000001, 4000002, 4000003, 4000004)]
        assert query(archive_env, "SELECT DISTINCT source, via FROM articles") == [("trend", "ccnews")]
        reasons = query(archive_env, "SELECT reason, count(*) FROM not_articles GROUP BY ALL ORDER BY ALL")
        assert reasons == [("out-of-range", 2)]
        assert sorted(server.file_requests()) == sorted("/" + p for p in files)
        assert not any("/2024/05/" in p for p in server.paths())
        done = query(archive_env, "SELECT path FROM processed_files WHERE kind = 'ccnews' ORDER BY path")
        assert [r[0] for r in done] == sorted(files)
        # Every kept record is in orewire's own archive with its origin.
        origins = query(archive_env, "SELECT count(*) FROM fetches WHERE url LIKE 'https://en.trend.az/%'")
        assert origins == [(6,)]

        server.clear_log()
        again = backfill_flow(source="trend", since=SINCE, until=UNTIL, via="ccnews")
        assert again["ok"], again["lines"]
        assert server.file_requests() == []  # finished files are not read again
        assert "3 done before" in again["lines"][0]
        assert article_ids(archive_env) == [f"trend:{i}" for i in (4000001, 4000002, 4000003, 4000004)]


def test_ccnews_file_that_breaks_off_is_read_again(prefect_harness, archive_env, monkeypatch, tmp_path):
    from flows.pipeline import backfill_flow

    with CCNewsStandIn(tmp_path / "cc") as server:
        files = build(server)
        broken = next(iter(files))
        path = server.files_root / broken
        whole = path.read_bytes()
        path.write_bytes(whole[: len(whole) - 30])  # the transfer ends inside the last record
        monkeypatch.setenv("OREWIRE_CCNEWS_URL", server.url)
        result = backfill_flow(source="trend", since=SINCE, until=UNTIL, via="ccnews")
        assert not result["ok"] and "partial" in result["lines"][0]
        assert "trend:4000001" in article_ids(archive_env)
        path.write_bytes(whole)
        server.clear_log()
        again = backfill_flow(source="trend", since=SINCE, until=UNTIL, via="ccnews")
        assert again["ok"], again["lines"]
        assert server.file_requests() == ["/" + broken]
        assert "trend:4000002" in article_ids(archive_env)
