"""The digest: the alerts of a period (``--since 24h``) as one message, grouped by watch: each
watch's events (the figures its articles give) and its articles, as Markdown and as HTML e-mail.

Each notify target gets one message with the watches that name it; ``orewire digest`` prints the
whole watchlist's. What each target was sent is recorded (:func:`deliver_digests`), so a digest
run again for the same period sends nothing twice, and one that could not go out is carried by the
next.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from markupsafe import Markup

from orewire.alerts.deliver import article_link, delivery_lock
from orewire.alerts.match import usd
from orewire.alerts.notifier import send
from orewire.alerts.store import events_of, list_alerts
from orewire.alerts.watchlists import AlertsError, Target, Watch, Watchlist
from orewire.controls import strip_controls
from orewire.settings import Settings
from orewire.warehouse.db import writer
from orewire.warehouse.upsert import atomic

SINCE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|min|h|d|w)\s*$", re.IGNORECASE)
UNITS = {"m": 60, "min": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_since(value: str, now: datetime | None = None) -> datetime:
    """``24h``, ``90m``, ``7d``, ``2w``, a date (``2026-11-01``: its start, UTC) or an ISO time."""
    now = now or datetime.now(UTC)
    match = SINCE_RE.match(value)
    if match:
        return now - timedelta(seconds=float(match.group(1)) * UNITS[match.group(2).lower()])
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise AlertsError(f"--since: not a period or a date (24h, 90m, 7d, 2026-11-01): {value!r}") from None
        return datetime.combine(day, time(), tzinfo=UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


@dataclass
class Section:
    """One watch's part of the digest."""

    watch: Watch
    alerts: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)   # with their article's id and title


@dataclass
class Digest:
    since: datetime
    until: datetime
    sections: list[Section]

    @property
    def alerts(self) -> int:
        return sum(len(s.alerts) for s in self.sections)

    def only(self, names: set[str]) -> Digest:
        return Digest(self.since, self.until, [s for s in self.sections if s.watch.name in names])


def build_digest(conn: Any, watchlist: Watchlist, since: datetime, until: datetime | None = None) -> Digest:
    """The alerts matched from ``since`` to ``until``, by watch (every watch has a section, an
    empty one when nothing came), with the events of their articles (of the watch's event kinds,
    when it names some)."""
    until = until or datetime.now(UTC)
    rows = [r for r in list_alerts(conn, since=since, limit=None) if r["matched_at"] <= until]
    events = events_of(conn, sorted({r["article_id"] for r in rows}))
    sections = []
    for watch in watchlist:
        mine = sorted((r for r in rows if r["watch"] == watch.name),
                      key=lambda r: (r["published_at"] or r["matched_at"], r["article_id"]))
        kinds = set(watch.event_kinds)
        section_events = []
        for alert in mine:
            for ev in events.get(alert["article_id"], []):
                if not kinds or ev["kind"] in kinds:
                    section_events.append({**ev, "title": alert["title"]})
        sections.append(Section(watch, mine, section_events))
    return Digest(since, until, sections)


def figure(ev: dict[str, Any]) -> str:
    """An event's number as people write it: 21,000 t; $120 million; 51%."""
    parts = []
    if ev.get("quantity") is not None:
        parts.append(f"{ev['quantity']:,.10g} {ev.get('unit') or ''}".strip())
    if ev.get("amount") is not None:
        money = f"{ev['amount']:,.10g} {ev.get('currency') or ''}".strip()
        if ev.get("currency") != "USD" and ev.get("value_usd") is not None:
            money += f" ({usd(float(ev['value_usd']))})"
        elif ev.get("value_usd") is not None:
            money = usd(float(ev["value_usd"]))
        parts.append(money)
    if ev.get("share") is not None:
        parts.append(f"{ev['share']:g}%")
    return ", ".join(parts) or "-"


def _when(value: Any) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if isinstance(value, datetime) else "-"


def _plain(value: Any) -> str:
    return " ".join(strip_controls(str(value or "")).split())


# What would make Markdown of text put in the middle of a line: emphasis, links and images (their
# brackets), code, tables, HTML and headings' hashes.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|<>~])")


def md(value: Any) -> str:
    """Text safe inside Markdown, in one line: its punctuation escaped, HTML's brackets too."""
    return _escape_md(_plain(value))


def _escape_md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _marked(alert: dict[str, Any]) -> tuple[str, str, str]:
    sentence = _plain(alert.get("sentence"))
    start, end = alert.get("mark_start"), alert.get("mark_end")
    raw = strip_controls(alert.get("sentence") or "")
    if start is None or end is None or not 0 <= start < end <= len(raw):
        return sentence, "", ""
    return _plain(raw[:start]) + (" " if raw[start - 1:start].isspace() else ""), _plain(raw[start:end]), \
        (" " if raw[end:end + 1].isspace() else "") + _plain(raw[end:])


def _title(digest: Digest) -> str:
    return (f"orewire digest: {digest.alerts} alert(s), {_when(digest.since)} to {_when(digest.until)}")


def render_markdown(digest: Digest, *, web_url: str | None = None, source_titles: dict[str, str] | None = None) -> str:
    titles = source_titles or {}
    out = [f"# {md(_title(digest))}", ""]
    for section in digest.sections:
        w = section.watch
        out += [f"## {md(w.name)} ({len(section.alerts)} article{'s' if len(section.alerts) != 1 else ''})",
                "", f"_{md(w.describe())}_", ""]
        if not section.alerts:
            out += ["Nothing new.", ""]
            continue
        if section.events:
            out += ["### Events", "", "| kind | subject | figure | commodity | year | article |",
                    "|---|---|---|---|---|---|"]
            for ev in section.events:
                out.append(f"| {md(ev['kind'])} | {md(ev.get('subject') or '-')} | {md(figure(ev))} | "
                           f"{md(ev.get('commodity') or '-')} | {md(ev.get('period') or '-')} | {md(ev['title'])} |")
            out.append("")
        out += ["### Articles", ""]
        for alert in section.alerts:
            link = article_link(web_url, alert["article_id"]) or alert.get("canonical_url") or ""
            source = titles.get(alert.get("source") or "", alert.get("source") or "")
            head = f"**{md(alert.get('title') or alert['article_id'])}**"
            out.append(f"- {f'[{head}](<{link}>)' if link else head} — {md(source)}, {_when(alert.get('published_at'))}")
            before, mark, after = _marked(alert)
            if before or mark:
                quoted = f"{_escape_md(before)}**{_escape_md(mark)}**{_escape_md(after)}" if mark else md(before)
                out.append(f"  > {quoted}")
            out.append(f"  Why: {md(alert.get('reason'))}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_html(digest: Digest, *, web_url: str | None = None, source_titles: dict[str, str] | None = None) -> str:
    titles = source_titles or {}
    cell = Markup('<td style="padding:2px 8px;border-bottom:1px solid #ddd">{}</td>')
    parts = [Markup("<h1 style=\"font-size:1.3em\">{}</h1>").format(_title(digest))]
    for section in digest.sections:
        w = section.watch
        parts.append(Markup('<h2 style="font-size:1.15em;margin-top:1.5em">{} ({})</h2><p style="color:#666">{}</p>')
                     .format(w.name, len(section.alerts), w.describe()))
        if not section.alerts:
            parts.append(Markup("<p>Nothing new.</p>"))
            continue
        if section.events:
            rows = [Markup("<tr>{}</tr>").format(Markup("").join(cell.format(v) for v in (
                ev["kind"], ev.get("subject") or "-", figure(ev), ev.get("commodity") or "-", ev.get("period") or "-",
                _plain(ev["title"])))) for ev in section.events]
            head = Markup("").join(Markup('<th style="text-align:left;padding:2px 8px">{}</th>').format(h)
                                   for h in ("kind", "subject", "figure", "commodity", "year", "article"))
            parts.append(Markup('<table style="border-collapse:collapse"><tr>{}</tr>{}</table>')
                         .format(head, Markup("").join(rows)))
        items = []
        for alert in section.alerts:
            link = article_link(web_url, alert["article_id"]) or alert.get("canonical_url") or ""
            source = titles.get(alert.get("source") or "", alert.get("source") or "")
            title = _plain(alert.get("title") or alert["article_id"])
            head = Markup('<a href="{}"><strong>{}</strong></a>').format(link, title) if link \
                else Markup("<strong>{}</strong>").format(title)
            before, mark, after = _marked(alert)
            quote = Markup("")
            if before or mark:
                inner = Markup("{}<mark><strong>{}</strong></mark>{}").format(before, mark, after) if mark \
                    else Markup("{}").format(before)
                quote = Markup('<blockquote style="border-left:3px solid #c90;margin:4px 0;padding-left:1em">{}'
                               "</blockquote>").format(inner)
            items.append(Markup("<li>{} — {}, {}{}<div style=\"color:#666\">Why: {}</div></li>").format(
                head, source, _when(alert.get("published_at")), quote, _plain(alert.get("reason"))))
        parts.append(Markup("<ul>{}</ul>").format(Markup("").join(items)))
    return str(Markup('<div style="font-family:sans-serif">{}</div>').format(Markup("\n").join(parts)))


@dataclass(frozen=True)
class DigestMessage:
    """The digest as one notification (the watches of one target)."""

    title: str
    text: str
    html: str


def messages(digest: Digest, watchlist: Watchlist, *, web_url: str | None = None,
             source_titles: dict[str, str] | None = None) -> list[tuple[Target, DigestMessage]]:
    """One message per notify target, with the sections of the watches that name it (none for a
    target whose watches have nothing new)."""
    targets: dict[str, tuple[Target, set[str]]] = {}
    for watch in watchlist:
        for target in watch.targets:
            targets.setdefault(target.key, (target, set()))[1].add(watch.name)
    out = []
    for target, names in targets.values():
        part = digest.only(names)
        if not part.alerts:
            continue
        out.append((target, DigestMessage(_title(part), render_markdown(part, web_url=web_url,
                                                                        source_titles=source_titles),
                                          render_html(part, web_url=web_url, source_titles=source_titles))))
    return out


def send_digest(digest: Digest, watchlist: Watchlist, *, web_url: str | None = None,
                source_titles: dict[str, str] | None = None) -> list[tuple[str, str | None]]:
    """Send each target its digest. Returns (service, error or None) per target; never raises."""
    results: list[tuple[str, str | None]] = []
    for target, message in messages(digest, watchlist, web_url=web_url, source_titles=source_titles):
        try:
            url, secrets = target.expand()
        except AlertsError as exc:
            results.append((target.service, str(exc)))
            continue
        results.append((target.service, send(url, message, secrets)))
    return results


# -- what each target was sent ---------------------------------------------------------------------

@dataclass
class DigestSend:
    """What one notify target's digest did."""

    service: str
    state: str                 # sent | pending | nothing (no new alert for it) | interrupted
    alerts: int = 0
    since: datetime | None = None
    until: datetime | None = None
    error: str | None = None


def _state_key(target: Target) -> str:
    return f"digest:{target.key}"


def _read(conn: Any, key: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT value FROM alert_state WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row and row[0] else None


def _write(conn: Any, key: str, value: dict[str, Any], now: datetime) -> None:
    def put() -> None:  # no ON CONFLICT: a lake has no keys
        conn.execute("DELETE FROM alert_state WHERE key = ?", [key])
        conn.execute("INSERT INTO alert_state VALUES (?, ?, ?)", [key, json.dumps(value, default=str), now])
    atomic(conn, put)


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def deliver_digests(settings: Settings, watchlist: Watchlist, since: datetime, *, now: datetime | None = None,
                    source_titles: dict[str, str] | None = None) -> list[DigestSend]:
    """Send each notify target the digest of the alerts of its watches it has not had yet: those
    matched after the end of the last digest it was sent (``since`` for a target never sent one),
    up to ``now``. ``alert_state`` keeps one record per target (``digest:<target hash>``): its state
    is ``sending`` before the message leaves, then ``sent`` with the end of the period, or
    ``pending`` with the error, the period's start kept so that the next digest carries what this one
    could not. A digest whose process died while it was sending is taken as sent (a message is
    never sent twice). One process delivers at a time (the alerts' delivery lock); another finds
    nothing to do. Never raises for a target's failure."""
    now = now or datetime.now(UTC)
    out: list[DigestSend] = []
    targets: dict[str, tuple[Target, set[str]]] = {}
    for watch in watchlist:
        for target in watch.targets:
            targets.setdefault(target.key, (target, set()))[1].add(watch.name)
    if not targets:
        return out
    with delivery_lock(settings) as held:
        if not held:
            return out
        for target, names in targets.values():
            key = _state_key(target)
            with writer(settings, snapshot=False) as conn:
                record = _read(conn, key) or {}
                if record.get("state") == "sending":  # the process sending it died: never twice
                    record = {**record, "state": "sent", "until": record["to"], "interrupted": True}
                    _write(conn, key, record, now)
                    out.append(DigestSend(target.service, "interrupted", int(record.get("alerts") or 0),
                                          _time(record.get("from")), _time(record.get("to"))))
                # The first moment the digest covers: a pending one's again, else just after the
                # end of the last one sent (an alert is in one digest only), else ``since``.
                until = _time(record.get("until"))
                if record.get("state") == "pending" and record.get("from"):
                    start = _time(record["from"]) or since
                elif until is not None:
                    start = until + timedelta(microseconds=1)
                else:
                    start = since
                part = build_digest(conn, watchlist, start, now).only(names)
                if not part.alerts:
                    if record.get("state") != "pending":
                        _write(conn, key, {"state": "sent", "until": now.isoformat(), "alerts": 0,
                                           "service": target.service}, now)
                    out.append(DigestSend(target.service, "nothing", 0, start, now))
                    continue
                base = {"from": start.isoformat(), "to": now.isoformat(), "alerts": part.alerts,
                        "service": target.service, "until": record.get("until")}
                _write(conn, key, {**base, "state": "sending"}, now)
            message = DigestMessage(_title(part), render_markdown(part, web_url=settings.web_url,
                                                                  source_titles=source_titles),
                                    render_html(part, web_url=settings.web_url, source_titles=source_titles))
            try:
                url, secrets = target.expand()
                error = send(url, message, secrets)
            except AlertsError as exc:
                error = str(exc)
            with writer(settings, snapshot=False) as conn:
                if error is None:
                    _write(conn, key, {**base, "state": "sent", "until": now.isoformat()}, now)
                else:
                    _write(conn, key, {**base, "state": "pending", "error": error}, now)
            out.append(DigestSend(target.service, "sent" if error is None else "pending", part.alerts, start, now,
                                  error))
    return out
