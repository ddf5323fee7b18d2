"""Delivering alerts through apprise to real receivers on loopback: an SMTP server (aiosmtpd) gets
the mail, an HTTP server the ``json://`` webhooks. A receiver that is down, hangs or answers 500
for a while and then recovers gets every alert exactly once; a delivery interrupted by a killed
process is not sent a second time; secrets stay out of the warehouse and the logs."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from orewire.alerts.deliver import INTERRUPTED, build_message, deliver_pending, retry_failed
from orewire.alerts.service import match_and_deliver, watchlist
from orewire.settings import get_settings
from orewire.warehouse import writer
from tests.alerts.helpers import DAY, KAZATOMPROM, TUNGSTEN, load, page, rows
from tests.alerts.receivers import SmtpReceiver, smtp_receiver, webhook_receiver

REPO = Path(__file__).resolve().parents[2]
WEB = "http://127.0.0.1:8765"
SUPPLY = ["Kazatomprom signed a long-term uranium supply agreement with a Chinese utility on Thursday, the company "
          "said in a statement."]
APPOINTMENT = ["Kazatomprom appointed a new chief financial officer who will oversee the uranium miner's investment "
               "programme from January."]
EARLIER = ["Kazatomprom reported lower uranium sales in the third quarter, the company said in a statement on "
           "Friday, citing delays in shipments to its customers in Europe and Asia."]
HOOK_TOKEN = "hook-token-7f3a9c"


@pytest.fixture
def env(warehouse_env, tmp_path, monkeypatch):
    """Settings with a watchlist file of their own, the web address for links, short back-offs."""
    monkeypatch.setenv("OREWIRE_WATCHLISTS", str(tmp_path / "watchlists.toml"))
    monkeypatch.setenv("OREWIRE_WEB_URL", WEB)
    monkeypatch.setenv("OREWIRE_ALERT_BACKOFF", "0.01")
    monkeypatch.setenv("OREWIRE_ALERT_TRIES", "2")
    monkeypatch.setenv("TEST_HOOK_TOKEN", HOOK_TOKEN)
    return get_settings()


def _watch(settings, *urls: str, name: str = "kazatomprom") -> None:
    notify = ", ".join(f'"{u}"' for u in urls)
    Path(settings.watchlists).write_text(
        f'[watch.{name}]\nentities = ["company:kazatomprom"]\nnotify = [{notify}]\n', encoding="utf-8")


def _baseline(settings) -> None:
    load(settings, page(4500001, "Kazatomprom sales fell", EARLIER, published=DAY - timedelta(days=20)))
    assert match_and_deliver(settings).matched.baseline == 1


def _three_stories(settings) -> None:
    load(settings, page(4500010, "Kazatomprom to raise output", KAZATOMPROM),
         page(4500011, "Kazatomprom signs supply deal", SUPPLY, published=DAY + timedelta(hours=1)),
         page(4500012, "Kazatomprom names new CFO", APPOINTMENT, published=DAY + timedelta(hours=2)),
         page(4500013, "Boguty to be developed", TUNGSTEN, published=DAY + timedelta(hours=3)))


def _texts(settings) -> list[str]:
    """Every text value of the warehouse's alert tables."""
    conn = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        out = []
        for table in ("alerts", "alert_deliveries", "alert_state", "alert_seen"):
            for (column,) in conn.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                          "AND data_type = 'VARCHAR'", [table]).fetchall():
                out += [r[0] for r in conn.execute(f'SELECT "{column}" FROM {table} WHERE "{column}" IS NOT NULL')
                        .fetchall()]
        return out
    finally:
        conn.close()


def test_the_mail_arrives_with_title_source_date_marked_sentence_and_links(env, monkeypatch, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    with smtp_receiver() as smtp:
        monkeypatch.setenv("TEST_SMTP_PASSWORD", smtp.password)
        _watch(env, smtp.url())
        _baseline(env)
        _three_stories(env)
        outcome = match_and_deliver(env)
        assert (outcome.matched.alerts, outcome.delivered.sent, outcome.delivered.pending) == (3, 3, 0)
        assert outcome.line().startswith("alerts: ok: 3 new alert(s)")
        assert len(smtp.messages) == 3
        assert smtp.logins and set(smtp.logins) == {(smtp.user, smtp.password)}  # the variable was put in

        mail = next(m for m in smtp.messages if "Kazatomprom to raise output" in str(m["Subject"]))
        assert mail["Subject"] == "[kazatomprom] Kazatomprom to raise output"
        assert mail["To"] == "analyst@example.org" and mail["From"] == "orewire@example.org"
        text, html = SmtpReceiver.parts(mail)
        assert "Trend News Agency (English) · 2026-11-02 09:00 UTC" in text
        assert "«Kazatomprom» said on Tuesday it would raise uranium output" in text
        assert "Why: names Kazatomprom" in text
        assert f"Read in orewire: {WEB}/article/trend:4500010" in text
        assert "Original: https://en.trend.az/business/economy/4500010.html" in text
        assert "<mark><strong>«Kazatomprom»</strong></mark> said on Tuesday" in html
        assert f'<a href="{WEB}/article/trend:4500010">' in html

        # The next run finds nothing new and sends nothing again.
        again = match_and_deliver(env)
        assert (again.matched.alerts, again.delivered.sent) == (0, 0)
        assert len(smtp.messages) == 3

    states = rows(env, "SELECT state, attempts, sent_at IS NOT NULL AS sent FROM alerts")
    assert states == [{"state": "sent", "attempts": 1, "sent": True}] * 3
    # The password is in no table and no log record; the target is kept as a hash and a service.
    assert not [t for t in _texts(env) if smtp.password in t]
    ours = [r.getMessage() for r in caplog.records if not r.name.startswith("mail.log")]  # not the test server's
    assert ours and not [m for m in ours if smtp.password in m]
    assert rows(env, "SELECT DISTINCT service FROM alert_deliveries") == [{"service": "mailto://127.0.0.1"}]


def test_a_webhook_that_is_down_hangs_and_fails_before_it_recovers_gets_every_alert_once(env) -> None:
    with webhook_receiver(hang_seconds=1.5) as hook:
        _watch(env, hook.url())
        _baseline(env)
        _three_stories(env)
        matched = match_and_deliver(env, deliver=False).matched
        assert matched.alerts == 3
        wl = watchlist(env)

        t0 = datetime.now(UTC)
        hook.down()  # connections refused
        report = deliver_pending(env, wl, now=lambda: t0)
        # The first delivery is tried (twice); the others wait for the next run, not hammering a dead target.
        assert (report.sent, report.pending, report.waiting) == (0, 1, 2)
        assert "Connection" in report.errors[0] and HOOK_TOKEN not in report.errors[0]

        hook.up()
        hook.behave("hang", "hang")  # taken, never answered: the sender gives up waiting
        report = deliver_pending(env, wl, now=lambda: t0 + timedelta(hours=1))
        assert (report.sent, report.pending) == (0, 1)
        hook.behave("error", "error")  # answered 500
        report = deliver_pending(env, wl, now=lambda: t0 + timedelta(hours=2))
        assert (report.sent, report.pending) == (0, 1)
        assert not hook.received
        assert {r["state"] for r in rows(env, "SELECT state FROM alerts")} == {"pending"}

        hook.behave()  # recovered
        report = deliver_pending(env, wl, now=lambda: t0 + timedelta(hours=3))
        assert (report.sent, report.pending, report.waiting) == (3, 0, 0)
        assert deliver_pending(env, wl, now=lambda: t0 + timedelta(hours=4)).sent == 0

        assert len(hook.received) == 3
        ids = sorted(a for p in hook.received for a in ("trend:4500010", "trend:4500011", "trend:4500012")
                     if f"/article/{a}\n" in p["message"])
        assert ids == ["trend:4500010", "trend:4500011", "trend:4500012"]  # each once
        first = next(p for p in hook.received if "trend:4500010" in p["message"])
        assert first["title"] == "[kazatomprom] Kazatomprom to raise output"
        assert "«Kazatomprom» said on Tuesday" in first["message"]

    got = rows(env, "SELECT article_id, state, attempts, last_error FROM alerts ORDER BY article_id")
    assert [(r["article_id"], r["state"], r["attempts"]) for r in got] == [
        ("trend:4500010", "sent", 7), ("trend:4500011", "sent", 1), ("trend:4500012", "sent", 1)]
    assert all(r["last_error"] is None for r in got)
    errors = [r["last_error"] for r in rows(env, "SELECT last_error FROM alert_deliveries WHERE last_error IS NOT NULL")]
    assert errors and all(HOOK_TOKEN not in e for e in errors)
    assert not [t for t in _texts(env) if HOOK_TOKEN in t]


def test_mail_server_down_for_a_day_loses_nothing_and_later_gives_up(env, monkeypatch) -> None:
    t0 = datetime(2026, 11, 3, 8, tzinfo=UTC)
    with smtp_receiver() as smtp, webhook_receiver() as hook:
        monkeypatch.setenv("TEST_SMTP_PASSWORD", smtp.password)
        monkeypatch.setenv("OREWIRE_ALERT_BACKOFF", "300")  # 5 minutes, doubling from run to run
        env = get_settings()
        _watch(env, smtp.url(), hook.url())
        _baseline(env)
        load(env, page(4500020, "Kazatomprom to raise output", KAZATOMPROM))
        with writer(env) as conn:
            from orewire.alerts.store import match_new
            match_new(conn, watchlist(env), now=t0)
        wl = watchlist(env)
        smtp.stop()
        naps: list[float] = []
        report = deliver_pending(env, wl, now=lambda: t0, sleep=naps.append)
        assert (report.sent, report.pending) == (1, 1)  # the webhook took it; the mail waits
        assert naps == [300.0]  # the back-off between the two tries of this run
        assert len(hook.received) == 1

        # The back-off holds the next tries; later runs of the day find the server still down.
        report = deliver_pending(env, wl, now=lambda: t0 + timedelta(minutes=1), sleep=naps.append)
        assert (report.sent, report.pending, report.later) == (0, 0, 1)
        for hours in (2, 8, 16):
            report = deliver_pending(env, wl, now=lambda h=hours: t0 + timedelta(hours=h), sleep=naps.append)
            assert (report.sent, report.pending) == (0, 1)
        state = rows(env, "SELECT state, attempts, last_error FROM alerts")
        assert state[0]["state"] == "pending" and state[0]["attempts"] == 1 + 8
        assert "mailto" not in (state[0]["last_error"] or "") or smtp.password not in state[0]["last_error"]

        smtp.start()  # a day later
        report = deliver_pending(env, wl, now=lambda: t0 + timedelta(hours=24), sleep=naps.append)
        assert (report.sent, report.pending) == (1, 0)
        assert deliver_pending(env, wl, now=lambda: t0 + timedelta(hours=25)).sent == 0
        assert len(smtp.messages) == 1 and len(hook.received) == 1
        assert rows(env, "SELECT state FROM alerts") == [{"state": "sent"}]

        # A server down for longer than the give-up time: the alert is failed, with why.
        load(env, page(4500021, "Kazatomprom signs supply deal", SUPPLY, published=DAY + timedelta(days=2)))
        with writer(env) as conn:
            match_new(conn, wl, now=t0 + timedelta(hours=26))
        smtp.stop()
        hook.down()
        assert deliver_pending(env, wl, now=lambda: t0 + timedelta(hours=27), sleep=naps.append).pending == 2
        report = deliver_pending(env, wl, now=lambda: t0 + timedelta(hours=26 + 73), sleep=naps.append)
        assert (report.failed, report.pending) == (2, 0)  # its two deliveries, past the give-up time
        failed = rows(env, "SELECT state, last_error FROM alerts WHERE article_id = 'trend:4500021'")
        assert failed[0]["state"] == "failed" and failed[0]["last_error"].startswith("gave up after")


def test_a_delivery_interrupted_by_a_killed_process_is_not_sent_twice(env) -> None:
    with webhook_receiver() as hook:
        _watch(env, hook.url())
        _baseline(env)
        load(env, page(4500030, "Kazatomprom to raise output", KAZATOMPROM))
        assert match_and_deliver(env, deliver=False).matched.alerts == 1
        hook.hold = threading.Event()  # the message is taken but not answered: the sender waits
        script = textwrap.dedent("""
            from orewire.alerts.deliver import deliver_pending
            from orewire.alerts.service import watchlist
            from orewire.settings import get_settings
            settings = get_settings()
            deliver_pending(settings, watchlist(settings))
        """)
        env_vars = {**os.environ, "OREWIRE_WAREHOUSE": str(env.warehouse), "OREWIRE_ARCHIVE": str(env.archive),
                    "OREWIRE_WATCHLISTS": str(env.watchlists), "OREWIRE_ALERT_TRIES": "1"}
        env_vars["TEST_HOOK_TOKEN"] = HOOK_TOKEN
        proc = subprocess.Popen([sys.executable, "-c", script], cwd=REPO, env=env_vars)
        try:
            assert hook.arrived.wait(60), "the message never arrived"
            os.kill(proc.pid, signal.SIGKILL)  # after the receiver has it, before the sender records it
            proc.wait(30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        hook.hold.set()
        hook.hold = None
        assert len(hook.received) == 1
        assert rows(env, "SELECT state FROM alert_deliveries") == [{"state": "sending"}]

        # The next delivery cannot know whether it left: it is not sent again.
        report = deliver_pending(env, watchlist(env))
        assert (report.sent, report.pending, report.failed) == (0, 0, 1)
        assert len(hook.received) == 1
        assert rows(env, "SELECT state, last_error FROM alerts") == [{"state": "failed", "last_error": INTERRUPTED}]

        # Sent again only when asked (`orewire alerts --retry`).
        with writer(env) as conn:
            assert retry_failed(conn) == 1
        assert deliver_pending(env, watchlist(env)).sent == 1
        assert len(hook.received) == 2
        assert rows(env, "SELECT state FROM alerts") == [{"state": "sent"}]


def test_a_target_no_longer_in_the_watchlist_fails_with_why(env) -> None:
    with webhook_receiver() as hook:
        _watch(env, hook.url())
        _baseline(env)
        load(env, page(4500040, "Kazatomprom to raise output", KAZATOMPROM))
        assert match_and_deliver(env, deliver=False).matched.alerts == 1
        _watch(env, hook.url(token="${OTHER_TOKEN}"))  # the notify URL was changed meanwhile
        report = deliver_pending(env, watchlist(env))
        assert report.failed == 1 and not hook.received
    (row,) = rows(env, "SELECT state, last_error FROM alerts")
    assert row["state"] == "failed" and "no longer among the notify URLs" in row["last_error"]


def test_a_missing_variable_keeps_the_alert_pending_and_names_the_variable(env, monkeypatch) -> None:
    with webhook_receiver() as hook:
        monkeypatch.delenv("TEST_HOOK_TOKEN")
        _watch(env, hook.url())
        _baseline(env)
        load(env, page(4500050, "Kazatomprom to raise output", KAZATOMPROM))
        outcome = match_and_deliver(env)
        assert outcome.delivered.pending == 1 and not hook.received
        assert "environment variable TEST_HOOK_TOKEN is not set" in outcome.line()
        monkeypatch.setenv("TEST_HOOK_TOKEN", HOOK_TOKEN)
        assert deliver_pending(env, watchlist(env)).sent == 1
        assert len(hook.received) == 1


def test_the_message_escapes_what_the_article_says() -> None:
    alert = {"watch": "w", "article_id": "trend:1", "title": "<script>alert(1)</script> & \x1b[31mred",
             "source": "trend", "published_at": datetime(2026, 1, 2, 3, 4, tzinfo=UTC),
             "canonical_url": "https://en.trend.az/1\"><img src=x>", "sentence": "A <b>bold</b> claim by X.",
             "mark_start": 23, "mark_end": 24, "reason": "names <X>"}
    message = build_message(alert, web_url=None)
    assert "<script>" not in message.html and "&lt;script&gt;" in message.html
    assert "<img" not in message.html and "<b>bold" not in message.html
    assert "<mark><strong>«X»</strong></mark>" in message.html
    assert "\x1b" not in message.title + message.text + message.html
    assert "Read in orewire" not in message.text  # no base address configured
    assert "«X»" in message.text
