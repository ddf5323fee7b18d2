"""The command line of watchlists and alerts: ``orewire watch list|add|remove|test``,
``orewire alerts`` and ``orewire digest`` (registered on the main app by ``orewire.cli``).

A problem the user can act on raises :class:`~orewire.alerts.watchlists.AlertsError` (one line,
printed by the main entry point); data from the warehouse is printed with its control characters
escaped.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from orewire.alerts.watchlists import AlertsError, Watch, WatchlistError
from orewire.controls import escape_controls
from orewire.settings import Settings, get_settings
from orewire.warehouse.db import exists as warehouse_exists

console = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, soft_wrap=True)

watch_app = typer.Typer(name="watch", help="Watchlists: list, add, remove and test watches (watchlists.toml).",
                        no_args_is_help=True, add_completion=False)


def _settings() -> Settings:
    settings = get_settings()
    settings.apply_environment()
    return settings


def _safe(value: Any) -> Text:
    return Text(escape_controls("" if value is None else str(value), breaks=True))


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def _print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, default=_json_default, indent=2)
    sys.stdout.write(escape_controls(text) + "\n")


def _when(value: Any) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else "-"


def _marked(row: dict[str, Any]) -> str:
    sentence = row.get("sentence") or ""
    start, end = row.get("mark_start"), row.get("mark_end")
    if start is None or end is None or not 0 <= start < end <= len(sentence):
        return sentence
    return f"{sentence[:start]}«{sentence[start:end]}»{sentence[end:]}"


def _watchlist(settings: Settings) -> Any:
    from orewire.alerts.service import watchlist

    return watchlist(settings)


def _reader(settings: Settings) -> Any:
    from orewire.warehouse import reader

    return reader(settings, fts=False)


# -- orewire watch ----------------------------------------------------------------------------------

@watch_app.command("list")
def watch_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The watches of the watchlist, checked, with their alerts in the warehouse."""
    settings = _settings()
    watches = _watchlist(settings)
    counts: dict[str, tuple[int, Any]] = {}
    unknown: dict[str, list[str]] = {}
    if warehouse_exists(settings) and len(watches):
        from orewire.alerts.store import has_alerts_table

        conn = _reader(settings)
        try:
            if has_alerts_table(conn):
                counts = {r[0]: (int(r[1]), r[2]) for r in conn.execute(
                    "SELECT watch, count(*), max(matched_at) FROM alerts GROUP BY watch").fetchall()}
            unknown = _unknown_entities(conn, list(watches))
        finally:
            conn.close()
    if as_json:
        _print_json([{**w.as_dict(), "alerts": counts.get(w.name, (0, None))[0],
                      "last_alert": counts.get(w.name, (0, None))[1], "unknown_entities": unknown.get(w.name, [])}
                     for w in watches])
        return
    if not len(watches):
        console.print(_safe(f"no watches in {settings.watchlists} (`orewire watch add NAME ...` adds one)"))
        return
    table = Table("watch", "selects", "notify", "alerts", "last alert")
    for w in watches:
        n, last = counts.get(w.name, (0, None))
        selects = " ".join(p for p in w.describe().split(" ") if not p.startswith("notify="))
        table.add_row(_safe(w.name), _safe(selects), _safe(", ".join(t.service for t in w.targets) or "-"),
                      _safe(n), _safe(_when(last)))
    console.print(table)
    for name, ids in unknown.items():
        console.print(_safe(f"watch {name}: {_UNKNOWN_HINT.format(ids=', '.join(ids))}"))


_UNKNOWN_HINT = ("no article of the warehouse names {ids} (an id follows the extractor's name for the entity, which a "
                 "gazetteer change may rename: `orewire extract FILE --json` and `orewire web` show today's ids)")


def _unknown_entities(conn: Any, watches: list[Watch]) -> dict[str, list[str]]:
    """Per watch, the entity ids it names that the warehouse does not know (none where the warehouse holds no
    entity yet: a new warehouse knows nothing to compare with)."""
    wanted = sorted({e for w in watches for e in w.entities})
    if not wanted or not conn.execute("SELECT count(*) FROM entities").fetchone()[0]:
        return {}
    known = {r[0] for r in conn.execute("SELECT entity_id FROM entities WHERE list_contains(?, entity_id)",
                                        [wanted]).fetchall()}
    return {w.name: [e for e in w.entities if e not in known] for w in watches
            if any(e not in known for e in w.entities)}


@watch_app.command("add")
def watch_add(
    name: Annotated[str, typer.Argument(help="The watch's name: lower-case letters, digits, - and _.")],
    entity: Annotated[list[str] | None, typer.Option("--entity", help="Entity id (repeatable): company:kazatomprom.")] = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", help="Event or entity kind (repeatable): deal, deposit.")] = None,
    commodity: Annotated[list[str] | None, typer.Option("--commodity", help="Commodity (repeatable).")] = None,
    country: Annotated[list[str] | None, typer.Option("--country", help="ISO country code (repeatable).")] = None,
    min_usd: Annotated[float | None, typer.Option("--min-usd", help="Smallest amount in US dollars.")] = None,
    word: Annotated[list[str] | None, typer.Option("--word", help="Word or phrase of the text (repeatable).")] = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Source name (repeatable).")] = None,
    language: Annotated[list[str] | None, typer.Option("--language", help="Language code (repeatable).")] = None,
    notify: Annotated[list[str] | None, typer.Option(
        "--notify", help="Apprise URL (repeatable); write secrets as ${VAR}, taken from the environment.")] = None,
) -> None:
    """Add a watch to the watchlist file (the whole file is checked before it is written)."""
    from orewire.alerts.watchlists import add_watch, parse_watch, registry_names

    settings = _settings()
    values: dict[str, Any] = {"entities": entity, "kinds": kind, "commodities": commodity, "countries": country,
                              "min_usd": min_usd, "words": word, "sources": source, "languages": language,
                              "notify": notify}
    table = {k: v for k, v in values.items() if v not in (None, [])}
    # Checked as the file would be: the same one-line errors as loading it.
    watch: Watch = parse_watch(name, table, registry_names(settings.sources))
    add_watch(Path(settings.watchlists), watch, sources=registry_names(settings.sources))
    console.print(_safe(f"added watch {name} to {settings.watchlists}: {watch.describe()}"))
    if watch.entities and warehouse_exists(settings):
        conn = _reader(settings)
        try:
            unknown = _unknown_entities(conn, [watch]).get(name)
        finally:
            conn.close()
        if unknown:
            console.print(_safe(f"note: {_UNKNOWN_HINT.format(ids=', '.join(unknown))}"))
    console.print(_safe("it alerts on what loads from now on; `orewire watch test "
                        f"{name}` shows what it would have matched, `orewire alerts --backfill {name} --since DATE` "
                        "alerts on the past"))


@watch_app.command("remove")
def watch_remove(
    name: Annotated[str, typer.Argument(help="The watch to remove.")],
) -> None:
    """Remove a watch from the watchlist file (its alerts stay in the warehouse)."""
    from orewire.alerts.watchlists import registry_names, remove_watch

    settings = _settings()
    remove_watch(Path(settings.watchlists), name, sources=registry_names(settings.sources))
    console.print(_safe(f"removed watch {name} from {settings.watchlists}"))


@watch_app.command("test")
def watch_test(
    name: Annotated[str, typer.Argument(help="The watch to try.")],
    days: Annotated[float, typer.Option(help="Look at the articles published in the last DAYS days.")] = 7,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What a watch would have matched over the last days of the warehouse (nothing is written)."""
    from orewire.alerts.store import preview

    settings = _settings()
    watch = _watchlist(settings)[name]
    if days <= 0:
        raise AlertsError("--days must be more than 0")
    since = datetime.now(UTC) - timedelta(days=days)
    conn = _reader(settings)
    try:
        found = preview(conn, watch, since)
    finally:
        conn.close()
    if as_json:
        _print_json([p.as_dict() for p in found])
        return
    console.print(_safe(f"watch {name}: {len(found)} stor{'y' if len(found) == 1 else 'ies'} in the last {days:g} "
                        f"days ({watch.describe()})"))
    for p in found:
        d = p.as_dict()
        flag = " (alerted)" if p.alerted else ""
        console.print(_safe(f"{_when(d['published_at'])}  {d['article_id']}  {d['title']}{flag}"))
        console.print(_safe(f"    {d['reason']}"))
        if d["sentence"]:
            console.print(_safe(f"    {_marked(d)}"))


# -- orewire alerts ---------------------------------------------------------------------------------

OPERATOR = "[operator]"  # how the operator's messages are listed (and asked for with --watch)

def _parse_day(value: str, option: str) -> datetime:
    from orewire.alerts.digest import parse_since

    try:
        return parse_since(value)
    except AlertsError:
        raise AlertsError(f"{option}: not a date or a period (2026-11-01, 7d, 24h): {value!r}") from None


def alerts_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    send: Annotated[bool, typer.Option("--send", help="Match what loads brought, then deliver every pending alert.")] = False,
    backfill: Annotated[str | None, typer.Option(
        "--backfill", metavar="NAME", help="Alert watch NAME on the articles already in the warehouse (with --since).")] = None,
    since: Annotated[str | None, typer.Option(
        help="With --backfill: articles published since this date; else: alerts made since (a date, or 24h, 7d).")] = None,
    retry: Annotated[bool, typer.Option(
        "--retry", help="Put failed deliveries back to pending (with --watch, only that watch's) and deliver them.")] = False,
    watch: Annotated[str | None, typer.Option(
        help="Only this watch's alerts (watch '\\[operator]': the operator's messages about source health).")] = None,
    state: Annotated[str | None, typer.Option(help="Only alerts in this state: sent, pending or failed.")] = None,
    limit: Annotated[int, typer.Option(help="How many alerts to list (the latest first).")] = 50,
) -> None:
    """List recent alerts with their watch, article, delivery state and attempts (the operator's
    messages about source health among them, as watch '\\[operator]'); or deliver them."""
    from orewire.alerts.store import STATES, list_alerts

    settings = _settings()
    if state is not None and state not in STATES:
        raise AlertsError(f"--state must be one of {', '.join(STATES)}, not {state!r}")
    if backfill is not None and since is None:
        raise AlertsError("--backfill NAME needs --since DATE (the first publication date to alert on)")
    outcome = None
    if backfill is not None or send or retry:
        from orewire.alerts import service

        if retry:
            from orewire.alerts.deliver import retry_failed
            from orewire.warehouse.db import writer

            with writer(settings) as conn:
                count = retry_failed(conn, watch=watch)
            err.print(_safe(f"{count} failed deliver{'y' if count == 1 else 'ies'} back to pending"))
        if backfill is not None:
            assert since is not None
            outcome = service.backfill(settings, backfill, _parse_day(since, "--since"))
        else:
            outcome = service.match_and_deliver(settings)
        err.print(_safe(outcome.line()))
        since = None if backfill is not None else since
    conn = _reader(settings)
    try:
        start = _parse_day(since, "--since") if since else None
        operator_only = watch == OPERATOR
        rows = [] if operator_only else list_alerts(conn, watch=watch or backfill, state=state, since=start,
                                                     limit=limit)
        if not (watch or backfill) or operator_only:
            # The operator's messages about source health, among the watches' alerts.
            from orewire.alerts.health import operator_alerts
            from orewire.alerts.store import has_alerts_table

            if has_alerts_table(conn):
                rows = sorted([*rows, *operator_alerts(conn, state=state, since=start)],
                              key=lambda r: r["matched_at"], reverse=True)[:limit]
    finally:
        conn.close()
    if as_json:
        keys = ("watch", "article_id", "state", "attempts", "matched_at", "sent_at", "title", "source", "published_at",
                "reason", "last_error", "sentence", "mark_start", "mark_end", "via", "targets", "alert_id", "story")
        _print_json([{k: r.get(k) for k in keys} | ({"operator": True, "run_id": r["run_id"], "checks": r["checks"]}
                                                     if r.get("operator") else {}) for r in rows])
    elif not rows:
        console.print(_safe("no alerts" + (f" of watch {watch}" if watch else "")))
    else:
        table = Table("matched (UTC)", "watch", "article", "state", "attempts", "title", "why / last error")
        for r in rows:
            note = r["last_error"] if r["state"] != "sent" and r["last_error"] else r["reason"]
            table.add_row(_safe(_when(r["matched_at"])), _safe(r["watch"]), _safe(r["article_id"]), _safe(r["state"]),
                          _safe(r["attempts"]), _safe(r["title"]), _safe(note))
        console.print(table)
    if outcome is not None and (outcome.delivered.pending or outcome.delivered.failed):
        raise typer.Exit(1)


# -- orewire digest ---------------------------------------------------------------------------------

def digest_command(
    since: Annotated[str, typer.Option(help="The period: 24h, 7d, 90m, or a date.")] = "24h",
    fmt: Annotated[str, typer.Option("--format", "-f", help="markdown | html")] = "markdown",
    send: Annotated[bool, typer.Option("--send", help="Send each notify target its watches' digest.")] = False,
    out: Annotated[Path | None, typer.Option(help="Write digest.md and digest.html into this folder.")] = None,
) -> None:
    """The period's alerts as one message grouped by watch (events and articles), Markdown or HTML."""
    from orewire.alerts.digest import build_digest, deliver_digests, parse_since, render_html, render_markdown
    from orewire.alerts.service import source_titles

    settings = _settings()
    if fmt not in ("markdown", "html"):
        raise AlertsError(f"--format must be markdown or html, not {fmt!r}")
    start = parse_since(since)
    watches = _watchlist(settings)
    if not len(watches):
        raise WatchlistError(f"no watches in {settings.watchlists}: nothing to digest")
    conn = _reader(settings)
    try:
        digest = build_digest(conn, watches, start)
    finally:
        conn.close()
    titles = source_titles(settings)
    markdown = render_markdown(digest, web_url=settings.web_url, source_titles=titles)
    html = render_html(digest, web_url=settings.web_url, source_titles=titles)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "digest.md").write_text(markdown, encoding="utf-8")
        (out / "digest.html").write_text(html, encoding="utf-8")
        err.print(_safe(f"wrote {out / 'digest.md'} and {out / 'digest.html'}"))
    elif not send:
        sys.stdout.write(escape_controls(markdown if fmt == "markdown" else html))
    if send:
        # Each target gets what it has not had yet (its last digest's end, or --since): a digest
        # run again sends nothing twice, and one that failed is carried by the next.
        results = deliver_digests(settings, watches, start, source_titles=titles)
        for r in results:
            what = {"sent": f"sent ({r.alerts} alert(s))", "nothing": "nothing new",
                    "interrupted": "the last digest was interrupted while sending: taken as sent"}.get(r.state)
            err.print(_safe(f"digest to {r.service}: {what or f'pending ({r.error})'}"))
        if not results:
            err.print(_safe("digest: no notify target, or another process is delivering"))
        if any(r.state == "pending" for r in results):
            raise typer.Exit(1)


__all__ = ["alerts_command", "digest_command", "watch_app"]
