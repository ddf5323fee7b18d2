"""Archive on an object store: reading archived records by range from S3 (moto's server on loopback)
against reading them from local disk, in the same process.

A generated archive (``--records`` response records, default 2000, of 20-80 KB pages, in WARC
files of ``--file-mb`` MB) is written once, copied, and sent to a loopback S3 server started here
(``orewire.testing.object_store``). Then, each with a fresh archive object:

- ``records``: ``--reads`` (default 500) records picked at random, each read by its (file, offset)
  as the ingest and the web view read them — from the local folder, then from the store (a
  ranged GET of ``RECORD_BLOCK`` bytes from the record's offset, more if the record is longer);
- ``scan``: every record of every file, in order, as reprocess and rebuild read them — local,
  then from the store (``SCAN_BLOCK`` bytes per GET).

Local disk is read first and again last (the machine's speed drifts during a run); the ratios use
the mean of the two. The store here is on loopback: a real one adds the network's round trip to
every GET, so these ratios are a floor.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import orewire.archive.store as store  # noqa: E402
from orewire.archive import WarcWriter  # noqa: E402
from orewire.archive.store import Archive, push  # noqa: E402
from orewire.testing.object_store import ObjectStoreServer  # noqa: E402

WORDS = ("copper", "gold", "uranium", "deposit", "mine", "ore", "tonnes", "ministry", "company", "region",
         "project", "investment", "exploration", "output", "the", "of", "and", "in", "to", "said", "will")


def _page(rng: random.Random) -> bytes:
    words = rng.choices(WORDS, k=rng.randint(20_000, 80_000) // 6)
    lines = [" ".join(words[i:i + 14]) for i in range(0, len(words), 14)]
    return ("<html><body>" + "\n".join(f"<p>{line}.</p>" for line in lines) + "</body></html>").encode()


def build(root: Path, records: int, file_mb: int) -> list[tuple[str, int]]:
    """Write the archive; return every response record's (file, offset)."""
    rng = random.Random(7)
    writer = WarcWriter(root, "trend", "bench", max_file_bytes=file_mb * 2**20)
    start = datetime(2026, 11, 1, tzinfo=UTC)
    locations = []
    for i in range(records):
        loc = writer.write_exchange(
            url=f"https://en.trend.az/business/{4000000 + i}.html", method="GET", request_headers=[],
            request_body=b"", status=200, reason="OK", response_headers=[("Content-Type", "text/html")],
            body=_page(rng), fetched_at=start + timedelta(seconds=i))
        locations.append((loc.warc_file, loc.offset))
    writer.close()
    return locations


def read_records(archive: Archive, picks: list[tuple[str, int]]) -> tuple[float, int]:
    started = time.perf_counter()
    size = sum(len(archive.read_response(name, offset).raw_body) for name, offset in picks)
    return time.perf_counter() - started, size


def scan(archive: Archive) -> tuple[float, int]:
    started = time.perf_counter()
    count = sum(1 for name in archive.warc_files() for _ in archive.iter_responses(name))
    return time.perf_counter() - started, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--reads", type=int, default=500)
    parser.add_argument("--file-mb", type=int, default=16)
    parser.add_argument("--record-kb", type=int, default=store.RECORD_BLOCK // 1024,
                        help="bytes fetched per GET for one record (default: the archive's RECORD_BLOCK)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    store.RECORD_BLOCK = args.record_kb * 1024

    work = Path(tempfile.mkdtemp(prefix="orewire-bench-store-"))
    try:
        local_root = work / "local"
        locations = build(local_root, args.records, args.file_mb)
        on_disk = sum(p.stat().st_size for p in local_root.rglob("*.warc.gz"))
        shutil.copytree(local_root, work / "outbox")
        with ObjectStoreServer() as server:
            os.environ.update(server.env())
            server.create_bucket("bench")
            url = "s3://bench/raw"
            sent = push(Archive(work / "outbox", url), "trend")
            assert not sent.errors, sent.errors
            local = Archive(local_root)
            remote = Archive(work / "empty-outbox", url)  # nothing local: every read goes to the store
            picks = random.Random(11).sample(locations, min(args.reads, len(locations)))

            local_a, size = read_records(local, picks)
            store_r, size_r = read_records(remote, picks)
            local_b, _ = read_records(local, picks)
            assert size == size_r, "the store gave other bytes back"
            scan_local_a, count = scan(local)
            scan_store, count_r = scan(remote)
            scan_local_b, _ = scan(local)
            assert count == count_r == args.records
        local_reads = (local_a + local_b) / 2
        local_scan = (scan_local_a + scan_local_b) / 2
        result = {
            "records": args.records, "files": len({n for n, _ in locations}), "archive_mb": round(on_disk / 2**20, 1),
            "reads": len(picks), "record_block_kb": store.RECORD_BLOCK // 1024,
            "scan_block_mb": store.SCAN_BLOCK // 2**20,
            "read_local_ms_per_record": round(local_reads / len(picks) * 1000, 3),
            "read_store_ms_per_record": round(store_r / len(picks) * 1000, 3),
            "read_ratio_store_to_local": round(store_r / local_reads, 2),
            "scan_local_s": round(local_scan, 3), "scan_store_s": round(scan_store, 3),
            "scan_ratio_store_to_local": round(scan_store / local_scan, 2),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(result))
        return
    print(f"archive: {result['records']} records in {result['files']} files, {result['archive_mb']} MB")
    print(f"{result['reads']} records by (file, offset), {result['record_block_kb']} KB per GET: local {result['read_local_ms_per_record']} ms each, "
          f"store {result['read_store_ms_per_record']} ms each — ratio {result['read_ratio_store_to_local']}x")
    print(f"every record, file by file: local {result['scan_local_s']} s, store {result['scan_store_s']} s "
          f"— ratio {result['scan_ratio_store_to_local']}x")


if __name__ == "__main__":
    main()
