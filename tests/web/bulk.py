"""Large warehouses for the export tests: a copy of the web tests' warehouse with many facts added
by SQL through the single writer, spread over its real articles."""

from __future__ import annotations

import shutil
from pathlib import Path

from orewire.settings import Settings
from orewire.warehouse import writer

# More rows than any cap exports ever had (1,000,000).
FORMER_CAP = 1_000_000


def copy_warehouse(settings: Settings, root: Path) -> Settings:
    """A copy of ``settings``' warehouse file under ``root`` (same archive, own state)."""
    target = root / "wh" / "orewire.duckdb"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(settings.warehouse, target)
    return Settings(warehouse=target, archive=settings.archive, sources=settings.sources, state_dir=root / "state")


def add_facts(settings: Settings, n: int) -> None:
    """``n`` quantity facts, 'bulk' ids, spread over the warehouse's articles (the writer also
    leaves the snapshot readers fall back on)."""
    with writer(settings, timeout=60) as conn:
        conn.execute("""
            INSERT INTO facts (fact_id, article_id, type, value, unit, sentence, start, "end", extractor_version)
            SELECT 'bulk' || lpad(i::VARCHAR, 9, '0'), a.article_id, 'quantity', i::DOUBLE, 't',
                   'The plant processed ' || i || ' tonnes of ore.', (i // 1000)::INTEGER, (i // 1000 + 6)::INTEGER,
                   'bulk'
            FROM range(?) r(i)
            JOIN (SELECT article_id, row_number() OVER (ORDER BY article_id) - 1 AS k FROM articles) a
              ON a.k = i % (SELECT count(*) FROM articles)
        """, [n])
