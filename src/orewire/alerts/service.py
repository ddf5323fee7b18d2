"""What runs after a load, and by ``orewire alerts``: match the new articles, then deliver.

:func:`after_load` never raises: a bad watchlist, a busy warehouse or a mail server that is down is
one line in the run's summary, never a failed run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from orewire.alerts.deliver import DeliveryReport, deliver_pending
from orewire.alerts.store import MatchReport, backfill_watch, match_new
from orewire.alerts.watchlists import Watchlist, load_watchlist, registry_names
from orewire.settings import Settings
from orewire.warehouse.db import exists as warehouse_exists
from orewire.warehouse.db import writer


def watchlist(settings: Settings) -> Watchlist:
    """The settings' watchlist, its sources checked against the registry."""
    return load_watchlist(settings.watchlists, sources=registry_names(settings.sources))


def source_titles(settings: Settings) -> dict[str, str]:
    from orewire.sources import RegistryError, load_registry

    try:
        return {s.name: s.title for s in load_registry(settings.sources)}
    except RegistryError:
        return {}


@dataclass
class Outcome:
    """Matching and delivery of one pass, for a run's summary."""

    matched: MatchReport = field(default_factory=MatchReport)
    delivered: DeliveryReport = field(default_factory=DeliveryReport)
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None and not self.delivered.pending and not self.delivered.failed

    def line(self) -> str:
        m, d = self.matched, self.delivered
        if self.problem:
            return f"alerts: warning: {self.problem}"
        if not m.watches and not m.alerts and not (d.sent or d.pending or d.later or d.failed):
            return "alerts: ok: no watches"
        parts = [f"{m.alerts} new alert(s) from {m.articles} article(s) and {m.watches} watch(es)"]
        if m.baseline:
            parts.append(f"{m.baseline} article(s) already in the warehouse taken as the past")
        parts.append(f"{d.sent} sent")
        if d.pending or d.waiting or d.later:
            parts.append(f"{d.pending + d.waiting + d.later} pending")
        if d.failed:
            parts.append(f"{d.failed} failed")
        if d.busy:
            parts.append("delivery left to the process delivering now")
        status = "ok" if not d.pending and not d.failed else "warning"
        text = ", ".join(parts)
        if d.errors:
            text += f" (first error: {d.errors[0]})"
        return f"alerts: {status}: {text}"

    def as_dict(self) -> dict[str, Any]:
        return {"matched": self.matched.as_dict(), "delivered": self.delivered.as_dict(), "problem": self.problem,
                "line": self.line()}


def match_and_deliver(settings: Settings, *, deliver: bool = True, now: datetime | None = None) -> Outcome:
    """Match what the loads brought since the last pass, then send what is due. Raises for a bad
    watchlist or an unusable warehouse (see :func:`after_load` for the form that never does)."""
    watches = watchlist(settings)
    outcome = Outcome()
    # Not copied to the readers' snapshot: that is the last load's, for readers during a load.
    with writer(settings, snapshot=False) as conn:
        outcome.matched = match_new(conn, watches, now=now)
    if deliver:
        outcome.delivered = deliver_pending(settings, watches, source_titles=source_titles(settings))
    return outcome


def after_load(settings: Settings) -> Outcome:
    """Matching and delivery at the end of a run, a backfill or an import: never raises."""
    try:
        return match_and_deliver(settings)
    except Exception as exc:
        text = str(exc).strip().splitlines()
        return Outcome(problem=(text[0] if text else type(exc).__name__)[:300])


def watches_set(settings: Settings) -> bool | None:
    """Whether the watchlist has any watch (None: it cannot be read, which matching will say)."""
    try:
        return bool(len(watchlist(settings)))
    except Exception:
        return None


QUIET_LOCK_WAIT_S = 5.0


def keep_up_quietly(settings: Settings) -> None:
    """With no watch set: once matching has run on this warehouse, the articles loaded meanwhile
    are marked seen (the past for a watch added later). Best effort and silent: nothing happens
    when the warehouse is missing, busy or unreadable, and no run is told about it."""
    from orewire.alerts.store import mark_seen, state, unseen
    from orewire.warehouse.upsert import transaction

    if not warehouse_exists(settings):
        return
    try:
        with writer(settings, timeout=QUIET_LOCK_WAIT_S, snapshot=False) as conn, transaction(conn):
            if state(conn, "baseline") is None:
                return
            mark_seen(conn, unseen(conn), datetime.now(UTC))
    except Exception:
        return


def backfill(settings: Settings, name: str, since: datetime, *, deliver: bool = True) -> Outcome:
    """Alerts of watch ``name`` on the articles published since ``since``, then delivery."""
    watches = watchlist(settings)
    watch = watches[name]
    outcome = Outcome()
    with writer(settings) as conn:
        outcome.matched = backfill_watch(conn, watch, since, now=datetime.now(UTC))
    if deliver:
        outcome.delivered = deliver_pending(settings, watches, source_titles=source_titles(settings))
    return outcome
