"""The alerts page and the Atom feed per watch, on a real warehouse: pages cleaned, extracted and
loaded through the one writer, alerts made by the real matching code, a delivery tried against a
webhook receiver that is down. The feed is parsed as XML and checked against the warehouse."""

from __future__ import annotations

import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from orewire.alerts.deliver import deliver_pending
from orewire.alerts.service import match_and_deliver, watchlist
from orewire.settings import get_settings
from orewire.warehouse import reader
from orewire.web import create_app
from tests.alerts.helpers import BIG_DEAL, DAY, KAZATOMPROM, SMALL_DEAL, load, page
from tests.alerts.receivers import webhook_receiver

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

ATOM = "{http://www.w3.org/2005/Atom}"
TOKEN = "feed-token-0123456789"
# Markup and entities in a title: the feed must carry it as text.
TRICKY = 'Kazakhmys & "Copper" <b>LLP</b> deal]]> done'
EARLIER = ["Kazatomprom reported lower uranium sales in the third quarter, the company said in a statement on "
           "Friday, citing delays in shipments to its customers in Europe and Asia."]
WATCHES = """
[watch.kazatomprom]
entities = ["company:kazatomprom"]
notify = ["{hook}"]

[watch.big-deals]
kinds = ["deal"]
min_usd = 100e6

[watch.quiet]
words = ["molybdenum"]
"""


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """A warehouse with alerts of two watches (one delivered to a receiver that is down) and a
    third watch with none."""
    root = tmp_path_factory.mktemp("alerts-web")
    mp = pytest.MonkeyPatch()
    mp.setenv("OREWIRE_WAREHOUSE", str(root / "orewire.duckdb"))
    mp.setenv("OREWIRE_ARCHIVE", str(root / "raw"))
    mp.setenv("OREWIRE_WATCHLISTS", str(root / "watchlists.toml"))
    mp.setenv("OREWIRE_ALERT_TRIES", "2")
    mp.setenv("OREWIRE_ALERT_BACKOFF", "0.01")
    mp.delenv("OREWIRE_WEB_URL", raising=False)
    mp.setenv("TEST_HOOK_TOKEN", "hook-secret")
    settings = get_settings()
    try:
        with webhook_receiver() as hook:
            Path(settings.watchlists).write_text(WATCHES.format(hook=hook.url()), encoding="utf-8")
            load(settings, page(4600001, "Kazatomprom sales fell", EARLIER, published=DAY - timedelta(days=20)))
            assert match_and_deliver(settings, deliver=False).matched.baseline == 1
            load(settings,
                 page(4600010, "Kazatomprom to raise output", KAZATOMPROM, published=DAY, offset=1),
                 page(4600011, TRICKY, BIG_DEAL, published=DAY + timedelta(hours=1), offset=2),
                 page(4600012, "Kazakhmys buys into Zinc LLP", SMALL_DEAL, published=DAY + timedelta(hours=2),
                      offset=3))
            assert match_and_deliver(settings, deliver=False).matched.alerts == 2
            hook.down()
            report = deliver_pending(settings, watchlist(settings), sleep=lambda s: None)
            assert report.pending == 1
        yield settings
    finally:
        mp.undo()


@pytest.fixture(scope="module")
def client(env):
    with TestClient(create_app(env), base_url="http://127.0.0.1:8765") as c:
        yield c


def _alerts(env) -> dict[str, dict]:
    """The warehouse's own answer (a read-only connection like the app's)."""
    conn = reader(env)
    try:
        cur = conn.execute("SELECT a.*, r.title, r.published_at FROM alerts a JOIN articles r USING (article_id)")
        names = [d[0] for d in cur.description]
        return {r[names.index("article_id")]: dict(zip(names, r, strict=True)) for r in cur.fetchall()}
    finally:
        conn.close()


def test_the_alerts_page_lists_each_alert_with_its_watch_article_state_and_attempts(client, env) -> None:
    want = _alerts(env)
    assert set(want) == {"trend:4600010", "trend:4600011"}
    assert want["trend:4600010"]["state"] == "pending" and want["trend:4600010"]["attempts"] >= 1
    response = client.get("/alerts")
    assert response.status_code == 200
    doc = lxml.html.fromstring(response.text)
    shown = {}
    for tr in doc.xpath("//table[contains(@class, 'alerts')]/tbody/tr[@data-alert]"):
        link = tr.xpath(".//a[@class='article']")[0]
        cells = [c.text_content().strip() for c in tr.xpath("td")]
        shown[link.get("href").removeprefix("/article/")] = {
            "watch": tr.xpath(".//a[@class='watch']")[0].text_content(), "title": link.text_content(),
            "state": cells[3], "attempts": int(cells[4]), "why": cells[5], "alert_id": tr.get("data-alert")}
    assert set(shown) == set(want)
    for article_id, row in want.items():
        got = shown[article_id]
        assert (got["watch"], got["title"], got["state"], got["attempts"], got["alert_id"]) == (
            row["watch"], row["title"], row["state"], row["attempts"], row["alert_id"])
        assert row["reason"] in got["why"]
    # The failed delivery's error is shown, and the marked part of the sentence.
    assert "Connection" in shown["trend:4600010"]["why"]
    marks = doc.xpath("//tr[@data-alert]//blockquote/mark/text()")
    assert "Kazatomprom" in marks and "$120 million" in marks
    # Every watch, alerts or not, has its feed linked.
    assert sorted(doc.xpath("//a[@class='feed']/@href")) == sorted(
        f"/watch/{w}.atom" for w in ("kazatomprom", "big-deals", "quiet"))


def test_the_alerts_page_filters_by_watch_and_state(client, env) -> None:
    def ids(query: str) -> set[str]:
        doc = lxml.html.fromstring(client.get("/alerts?" + query).text)
        return {h.removeprefix("/article/") for h in doc.xpath("//tr[@data-alert]//a[@class='article']/@href")}

    assert ids("watch=big-deals") == {a for a, r in _alerts(env).items() if r["watch"] == "big-deals"} == {
        "trend:4600011"}
    assert ids("state=pending") == {a for a, r in _alerts(env).items() if r["state"] == "pending"} == {"trend:4600010"}
    assert ids("state=sent") == {"trend:4600011"}
    assert ids("watch=quiet") == set()


def _feed(client, name: str) -> lxml.etree._Element:
    response = client.get(f"/watch/{name}.atom")
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("application/atom+xml")
    return lxml.etree.fromstring(response.content)


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_each_watch_has_a_valid_atom_feed_of_its_alerts(client, env) -> None:
    want = {a: r for a, r in _alerts(env).items() if r["watch"] == "big-deals"}
    feed = _feed(client, "big-deals")
    assert feed.tag == f"{ATOM}feed"
    # The elements Atom 1.0 requires of a feed: id, title, updated, an author (feed-wide).
    assert feed.findtext(f"{ATOM}id") == "tag:orewire.invalid,2026:watch/big-deals"
    assert feed.findtext(f"{ATOM}title") == "orewire: watch big-deals"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "orewire"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://127.0.0.1:8765/watch/big-deals.atom"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(want) == 1
    entry, (article_id, row) = entries[0], next(iter(want.items()))
    assert entry.findtext(f"{ATOM}id") == f"tag:orewire.invalid,2026:alert/{row['alert_id']}"
    assert entry.findtext(f"{ATOM}title") == TRICKY == row["title"]
    assert entry.find(f"{ATOM}link[@rel='alternate']").get("href") == f"http://127.0.0.1:8765/article/{article_id}"
    assert entry.find(f"{ATOM}link[@rel='related']").get("href") == "https://en.trend.az/business/economy/4600011.html"
    assert entry.findtext(f"{ATOM}updated") == _stamp(row["matched_at"])
    assert entry.findtext(f"{ATOM}published") == _stamp(row["published_at"])
    assert feed.findtext(f"{ATOM}updated") == _stamp(row["matched_at"])
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "text"
    assert "«$120 million»" in summary.text and row["reason"] in summary.text


def test_a_watch_without_alerts_has_an_empty_valid_feed_and_an_unknown_watch_none(client) -> None:
    feed = _feed(client, "quiet")
    assert feed.findall(f"{ATOM}entry") == []
    assert datetime.strptime(feed.findtext(f"{ATOM}updated"), "%Y-%m-%dT%H:%M:%SZ")
    assert feed.findtext(f"{ATOM}id") == "tag:orewire.invalid,2026:watch/quiet"
    assert client.get("/watch/nobody.atom").status_code == 404
    assert client.get("/watch/Bad%20Name%3C.atom").status_code == 404
    # Feeds of two watches never share an entry.
    kz = {e.findtext(f"{ATOM}id") for e in _feed(client, "kazatomprom").findall(f"{ATOM}entry")}
    deals = {e.findtext(f"{ATOM}id") for e in _feed(client, "big-deals").findall(f"{ATOM}entry")}
    assert len(kz) == 1 and len(deals) == 1 and not kz & deals


def test_the_feed_is_guarded_like_every_page(env) -> None:
    app = create_app(env, token=TOKEN, loopback_only=True)
    with TestClient(app, base_url="http://127.0.0.1:8765") as c:
        assert c.get("/watch/big-deals.atom").status_code == 401
        assert c.get("/watch/big-deals.atom?token=wrong").status_code == 401
        assert c.get("/alerts").status_code == 401
        # A feed reader keeps no cookie: the token in the feed's address is taken as it is.
        ok = c.get(f"/watch/big-deals.atom?token={TOKEN}", follow_redirects=False)
        assert ok.status_code == 200 and "set-cookie" not in ok.headers
        assert lxml.etree.fromstring(ok.content).findall(f"{ATOM}entry")
        assert c.get("/watch/big-deals.atom", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        # A page is still answered with the cookie and a redirect.
        assert c.get(f"/alerts?token={TOKEN}", follow_redirects=False).status_code == 303
    with TestClient(app, base_url="http://evil.example:8765") as c:
        assert c.get(f"/watch/big-deals.atom?token={TOKEN}").status_code == 421
