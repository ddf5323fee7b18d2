"""A crawl killed between writing a WARC record and its manifest row loses nothing."""

from datetime import UTC, datetime

from orewire.archive import ManifestWriter, WarcWriter, read_manifest, recover_open_files
from orewire.archive.manifest import manifest_path
from orewire.crawl import repair_manifests


def _exchange(writer, n):
    return writer.write_exchange(
        url=f"https://en.trend.az/business/economy/{4300000 + n}.html", method="GET", request_headers=[],
        request_body=b"", status=200, reason="OK", response_headers=[("Content-Type", "text/html")],
        body=f"<html><body>article {n}</body></html>".encode(), fetched_at=datetime(2026, 11, 1, tzinfo=UTC),
        extra={"Source": "trend", "Run-Id": "run-1", "Kind": "article"})


def test_records_missing_from_the_manifest_are_added_after_recovery(tmp_path):
    root = tmp_path / "raw"
    warc = WarcWriter(root, "trend", "run-1")
    manifest = ManifestWriter(root, "trend", "run-1")
    first = _exchange(warc, 1)
    manifest.write(url="u1", status=200, warc_file=first.warc_file, warc_offset=first.offset, kind="article")
    second = _exchange(warc, 2)  # killed before its manifest row
    manifest.close()
    with open(manifest_path(root, "trend", "run-1"), "a", encoding="utf-8") as fh:
        fh.write('{"run_id": "run-1", "url": "half a li')  # and mid-way through another line
    warc._fh.flush()  # the process dies here: the file keeps its temporary name
    recovered = recover_open_files(root, "trend")
    assert len(recovered) == 1
    assert repair_manifests(root, "trend", recovered[0]) == 1
    rows = read_manifest(manifest_path(root, "trend", "run-1"))
    assert [(r["warc_file"], r["warc_offset"]) for r in rows] == [
        (first.warc_file, first.offset), (second.warc_file, second.offset)]
    assert rows[1]["kind"] == "article" and rows[1]["status"] == 200
    # Repairing again adds nothing.
    assert repair_manifests(root, "trend", recovered[0]) == 0
