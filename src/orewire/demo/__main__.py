"""``make demo``: crawl a bundled sample site on loopback into a demo warehouse, then query it.

Works offline: the site is served on 127.0.0.1 and every source URL is re-rooted on it with
``--base-url``. The demo warehouse and archive live in ``warehouse/demo/`` (made anew each time).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from rich.console import Console
from rich.text import Text

DEMO = Path("warehouse/demo")

QUERIES = [
    ("Articles loaded, and how many are about mining",
     "SELECT source, count(*) AS articles, count(*) FILTER (WHERE is_mining) AS mining, "
     "min(published_at)::DATE AS oldest, max(published_at)::DATE AS newest FROM articles GROUP BY source"),
    ("Which deposits were reported in Kazakhstan, with what commodities, by whom",
     "SELECT deposit, commodities, region, status, published_at::DATE AS reported, author "
     "FROM deposits WHERE country = 'KZ' OR region IS NOT NULL ORDER BY reported DESC LIMIT 10"),
    ("The largest money amounts, in US dollars",
     "SELECT round(value_usd / 1e6, 1) AS usd_million, amount, currency, rate_source, left(title, 60) AS article "
     "FROM amounts_usd WHERE value_usd IS NOT NULL ORDER BY value_usd DESC LIMIT 8"),
    ("Commodities most written about",
     "SELECT commodity, sum(articles) AS articles, sum(mentions) AS mentions FROM commodity_mentions_monthly "
     "GROUP BY commodity ORDER BY articles DESC, commodity LIMIT 8"),
    ("Officials quoted, with their roles",
     "SELECT DISTINCT person, title, org FROM facts WHERE type = 'role' ORDER BY person LIMIT 8"),
]


def main() -> int:
    console = Console(width=None if sys.stdout.isatty() else 160)
    if DEMO.exists():
        shutil.rmtree(DEMO)
    os.environ["OREWIRE_WAREHOUSE"] = str(DEMO / "orewire.duckdb")
    os.environ["OREWIRE_ARCHIVE"] = str(DEMO / "raw")
    from orewire.settings import get_settings

    settings = get_settings()
    settings.apply_environment()
    from orewire.demo.site import build_site
    from orewire.testing.site_server import SiteServer

    articles = build_site(DEMO / "site")
    console.print(f"[bold]orewire demo[/bold]: a sample Trend site of {len(articles)} articles on loopback")
    from flows.pipeline import daily_flow
    from orewire.warehouse import reader
    from orewire.warehouse import search as search_articles

    with SiteServer(DEMO / "site").start() as server:
        console.print(f"crawling {server.url} as en.trend.az (orewire run --source trend --base-url {server.url})")
        result = daily_flow(sources=["trend"], base_url=server.url, politeness=False)
    for line in result["lines"]:
        console.print(Text(line), highlight=False)
    if not result["ok"]:
        return 1
    conn = reader(settings)
    try:
        for title, sql in QUERIES:
            console.print(Text.assemble("\n", (title, "bold"), f'\n$ orewire sql "{sql}"'), highlight=False,
                          soft_wrap=True)
            from rich.table import Table

            cur = conn.execute(sql)
            table = Table(*[d[0] for d in cur.description])
            for row in cur.fetchall():
                table.add_row(*[Text("" if v is None else str(v)) for v in row])
            console.print(table)
        console.print('\n[bold]Full-text search[/bold]\n$ orewire search "copper deposit"')
        for article_id, title, score in search_articles(conn, "copper deposit", 5):
            console.print(Text(f"  {score:6.2f}  {article_id}  {title}"), highlight=False)
    finally:
        conn.close()
    console.print(Text(f"\nThe demo warehouse is {settings.warehouse}; try: "
                       f"OREWIRE_WAREHOUSE={settings.warehouse} .venv/bin/orewire sql \"SELECT * FROM deposits\""))
    from orewire.web import DEFAULT_HOST, DEFAULT_PORT, address

    console.print(Text(f"\nBrowse it: OREWIRE_WAREHOUSE={settings.warehouse} OREWIRE_ARCHIVE={settings.archive} "
                       f".venv/bin/orewire web"), soft_wrap=True)
    console.print(Text(f"The demo's web view: {address(DEFAULT_HOST, DEFAULT_PORT)}"), soft_wrap=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
