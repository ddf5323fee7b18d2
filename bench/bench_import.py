"""WARC import benchmark: throughput and peak memory of ``import-warc``'s per-file work on a
generated WARC, against warcio merely iterating the same file.

A WARC of ``--size-mb`` (default 1024 MB on disk, one gzip member per record, pages of 20-80 KB
of text) is generated with ``--match`` (default 5%) of its response records on a registry source's
host (Trend article URLs), the rest on other hosts. Each measurement runs in a fresh process, so
its peak RSS is its own:

- ``warcio``: ``for record in ArchiveIterator(file)`` (every record read to its end, nothing kept);
- ``scan``: orewire's pass (route by host, re-archive the matching records with provenance);
- ``import``: the whole per-file task (scan, then clean and extract the kept records chunk by
  chunk into Parquet parts) and the load of its parts through the warehouse writer, with one
  process and with one per CPU.

Targets: scan throughput within 2x of warcio's; peak memory flat in the file size (< 500 MB for
1 GB) — the scan and the one-process import are also run on a file a quarter the size to show
it. The import's peak is shown after the job (scan, clean, extract, parts written) and after the
load; the load's share grows with what the warehouse holds (DuckDB's indexes), which here is the
file's articles. ``--no-full`` skips the (clean + extract bound) full import.

The machine's speed drifts during a run, so warcio's pass is timed first and again last, and the
time ratios use the mean of the two.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORDS = (
    "copper", "gold", "uranium", "zinc", "deposit", "mine", "ore", "tonnes", "ministry", "company",
    "region", "project", "investment", "exploration", "license", "output", "production", "market",
    "price", "export", "drilling", "reserve", "field", "plant", "contract", "government", "agency",
    "report", "quarter", "growth", "energy", "oil", "gas", "rail", "port", "tender", "bidder", "the",
    "of", "and", "in", "to", "for", "on", "with", "by", "from", "at", "as", "said", "will", "has",
    "was", "were", "is", "are", "be",
)


def _page_text(rng: random.Random, size: int) -> str:
    words = rng.choices(WORDS, k=size // 6)
    lines = [" ".join(words[i:i + 14]) for i in range(0, len(words), 14)]
    return "\n".join(f"<p>{line}.</p>" for line in lines)


def _member(data: bytes) -> bytes:
    comp = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    return comp.compress(data) + comp.flush()


def _record(url: str, body: bytes, when: datetime) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False, warc_version="1.1")
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                       ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
    rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                    http_headers=http, warc_headers_dict={"WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ")})
    writer.write_record(rec)
    return _member(buf.getvalue())


def generate(path: Path, size_bytes: int, match: float, seed: int = 7) -> dict[str, int]:
    """Write the benchmark WARC; returns its record counts."""
    from orewire.testing.archive_stand_ins import article_page

    rng = random.Random(seed)
    start = datetime(2024, 3, 1, tzinfo=UTC)
    # Non-matching records repeat from a pool of distinct members (generating 1 GB of fresh
    # compressed pages would take longer than the benchmark itself); each is a different page.
    pool = []
    for i in range(96):
        size = rng.randint(20_000, 80_000)
        body = f"<html><head><title>Other news {i}</title></head><body>{_page_text(rng, size)}</body></html>"
        pool.append(_record(f"https://news{i % 12}.example.org/world/{i}/story.html", body.encode(),
                            start + timedelta(minutes=i)))
    every = max(1, round(1 / match)) if match > 0 else 0
    written = records = matching = 0
    article = 4_500_000
    with open(path, "wb") as fh:
        while written < size_bytes:
            records += 1
            if every and records % every == 0:
                article += 1
                matching += 1
                when = start + timedelta(minutes=records)
                url = f"https://en.trend.az/business/economy/{article}.html"
                paragraphs = [f"Kazakhstan's ministry said the copper deposit tender number {article} drew "
                              "bids from five companies, Trend reports.",
                              "The project would require investment of about $350 million and process "
                              "2.5 million tonnes of ore per year at an average grade of 1.2 g/t.",
                              _page_text(rng, 2_000).replace("<p>", "").replace("</p>", " ")]
                data = _record(url, article_page(url, when, f"Copper tender {article} draws five bidders",
                                                 paragraphs, padding=rng.randint(15_000, 60_000)), when)
            else:
                data = pool[records % len(pool)]
            fh.write(data)
            written += len(data)
    return {"records": records, "matching": matching, "bytes": written}


# -- measurements (each in its own process) --------------------------------------------------------

def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _warm(path: str) -> None:
    """Read the file once so every measurement starts from the same (warm) page cache."""
    with open(path, "rb") as fh:
        while fh.read(1 << 24):
            pass


def measure_warcio(path: str) -> dict[str, float]:
    from warcio.archiveiterator import ArchiveIterator

    _warm(path)
    t0 = time.perf_counter()
    n = 0
    with open(path, "rb") as fh:
        for _record in ArchiveIterator(fh):
            n += 1
    return {"seconds": time.perf_counter() - t0, "records": n, "peak_mb": _peak_mb()}


def measure_scan(path: str, out: str) -> dict[str, float]:
    from orewire.sources import load_registry
    from orewire.webarchive import scan_warc

    registry = load_registry(REPO / "sources.toml")
    _warm(path)
    t0 = time.perf_counter()
    with open(path, "rb") as fh:
        result = scan_warc(fh, path, archive_root=Path(out), registry=registry, run_id="bench", via="import")
    return {"seconds": time.perf_counter() - t0, "records": result.counts.records, "kept": result.counts.kept,
            "peak_mb": _peak_mb()}


def measure_import(path: str, out: str, workers: int = 1) -> dict[str, float]:
    from flows.archives import load_results
    from orewire.settings import get_settings
    from orewire.webarchive import ImportJob, run_job

    settings = get_settings().with_overrides(warehouse=Path(out) / "bench.duckdb", archive=Path(out) / "raw",
                                             state_dir=Path(out) / "state", sources=REPO / "sources.toml")
    job = ImportJob(kind="import", origin=path, key=path, run_id="bench", via="import",
                    archive_root=str(settings.archive), registry_path=str(settings.sources), workers=workers,
                    parts_dir=str(settings.state_dir / "parts"))
    _warm(path)
    t0 = time.perf_counter()
    result = run_job(job)
    t1 = time.perf_counter()
    process_peak = _peak_mb()
    loaded = load_results(settings, [result])
    return {"seconds": time.perf_counter() - t0, "process_seconds": t1 - t0, "records": result.scan.counts.records,
            "kept": result.scan.counts.kept, "articles": loaded.counts.new_articles, "facts": loaded.counts.facts,
            "parts": len(result.parts), "process_peak_mb": process_peak, "peak_mb": _peak_mb()}


def _child(kind: str, path: Path, out: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "src")])}
    proc = subprocess.run([sys.executable, __file__, "--child", kind, str(path), str(out)], capture_output=True,
                          text=True, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", "--mb", type=int, default=1024, help="size of the generated WARC (MB)")
    parser.add_argument("--match", type=float, default=0.05)
    parser.add_argument("--no-full", action="store_true", help="skip the full import (clean + extract + load)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path, out = args.child
        fn = {"warcio": lambda: measure_warcio(path), "scan": lambda: measure_scan(path, out),
              "import": lambda: measure_import(path, out),
              "import-parallel": lambda: measure_import(path, out, os.cpu_count() or 1)}[kind]
        print(json.dumps(fn()))
        return

    tmp = Path(tempfile.mkdtemp(prefix="orewire-bench-import-"))
    try:
        big, small = tmp / "bench.warc.gz", tmp / "quarter.warc.gz"
        t0 = time.perf_counter()
        info = generate(big, args.size_mb * 2**20, args.match)
        generate(small, args.size_mb * 2**20 // 4, args.match)
        mb = info["bytes"] / 2**20
        print(f"generated {mb:,.0f} MB WARC: {info['records']:,} records, {info['matching']:,} matching "
              f"({time.perf_counter() - t0:.0f} s)")
        base = _child("warcio", big, tmp / "o1")
        scan = _child("scan", big, tmp / "o2")
        fulls: dict[str, dict[str, float]] = {}
        if not args.no_full:
            for kind in ("import", "import-parallel"):
                fulls[kind] = _child(kind, big, tmp / kind)
        again = _child("warcio", big, tmp / "o4")
        print(f"warcio pass: {base['seconds']:.1f} s first, {again['seconds']:.1f} s last (the ratios use the mean)")
        base = {**base, "seconds": (base["seconds"] + again["seconds"]) / 2}
        scan_small = _child("scan", small, tmp / "o3")

        def line(name: str, r: dict[str, float]) -> None:
            print(f"{name:<26} {r['records'] / r['seconds']:>9,.0f} records/s  {mb / r['seconds']:>7,.1f} MB/s  "
                  f"{r['seconds']:>7.1f} s  peak RSS {r['peak_mb']:>6,.0f} MB")

        line("warcio iterate", base)
        line("orewire scan + re-archive", scan)
        ratio = scan["seconds"] / base["seconds"]
        print(f"scan/warcio time ratio: {ratio:.2f}x (target <= 2x); kept {scan['kept']:,} records")
        print(f"scan peak RSS: {scan_small['peak_mb']:,.0f} MB on {mb / 4:,.0f} MB, {scan['peak_mb']:,.0f} MB on "
              f"{mb:,.0f} MB (target < 500 MB, flat)")
        if not args.no_full:
            peaks, job_peaks = {}, {}
            for kind, label in (("import", "full import (1 process)"),
                                ("import-parallel", f"full import ({os.cpu_count()} procs)")):
                full = fulls[kind]
                peaks[kind], job_peaks[kind] = full["peak_mb"], full["process_peak_mb"]
                line(label, full)
                print(f"  {full['kept']:,} kept records cleaned and extracted into {full['parts']} parts, "
                      f"{full['articles']:,} articles, {full['facts']:,} facts; "
                      f"{full['kept'] / full['process_seconds']:,.1f} kept records/s; peak RSS "
                      f"{full['process_peak_mb']:,.0f} MB after the job, {full['peak_mb']:,.0f} MB after the load; "
                      f"time ratio to warcio {full['seconds'] / base['seconds']:.2f}x")
            full_small = _child("import", small, tmp / "import-small")
            print(f"full import peak RSS (1 process): {full_small['peak_mb']:,.0f} MB on {mb / 4:,.0f} MB "
                  f"({full_small['kept']:,} kept), {peaks['import']:,.0f} MB on {mb:,.0f} MB "
                  f"(target < 500 MB, flat); the job alone: {full_small['process_peak_mb']:,.0f} MB and "
                  f"{job_peaks['import']:,.0f} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
