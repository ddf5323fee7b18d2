"""The command line of watchlists and alerts: `orewire watch list|add|remove|test`, `orewire alerts`
and `orewire digest`, run as a user runs them, on a real warehouse and real receivers."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from orewire.alerts.watchlists import parse_watchlist
from tests.alerts.helpers import BIG_DEAL, DAY, KAZATOMPROM, SMALL_DEAL, TUNGSTEN, alerts, load, page
from tests.alerts.receivers import webhook_receiver
from tests.cli import orewire

REPO = Path(__file__).resolve().parents[2]
EARLIER = ["Kazatomprom reported lower uranium sales in the third quarter, the company said in a statement on "
           "Friday, citing delays in shipments to its customers in Europe and Asia."]


@pytest.fixture
def env(warehouse_env, tmp_path, monkeypatch):
    path = tmp_path / "watchlists.toml"
    monkeypatch.setenv("OREWIRE_WATCHLISTS", str(path))
    monkeypatch.setenv("OREWIRE_WEB_URL", "http://127.0.0.1:8765")
    monkeypatch.setenv("OREWIRE_ALERT_BACKOFF", "0")
    monkeypatch.setenv("OREWIRE_ALERT_TRIES", "1")
    from orewire.settings import get_settings

    return get_settings()


def test_the_shipped_watchlist_has_no_watch_and_its_examples_are_valid() -> None:
    text = (REPO / "watchlists.toml").read_text(encoding="utf-8")
    assert len(parse_watchlist(text)) == 0
    examples = "\n".join(line[2:] if line.startswith("# ") and not line.startswith("#   ") else line
                         for line in text.split("# Examples", 1)[1].splitlines()[1:])
    watches = parse_watchlist(examples)
    assert watches.watches.keys() == {"kazatomprom", "big-deals", "kz-uranium-licences", "lithium-ru"}
    assert watches["big-deals"].min_usd == 100e6
    for watch in watches:  # no secret in the file: every credential is a variable
        for target in watch.targets:
            assert not re.search(r"://[^/@$]+:[^$@]+@", target.template), target.template


@pytest.mark.parametrize(("table", "message"), [
    ('kinds = ["deals"]', "watch 'w', key 'kinds': unknown kind 'deals'"),
    ('entities = ["kazatomprom"]', "watch 'w', key 'entities': 'kazatomprom' is not an entity id"),
    ('commodities = ["coper"]', "watch 'w', key 'commodities': unknown commodity 'coper'"),
    ('countries = ["XX"]', "watch 'w', key 'countries': 'XX' is not a country the extractor knows"),
    ("min_usd = -5", "watch 'w', key 'min_usd': must be a positive number"),
    ('sources = ["nosuch"]', "watch 'w', key 'sources': unknown source 'nosuch'"),
    ('colour = "red"', "watch 'w', key 'colour': unknown key"),
    ('notify = ["nosuchservice://x"]', "watch 'w', key 'notify': nosuchservice://x: apprise cannot use this URL"),
    ('notify = []\nwords = ["x"]', "watch 'w', key 'notify': must be a non-empty list"),
    ('languages = ["english"]', "watch 'w', key 'languages': 'english' is not an ISO 639-1 code"),
    ('notify = ["json://localhost"]', "watch 'w': selects nothing"),
])
def test_a_bad_watch_stops_with_one_line_naming_the_watch_and_key(env, table: str, message: str) -> None:
    Path(env.watchlists).write_text(f"[watch.ok]\nentities = ['company:kazatomprom']\n\n[watch.w]\n{table}\n",
                                    encoding="utf-8")
    for args in (["watch", "list"], ["alerts", "--send"], ["watch", "test", "ok"]):
        ran = orewire(args)
        assert ran.code == 2, (args, ran.stdout, ran.stderr)
        lines = [ln for ln in ran.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and lines[0].startswith("orewire: watchlists.toml: "), ran.stderr
        assert message in lines[0], lines[0]
        assert "Traceback" not in ran.stderr + ran.stdout


def test_a_bad_notify_url_is_named_without_its_secret(env) -> None:
    Path(env.watchlists).write_text('[watch.w]\nwords = ["x"]\nnotify = ["nosuch://user:hunter2secret@host/path"]\n',
                                    encoding="utf-8")
    ran = orewire(["watch", "list"])
    assert ran.code == 2 and "nosuch://host" in ran.stderr and "hunter2secret" not in ran.stderr


def test_watch_add_and_remove_keep_the_file_as_written(env) -> None:
    path = Path(env.watchlists)
    path.write_text("# my watches\n\n# copper in Kazakhstan\n[watch.kz-copper]\ncommodities = ['copper']  # red metal\n"
                    "countries = ['KZ']\n", encoding="utf-8")
    ran = orewire(["watch", "add", "deals", "--kind", "deal", "--min-usd", "1e8", "--notify",
                   "mailtos://alerts:${SMTP_PASSWORD}@smtp.example.org?to=a@example.org"])
    assert ran.code == 0, ran.stderr
    assert "added watch deals" in ran.stdout and "--backfill deals" in ran.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my watches\n\n# copper in Kazakhstan\n[watch.kz-copper]\ncommodities = ['copper']  # red")
    assert "${SMTP_PASSWORD}" in text  # kept as a variable, never expanded into the file
    listed = json.loads(orewire(["watch", "list", "--json"]).stdout)
    assert [(w["name"], w.get("kinds"), w.get("min_usd"), w["notify"]) for w in listed] == [
        ("kz-copper", None, None, []), ("deals", ["deal"], 1e8, ["mailtos://smtp.example.org"])]

    again = orewire(["watch", "add", "deals", "--kind", "deal"])
    assert again.code == 2 and "watch 'deals' exists already" in again.stderr
    bad = orewire(["watch", "add", "other", "--kind", "deals"])
    assert bad.code == 2 and "key 'kinds'" in bad.stderr
    assert path.read_text(encoding="utf-8") == text  # a refused add writes nothing

    assert orewire(["watch", "remove", "kz-copper"]).code == 0
    left = path.read_text(encoding="utf-8")
    assert left.startswith("# my watches\n") and "kz-copper" not in left and "copper in Kazakhstan" not in left
    assert list(parse_watchlist(left).watches) == ["deals"]
    missing = orewire(["watch", "remove", "nosuch"])
    assert missing.code == 2 and "unknown watch 'nosuch' (the watchlist has: deals)" in missing.stderr


def test_watch_list_and_add_name_the_entity_ids_no_article_names(env) -> None:
    # an id the warehouse does not hold (a typo, or a name the gazetteer has since renamed) matches nothing: said
    Path(env.watchlists).write_text('[watch.kaz]\nentities = ["company:kazatomprom"]\n\n'
                                    '[watch.old]\nentities = ["company:kazatomprom", "deposit:inkay"]\n', encoding="utf-8")
    quiet = orewire(["watch", "list"])  # a warehouse that holds no entity yet has nothing to compare with
    assert quiet.code == 0 and "no article of the warehouse names" not in quiet.stdout
    load(env, page(4600010, "Kazatomprom to raise output", KAZATOMPROM))
    listed = orewire(["watch", "list"])
    assert listed.code == 0, listed.stderr
    assert "watch old: no article of the warehouse names deposit:inkay" in " ".join(listed.stdout.split())
    assert "watch kaz:" not in listed.stdout
    data = {w["name"]: w["unknown_entities"] for w in json.loads(orewire(["watch", "list", "--json"]).stdout)}
    assert data == {"kaz": [], "old": ["deposit:inkay"]}
    added = orewire(["watch", "add", "hill", "--entity", "deposit:nosuch-hill"])
    assert added.code == 0 and "note: no article of the warehouse names deposit:nosuch-hill" in " ".join(added.stdout.split())


def test_watch_test_alerts_list_send_and_backfill(env, monkeypatch) -> None:
    monkeypatch.setenv("TEST_HOOK_TOKEN", "tok-123456")
    with webhook_receiver() as hook:
        Path(env.watchlists).write_text(
            f'[watch.kazatomprom]\nentities = ["company:kazatomprom"]\nnotify = ["{hook.url()}"]\n', encoding="utf-8")
        load(env, page(4600001, "Kazatomprom sales fell", EARLIER, published=DAY - timedelta(days=2)))
        first = orewire(["alerts", "--send"])
        assert first.code == 0, first.stderr
        assert "1 article(s) already in the warehouse taken as the past" in first.stderr
        assert "no alerts" in first.stdout

        load(env, page(4600010, "Kazatomprom to raise output", KAZATOMPROM),
             page(4600011, "Boguty to be developed", TUNGSTEN))
        ran = orewire(["alerts", "--send", "--json"])
        assert ran.code == 0, ran.stderr
        assert "alerts: ok: 1 new alert(s) from 2 article(s) and 1 watch(es), 1 sent" in ran.stderr
        listed = json.loads(ran.stdout)
        assert [(a["watch"], a["article_id"], a["state"], a["attempts"]) for a in listed] == [
            ("kazatomprom", "trend:4600010", "sent", 1)]
        assert listed[0]["targets"] == [{"service": "json://127.0.0.1", "state": "sent", "attempts": 1}]
        assert len(hook.received) == 1

        table = orewire(["alerts"])
        assert "trend:4600010" in table.stdout and "sent" in table.stdout and "names Kazatomprom" in table.stdout

        # `watch test` shows the past too, flagging what alerted; nothing is written.
        days = (datetime.now(UTC) - DAY).days + 5  # back to before the articles' day
        tested = orewire(["watch", "test", "kazatomprom", "--days", str(days)])
        assert tested.code == 0, tested.stderr
        assert f"watch kazatomprom: 2 stories in the last {days} days" in tested.stdout
        assert "trend:4600010  Kazatomprom to raise output (alerted)" in tested.stdout
        assert "trend:4600001  Kazatomprom sales fell\n" in tested.stdout
        assert "«Kazatomprom» said on Tuesday" in tested.stdout
        assert len(alerts(env)) == 1

        refused = orewire(["alerts", "--backfill", "kazatomprom"])
        assert refused.code == 2 and "needs --since" in refused.stderr
        back = orewire(["alerts", "--backfill", "kazatomprom", "--since", (DAY - timedelta(days=5)).date().isoformat(),
                        "--json"])
        assert back.code == 0, back.stderr
        assert {a["article_id"]: a["state"] for a in json.loads(back.stdout)} == {
            "trend:4600010": "sent", "trend:4600001": "sent"}
        assert len(hook.received) == 2
        assert orewire(["alerts", "--send"]).code == 0 and len(hook.received) == 2

        # A receiver that is down: `--send` says so and exits 1; the alert stays pending.
        load(env, page(4600012, "Kazatomprom signs supply deal", [
            "Kazatomprom signed a long-term uranium supply agreement with a Chinese utility on Thursday, the company "
            "said in a statement."], published=DAY + timedelta(hours=4)))
        hook.down()
        down = orewire(["alerts", "--send", "--state", "pending"])
        assert down.code == 1
        assert "alerts: warning:" in down.stderr and "1 pending" in down.stderr
        assert "tok-123456" not in down.stderr + down.stdout
        assert "trend:4600012" in down.stdout
        hook.up()
        assert orewire(["alerts", "--send"]).code == 0
        assert len(hook.received) == 3
        assert orewire(["alerts", "--state", "bogus"]).code == 2


def test_digest_groups_the_days_events_and_articles_by_watch(env) -> None:
    Path(env.watchlists).write_text(
        '[watch.deals]\nkinds = ["deal"]\n\n[watch.kazatomprom]\nentities = ["company:kazatomprom"]\n\n'
        '[watch.quiet]\nwords = ["nothing of the kind"]\n', encoding="utf-8")
    load(env, page(4700001, "Earlier", EARLIER, published=DAY - timedelta(days=3)))
    assert orewire(["alerts", "--send"]).code == 0
    load(env, page(4700010, "Kazakhmys buys Copper LLP", BIG_DEAL), page(4700011, "Kazakhmys buys into Zinc LLP", SMALL_DEAL),
         page(4700012, "Kazatomprom to raise output", KAZATOMPROM))
    assert orewire(["alerts", "--send"]).code == 0
    ran = orewire(["digest", "--since", "24h"])
    assert ran.code == 0, ran.stderr
    text = ran.stdout
    assert text.startswith("# orewire digest: 3 alert(s), ")
    deals = text.split("## deals (2 articles)", 1)[1].split("## kazatomprom", 1)[0]
    assert "| deal | " in deals and "$120 million" in deals and "$50 million" in deals
    assert "[**Kazakhmys buys Copper LLP**](<http://127.0.0.1:8765/article/trend:4700010>)" in deals
    assert "**$120 million**" in deals  # the marked figure of its sentence
    kaz = text.split("## kazatomprom (1 article)", 1)[1].split("## quiet", 1)[0]
    assert "Kazatomprom to raise output" in kaz and "Why: names Kazatomprom" in kaz
    assert "## quiet (0 articles)" in text and "Nothing new." in text

    html = orewire(["digest", "--since", "24h", "--format", "html"]).stdout
    assert "<h2" in html and "<mark><strong>$120 million</strong></mark>" in html
    assert orewire(["digest", "--since", "2h", "--format", "html"]).code == 0
    assert orewire(["digest", "--since", "soon"]).code == 2
    later = orewire(["digest", "--since", "2999-01-01"])
    assert later.stdout.startswith("# orewire digest: 0 alert(s), ") and later.stdout.count("Nothing new.") == 3
