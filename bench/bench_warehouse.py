"""Warehouse load benchmark: the Arrow upsert path against plain ``executemany``; then the lake.

Loads 1,000,000 fact rows through ``orewire.warehouse.upsert`` (fresh, then the same rows again,
which replaces them) and 10,000 rows through DB-API ``executemany`` into the same schema, in one
process, and prints rows/s for each and the ratio. Targets: >= 200,000 rows/s and >= 100x.

Then the DuckLake warehouse against the DuckDB file, in the same process: the web benchmark's
generated articles (``bench_web.generate``: 100,000 articles with their mentions, facts and events
by default) loaded into each through the writer's path (batches of articles new to the
warehouse with their children, one transaction each, the full-text index kept up to date in it:
the file's BM25 index, the lake's postings), with a throwaway PostgreSQL catalog on loopback and
data files in a local folder; printed are articles/s of each and their ratio. Then four web pages
(overview, search, article, entity) asked of ``orewire web``'s app on each warehouse: median and
p95 of each, and the lake's over the file's.

``python bench/bench_warehouse.py [--lake-articles N] [--batch N] [--repeat N] [--only upsert|lake]``
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from bench_web import generate

from orewire.settings import Settings
from orewire.testing import postgres
from orewire.warehouse import upsert, writer
from orewire.warehouse.fulltext import update_index
from orewire.warehouse.upsert import atomic, replace_children
from orewire.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

ROWS = 1_000_000
EXECUTEMANY_ROWS = 10_000
BATCH = 250_000


def fact_batch(start: int, n: int) -> pa.Table:
    ids = range(start, start + n)
    return pa.table({
        "fact_id": [f"f{i:09d}" for i in ids],
        "article_id": [f"trend:{i // 8}" for i in ids],
        "type": ["amount"] * n,
        "value": [float(i) for i in ids],
        "currency": ["KZT"] * n,
        "value_usd": [i / 470.0 for i in ids],
        "rate_source": ["stated"] * n,
        "commodities": [["copper", "gold"]] * n,
        "sentence": ["About 17 billion tenge ($40.3 million) were attracted to the country."] * n,
        "start": list(ids),
        "end": [i + 40 for i in ids],
        "extractor_version": ["facts-bench"] * n,
    })


def bench_upsert() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(warehouse=Path(tmp) / "bench.duckdb", state_dir=Path(tmp) / "state")
        batches = [fact_batch(s, BATCH) for s in range(0, ROWS, BATCH)]
        with writer(settings, snapshot=False) as conn:
            t0 = time.perf_counter()
            for b in batches:
                upsert(conn, "facts", b)
            fresh = time.perf_counter() - t0
            t0 = time.perf_counter()
            for b in batches:
                upsert(conn, "facts", b)
            again = time.perf_counter() - t0
            count = conn.execute("SELECT count(*) FROM facts").fetchone()
            assert count == (ROWS,), count

            rows = fact_batch(ROWS, EXECUTEMANY_ROWS).to_pylist()
            cols = list(rows[0])
            sql = f"INSERT INTO facts ({', '.join(chr(34) + c + chr(34) for c in cols)}) VALUES ({', '.join('?' * len(cols))})"
            t0 = time.perf_counter()
            conn.executemany(sql, [[r[c] for c in cols] for r in rows])
            many = time.perf_counter() - t0

    up_rate = ROWS / fresh
    re_rate = ROWS / again
    many_rate = EXECUTEMANY_ROWS / many
    print(f"upsert (fresh)     {ROWS:>9,} rows  {up_rate:>12,.0f} rows/s")
    print(f"upsert (replace)   {ROWS:>9,} rows  {re_rate:>12,.0f} rows/s")
    print(f"executemany        {EXECUTEMANY_ROWS:>9,} rows  {many_rate:>12,.0f} rows/s")
    print(f"ratio upsert/executemany: fresh {up_rate / many_rate:,.0f}x, replace {re_rate / many_rate:,.0f}x "
          f"(target >= 100x; upsert target >= 200,000 rows/s)")


# -- the lake -----------------------------------------------------------------------------------------

CHILDREN = ("mentions", "facts", "events")


def load(settings: Settings, tables: dict[str, pa.Table], batch: int) -> float:
    """Seconds to write ``tables`` the writer's way: entities and runs first, then the articles in
    batches of ``batch``, each with its mentions, facts and events in one transaction."""
    articles = tables["articles"]
    ids = articles.column("article_id")
    parts = {name: tables[name].sort_by("article_id") for name in CHILDREN}
    keys = {name: parts[name].column("article_id") for name in CHILDREN}
    with writer(settings, snapshot=False) as conn:
        t0 = time.perf_counter()
        # The file's BM25 index built once (a first load), then kept up to date batch by batch, as
        # a load does; the lake's postings are written batch by batch from the start.
        update_index(conn, [])
        upsert(conn, "entities", tables["entities"], replacing=False)
        upsert(conn, "runs", tables["runs"], replacing=False)
        for start in range(0, articles.num_rows, batch):
            chunk = articles.slice(start, batch)
            chunk_ids = chunk.column("article_id").to_pylist()
            lo, hi = ids[start].as_py(), ids[min(start + batch, articles.num_rows) - 1].as_py()
            children = {name: parts[name].filter(pc.and_(pc.greater_equal(keys[name], lo),
                                                         pc.less_equal(keys[name], hi))) for name in CHILDREN}

            def write(chunk: pa.Table = chunk, chunk_ids: list[str] = chunk_ids,
                      children: dict[str, pa.Table] = children) -> None:
                # As the writer loads articles new to the warehouse: plain inserts, nothing replaced.
                upsert(conn, "articles", chunk, replacing=False)
                for name in CHILDREN:
                    replace_children(conn, name, children[name], [])
                update_index(conn, chunk_ids)

            atomic(conn, write)
        return time.perf_counter() - t0


def sorted_tables(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    out = dict(tables)
    out["articles"] = tables["articles"].sort_by("article_id")
    return out


def page_times(settings: Settings, pages: dict[str, Callable[[int], str]], repeat: int) -> dict[str, list[float]]:
    """Seconds of each request of each page, after one warm-up request each."""
    out: dict[str, list[float]] = {}
    with TestClient(create_app(settings), base_url="http://127.0.0.1:8765") as client:
        for name, path in pages.items():
            assert client.get(path(0)).status_code == 200, name
            times = []
            for i in range(repeat):
                t0 = time.perf_counter()
                response = client.get(path(i))
                times.append(time.perf_counter() - t0)
                if response.status_code != 200:
                    raise RuntimeError(f"{path(i)}: {response.status_code}")
            out[name] = times
    return out


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18] if len(samples) > 1 else samples[0]


def bench_lake(n_articles: int, batch: int, repeat: int) -> None:
    if not postgres.available():
        print("lake: skipped, PostgreSQL's server programs are not installed (make postgres)")
        return
    t0 = time.perf_counter()
    tables = sorted_tables(generate(n_articles))
    print(f"lake: generated {n_articles:,} articles, {tables['mentions'].num_rows:,} mentions, "
          f"{tables['facts'].num_rows:,} facts, {tables['events'].num_rows:,} events "
          f"in {time.perf_counter() - t0:.1f} s")
    ids = tables["articles"].column("article_id").to_pylist()
    rng = random.Random(3)
    article_picks = [rng.choice(ids) for _ in range(repeat)]
    deposits = tables["mentions"].filter(pc.starts_with(tables["mentions"].column("entity_id"), "deposit:")) \
        .group_by("entity_id").aggregate([("article_id", "count")]).sort_by([("article_id_count", "descending")])
    names = deposits.column("entity_id").to_pylist()
    entity_picks = [names[0], names[5], names[100], names[len(names) // 2]]
    searches = ["/search?q=copper+deposit&country=KZ&mining=yes", "/search?q=gold+production&source=trend",
                "/search?q=smelter+concentrate&language=en"]
    pages: dict[str, Callable[[int], str]] = {
        "overview": lambda i: "/",
        "search": lambda i: searches[i % len(searches)],
        "article": lambda i: f"/article/{article_picks[i]}",
        "entity": lambda i: f"/entity/{entity_picks[i % len(entity_picks)]}",
    }
    with tempfile.TemporaryDirectory() as tmp, postgres.cluster() as pg:
        state = Path(tmp) / "state"
        file = Settings(warehouse=Path(tmp) / "bench.duckdb", archive=Path(tmp) / "raw", state_dir=state)
        lake = Settings(warehouse=Path(pg.ducklake()), lake=pg.ducklake(), lake_data=str(Path(tmp) / "lake"),
                        archive=Path(tmp) / "raw", state_dir=state)
        file_s = load(file, tables, batch)
        lake_s = load(lake, tables, batch)
        del tables
        file_rate, lake_rate = n_articles / file_s, n_articles / lake_s
        print(f"load, batches of {batch:,} articles with their children, one transaction each:")
        print(f"  file  {file_s:>8.1f} s  {file_rate:>8,.0f} articles/s")
        print(f"  lake  {lake_s:>8.1f} s  {lake_rate:>8,.0f} articles/s  lake/file {lake_rate / file_rate:.2f}x")
        file_times = page_times(file, pages, repeat)
        lake_times = page_times(lake, pages, repeat)
        print(f"{'page':<10}{'file median':>12}{'file p95':>10}{'lake median':>13}{'lake p95':>10}{'p95 lake/file':>15}")
        for name in pages:
            f, k = file_times[name], lake_times[name]
            print(f"{name:<10}{statistics.median(f) * 1000:>10.0f}ms{p95(f) * 1000:>8.0f}ms"
                  f"{statistics.median(k) * 1000:>11.0f}ms{p95(k) * 1000:>8.0f}ms{p95(k) / p95(f):>14.1f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lake-articles", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1_000, help="articles per transaction in the lake comparison")
    parser.add_argument("--repeat", type=int, default=20, help="requests per page")
    parser.add_argument("--only", choices=["upsert", "lake"])
    args = parser.parse_args()
    if args.only != "lake":
        bench_upsert()
    if args.only != "upsert":
        bench_lake(args.lake_articles, args.batch, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
