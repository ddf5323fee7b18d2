"""How fresh the warehouse and its alerts are, per source: the median and 95th-percentile lag from
an article's publication to the warehouse, and from the warehouse to its alert, over a window.

- publication -> warehouse: ``articles.first_seen - articles.published_at`` (``first_seen`` is the
  first fetch that archived the article, loaded in the same run), over the articles first seen in
  the window that have a date; a date later than the fetch (a site's clock or zone off) counts 0.
- warehouse -> alert: when the alert went out (``sent_at``; ``matched_at`` for a watch without
  notify targets) less the article's ``first_seen``, over the alerts delivered in the window that
  were made by a load (``via = 'load'``: a watch's backfill of the past is no measure of speed).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import duckdb

WINDOW_DAYS = 7


def _has_alerts(conn: duckdb.DuckDBPyConnection) -> bool:
    row = conn.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'alerts'").fetchone()
    return bool(row and row[0])


def lags(conn: duckdb.DuckDBPyConnection, now: datetime, days: int = WINDOW_DAYS) -> dict[str, dict[str, Any]]:
    """Per source: ``published_n``, ``published_p50_s``, ``published_p95_s`` (publication ->
    warehouse) and ``alert_n``, ``alert_p50_s``, ``alert_p95_s`` (warehouse -> alert), in seconds,
    over the ``days`` before ``now``."""
    since = now - timedelta(days=days)
    out: dict[str, dict[str, Any]] = {}
    for source, n, p50, p95 in conn.execute("""
            SELECT source, count(*),
                   quantile_cont(lag, 0.5), quantile_cont(lag, 0.95)
            FROM (SELECT source, greatest(0, epoch(first_seen) - epoch(published_at)) AS lag
                  FROM articles WHERE published_at IS NOT NULL AND first_seen >= ? AND first_seen <= ?)
            GROUP BY source""", [since, now]).fetchall():
        out.setdefault(source, {}).update(published_n=n, published_p50_s=p50, published_p95_s=p95)
    if _has_alerts(conn):
        for source, n, p50, p95 in conn.execute("""
                SELECT source, count(*), quantile_cont(lag, 0.5), quantile_cont(lag, 0.95)
                FROM (SELECT r.source,
                             greatest(0, epoch(coalesce(a.sent_at, a.matched_at)) - epoch(r.first_seen)) AS lag
                      FROM alerts a JOIN articles r USING (article_id)
                      WHERE a.state = 'sent' AND a.via = 'load'
                        AND coalesce(a.sent_at, a.matched_at) >= ? AND coalesce(a.sent_at, a.matched_at) <= ?)
                GROUP BY source""", [since, now]).fetchall():
            out.setdefault(source, {}).update(alert_n=n, alert_p50_s=p50, alert_p95_s=p95)
    for values in out.values():
        for key in ("published", "alert"):
            values.setdefault(f"{key}_n", 0)
            values.setdefault(f"{key}_p50_s", None)
            values.setdefault(f"{key}_p95_s", None)
    return out


def fmt_lag(seconds: float | None) -> str:
    """A lag as people read it: ``-`` when unknown, else seconds, minutes, hours or days."""
    if seconds is None:
        return "-"
    s = float(seconds)
    if s < 90:
        return f"{s:.0f} s"
    if s < 5400:
        return f"{s / 60:.0f} min"
    if s < 172800:
        return f"{s / 3600:.1f} h"
    return f"{s / 86400:.1f} d"
