"""``orewire status``: per source the last run, its outcome and counts, and the warehouse's figures."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import duckdb
from rich.console import Console
from rich.table import Table
from rich.text import Text

from orewire.alerts.freshness import WINDOW_DAYS, fmt_lag, lags
from orewire.alerts.health import latest_flags
from orewire.controls import escape_controls
from orewire.settings import Settings
from orewire.sources import load_registry
from orewire.warehouse import reader
from orewire.warehouse.db import WarehouseDamaged, WarehouseError, damage


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def collect_status(settings: Settings, now: datetime | None = None) -> dict[str, Any]:
    """Status of every registry source (and any other source found in the warehouse), with its
    lags over the last week (see :mod:`orewire.alerts.freshness`) as of ``now``."""
    now = now or datetime.now(UTC)
    names = load_registry(settings.sources).names()
    data: dict[str, Any] = {"warehouse": str(settings.warehouse), "archive": settings.archive_url or str(settings.archive), "sources": []}
    try:
        conn = reader(settings, fts=False)
    except WarehouseDamaged:
        raise
    except WarehouseError as exc:
        data["error"] = str(exc)
        data["sources"] = [{"source": n, "last_run": None, "articles": 0} for n in names]
        return data
    try:
        articles = {r[0]: r[1:] for r in conn.execute(
            "SELECT source, count(*), count(*) FILTER (WHERE is_mining), max(published_at), max(last_seen) "
            "FROM articles GROUP BY source").fetchall()}
        facts = dict(conn.execute(
            "SELECT a.source, count(*) FROM facts f JOIN articles a USING (article_id) GROUP BY 1").fetchall())
        errors = dict(conn.execute(
            "SELECT source, count(*) FROM fetches WHERE error IS NOT NULL OR status >= 400 GROUP BY 1").fetchall())
        runs_cols = ["run_id", "flow", "started_at", "finished_at", "status", "fetched", "new_articles",
                     "updated_articles", "not_articles", "facts", "errors", "duration_s", "message"]
        last = {}
        for row in conn.execute(
            f"SELECT source, {', '.join(runs_cols)} FROM runs "
            "QUALIFY row_number() OVER (PARTITION BY source ORDER BY started_at DESC) = 1"
        ).fetchall():
            last[row[0]] = {k: _iso(v) for k, v in zip(runs_cols, row[1:], strict=True)}
        run_errors = dict(conn.execute("SELECT source, sum(errors) FROM runs GROUP BY 1").fetchall())
        failed_runs = dict(conn.execute(
            "SELECT source, count(*) FILTER (WHERE status NOT IN ('ok', 'warning', 'running')) FROM runs GROUP BY 1").fetchall())
        freshness = lags(conn, now)
        health = latest_flags(conn)
    except duckdb.Error as exc:
        raise damage(settings.warehouse, exc) or WarehouseError(f"cannot read warehouse {settings.warehouse}: "
                                                                 f"{str(exc).splitlines()[0]}") from None
    finally:
        conn.close()
    for name in names + sorted(set(articles) - set(names)):
        a = articles.get(name, (0, 0, None, None))
        data["sources"].append({
            "source": name,
            "last_run": last.get(name),
            "articles": a[0], "mining_articles": a[1],
            "newest_published_at": _iso(a[2]), "last_seen": _iso(a[3]),
            "facts": facts.get(name, 0),
            "fetch_errors": errors.get(name, 0),
            "run_errors": int(run_errors.get(name) or 0),
            "failed_runs": failed_runs.get(name, 0),
            "lag": freshness.get(name) or {},
            "health": [f.as_dict() for f in health.get(name, [])],
        })
    return data


def _count(value: Any) -> str:
    """A count as printed: ``-`` where it is unknown (no run, or a run that failed before counting)."""
    return "-" if value is None else str(value)


def _lag(values: dict[str, Any], key: str) -> str:
    if not values.get(f"{key}_n"):
        return "-"
    return f"{fmt_lag(values[f'{key}_p50_s'])} / {fmt_lag(values[f'{key}_p95_s'])} (n={values[f'{key}_n']})"


def render_status(data: dict[str, Any], console: Console) -> None:
    """The status table; every value is printed as plain text (never read as Rich markup)."""
    if data.get("error"):
        console.print(Text(escape_controls(str(data["error"])), style="yellow"))
    table = Table("source", "last run", "outcome", "fetched", "new", "updated", "errors", "articles",
                  "mining", "facts", "newest article", "fetch errors (all)",
                  f"lag published→warehouse, median / 95% ({WINDOW_DAYS} d)",
                  f"lag warehouse→alert, median / 95% ({WINDOW_DAYS} d)", "health (last run)", title="orewire status")
    notes: list[Text] = []
    for s in data["sources"]:
        run = s.get("last_run") or {}
        cells = (
            s["source"], str(run.get("started_at") or "never")[:19], run.get("status") or "-",
            _count(run.get("fetched")), _count(run.get("new_articles")), _count(run.get("updated_articles")),
            _count(run.get("errors")), str(s.get("articles", 0)), str(s.get("mining_articles", 0)),
            str(s.get("facts", 0)), str(s.get("newest_published_at") or "-")[:19], str(s.get("fetch_errors", 0)),
            _lag(s.get("lag") or {}, "published"), _lag(s.get("lag") or {}, "alert"),
            ("CHANGED: " + ", ".join(f["check"] for f in s["health"])) if s.get("health") else "ok",
        )
        table.add_row(*(Text(escape_controls(str(c), breaks=True)) for c in cells))
        if run.get("status") not in (None, "ok") and run.get("message"):
            style = "yellow" if run["status"] in ("warning", "offline") else "red"
            notes.append(Text(escape_controls(f"{s['source']}: {run['status']}: {run['message']}"), style=style))
        for finding in s.get("health") or []:
            notes.append(Text(escape_controls(f"{s['source']}: health: {finding['text']}"), style="yellow"))
    console.print(table)
    for note in notes:
        console.print(note, soft_wrap=True)
