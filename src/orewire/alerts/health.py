"""Source health, for the operator: a run compared with the same source's own recent runs.

Scrapers break silently when a site is redesigned: the crawl succeeds, and the pages turn into
not-articles or lose their dates. After each run, :func:`assess` compares the run with the source's
runs of the same flow and crawl mode that started in the :data:`BASELINE_DAYS` before it, and reports
each sharp change as a :class:`Finding`. Every threshold is in :data:`THRESHOLDS`.

What a run is measured on:

- its articles: ``runs.new_articles + runs.updated_articles``;
- its candidates: the archived records it fetched that were loaded as an article (the current
  version of one) or as a not-article (``fetches`` joined on the record to ``articles`` and
  ``not_articles``); the not-article reasons are counted over them;
- fill rates over its articles: title, date (``published_at``), author; the median body length
  (``word_count``); facts per article.

:func:`notify_operator` sends the findings of a run to the ``[operator]`` notify URLs of the
watchlist through the same apprise delivery, once per run: ``alert_state`` holds
``health:<run_id>`` (``sending`` before the message leaves, then ``sent``, or ``pending`` with the
error for the next run to try again), so a re-done run or a second pass never sends it twice.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import duckdb

from orewire.alerts.notifier import send
from orewire.alerts.watchlists import AlertsError, Watchlist
from orewire.warehouse.upsert import atomic

BASELINE_DAYS = 14

#: Every threshold of source health, in one place (README, "Source health").
THRESHOLDS: dict[str, float] = {
    # a baseline needs at least this many earlier runs of the same flow and mode
    "min_baseline_runs": 3,
    # articles: this run's < 25% of the baseline's median per run, when that median is >= 8
    "articles_min_median": 8,
    "articles_ratio": 0.25,
    # fill rates and lengths are judged on runs with at least this many articles
    "min_articles": 5,
    # title, date, author: filled in >= 90% of the baseline's articles and in < 50% of this run's
    "fill_before": 0.90,
    "fill_now": 0.50,
    # body length: this run's median word count < 50% of the baseline's
    "body_ratio": 0.50,
    # facts: the baseline has >= 1 fact per article and this run < 25% of that
    "facts_min_per_article": 1.0,
    "facts_ratio": 0.25,
    # a not-article reason: > 50% of this run's candidates (at least 5), < 10% of the baseline's
    "min_candidates": 5,
    "reason_now": 0.50,
    "reason_before": 0.10,
}

FIELDS = (("title", "title"), ("date", "published_at"), ("author", "author"))


@dataclass(frozen=True)
class Finding:
    """One sharp change of a run against its source's baseline."""

    source: str
    run_id: str
    check: str      # articles | title | date | author | body | facts | reason:<reason>
    text: str       # one line, for people

    def as_dict(self) -> dict[str, str]:
        return {"source": self.source, "run_id": self.run_id, "check": self.check, "text": self.text}


def _profile(conn: duckdb.DuckDBPyConnection, run_ids: list[str]) -> dict[str, Any]:
    """Candidates, not-article reasons, fill rates, body lengths and facts of ``run_ids``' records."""
    arts = conn.execute("""
        WITH run_articles AS (
            SELECT DISTINCT a.article_id, a.title, a.published_at, a.author, a.word_count FROM fetches f
            JOIN articles a ON a.warc_file = f.warc_file AND a.warc_offset = f.warc_offset
            WHERE f.run_id IN (SELECT unnest(?)))
        SELECT count(*), count(*) FILTER (WHERE trim(coalesce(title, '')) <> ''), count(published_at),
               count(*) FILTER (WHERE trim(coalesce(author, '')) <> ''), median(word_count),
               (SELECT count(*) FROM facts x WHERE x.article_id IN (SELECT article_id FROM run_articles))
        FROM run_articles""", [run_ids]).fetchone()
    reasons = dict(conn.execute("""
        SELECT n.reason, count(DISTINCT (n.warc_file, n.warc_offset)) FROM fetches f
        JOIN not_articles n ON n.warc_file = f.warc_file AND n.warc_offset = f.warc_offset
        WHERE f.run_id IN (SELECT unnest(?)) GROUP BY 1""", [run_ids]).fetchall())
    n, title, date, author, words, facts = arts if arts else (0, 0, 0, 0, None, 0)
    return {"articles": int(n), "title": int(title), "date": int(date), "author": int(author),
            "words": float(words) if words is not None else None, "facts": int(facts or 0),
            "reasons": {str(k): int(v) for k, v in reasons.items()},
            "candidates": int(n) + sum(int(v) for v in reasons.values())}


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"


def assess(conn: duckdb.DuckDBPyConnection, run_id: str) -> list[Finding]:
    """The sharp changes of run ``run_id`` against its source's runs of the same flow and mode
    over the :data:`BASELINE_DAYS` before it (none without a baseline of enough runs)."""
    t = THRESHOLDS
    run = conn.execute("SELECT source, flow, started_at, coalesce(json_extract_string(params, '$.mode'), ''), "
                       "coalesce(new_articles, 0) + coalesce(updated_articles, 0), status "
                       "FROM runs WHERE run_id = ?", [run_id]).fetchone()
    if run is None or run[0] is None or run[5] in ("running", "failed", "offline"):
        return []
    source, flow, started, mode, articles, _status = run
    earlier = conn.execute(
        "SELECT run_id, coalesce(new_articles, 0) + coalesce(updated_articles, 0) FROM runs "
        "WHERE source = ? AND flow = ? AND coalesce(json_extract_string(params, '$.mode'), '') = ? "
        "AND run_id <> ? AND started_at < ? AND started_at >= ? AND status IN ('ok', 'warning', 'partial')",
        [source, flow, mode, run_id, started, started - timedelta(days=BASELINE_DAYS)]).fetchall()
    if len(earlier) < t["min_baseline_runs"]:
        return []
    found: list[Finding] = []

    def add(check: str, text: str) -> None:
        found.append(Finding(source, run_id, check, text))

    median = statistics.median(int(r[1]) for r in earlier)
    if median >= t["articles_min_median"] and articles < t["articles_ratio"] * median:
        add("articles", f"{articles} article(s) where the last {BASELINE_DAYS} days' runs had a median of "
                        f"{median:g} per run")
    now, before = _profile(conn, [run_id]), _profile(conn, [r[0] for r in earlier])
    if now["articles"] >= t["min_articles"] and before["articles"]:
        for name, _column in FIELDS:
            rate_now, rate_before = now[name] / now["articles"], before[name] / before["articles"]
            if rate_before >= t["fill_before"] and rate_now < t["fill_now"]:
                add(name, f"{name} found in {_pct(rate_now)} of {now['articles']} article(s), "
                          f"{_pct(rate_before)} over the last {BASELINE_DAYS} days")
        if now["words"] is not None and before["words"] and now["words"] < t["body_ratio"] * before["words"]:
            add("body", f"median body {now['words']:.0f} words, {before['words']:.0f} over the last "
                        f"{BASELINE_DAYS} days")
        per_now, per_before = now["facts"] / now["articles"], before["facts"] / before["articles"]
        if per_before >= t["facts_min_per_article"] and per_now < t["facts_ratio"] * per_before:
            add("facts", f"{per_now:.1f} fact(s) per article, {per_before:.1f} over the last {BASELINE_DAYS} days")
    if now["candidates"] >= t["min_candidates"]:
        for reason, count in sorted(now["reasons"].items(), key=lambda kv: -kv[1]):
            share_now = count / now["candidates"]
            share_before = before["reasons"].get(reason, 0) / before["candidates"] if before["candidates"] else 0.0
            if share_now > t["reason_now"] and share_before < t["reason_before"]:
                add(f"reason:{reason}", f"not-article {reason!r} for {_pct(share_now)} of {now['candidates']} "
                                        f"page(s), {_pct(share_before)} over the last {BASELINE_DAYS} days")
    return found


def latest_flags(conn: duckdb.DuckDBPyConnection) -> dict[str, list[Finding]]:
    """Per source, the findings of its latest finished run (for ``orewire status`` and the web
    overview); sources whose latest run is healthy are left out."""
    flags: dict[str, list[Finding]] = {}
    for source, run_id in conn.execute(
            "SELECT source, run_id FROM runs WHERE source IS NOT NULL AND status NOT IN ('running') "
            "QUALIFY row_number() OVER (PARTITION BY source ORDER BY started_at DESC) = 1").fetchall():
        found = assess(conn, run_id)
        if found:
            flags[source] = found
    return flags


# -- the operator's message -----------------------------------------------------------------------

@dataclass(frozen=True)
class OperatorMessage:
    title: str
    text: str
    html: str


def build_message(findings: list[Finding]) -> OperatorMessage:
    from markupsafe import Markup

    source, run_id = findings[0].source, findings[0].run_id
    title = f"[orewire operator] {source}: the last run looks broken ({len(findings)} sharp change(s))"
    lines = [f"Source {source}, run {run_id}, compared with its runs of the last {BASELINE_DAYS} days:", ""]
    lines += [f"- {f.text}" for f in findings]
    lines += ["", "The site may have changed its markup; see `orewire status`."]
    html = Markup("<p>Source <strong>{}</strong>, run {}:</p><ul>{}</ul>").format(
        source, run_id, Markup("").join(Markup("<li>{}</li>").format(f.text) for f in findings))
    return OperatorMessage(title[:250], "\n".join(lines), str(html))


def _get(conn: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT value FROM alert_state WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row and row[0] else None


def _put(conn: duckdb.DuckDBPyConnection, key: str, value: dict[str, Any], now: datetime) -> None:
    def write() -> None:  # no ON CONFLICT: a lake has no keys
        conn.execute("DELETE FROM alert_state WHERE key = ?", [key])
        conn.execute("INSERT INTO alert_state VALUES (?, ?, ?)", [key, json.dumps(value), now])
    atomic(conn, write)


def notify_operator(settings: Any, watchlist: Watchlist, run_ids: list[str], *,
                    sleep: Callable[[float], None] = time.sleep) -> list[str]:
    """Assess ``run_ids`` and send each run's findings to the operator's notify URLs, once per run.
    Returns one line per run with findings (what was found and whether it went out)."""
    from orewire.warehouse.db import writer

    lines: list[str] = []
    with writer(settings, snapshot=False) as conn:
        # A message that could not go out is tried again by the next pass.
        retry = [r[0].removeprefix("health:") for r in conn.execute(
            "SELECT key FROM alert_state WHERE key LIKE 'health:%' "
            "AND json_extract_string(value, '$.state') = 'pending'").fetchall()]
        run_ids = list(dict.fromkeys([*retry, *run_ids]))
        per_run = {run_id: assess(conn, run_id) for run_id in run_ids}
    for run_id, findings in per_run.items():
        if not findings:
            continue
        key = f"health:{run_id}"
        summary = f"health: warning: {findings[0].source}: " + "; ".join(f.text for f in findings)
        if not watchlist.operator:
            lines.append(summary + " (no [operator] notify URL to tell)")
            continue
        with writer(settings, snapshot=False) as conn:
            record = _get(conn, key)
            if record and record.get("state") in ("sent", "sending"):
                continue
            now = datetime.now(UTC)
            base = {"source": findings[0].source, "checks": [f.check for f in findings],
                    "text": "; ".join(f.text for f in findings)[:500],
                    "made_at": (record or {}).get("made_at") or now.isoformat(),
                    "attempts": int((record or {}).get("attempts") or 0) + 1}
            _put(conn, key, {**base, "state": "sending"}, now)
        message = build_message(findings)
        errors = []
        for target in watchlist.operator_targets:
            try:
                url, secrets = target.expand()
            except AlertsError as exc:
                errors.append(str(exc))
                continue
            error = None
            for attempt in range(max(1, settings.alert_tries)):
                if attempt:
                    sleep(settings.alert_backoff * (2 ** (attempt - 1)))
                error = send(url, message, secrets)
                if error is None:
                    break
            if error:
                errors.append(f"{target.service}: {error}")
        state = "pending" if errors else "sent"
        with writer(settings, snapshot=False) as conn:
            _put(conn, key, {**base, "state": state, "error": errors[0] if errors else None}, datetime.now(UTC))
        lines.append(summary + (f" (operator not told: {errors[0]})" if errors else " (operator told)"))
    return lines


def operator_alerts(conn: duckdb.DuckDBPyConnection, *, state: str | None = None,
                    since: datetime | None = None) -> list[dict[str, Any]]:
    """The operator's messages, the latest first, in the form of :func:`orewire.alerts.store.list_alerts`'
    rows (``watch`` is ``[operator]``, ``article_id`` the run's id, ``operator`` True): when each
    was made, its source, the checks that changed, its state (``sending`` shown as ``pending``)
    and its attempts and last error."""
    out = []
    for key, value, updated in conn.execute(
            "SELECT s.key, s.value, s.updated_at FROM alert_state s WHERE s.key LIKE 'health:%'").fetchall():
        record = json.loads(value) if value else {}
        run_id = key.removeprefix("health:")
        made = datetime.fromisoformat(record["made_at"]) if record.get("made_at") else updated
        shown = "sent" if record.get("state") == "sent" else "pending"
        if (state and shown != state) or (since and made < since):
            continue
        source = record.get("source")
        if source is None:
            row = conn.execute("SELECT source FROM runs WHERE run_id = ?", [run_id]).fetchone()
            source = row[0] if row else None
        checks = ", ".join(record.get("checks") or [])
        out.append({"operator": True, "watch": "[operator]", "article_id": run_id, "run_id": run_id, "source": source,
                    "state": shown, "attempts": int(record.get("attempts") or 1), "matched_at": made,
                    "sent_at": updated if shown == "sent" else None,
                    "title": f"{source}: the last run looks broken ({checks})",
                    "reason": record.get("text") or f"source health: {checks}", "last_error": record.get("error"),
                    "checks": record.get("checks") or []})
    return sorted(out, key=lambda r: r["matched_at"], reverse=True)


__all__ = ["BASELINE_DAYS", "THRESHOLDS", "Finding", "assess", "latest_flags", "notify_operator", "operator_alerts"]
