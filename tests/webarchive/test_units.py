"""Pure parts of the web-archive stage: CDX parsing, timestamps, months, pacing, Retry-After, the
clean stop of a refusing service, and one WARC scan with every kind of odd record."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from orewire.sources import load_registry
from orewire.testing.archive_stand_ins import StandInCapture, WarcRecord, WaybackStandIn, write_warc
from orewire.webarchive import (
    Pacer,
    PoliteClient,
    ServiceRefused,
    files_for_range,
    months,
    parse_cdx_json,
    retry_after_seconds,
    scan_warc,
)
from orewire.webarchive.wayback import capture_time, cdx_query

from .conftest import trend_record, utc

HEADER = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]


def test_cdx_json_rows_and_resume_key():
    body = json.dumps([HEADER, ["az,trend,en)/a/1.html", "20210305101500", "https://en.trend.az/a/1.html",
                                "text/html", "200", "ABC", "1234"], [], ["az%2Ctrend+20210305"]]).encode()
    captures, resume = parse_cdx_json(body)
    assert [(c.timestamp, c.original, c.mimetype) for c in captures] == [
        ("20210305101500", "https://en.trend.az/a/1.html", "text/html")]
    assert resume == "az%2Ctrend+20210305"
    assert parse_cdx_json(b"[]") == ([], None)
    assert parse_cdx_json(b"") == ([], None)
    captures, resume = parse_cdx_json(json.dumps([HEADER, ["k", "2021", "https://x/", "text/html", "200", "", ""]]).encode())
    assert resume is None and captures[0].captured_at == datetime(2021, 1, 1, tzinfo=UTC)
    with pytest.raises(ValueError):
        parse_cdx_json(b"<html>busy</html>")


def test_capture_time_and_raw_url():
    assert capture_time("20210305101500") == datetime(2021, 3, 5, 10, 15, tzinfo=UTC)
    assert capture_time("202103") == datetime(2021, 3, 1, tzinfo=UTC)
    url = cdx_query("http://127.0.0.1:9", "en.trend.az/", date(2021, 3, 1), date(2021, 5, 31), resume_key="k y")
    assert "matchType=prefix" in url and "from=20210301000000" in url and "to=20210531235959" in url
    assert "filter=statuscode%3A200" in url and "collapse=urlkey" in url and "resumeKey=k+y" in url


def test_months_and_files_for_range():
    assert months(date(2024, 11, 20), date(2025, 1, 3)) == [(2024, 11), (2024, 12), (2025, 1), (2025, 2)]
    assert months(date(2024, 3, 1), date(2024, 3, 31), extra_after=0) == [(2024, 3)]
    paths = [f"crawl-data/CC-NEWS/2024/03/CC-NEWS-202403{d:02d}000000-0000{i}.warc.gz"
             for i, d in enumerate((1, 8, 15, 22))]
    # A file ends where the next starts: the one of the 1st ends on the 8th, before the 10th.
    assert files_for_range(paths, date(2024, 3, 10)) == paths[1:]
    assert files_for_range(paths, date(2024, 3, 1)) == paths


def test_retry_after_values():
    now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Thu, 01 Jan 2026 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_pacer_keeps_the_minimum_gap_across_threads():
    import threading

    pacer = Pacer(0.05)
    stamps: list[float] = []

    class RecordingLock:
        """The pacer's lock, noting each slot claimed before letting the next thread in (a stamp
        taken after wait() returns would measure the scheduler as well)."""

        def __init__(self) -> None:
            self.inner = threading.Lock()

        def __enter__(self) -> None:
            self.inner.acquire()

        def __exit__(self, *exc: object) -> None:
            stamps.append(pacer._next_at - pacer.interval)
            self.inner.release()

    pacer._lock = RecordingLock()  # type: ignore[assignment]

    def go() -> None:
        for _ in range(4):
            pacer.wait()

    threads = [threading.Thread(target=go) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stamps.sort()
    assert min(b - a for a, b in itertools.pairwise(stamps)) >= 0.049


def test_refusing_service_stops_cleanly_after_n_tries():
    with WaybackStandIn([StandInCapture("https://en.trend.az/a/1.html", "20210305000000", b"x")],
                        refuse_all=True, retry_after=0) as server:
        seen: list[int | str] = []
        client = PoliteClient("wayback", "orewire-test", interval=0.05, max_refusals=3, backoff=0.05,
                              on_refusal=lambda url, status, pause, when: seen.append(status))
        with pytest.raises(ServiceRefused) as info:
            client.get(server.url + "/cdx/search/cdx?url=en.trend.az/")
        assert len(server.log) == 3 and seen == [429, 429, 429]
        assert str(info.value) == "wayback keeps refusing (429) — stopped after 3 tries; resume later (HTTP 429)"


def test_long_retry_after_stops_instead_of_sleeping(paced):
    with WaybackStandIn([], refuse_all=True, retry_after=3600) as server:
        client = PoliteClient("wayback", "orewire-test", interval=0.0, max_refusals=5, max_wait=60)
        with pytest.raises(ServiceRefused, match="asked to wait 3600 s"):
            client.get(server.url + "/cdx/search/cdx")
        # one request, and no wait at all asked of the clock: it stopped rather than slept
        assert len(server.log) == 1 and sum(paced.slept) == 0


def test_scan_keeps_source_records_and_counts_the_rest(tmp_path):
    registry = load_registry("sources.toml")
    records = [
        WarcRecord(url="https://en.trend.az/business/economy/3500001.html", body=b"", date=utc(2021, 3, 5),
                   kind="request"),
        trend_record(3500001, utc(2021, 3, 5, 10)),
        WarcRecord(url="https://astanatimes.com/2021/03/gold-tender-opens/", date=utc(2021, 3, 6),
                   body=trend_record(1, utc(2021, 3, 6)).body),
        WarcRecord(url="https://example.org/news/1.html", body=b"<html></html>", date=utc(2021, 3, 5)),
        WarcRecord(url="https://en.trend.az/latest/", body=b"<html></html>", date=utc(2021, 3, 5)),
        WarcRecord(url="https://en.trend.az/business/economy/3500002.html", body=b"%PDF-1.4 ...",
                   content_type="application/pdf", date=utc(2021, 3, 5)),
        WarcRecord(url="https://en.trend.az/business/economy/3500003.html", body=b"gone", status=404,
                   date=utc(2021, 3, 5)),
        WarcRecord(url="metadata://crawl", body=b"k: v", content_type="application/warc-fields",
                   date=utc(2021, 3, 5), kind="metadata"),
        trend_record(3500004, utc(2021, 2, 1), captured=utc(2021, 2, 2)),
        trend_record(3500005, utc(2021, 3, 9)),
    ]
    path = write_warc(tmp_path / "mixed.warc.gz", records, truncate_last=40)
    with open(path, "rb") as fh:
        result = scan_warc(fh, str(path), archive_root=tmp_path / "raw", registry=registry, run_id="r1",
                           via="import", not_before=date(2021, 3, 1))
    c = result.counts
    assert (c.records, c.kept, c.other_hosts, c.not_article_urls, c.non_html, c.not_ok, c.too_early,
            c.non_response, c.truncated) == (10, 2, 1, 1, 1, 1, 1, 2, 1)
    assert result.sources == ["astanatimes", "trend"] and result.error is None
    assert "truncated" in (result.damaged or "")
    # The host filter keeps only the named hosts.
    with open(path, "rb") as fh:
        only = scan_warc(fh, str(path), archive_root=tmp_path / "raw2", registry=registry, run_id="r2",
                         via="import", hosts=("astanatimes.com",))
    assert only.counts.kept == 1 and only.sources == ["astanatimes"]


def test_rearchived_record_carries_its_provenance(tmp_path):
    from orewire.archive import iter_responses, read_manifest

    registry = load_registry("sources.toml")
    path = write_warc(tmp_path / "one.warc", [trend_record(3500001, utc(2021, 3, 5, 10))], gzip_members=False)
    with open(path, "rb") as fh:
        result = scan_warc(fh, str(path), archive_root=tmp_path / "raw", registry=registry, run_id="r1",
                           via="import")
    [resp] = list(iter_responses(tmp_path / "raw" / result.warc_files[0], tmp_path / "raw"))
    assert resp.url == "https://en.trend.az/business/economy/3500001.html"
    assert resp.fetched_at == utc(2021, 3, 5, 10)
    assert {k: resp.extra[k] for k in ("Source", "Run-Id", "Via", "Origin-File")} == {
        "Source": "trend", "Run-Id": "r1", "Via": "import", "Origin-File": "one.warc"}
    assert resp.extra["Origin-Record-ID"].startswith("<urn:uuid:")
    [row] = read_manifest(result.manifests[0])
    assert (row["kind"], row["status"], row["warc_offset"]) == ("article", 200, resp.offset)


def test_scan_hands_each_kept_record_over_as_archived_and_lets_its_errors_through(tmp_path):
    from orewire.archive import read_manifest, read_response

    registry = load_registry("sources.toml")
    records = [trend_record(3500001 + i, utc(2021, 3, 5 + i)) for i in range(3)]
    path = write_warc(tmp_path / "three.warc.gz", records)
    seen = []
    with open(path, "rb") as fh:
        result = scan_warc(fh, str(path), archive_root=tmp_path / "raw", registry=registry, run_id="r1",
                           via="import", on_kept=seen.append)
    archived = [(row["warc_file"], row["warc_offset"]) for row in read_manifest(Path(result.manifests[0]))]
    assert [(r.warc_file, r.offset) for r in seen] == archived and len(seen) == 3
    assert all(read_response(tmp_path / "raw", r.warc_file, r.offset) == r for r in seen)

    def broken(_record):
        raise RuntimeError("worker pool gone")

    # A failing consumer is not a damaged file: its error reaches the caller, the archive is closed.
    with open(path, "rb") as fh, pytest.raises(RuntimeError, match="worker pool gone"):
        scan_warc(fh, str(path), archive_root=tmp_path / "raw2", registry=registry, run_id="r2",
                  via="import", on_kept=broken)
    assert not list((tmp_path / "raw2").rglob("*.open"))
