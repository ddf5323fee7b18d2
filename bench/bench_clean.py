"""Cleaning speed: orewire's clean_response against plain trafilatura.extract on the same pages.

Run by ``make bench`` (not by pytest). Prints ms/page for both and the ratio; the target is an
overhead of at most 25% (ratio <= 1.25). Both run in one process, alternating in rounds, and the
fastest round of each counts, so that noise from other processes weighs on both alike.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from orewire.clean import Article, clean_response
from orewire.clean.evaluate import BenchmarkPage, evaluate, load_corpus

BENCHMARK = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "article-extraction-benchmark"
ROUNDS = 5
TARGET_RATIO = 1.25


def orewire(page: BenchmarkPage) -> str | None:
    record = clean_response(page.url, page.html, headers={"Content-Type": "text/html; charset=utf-8"})
    return record.text if isinstance(record, Article) else None


def plain(page: BenchmarkPage) -> str | None:
    return trafilatura.extract(page.html.decode("utf-8"), url=page.url)


def one_round(pages: list[BenchmarkPage], extractor: Callable[[BenchmarkPage], str | None]) -> float:
    gc.collect()
    started = time.perf_counter()
    for page in pages:
        extractor(page)
    return (time.perf_counter() - started) * 1000 / len(pages)


def main() -> int:
    if not (BENCHMARK / "ground-truth.json").is_file():
        print(f"benchmark corpus not found at {BENCHMARK.resolve()}", file=sys.stderr)
        return 2
    pages = list(load_corpus(BENCHMARK))
    for page in pages[:10]:  # warm caches and lazy imports of both
        orewire(page)
        plain(page)
    times: dict[str, list[float]] = {"orewire": [], "trafilatura": []}
    for _ in range(ROUNDS):
        times["trafilatura"].append(one_round(pages, plain))
        times["orewire"].append(one_round(pages, orewire))
    ours, theirs = min(times["orewire"]), min(times["trafilatura"])
    ratio = ours / theirs
    print(f"pages: {len(pages)}, rounds: {ROUNDS} (fastest round counts)")
    print(f"trafilatura.extract  {theirs:7.1f} ms/page   F1 {evaluate(pages, plain).f1:.4f}")
    print(f"orewire clean        {ours:7.1f} ms/page   F1 {evaluate(pages, orewire).f1:.4f}")
    verdict = "ok" if ratio <= TARGET_RATIO else "over target"
    print(f"ratio                {ratio:7.2f}  (target <= {TARGET_RATIO}: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
