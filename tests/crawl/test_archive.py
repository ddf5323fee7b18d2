"""The WARC writer/reader and manifests, without any crawling."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from orewire.archive import (
    CrawlIndex,
    ManifestWriter,
    WarcWriter,
    is_record_start,
    iter_responses,
    list_manifests,
    list_warc_files,
    read_manifest,
    read_response,
    recover_open_files,
)

WHEN = datetime(2026, 11, 27, 3, 19, tzinfo=UTC)


def _write(writer: WarcWriter, n: int, body: bytes = b"<html>x</html>", **kw: object):
    return [
        writer.write_exchange(
            url=f"https://en.trend.az/business/economy/{4205800 + i}.html", method="GET",
            request_headers=[("User-Agent", "orewire/test")], request_body=b"", status=200, reason="OK",
            response_headers=[("Content-Type", "text/html")], body=body + str(i).encode(),
            fetched_at=WHEN, remote_ip="203.0.113.9", **kw)
        for i in range(n)
    ]


def test_round_trip_with_warcio_and_reader(tmp_path: Path) -> None:
    with WarcWriter(tmp_path, "trend", "run1") as writer:
        locs = _write(writer, 3, extra={"Source": "trend", "Original-URL": "https://en.trend.az/x"})
        # While open, the file carries a temporary name and is not listed.
        assert list_warc_files(tmp_path) == []
        assert list(tmp_path.rglob("*.warc.gz.open"))
    files = list_warc_files(tmp_path, "trend")
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [locs[0].warc_file]
    assert locs[0].warc_file.startswith("trend/2026/11/orewire-trend-20261127T031900Z-run1-")
    with open(files[0], "rb") as fh:
        records = [(r.rec_type, r.rec_headers.protocol, r.content_stream().read())
                   for r in ArchiveIterator(fh, check_digests=True)]
    assert [t for t, _, _ in records] == ["warcinfo"] + ["request", "response"] * 3
    assert {p for _, p, _ in records} == {"WARC/1.1"}
    got = list(iter_responses(files[0], tmp_path))
    assert [r.offset for r in got] == [loc.offset for loc in locs]
    assert got[1].body == b"<html>x</html>1" and got[1].status == 200
    assert got[1].extra == {"Source": "trend", "Original-URL": "https://en.trend.az/x"}
    assert got[1].header("content-type") == "text/html"
    one = read_response(tmp_path, locs[2].warc_file, locs[2].offset)
    assert one.url.endswith("4205802.html") and one.body == b"<html>x</html>2"


def test_request_and_response_are_linked(tmp_path: Path) -> None:
    with WarcWriter(tmp_path, "trend", "run1") as writer:
        _write(writer, 1)
    with open(list_warc_files(tmp_path)[0], "rb") as fh:
        records = list((r.rec_type, dict(r.rec_headers.headers)) for r in ArchiveIterator(fh))
    request, response = records[1][1], records[2][1]
    assert request["WARC-Concurrent-To"] == response["WARC-Record-ID"]
    assert response["WARC-Payload-Digest"].startswith("sha1:") and "WARC-Block-Digest" in response
    assert response["WARC-IP-Address"] == "203.0.113.9"


def test_gzip_body_is_kept_as_sent(tmp_path: Path) -> None:
    raw = gzip.compress(b"<html>compressed</html>")
    with WarcWriter(tmp_path, "trend", "run1") as writer:
        writer.write_exchange(url="https://en.trend.az/feeds/index.rss", method="GET", request_headers=[],
                              request_body=b"", status=200, reason="OK",
                              response_headers=[("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")],
                              body=raw, fetched_at=WHEN)
    (resp,) = iter_responses(list_warc_files(tmp_path)[0], tmp_path)
    assert resp.raw_body == raw and resp.body == b"<html>compressed</html>"
    assert resp.header("Transfer-Encoding") == "chunked"


def test_rotation_by_size(tmp_path: Path) -> None:
    with WarcWriter(tmp_path, "trend", "run1", max_file_bytes=1500) as writer:
        locs = _write(writer, 6, body=b"y" * 400)
    assert len({loc.warc_file for loc in locs}) > 1
    assert len(list_warc_files(tmp_path)) == len({loc.warc_file for loc in locs})


def test_truncated_tail_ends_iteration(tmp_path: Path) -> None:
    with WarcWriter(tmp_path, "trend", "run1") as writer:
        locs = _write(writer, 3, body=b"z" * 3000)
    path = list_warc_files(tmp_path)[0]
    data = path.read_bytes()
    path.write_bytes(data[: locs[2].offset + 40])
    assert [r.offset for r in iter_responses(path, tmp_path)] == [locs[0].offset, locs[1].offset]
    path.write_bytes(data[: locs[2].offset - 5] + b"\x00garbage")
    assert len(list(iter_responses(path, tmp_path))) == 2


def test_recover_open_file_after_crash(tmp_path: Path) -> None:
    writer = WarcWriter(tmp_path, "trend", "run1")
    locs = _write(writer, 2)
    open_file = next(tmp_path.rglob("*.open"))
    with open(open_file, "ab") as fh:
        fh.write(b"\x1f\x8b\x08\x00half a record")
    recovered = recover_open_files(tmp_path, "trend")
    assert [p.relative_to(tmp_path).as_posix() for p in recovered] == [locs[0].warc_file]
    assert len(list(iter_responses(recovered[0], tmp_path))) == 2


def test_manifest_rows_and_index(tmp_path: Path) -> None:
    with ManifestWriter(tmp_path, "trend", "run1") as manifest:
        manifest.write(url="http://127.0.0.1:1/business/economy/4205809.html", kind="article", status=200,
                       fetched_at=WHEN, warc_file="trend/2026/11/a.warc.gz", warc_offset=10,
                       article_id="trend:4205809", canonical_url="https://en.trend.az/business/economy/4205809.html")
        manifest.write(url="https://en.trend.az/feeds/index.rss", kind="feed", status=200, fetched_at=WHEN,
                       etag='"abc"', last_modified="Thu, 26 Nov 2026 10:00:00 GMT",
                       canonical_url="https://en.trend.az/feeds/index.rss")
        manifest.write(url="https://en.trend.az/x/1.html", kind="article", status=None, error="DNS lookup failed")
        # Rows reach the disk before the writer closes.
        assert len(read_manifest(manifest.path)) == 3
    with open(manifest.path, "a") as fh:
        fh.write('{"url": "half a line')
    rows = read_manifest(manifest.path)
    assert len(rows) == 3 and rows[0]["fetched_at"] == WHEN.isoformat()
    assert set(rows[0]) >= {"run_id", "source", "url", "final_url", "status", "fetched_at", "warc_file",
                            "warc_offset", "error", "kind", "bytes", "content_type", "etag", "last_modified"}
    assert list_manifests(tmp_path) == [manifest.path] == list_manifests(tmp_path, "trend")
    index = CrawlIndex.build(tmp_path, "trend")
    assert index.has_article("trend:4205809") and len(index.articles) == 1
    assert index.validators["https://en.trend.az/feeds/index.rss"].etag == '"abc"'


def test_archive_response_is_what_a_reader_reads_back(tmp_path: Path) -> None:
    """The importer hands the writer's own copy of a record to cleaning instead of reading it
    back: it must be exactly what read_response returns for every kind of header and body."""
    page = "<html><body><p>Kazakh copper — ünïcode</p></body></html>".encode()
    zipped = gzip.compress(page)
    cases = [
        ([("Content-Type", "text/html; charset=utf-8")], page, {"Source": "trend", "Via": "import"}),
        ([("Content-Type", "text/html"), ("Content-Encoding", "gzip")], zipped,
         {"Source": "trend", "Original-URL": "https://en.trend.az/a/1.html", "Empty": ""}),
        ([("Content-Type", "text/html"), ("Transfer-Encoding", "chunked"), ("X-Odd", "line\r\nbreak")], page,
         {"Origin-Record-ID": "<urn:uuid:1>", "Note": "two\nlines"}),
        ([("content-type", "text/html"), ("Content-Encoding", "gzip")], b"not really gzip", {}),
    ]
    made = []
    with WarcWriter(tmp_path, "trend", "run1") as writer:
        for i, (headers, body, extra) in enumerate(cases):
            made.append(writer.archive_response(
                url=f"https://en.trend.az/business/economy/{4205900 + i}.html", status=200, reason="OK",
                response_headers=headers, body=body, fetched_at=datetime(2026, 11, 27, 3, 19, 7, 123456, tzinfo=UTC),
                remote_ip="203.0.113.9", extra=extra))
    for response in made:
        assert read_response(tmp_path, response.warc_file, response.offset) == response
    assert made[1].body == page and made[1].raw_body == zipped


def test_ranges_cut_at_record_offsets_read_every_record_once(tmp_path: Path) -> None:
    with WarcWriter(tmp_path, "trend", "run1") as writer:
        locs = _write(writer, 7)
    path = list_warc_files(tmp_path, "trend")[0]
    whole = [(r.offset, r.body) for r in iter_responses(path, tmp_path)]
    assert [o for o, _ in whole] == [loc.offset for loc in locs]
    for cuts in ([locs[3].offset], [locs[1].offset, locs[2].offset, locs[6].offset]):
        bounds = [0, *cuts, None]
        parts = [[(r.offset, r.body) for r in iter_responses(path, tmp_path, a, b)] for a, b in pairwise(bounds)]
        assert [x for part in parts for x in part] == whole
        assert all(part for part in parts)
        assert parts[0][-1][0] < cuts[0] <= parts[1][0][0]
    assert all(is_record_start(path, loc.offset) for loc in locs)
    # No offset inside a record passes for its start (warcio alone would read some as ARC records).
    inside = [o for loc in locs for o in range(loc.offset + 1, loc.offset + 200)]
    assert not any(is_record_start(path, o) for o in inside)
    assert not is_record_start(path, path.stat().st_size + 10)
