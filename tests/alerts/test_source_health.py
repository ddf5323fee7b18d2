"""Source health end to end: `orewire run` against a loopback copy of Trend whose markup changes
mid-way, three times. The first runs are normal, twenty articles each. Then the feed empties and the
listings take a new markup, so the crawl finds no article where there are usually twenty; then the
article pages are redesigned and lose their title, date and author and most of their text (no
facts left in it); then the text moves into a script and every page is too short to be an article.
Each broken run raises exactly one operator alert, to the `[operator]` notify URL of the watchlist
(a real webhook receiver on loopback), naming what changed; the normal runs raise none; `orewire
status` flags the source and `orewire alerts` lists the operator's messages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from orewire.alerts.health import THRESHOLDS
from orewire.demo.site import BAKU, DemoArticle, article_page
from orewire.testing.site_server import SiteServer
from tests.alerts.helpers import BIG_INVESTMENT, FILLER, KAZATOMPROM, TUNGSTEN
from tests.alerts.receivers import webhook_receiver
from tests.alerts.site import REPO, fast_registry, publish

pytestmark = pytest.mark.slow

TOKEN = "health-hook-token-57"
PER_RUN = 20  # "no articles where there are usually twenty"
# What the redesigned pages keep of an article: one paragraph, long enough to be an article, about
# half as long as the usual ones, naming nothing the extractor knows.
SHORT = ["The regional administration met residents of the district on Tuesday to discuss road repairs, school "
         "buildings and the coming heating season, and it promised to publish a plan for next year soon."]
TEASER = "Read the whole story on the new Trend app, available now."


def _undated(article: DemoArticle) -> str:
    """The first redesign: no title, date or author, and only a short paragraph of text."""
    html = article_page(DemoArticle(article.id, article.title, SHORT, article.published, article.author), [])
    html = re.sub(r'<meta property="(article:published_time|og:title)"[^>]*>\n?', "", html)
    html = re.sub(r'<span class="date-time">[^<]*</span>', "", html)
    html = re.sub(r'<a href="/author/[^"]*">[^<]*</a>', "", html)
    html = re.sub(r"<title>[^<]*</title>|<h1>[^<]*</h1>", "", html)
    body = html.split("<body>")[1]
    assert str(article.published.year) not in body and article.title not in html and article.author not in body
    return html


def _script_rendered(article: DemoArticle) -> str:
    """The second redesign: the text comes from a script; the page holds a teaser only."""
    html = article_page(DemoArticle(article.id, article.title, [TEASER], article.published, article.author), [])
    return html.replace('<div class="article-content', '<script src="/static/story.js"></script>\n<div class="article-content')


def _run(env: dict[str, str], url: str) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "orewire", "run", "--source", "trend", "--base-url", url, "--workers", "1"]
    proc = subprocess.run(args, env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def _orewire(env: dict[str, str], *args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "orewire", *args], env=env, cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def test_a_site_redesigned_three_times_alerts_the_operator_once_for_each(tmp_path, prefect_database_template) -> None:
    from tests.prefect_session import copy_prefect_database

    copy_prefect_database(prefect_database_template, tmp_path / "state" / "prefect" / "prefect.db")
    site_root = tmp_path / "site"
    with webhook_receiver() as hook, SiteServer(site_root) as site:
        watchlists = tmp_path / "watchlists.toml"
        watchlists.write_text(f'[operator]\nnotify = ["{hook.url()}"]\n', encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        env.update(OREWIRE_STATE=str(tmp_path / "state"), OREWIRE_WAREHOUSE=str(tmp_path / "wh" / "orewire.duckdb"),
                   OREWIRE_ARCHIVE=str(tmp_path / "raw"), OREWIRE_SOURCES=str(fast_registry(tmp_path / "sources.toml")),
                   OREWIRE_WATCHLISTS=str(watchlists), OREWIRE_ALERT_BACKOFF="0", OREWIRE_ALERT_TRIES="1",
                   TEST_HOOK_TOKEN=TOKEN, PREFECT_SERVER_ANALYTICS_ENABLED="false", PYTHONUNBUFFERED="1")

        published: list[DemoArticle] = []
        start = datetime.now(BAKU).replace(minute=0, second=0, microsecond=0) - timedelta(days=1)

        def new_batch() -> list[DemoArticle]:
            batch = []
            for _ in range(PER_RUN):
                n = len(published) + 1
                batch.append(DemoArticle(4850000 + n, f"Kazatomprom update number {n}",
                                         [*KAZATOMPROM, *BIG_INVESTMENT, *TUNGSTEN, FILLER],
                                         start + timedelta(minutes=10 * n), "Trend staff"))
                published.extend(batch[-1:])
            return batch

        def messages() -> list[str]:
            return [m["message"] for m in hook.received]

        # Normal runs: enough of them for a baseline, none alerting.
        for _ in range(int(THRESHOLDS["min_baseline_runs"])):
            new_batch()
            publish(site_root, published)
            normal = _run(env, site.url)
            assert "health:" not in normal.stdout, normal.stdout
        assert hook.received == []

        # 1. The feed empties and the listings take a new markup: the crawl finds no article.
        unlisted = new_batch()
        publish(site_root, published)
        (site_root / "feeds" / "index.rss").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Trend</title>'
            "<link>https://en.trend.az/</link><description>Moved</description></channel></rss>\n", encoding="utf-8")
        cards = "".join(f'<div class="card"><a href="{a.path}">{a.title}</a></div>' for a in reversed(published))
        for listing in (site_root / "index.html", site_root / "latest" / "index.html"):
            listing.write_text(f"<!DOCTYPE html><html><body><main>{cards}</main></body></html>", encoding="utf-8")
        lost = _run(env, site.url)
        assert "health: warning: trend: 0 article(s) where the last 14 days' runs had a median of 20 per run" in \
            lost.stdout, lost.stdout
        assert "(operator told)" in lost.stdout and len(hook.received) == 1
        assert hook.received[0]["title"].startswith("[orewire operator] trend:")

        # 2. The listings come back, and every page not yet fetched is redesigned: no title, date
        # or author, a short text with nothing in it to extract.
        redesigned = [*unlisted, *new_batch()]
        publish(site_root, published)
        for a in redesigned:
            (site_root / a.path.lstrip("/")).write_text(_undated(a), encoding="utf-8")
        fields = _run(env, site.url)
        assert "(operator told)" in fields.stdout and len(hook.received) == 2, fields.stdout
        message = messages()[1]
        for change in ("title found in 0% of 40 article(s), 100% over the last 14 days",
                       "date found in 0% of 40 article(s), 100% over the last 14 days",
                       "author found in 0% of 40 article(s), 100% over the last 14 days",
                       "0.0 fact(s) per article"):
            assert change in message, message
        assert re.search(r"median body \d+ words, \d+ over the last 14 days", message), message
        status = " ".join(_orewire(env, "status").split())
        assert "trend: health: title found in 0%" in status and "date found in 0%" in status, status

        # 3. The text moves into a script: every new page is too short to be an article.
        scripted_pages = new_batch()
        publish(site_root, published)
        for a in scripted_pages:
            (site_root / a.path.lstrip("/")).write_text(_script_rendered(a), encoding="utf-8")
        scripted = _run(env, site.url)
        assert "(operator told)" in scripted.stdout and len(hook.received) == 3, scripted.stdout
        assert "not-article 'too-short' for 100% of 20 page(s), 0% over the last 14 days" in messages()[2]

        # `orewire alerts` lists the three messages as the operator's.
        listed = json.loads(_orewire(env, "alerts", "--json"))
    assert len(hook.received) == 3
    operator = [r for r in listed if r.get("operator")]
    assert len(operator) == 3 and all(r["watch"] == "[operator]" and r["state"] == "sent" for r in operator)
    assert operator[2]["checks"] == ["articles"]
    assert {"title", "date", "author", "body", "facts"} <= set(operator[1]["checks"])
    assert "reason:too-short" in operator[0]["checks"]
    assert all(r["source"] == "trend" and r["article_id"] == r["run_id"] for r in operator)
    assert TOKEN not in (tmp_path / "wh" / "orewire.duckdb").read_bytes().decode("latin-1")
