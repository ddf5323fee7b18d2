"""Delivering alerts through apprise: one message per alert and notify target.

Each (alert, target) row of ``alert_deliveries`` goes ``pending`` -> ``sending`` -> ``sent``, each
step committed through the warehouse's writer before the next begins:

- ``sending`` is written before the message leaves and ``sent`` as soon as the target took it, so
  a process killed between the two leaves ``sending`` behind. The next delivery (only one process
  delivers at a time: a lock file beside the warehouse) cannot know whether that message left, and
  marks it ``failed`` rather than send it twice; ``orewire alerts --retry`` sends it again on
  request.
- A target that fails is tried again within the run with back-off (``OREWIRE_ALERT_TRIES`` tries,
  ``OREWIRE_ALERT_BACKOFF`` seconds doubling), then stays ``pending`` with the error, to be sent by
  a later run once its back-off has passed; the other alerts for that target wait for the next run
  too, so a server that is down costs one run a few tries, not one per alert. A delivery still
  failing ``OREWIRE_ALERT_GIVE_UP_HOURS`` after its alert was made is ``failed``.
- ``${VAR}`` in a URL is replaced from the environment only here, just before the message is
  sent; an error text has every such value blanked out before it is stored or shown.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from orewire import locking
from orewire.alerts.notifier import send
from orewire.alerts.watchlists import AlertsError, Target, Watchlist
from orewire.controls import strip_controls
from orewire.settings import Settings
from orewire.warehouse.db import writer

log = logging.getLogger(__name__)

MAX_BACKOFF_S = 3600.0
INTERRUPTED = ("interrupted while sending (the process stopped): not sent again, so as never to send it twice; "
               "`orewire alerts --retry` sends it again")
DELIVERY_LOCK_WAIT_S = 60.0


# -- messages ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Message:
    """One alert as a notification: a title, a plain-text body and an HTML body (for e-mail)."""

    title: str
    text: str
    html: str


def article_link(web_url: str | None, article_id: str) -> str | None:
    """The article's page in ``orewire web`` under the configured base address."""
    if not web_url:
        return None
    return web_url.rstrip("/") + "/article/" + quote(article_id, safe=":@")


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return "date unknown"


def _one(text: Any, limit: int = 400) -> str:
    return " ".join(strip_controls(str(text or "")).split())[:limit]


def _split(sentence: str | None, start: int | None, end: int | None) -> tuple[str, str, str]:
    text = strip_controls(sentence or "")
    if start is None or end is None or not 0 <= start < end <= len(text):
        return text, "", ""
    return text[:start], text[start:end], text[end:]


def build_message(alert: dict[str, Any], *, web_url: str | None = None,
                  source_titles: dict[str, str] | None = None) -> Message:
    """The notification of one alert: title, source, date, the matching sentence with its fact
    marked, why it matched, and the links (the article in ``orewire web`` when a base address is
    configured, and the original)."""
    title = _one(alert.get("title") or alert.get("article_id"), 300)
    source = alert.get("source") or ""
    source_name = (source_titles or {}).get(source, source)
    when = _when(alert.get("published_at"))
    before, mark, after = _split(alert.get("sentence"), alert.get("mark_start"), alert.get("mark_end"))
    before, mark, after = _one(before, 2000) + (" " if before[-1:].isspace() else ""), _one(mark, 500), \
        (" " if after[:1].isspace() else "") + _one(after, 2000)
    reason = _one(alert.get("reason"), 300)
    link = article_link(web_url, alert["article_id"])
    original = _one(alert.get("canonical_url"), 2000)
    watch = alert["watch"]
    subject = f"[{watch}] {title}"[:250]

    lines = [title, f"{source_name} · {when}", ""]
    if before or mark or after:
        lines += [f"{before}«{mark}»{after}" if mark else before, ""]
    lines.append(f"Why: {reason}")
    if link:
        lines.append(f"Read in orewire: {link}")
    if original:
        lines.append(f"Original: {original}")
    lines.append(f"Watch: {watch}")
    text = "\n".join(lines)

    parts = [Markup("<p><strong>{}</strong><br>{} · {}</p>").format(title, source_name, when)]
    if before or mark or after:
        # The guillemets stay in the text part e-mail programs make of the HTML.
        quoted = Markup("{}<mark><strong>«{}»</strong></mark>{}").format(before, mark, after) if mark \
            else escape(before)
        parts.append(Markup('<blockquote style="border-left:3px solid #c90;margin:0;padding-left:1em">{}</blockquote>')
                     .format(quoted))
    parts.append(Markup("<p>Why: {}</p>").format(reason))
    links = []
    if link:
        links.append(Markup('Read in orewire: <a href="{0}">{0}</a>').format(link))
    if original:
        links.append(Markup('Original: <a href="{0}">{0}</a>').format(original))
    if links:
        parts.append(Markup("<p>{}</p>").format(Markup("<br>").join(links)))
    parts.append(Markup('<p style="color:#666">Watch {} · orewire</p>').format(watch))
    return Message(subject, text, str(Markup("\n").join(parts)))


# -- the deliveries -----------------------------------------------------------------------------------

@dataclass
class DeliveryReport:
    """What one delivery pass did."""

    sent: int = 0
    pending: int = 0       # tried and failed this time: left for a later run
    waiting: int = 0       # due but not tried: its target failed earlier in this pass
    later: int = 0         # pending, its back-off not over yet
    failed: int = 0        # given up, in doubt after an interruption, or no longer deliverable
    busy: bool = False     # another process was delivering
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"sent": self.sent, "pending": self.pending, "waiting": self.waiting, "later": self.later,
                "failed": self.failed,
                "busy": self.busy, "errors": list(self.errors)}


def lock_path(settings: Settings) -> Path:
    if settings.lake is not None:  # a lake's machines each deliver their own process's alerts one at a time
        return settings.state_dir / "lake.alerts.lock"
    db = Path(settings.warehouse)
    return db.with_name(db.name + ".alerts.lock")


@contextlib.contextmanager
def delivery_lock(settings: Settings, wait: float = DELIVERY_LOCK_WAIT_S) -> Iterator[bool]:
    """Hold the delivery lock (one process delivers at a time); yields False when another process
    kept it for ``wait`` seconds."""
    path = lock_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        yield locking.acquire(fd, wait) is None
    finally:
        locking.release(fd)


def refresh_states(conn: Any, alert_ids: list[str] | None = None) -> None:
    """Each alert's state, attempts, last error and sending time, from its deliveries."""
    where = "WHERE alert_id IN (SELECT unnest(?))" if alert_ids is not None else ""
    params: list[Any] = [alert_ids] if alert_ids is not None else []
    conn.execute(
        "UPDATE alerts SET state = s.state, attempts = s.attempts, last_error = s.last_error, sent_at = s.sent_at "
        "FROM (SELECT alert_id, "
        "        CASE WHEN bool_and(state = 'sent') THEN 'sent' "
        "             WHEN bool_or(state IN ('pending', 'sending')) THEN 'pending' ELSE 'failed' END AS state, "
        "        CAST(sum(attempts) AS INTEGER) AS attempts, "
        "        arg_max(last_error, coalesce(last_attempt_at, TIMESTAMPTZ '1970-01-01')) "
        "            FILTER (WHERE state <> 'sent' AND last_error IS NOT NULL) AS last_error, "
        "        max(sent_at) AS sent_at "
        f"      FROM alert_deliveries {where} GROUP BY alert_id) s "
        "WHERE alerts.alert_id = s.alert_id", params)


def _backoff(settings: Settings, attempts: int) -> float:
    return min(settings.alert_backoff * (2 ** max(attempts, 0)), MAX_BACKOFF_S)


def _prepare(conn: Any, settings: Settings, now: datetime,
             alert_ids: list[str] | None) -> tuple[list[dict[str, Any]], int, int]:
    """Settle what earlier passes left (interrupted sends, deliveries past the give-up time) and
    list the deliveries due now. Returns (due, settled as failed, pending but not yet due)."""
    interrupted = conn.execute("UPDATE alert_deliveries SET state = 'failed', last_error = ? WHERE state = 'sending'",
                               [INTERRUPTED]).fetchone()
    give_up = now - timedelta(hours=settings.alert_give_up_hours)
    expired = conn.execute(
        "UPDATE alert_deliveries SET state = 'failed', "
        "last_error = 'gave up after ' || alert_deliveries.attempts || ' attempt(s): ' "
        "             || coalesce(alert_deliveries.last_error, '') "
        "FROM alerts a WHERE a.alert_id = alert_deliveries.alert_id AND alert_deliveries.state = 'pending' "
        "AND alert_deliveries.attempts > 0 AND a.matched_at < ?", [give_up]).fetchone()
    refresh_states(conn)
    where = ["d.state = 'pending'"]
    params: list[Any] = []
    if alert_ids is not None:
        where.append("d.alert_id IN (SELECT unnest(?))")
        params.append(alert_ids)
    cur = conn.execute(
        "SELECT d.alert_id, d.target, d.service, d.attempts, d.next_attempt_at, a.watch, a.article_id, a.reason, "
        "a.sentence, a.mark_start, a.mark_end, r.title, r.source, r.published_at, r.canonical_url "
        "FROM alert_deliveries d JOIN alerts a USING (alert_id) LEFT JOIN articles r ON r.article_id = a.article_id "
        f"WHERE {' AND '.join(where)} ORDER BY a.matched_at, a.watch, a.article_id, d.target", params)
    names = [c[0] for c in cur.description]
    pending = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    due = [d for d in pending if d["next_attempt_at"] is None or d["next_attempt_at"] <= now]
    settled = sum(int(r[0]) for r in (interrupted, expired) if r)
    return due, settled, len(pending) - len(due)


def _record(settings: Settings, alert: str, target: str, values: dict[str, Any], *,
            require: str | None = None) -> bool:
    """Write one delivery's new state (and its alert's) in its own writer session."""
    sets = ", ".join(f"{k} = ?" for k in values)
    where = "alert_id = ? AND target = ?" + (" AND state = ?" if require else "")
    params = [*values.values(), alert, target, *([require] if require else [])]
    with writer(settings, snapshot=False) as conn:
        conn.execute("BEGIN TRANSACTION")
        row = conn.execute(f"UPDATE alert_deliveries SET {sets} WHERE {where}", params).fetchone()
        refresh_states(conn, [alert])
        conn.execute("COMMIT")
    return bool(row and row[0])


def deliver_pending(settings: Settings, watchlist: Watchlist, *, now: Callable[[], datetime] | None = None,
                    sleep: Callable[[float], None] = time.sleep, alert_ids: list[str] | None = None,
                    source_titles: dict[str, str] | None = None) -> DeliveryReport:
    """Send every delivery that is due (only ``alert_ids``' when given). Never raises for a
    target's failure: that is recorded on the delivery and counted in the report."""
    clock = now or (lambda: datetime.now(UTC))
    report = DeliveryReport()
    with delivery_lock(settings) as held:
        if not held:
            report.busy = True
            return report
        with writer(settings, snapshot=False) as conn:
            conn.execute("BEGIN TRANSACTION")
            due, report.failed, report.later = _prepare(conn, settings, clock(), alert_ids)
            conn.execute("COMMIT")
        broken: set[str] = set()
        for row in due:
            outcome = _deliver_one(settings, watchlist, row, broken, clock, sleep, source_titles)
            if outcome == "sent":
                report.sent += 1
            elif outcome == "failed":
                report.failed += 1
            elif outcome == "waiting":
                report.waiting += 1
            else:
                report.pending += 1
                if outcome not in report.errors:
                    report.errors.append(outcome)
    return report


def _deliver_one(settings: Settings, watchlist: Watchlist, row: dict[str, Any], broken: set[str],
                 clock: Callable[[], datetime], sleep: Callable[[float], None],
                 source_titles: dict[str, str] | None) -> str:
    """Deliver one (alert, target): "sent", "failed", "waiting", or the error that left it pending."""
    alert, key = row["alert_id"], row["target"]
    watch = watchlist.watches.get(row["watch"])
    target: Target | None = next((t for t in watch.targets if t.key == key), None) if watch else None
    if target is None:
        why = (f"watch {row['watch']!r} is no longer in the watchlist" if watch is None
               else f"{row['service']} is no longer among the notify URLs of watch {row['watch']!r}")
        _record(settings, alert, key, {"state": "failed", "last_error": why})
        return "failed"
    if key in broken:
        return "waiting"
    try:
        url, secrets = target.expand()
    except AlertsError as exc:
        problem = str(exc)
        tried = int(row["attempts"]) + 1
        _record(settings, alert, key, {"state": "pending", "attempts": tried, "last_error": problem,
                                       "last_attempt_at": clock(),
                                       "next_attempt_at": clock() + timedelta(seconds=_backoff(settings, tried))})
        broken.add(key)
        return f"{row['watch']}: {problem}"
    message = build_message(row, web_url=settings.web_url, source_titles=source_titles)
    if not _record(settings, alert, key, {"state": "sending", "last_attempt_at": clock()}, require="pending"):
        return "waiting"  # settled by someone else meanwhile
    tries = max(1, settings.alert_tries)
    error: str | None = None
    made = 0
    for attempt in range(tries):
        if attempt:
            sleep(settings.alert_backoff * (2 ** (attempt - 1)))
        made += 1
        error = send(url, message, secrets)
        if error is None:
            break
    attempts = int(row["attempts"]) + made
    if error is None:
        _record(settings, alert, key, {"state": "sent", "attempts": attempts, "sent_at": clock(),
                                       "last_attempt_at": clock()})
        return "sent"
    _record(settings, alert, key, {"state": "pending", "attempts": attempts, "last_error": error,
                                   "last_attempt_at": clock(),
                                   "next_attempt_at": clock() + timedelta(seconds=_backoff(settings, attempts))})
    broken.add(key)
    log.warning("alert delivery to %s failed: %s", target.service, error)
    return f"{target.service}: {error}"


def retry_failed(conn: Any, *, watch: str | None = None, alert_ids: list[str] | None = None) -> int:
    """Put failed deliveries back to pending (``orewire alerts --retry``). Returns how many."""
    where: list[str] = ["d.state = 'failed'"]
    params: list[Any] = []
    if watch:
        where.append("a.watch = ?")
        params.append(watch)
    if alert_ids:
        where.append("d.alert_id IN (SELECT unnest(?))")
        params.append(alert_ids)
    row = conn.execute(
        "UPDATE alert_deliveries SET state = 'pending', next_attempt_at = NULL FROM alerts a "
        f"WHERE a.alert_id = alert_deliveries.alert_id AND {' AND '.join(where).replace('d.', 'alert_deliveries.')}",
        params).fetchone()
    refresh_states(conn)
    return int(row[0]) if row else 0


__all__ = ["DeliveryReport", "Message", "build_message", "deliver_pending", "retry_failed"]
