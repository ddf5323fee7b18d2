"""What each notify target was sent of the digest is recorded: a digest run again for the same
period sends nothing twice, one that could not go out (the receiver down) is carried by the next,
and one whose process died while sending is not sent again. Real receivers on loopback: an SMTP
server (aiosmtpd) and an HTTP server taking ``json://`` webhooks."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from orewire.alerts import digest
from orewire.alerts.digest import deliver_digests
from orewire.alerts.service import match_and_deliver, watchlist
from orewire.settings import get_settings
from tests.alerts.helpers import BIG_DEAL, DAY, KAZATOMPROM, TUNGSTEN, load, page, rows
from tests.alerts.receivers import SmtpReceiver, smtp_receiver, webhook_receiver
from tests.cli import orewire

EARLIER = ["Kazatomprom reported lower uranium sales in the third quarter, the company said in a statement on "
           "Friday, citing delays in shipments to its customers in Europe and Asia."]
SUPPLY = ["Kazatomprom signed a long-term uranium supply agreement with a Chinese utility on Thursday, the company "
          "said in a statement."]
APPOINTMENT = ["Kazatomprom appointed a new chief financial officer who will oversee the uranium miner's investment "
               "programme from January."]


@pytest.fixture
def env(warehouse_env, tmp_path, monkeypatch):
    monkeypatch.setenv("OREWIRE_WATCHLISTS", str(tmp_path / "watchlists.toml"))
    monkeypatch.setenv("OREWIRE_ALERT_BACKOFF", "0")
    monkeypatch.setenv("OREWIRE_ALERT_TRIES", "1")
    monkeypatch.setenv("TEST_HOOK_TOKEN", "digest-hook-token")
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "s3cret-smtp-pass")
    return get_settings()


def _matched(settings, *pages, at) -> None:
    """``pages`` loaded and matched at ``at`` (no alert delivered: only the digest sends)."""
    load(settings, *pages)
    assert match_and_deliver(settings, deliver=False, now=at).matched.alerts == len(pages)


def test_a_digest_is_sent_once_and_a_failed_one_is_carried_by_the_next(env) -> None:
    with smtp_receiver() as smtp, webhook_receiver() as hook:
        Path(env.watchlists).write_text(
            f'[watch.kazatomprom]\nentities = ["company:kazatomprom"]\nnotify = ["{smtp.url()}", "{hook.url()}"]\n\n'
            f'[watch.tungsten]\ncommodities = ["tungsten"]\nnotify = ["{hook.url()}"]\n', encoding="utf-8")
        wl = watchlist(env)
        load(env, page(4600001, "Kazatomprom sales fell", EARLIER, published=DAY - timedelta(days=20)))
        assert match_and_deliver(env, deliver=False, now=DAY).matched.baseline == 1
        _matched(env, page(4600010, "Kazatomprom to raise output", KAZATOMPROM, published=DAY),
                 page(4600011, "Boguty to be developed", TUNGSTEN, published=DAY), at=DAY + timedelta(hours=1))

        first = deliver_digests(env, wl, DAY, now=DAY + timedelta(hours=6))
        assert sorted((r.service, r.state, r.alerts) for r in first) == [
            ("json://127.0.0.1", "sent", 2), ("mailto://127.0.0.1", "sent", 1)]
        assert len(smtp.messages) == 1 and len(hook.received) == 1
        assert "Kazatomprom to raise output" in SmtpReceiver.parts(smtp.messages[0])[0]
        assert "Boguty to be developed" in hook.received[0]["message"]

        # The same period again, and a later one with nothing new: nothing is sent twice.
        again = deliver_digests(env, wl, DAY, now=DAY + timedelta(hours=6, minutes=5))
        assert {r.state for r in again} == {"nothing"}
        assert {r.state for r in deliver_digests(env, wl, DAY, now=DAY + timedelta(hours=12))} == {"nothing"}
        assert len(smtp.messages) == 1 and len(hook.received) == 1

        # The webhook is down for the next digest: the mail goes, the webhook's stays pending.
        _matched(env, page(4600012, "Kazatomprom signs supply deal", SUPPLY, published=DAY + timedelta(days=1)),
                 at=DAY + timedelta(days=1, hours=1))
        hook.down()
        down = {r.service: r for r in deliver_digests(env, wl, DAY + timedelta(days=1), now=DAY + timedelta(days=1, hours=6))}
        assert down["mailto://127.0.0.1"].state == "sent" and down["json://127.0.0.1"].state == "pending"
        assert down["json://127.0.0.1"].error
        assert len(smtp.messages) == 2
        state = rows(env, "SELECT value FROM alert_state WHERE key LIKE 'digest:%' AND value LIKE '%pending%'")
        assert len(state) == 1 and "digest-hook-token" not in state[0]["value"]

        # A day later the webhook is back: its digest carries the pending day as well as the new one,
        # although this digest's own period starts after it.
        hook.up()
        _matched(env, page(4600013, "Kazatomprom names new CFO", APPOINTMENT, published=DAY + timedelta(days=2)),
                 at=DAY + timedelta(days=2, hours=1))
        later = {r.service: r for r in deliver_digests(env, wl, DAY + timedelta(days=2),
                                                       now=DAY + timedelta(days=2, hours=6))}
        assert later["json://127.0.0.1"].state == "sent" and later["json://127.0.0.1"].alerts == 2
        assert later["mailto://127.0.0.1"].state == "sent" and later["mailto://127.0.0.1"].alerts == 1
        assert len(hook.received) == 2
        carried = hook.received[1]["message"]
        assert "Kazatomprom signs supply deal" in carried and "Kazatomprom names new CFO" in carried
        assert "Kazatomprom to raise output" not in carried
        text = SmtpReceiver.parts(smtp.messages[2])[0]
        assert "Kazatomprom names new CFO" in text and "Kazatomprom signs supply deal" not in text


def test_a_digest_whose_process_died_while_sending_is_not_sent_again(env, monkeypatch) -> None:
    with webhook_receiver() as hook:
        Path(env.watchlists).write_text(
            f'[watch.kazatomprom]\nentities = ["company:kazatomprom"]\nnotify = ["{hook.url()}"]\n', encoding="utf-8")
        wl = watchlist(env)
        load(env, page(4600101, "Kazatomprom sales fell", EARLIER, published=DAY - timedelta(days=20)))
        assert match_and_deliver(env, deliver=False, now=DAY).matched.baseline == 1
        _matched(env, page(4600110, "Kazatomprom to raise output", KAZATOMPROM, published=DAY),
                 at=DAY + timedelta(hours=1))
        real_send = digest.send

        def send_then_die(url, message, secrets):
            real_send(url, message, secrets)
            raise KeyboardInterrupt  # the process dies before it records the digest as sent

        with monkeypatch.context() as patch:
            patch.setattr(digest, "send", send_then_die)
            with pytest.raises(KeyboardInterrupt):
                deliver_digests(env, wl, DAY, now=DAY + timedelta(hours=6))
        assert len(hook.received) == 1
        after = deliver_digests(env, wl, DAY, now=DAY + timedelta(hours=7))
        assert [(r.state, r.alerts) for r in after] == [("interrupted", 1), ("nothing", 0)]
        assert len(hook.received) == 1


def test_orewire_digest_send_twice_sends_once(env) -> None:
    with webhook_receiver() as hook:
        Path(env.watchlists).write_text(
            f'[watch.deals]\nkinds = ["deal"]\nnotify = ["{hook.url()}"]\n', encoding="utf-8")
        load(env, page(4600201, "Kazatomprom sales fell", EARLIER, published=DAY - timedelta(days=20)))
        assert match_and_deliver(env, deliver=False).matched.baseline == 1
        load(env, page(4600210, "Kazakhmys buys Copper LLP", BIG_DEAL, published=DAY))
        assert match_and_deliver(env, deliver=False).matched.alerts == 1
        first = orewire(["digest", "--since", "24h", "--send"])
        assert first.code == 0, first.stderr
        assert "digest to json://127.0.0.1: sent (1 alert(s))" in first.stderr
        second = orewire(["digest", "--since", "24h", "--send"])
        assert second.code == 0 and "digest to json://127.0.0.1: nothing new" in second.stderr
        assert len(hook.received) == 1
        assert hook.received[0]["title"].startswith("orewire digest: 1 alert(s)")
