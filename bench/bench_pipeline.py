"""End-to-end processing benchmark: reprocess (clean + extract + load) against plain trafilatura.

Writes 2,000 generated ~600-word article pages into a raw archive (as the crawler would, in 16
WARC files), then in one process times: plain ``trafilatura.extract`` on the same pages;
``reprocess`` into a fresh warehouse with 1 worker process (which cleans and extracts while this
process, the warehouse writer, loads); and with 2. Each is run twice, interleaved so that drift in
the machine's speed cancels out. Prints pages/s and the ratios, and, for reading the 2-worker
ratio, how much trafilatura alone gains from a second process at the same time (a shared host's
second core may give well under 2x). Targets: pipeline on 1 worker >= 0.6x trafilatura alone; 2 workers >= 1.7x 1 worker.
The pages are fact-dense (about 40 facts each, paragraphs of the gold set), so fact extraction
weighs more here than on an ordinary news feed.
Then a loopback crawl run twice shows that a run whose feed has nothing new fetches no article page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_facts import build_articles

from orewire.archive import WarcWriter, read_manifest
from orewire.settings import get_settings

PAGES = 2000
FILES = 16


def write_archive(root: Path, pages: list[str]) -> None:
    start = datetime(2026, 11, 1, tzinfo=UTC)
    per_file = -(-len(pages) // FILES)
    for f in range(FILES):
        with WarcWriter(root, "trend", f"bench-{f:02d}") as writer:
            for i in range(f * per_file, min(len(pages), (f + 1) * per_file)):
                when = start + timedelta(minutes=i)
                body = pages[i].replace(
                    "<head>", f'<head><meta property="article:published_time" content="{when.isoformat()}">', 1)
                writer.write_exchange(
                    url=f"https://en.trend.az/business/economy/{4000000 + i}.html", method="GET",
                    request_headers=[("User-Agent", "bench")], request_body=b"", status=200, reason="OK",
                    response_headers=[("Content-Type", "text/html; charset=utf-8")], body=body.encode(),
                    fetched_at=when, extra={"Source": "trend", "Run-Id": f"bench-{f:02d}", "Kind": "article"})


def plain_rate(pages: list[str]) -> float:
    t0 = time.perf_counter()
    for i, page in enumerate(pages):
        trafilatura.extract(page, url=f"https://en.trend.az/business/economy/{4000000 + i}.html")
    return len(pages) / (time.perf_counter() - t0)


def _extract_all(args: tuple[list[str], int]) -> int:
    pages, first = args
    for i, page in enumerate(pages):
        trafilatura.extract(page, url=f"https://en.trend.az/business/economy/{4000000 + first + i}.html")
    return len(pages)


def plain_parallel_rate(pages: list[str], processes: int = 2) -> float:
    """trafilatura alone in ``processes`` processes, each on its share of the pages: how much a
    second core gives at this moment (on a shared host, often less than 2x)."""
    from concurrent.futures import ProcessPoolExecutor

    share = -(-len(pages) // processes)
    jobs = [(pages[i:i + share], i) for i in range(0, len(pages), share)]
    with ProcessPoolExecutor(max_workers=processes) as pool:
        t0 = time.perf_counter()
        done = sum(pool.map(_extract_all, jobs))
        return done / (time.perf_counter() - t0)


def reprocess_rate(settings, workers: int) -> tuple[float, dict]:
    from orewire.stages import reprocess_archive

    t0 = time.perf_counter()
    result = reprocess_archive(["trend"], settings, workers=workers)
    return result.records / (time.perf_counter() - t0), result.as_dict()


def feed_nothing_new(tmp: Path) -> str:
    from orewire.crawl import crawl_source
    from orewire.testing.site_server import SiteServer

    site = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sites" / "trend"
    settings = get_settings().with_overrides(archive=tmp / "crawl-raw", state_dir=tmp / "crawl-state")
    with SiteServer(site).start() as server:
        first = crawl_source("trend", settings=settings, base_url=server.url, politeness=False)
        second = crawl_source("trend", settings=settings, base_url=server.url, politeness=False)
    rows = read_manifest(second.manifest)
    article_fetches = [r for r in rows if r.get("kind") == "article"]
    return (f"second run of a source with nothing new: {len(rows)} requests "
            f"({second.not_modified} answered 304), {len(article_fetches)} article pages "
            f"(first run fetched {first.articles_new} articles)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=PAGES)
    args = ap.parse_args()
    pages = build_articles(args.pages, seed=7)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base = get_settings().with_overrides(archive=tmp / "raw", state_dir=tmp / "state")
        write_archive(base.archive, pages)

        # The machine's speed drifts during a run (by 20% within a minute on a shared host), so the
        # runs are interleaved A B C C B A: trafilatura alone, 1 worker, 2 workers, then the same
        # in reverse. Each rate is the mean of its two runs, and all three are centred on the same
        # moment, so a steady drift weighs on every side alike.
        plain_a = plain_rate(pages)
        plain2_a = plain_parallel_rate(pages)
        one_a, stats1 = reprocess_rate(base.with_overrides(warehouse=tmp / "w1a.duckdb"), 1)
        two_a, stats2 = reprocess_rate(base.with_overrides(warehouse=tmp / "w2a.duckdb"), 2)
        two_b, _ = reprocess_rate(base.with_overrides(warehouse=tmp / "w2b.duckdb"), 2)
        one_b, _ = reprocess_rate(base.with_overrides(warehouse=tmp / "w1b.duckdb"), 1)
        plain2_b = plain_parallel_rate(pages)
        plain_b = plain_rate(pages)
        plain, one, two = (plain_a + plain_b) / 2, (one_a + one_b) / 2, (two_a + two_b) / 2
        plain2 = (plain2_a + plain2_b) / 2
        assert stats1["new_articles"] == stats2["new_articles"] == len(pages), (stats1, stats2)
        print(f"plain trafilatura.extract     {plain:8.1f} pages/s   ({plain_a:.1f}, {plain_b:.1f})")
        print(f"  the same in 2 processes     {plain2:8.1f} pages/s   ({plain2_a:.1f}, {plain2_b:.1f}): "
              f"{plain2 / plain:.2f}x one process, what a second core gives during this run")
        print(f"reprocess, 1 worker           {one:8.1f} pages/s   ({one_a:.1f}, {one_b:.1f}): "
              f"{one / plain:.2f}x trafilatura; target >= 0.6x")
        print(f"reprocess, 2 workers          {two:8.1f} pages/s   ({two_a:.1f}, {two_b:.1f}): "
              f"{two / one:.2f}x one worker; target >= 1.7x")
        print(f"loaded {stats1['new_articles']} articles, {stats1['facts']} facts per run")
        print(feed_nothing_new(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
