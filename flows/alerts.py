"""Alerts after each load, and the daily digest.

``with_alerts`` ends the daily, backfill and import-warc flows: the new articles are matched against
the watchlist and the alerts due are delivered (``orewire.alerts.service``). It never fails the
run: a bad watchlist, a busy warehouse or a mail server that is down is one line of the summary.
With no watch set it adds nothing to the summary and starts no task. Nothing here takes a URL or
secret as a parameter: what Prefect records of these runs holds counts and one-line messages.
"""

from __future__ import annotations

from typing import Any

from prefect import flow, task

from orewire.settings import get_settings


@task(name="alerts", retries=0)
def alerts_task() -> dict[str, Any]:
    """Match what the loads brought since the last pass, then deliver what is due."""
    from orewire.alerts.service import after_load

    return after_load(get_settings()).as_dict()


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:300]


def _damaged(settings: Any, exc: BaseException) -> bool:
    """Whether ``exc`` says the warehouse file is damaged (a DuckDB error or the project's own)."""
    from orewire.warehouse.db import WarehouseDamaged, damage

    seen: BaseException | None = exc
    for _ in range(8):  # the exception and what it was raised from
        if seen is None:
            break
        if isinstance(seen, WarehouseDamaged) or damage(settings.warehouse, seen) is not None:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def with_alerts(result: dict[str, Any]) -> dict[str, Any]:
    """``result`` (a flow's published summary) with this load's alerts: one line more when any
    watch is set. Never raises."""
    from orewire.alerts.service import keep_up_quietly, watches_set

    settings = get_settings()
    _source_health(result, settings)
    if watches_set(settings) is False:
        keep_up_quietly(settings)
        return result
    try:
        data = alerts_task()
    except Exception as exc:  # a delivery or matching problem never fails the run
        if _damaged(settings, exc):
            return result  # the run's own line says the warehouse is damaged, once
        data = {"line": f"alerts: warning: {_one_line(exc)}"}
    result.setdefault("lines", []).append(data["line"])
    result["alerts"] = data
    return result


def _source_health(result: dict[str, Any], settings: Any) -> None:
    """Each run of ``result`` compared with its source's last 14 days (``orewire.alerts.health``);
    a sharp change is one line more and an alert to the watchlist's ``[operator]``. Never raises."""
    from orewire.alerts.health import notify_operator
    from orewire.alerts.service import watchlist
    from orewire.alerts.watchlists import Watchlist

    run_ids = [s["run_id"] for s in result.get("sources", []) if s.get("run_id")]
    try:
        watches = watchlist(settings)
    except Exception:  # a bad watchlist is the alerts line's to report; the findings still count
        watches = Watchlist()
    try:
        lines = notify_operator(settings, watches, run_ids)
    except Exception as exc:  # health is advice to the operator, never a failed run
        if _damaged(settings, exc):
            return  # the run's own line says the warehouse is damaged, once
        lines = [f"health: warning: not checked: {_one_line(exc)}"]
    if lines:
        result.setdefault("lines", []).extend(lines)
        result["health"] = lines


@flow(name="digest", flow_run_name="digest-{since}")
def digest_flow(since: str = "24h", send: bool = True) -> dict[str, Any]:
    """The period's alerts as one message per notify target, grouped by watch (Markdown and HTML
    e-mail); sent when ``send``. Returns the digest's Markdown and what each target answered."""
    from orewire.alerts.digest import build_digest, deliver_digests, parse_since, render_markdown
    from orewire.alerts.service import source_titles, watchlist
    from orewire.warehouse import reader

    settings = get_settings()
    watches = watchlist(settings)
    start = parse_since(since)
    conn = reader(settings, fts=False)
    try:
        digest = build_digest(conn, watches, start)
    finally:
        conn.close()
    titles = source_titles(settings)
    # Each target gets what it has not had yet; one that failed is carried by the next digest.
    results = deliver_digests(settings, watches, start, source_titles=titles) if send else []
    problems = [f"{r.service}: {r.error}" for r in results if r.state == "pending"]
    if problems:
        raise RuntimeError(f"digest not delivered to {len(problems)} target(s), first: {problems[0]}")
    return {"alerts": digest.alerts, "targets": [r.service for r in results if r.state == "sent"],
            "markdown": render_markdown(digest, web_url=settings.web_url, source_titles=titles)}
