"""`orewire rebuild` keeps the alerts' history: pages archived by three crawls (the past, a crawl
whose alerts went out, and one whose load never happened), a rebuild of the warehouse from the
archive, then a pass: nothing already sent is sent again, and the story loaded only by the rebuild
alerts once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb

from orewire.alerts.service import match_and_deliver
from orewire.archive import WarcWriter, list_manifests
from orewire.archive.manifest import ManifestWriter
from orewire.demo.site import DemoArticle, article_page
from orewire.settings import Settings, get_settings
from orewire.stages import ingest_manifests, rebuild_warehouse, write_run_record
from tests.alerts.helpers import BIG_DEAL, FILLER, KAZATOMPROM, rows
from tests.alerts.receivers import webhook_receiver

EARLIER = ["Kazatomprom reported lower uranium sales in the third quarter, the company said in a statement on "
           "Friday, citing delays in shipments to its customers in Europe and Asia."]
SUPPLY = ["Kazatomprom signed a long-term uranium supply agreement with a Chinese utility on Thursday, the company "
          "said in a statement."]
START = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)


def _crawl(settings: Settings, run: int, articles: list[tuple[int, str, list[str]]]) -> str:
    """``articles`` (number, title, paragraphs) archived by one crawl of Trend, with its manifest
    and run record, as a crawl leaves them; returns the run's id."""
    when = START + timedelta(hours=run)
    run_id = when.strftime("%Y%m%dT%H%M%SZ") + f"-trend-{run}"
    with WarcWriter(settings.archive, "trend", run_id) as warc, \
            ManifestWriter(settings.archive, "trend", run_id) as manifest:
        for number, title, paragraphs in articles:
            article = DemoArticle(number, title, [*paragraphs, FILLER], when - timedelta(minutes=30), "Trend staff")
            body = article_page(article, []).encode()
            url = "https://en.trend.az" + article.path
            loc = warc.write_exchange(
                url=url, method="GET", request_headers=[("User-Agent", "orewire-test")], request_body=b"",
                status=200, reason="OK", response_headers=[("Content-Type", "text/html; charset=utf-8")],
                body=body, fetched_at=when, extra={"Source": "trend", "Run-ID": run_id})
            manifest.write(url=url, final_url=url, status=200, fetched_at=when, warc_file=loc.warc_file,
                           warc_offset=loc.offset, kind="article", bytes=len(body), content_type="text/html")
    write_run_record(settings, {
        "run_id": run_id, "flow": "daily", "source": "trend", "started_at": when, "finished_at": when,
        "status": "ok", "fetched": len(articles), "new_articles": len(articles), "errors": 0,
        "params": {"sources": ["trend"]}})
    return run_id


def _history(settings: Settings) -> dict[str, list[tuple]]:
    conn = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        return {
            "alerts": conn.execute("SELECT alert_id, watch, story, state, attempts, matched_at, sent_at FROM alerts "
                                   "ORDER BY alert_id").fetchall(),
            "deliveries": conn.execute("SELECT alert_id, target, state, attempts, sent_at FROM alert_deliveries "
                                       "ORDER BY ALL").fetchall(),
            "seen": conn.execute("SELECT article_id, version FROM alert_seen ORDER BY ALL").fetchall(),
            "state": conn.execute("SELECT key, value FROM alert_state ORDER BY ALL").fetchall(),
        }
    finally:
        conn.close()


def test_a_rebuild_keeps_what_was_alerted_and_sends_nothing_twice(warehouse_env, tmp_path, monkeypatch) -> None:
    watchlists = tmp_path / "watchlists.toml"
    monkeypatch.setenv("OREWIRE_WATCHLISTS", str(watchlists))
    monkeypatch.setenv("OREWIRE_ALERT_BACKOFF", "0")
    monkeypatch.setenv("TEST_HOOK_TOKEN", "rebuild-hook-token")
    settings = get_settings()
    with webhook_receiver() as hook:
        watchlists.write_text(
            f'[watch.kazatomprom]\nentities = ["company:kazatomprom"]\nnotify = ["{hook.url()}"]\n\n'
            '[watch.big-deals]\nkinds = ["deal"]\nmin_usd = 100e6\n', encoding="utf-8")

        _crawl(settings, 1, [(4810001, "Kazatomprom sales fell", EARLIER)])
        ingest_manifests(list_manifests(settings.archive), settings)
        assert match_and_deliver(settings).matched.baseline == 1

        _crawl(settings, 2, [(4810002, "Kazatomprom to raise output", KAZATOMPROM),
                             (4810003, "Kazakhmys buys Copper LLP", BIG_DEAL)])
        ingest_manifests(list_manifests(settings.archive), settings)
        outcome = match_and_deliver(settings)
        assert outcome.matched.alerts == 2 and outcome.delivered.sent == 1
        assert [p["title"] for p in hook.received] == ["[kazatomprom] Kazatomprom to raise output"]
        before = _history(settings)

        # A third crawl archived a story, and its load never ran (the process died after the crawl).
        _crawl(settings, 3, [(4810004, "Kazatomprom signs supply deal", SUPPLY)])
        result = rebuild_warehouse(settings)
        assert not result.errors, result.errors
        assert Path(str(settings.warehouse) + ".bak").exists()
        carried = _history(settings)
        assert carried == before  # the history as it was, the article loaded by the rebuild not yet seen
        assert rows(settings, "SELECT count(*) AS n FROM articles")[0]["n"] == 4

        outcome = match_and_deliver(settings)
        assert outcome.matched.baseline == 0 and outcome.matched.articles == 1 and outcome.matched.alerts == 1
        assert outcome.delivered.sent == 1
        assert [p["title"] for p in hook.received] == ["[kazatomprom] Kazatomprom to raise output",
                                                       "[kazatomprom] Kazatomprom signs supply deal"]
        # Another rebuild and pass: the whole history comes along again, and nothing more is sent.
        after = _history(settings)
        assert not rebuild_warehouse(settings).errors
        assert _history(settings) == after
        again = match_and_deliver(settings)
        assert again.matched.articles == 0 and again.matched.alerts == 0 and again.delivered.sent == 0
        assert len(hook.received) == 2
    got = rows(settings, "SELECT watch, article_id, state FROM alerts ORDER BY article_id")
    assert got == [{"watch": "kazatomprom", "article_id": "trend:4810002", "state": "sent"},
                   {"watch": "big-deals", "article_id": "trend:4810003", "state": "sent"},
                   {"watch": "kazatomprom", "article_id": "trend:4810004", "state": "sent"}]


def test_an_unreadable_old_file_is_said_and_the_rebuild_goes_on(warehouse_env) -> None:
    _crawl(warehouse_env, 1, [(4810011, "Kazatomprom sales fell", EARLIER)])
    warehouse_env.warehouse.parent.mkdir(parents=True, exist_ok=True)
    warehouse_env.warehouse.write_bytes(b"not a warehouse at all" * 100)
    result = rebuild_warehouse(warehouse_env)
    assert len(result.errors) == 1 and "alert history not carried from orewire.duckdb.bak" in result.errors[0]
    assert rows(warehouse_env, "SELECT count(*) AS n FROM articles")[0]["n"] == 1
