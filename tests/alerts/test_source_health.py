"""Source health end to end: `orewire run` against a loopback copy of Trend whose markup changes
mid-way. The first runs are normal; then the site is redesigned and its article pages lose their
dates. The run after the redesign raises exactly one operator alert, to the `[operator]` notify URL
of the watchlist (a real webhook receiver on loopback); the runs before it raise none, and
`orewire status` flags the source."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from orewire.alerts.health import THRESHOLDS
from orewire.demo.site import DemoArticle, article_page
from orewire.testing.site_server import SiteServer
from tests.alerts.helpers import KAZATOMPROM
from tests.alerts.receivers import webhook_receiver
from tests.alerts.test_pipeline import REPO, _article, _registry, _site

pytestmark = pytest.mark.slow

TOKEN = "health-hook-token-57"
PER_RUN = 6


def _undated(root: Path, articles: list[DemoArticle]) -> None:
    """The redesign: the article pages of ``articles`` carry no date any more."""
    for a in articles:
        html = article_page(a, [])
        html = re.sub(r'<meta property="article:published_time"[^>]*>\n?', "", html)
        html = re.sub(r'<span class="date-time">[^<]*</span>', "", html)
        assert "2026" not in html.split("<body>")[1]
        (root / a.path.lstrip("/")).write_text(html, encoding="utf-8")


def _run(env: dict[str, str], url: str) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "orewire", "run", "--source", "trend", "--base-url", url, "--workers", "1"]
    proc = subprocess.run(args, env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def test_a_redesign_that_drops_the_dates_alerts_the_operator_once(tmp_path, prefect_database_template) -> None:
    from tests.prefect_session import copy_prefect_database

    copy_prefect_database(prefect_database_template, tmp_path / "state" / "prefect" / "prefect.db")
    site_root = tmp_path / "site"
    with webhook_receiver() as hook, SiteServer(site_root) as site:
        watchlists = tmp_path / "watchlists.toml"
        watchlists.write_text(f'[operator]\nnotify = ["{hook.url()}"]\n', encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        env.update(OREWIRE_STATE=str(tmp_path / "state"), OREWIRE_WAREHOUSE=str(tmp_path / "wh" / "orewire.duckdb"),
                   OREWIRE_ARCHIVE=str(tmp_path / "raw"), OREWIRE_SOURCES=str(_registry(tmp_path / "sources.toml")),
                   OREWIRE_WATCHLISTS=str(watchlists), OREWIRE_ALERT_BACKOFF="0", OREWIRE_ALERT_TRIES="1",
                   TEST_HOOK_TOKEN=TOKEN, PREFECT_SERVER_ANALYTICS_ENABLED="false", PYTHONUNBUFFERED="1")

        published: list[DemoArticle] = []
        number = 0

        def publish(count: int) -> list[DemoArticle]:
            nonlocal number
            new = []
            for _ in range(count):
                number += 1
                new.append(_article(number, number % 24, f"Kazatomprom update number {number}", KAZATOMPROM))
            published.extend(new)
            _site(site_root, published)
            return new

        # Normal runs: enough of them for a baseline, none alerting.
        for _ in range(int(THRESHOLDS["min_baseline_runs"])):
            publish(PER_RUN)
            normal = _run(env, site.url)
            assert "health:" not in normal.stdout, normal.stdout
        assert hook.received == []

        # The redesign: the new pages have no date.
        _undated(site_root, publish(PER_RUN))
        broken = _run(env, site.url)
        assert "health: warning: trend: date found in 0% of 6 article(s)" in broken.stdout, broken.stdout
        assert "(operator told)" in broken.stdout
        assert len(hook.received) == 1
        message = hook.received[0]
        assert message["title"].startswith("[orewire operator] trend:")
        assert "date found in 0% of 6 article(s), 100% over the last 14 days" in message["message"]

        status = subprocess.run([sys.executable, "-m", "orewire", "status"], env=env, cwd=REPO, capture_output=True,
                                text=True, timeout=300)
        assert status.returncode == 0, status.stderr
        assert "trend: health: date found in 0%" in " ".join(status.stdout.split())

        # Another run with nothing new: the redesigned run is not reported again.
        again = _run(env, site.url)
        assert "(operator told)" not in again.stdout
    assert len(hook.received) == 1
