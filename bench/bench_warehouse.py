"""Warehouse load benchmark: the Arrow upsert path against plain ``executemany``.

Loads 1,000,000 fact rows through ``orewire.warehouse.upsert`` (fresh, then the same rows again,
which replaces them) and 10,000 rows through DB-API ``executemany`` into the same schema, in one
process, and prints rows/s for each and the ratio. Targets: >= 200,000 rows/s and >= 100x.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pyarrow as pa

from orewire.settings import Settings
from orewire.warehouse import upsert, writer

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


def main() -> None:
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


if __name__ == "__main__":
    main()
