"""End to end: `orewire run` against a loopback copy of Trend that publishes over a simulated day,
with a watch on a company and one on deals over $100 million delivering to a real webhook receiver.
Each matching article alerts exactly once, through a run killed in the middle of its delivery and
the run that follows."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from orewire.demo.site import BAKU, DemoArticle
from orewire.testing.site_server import SiteServer
from tests.alerts.helpers import BIG_DEAL, FILLER, KAZATOMPROM, SMALL_DEAL, TUNGSTEN, rows
from tests.alerts.receivers import webhook_receiver
from tests.alerts.site import fast_registry as _registry
from tests.alerts.site import publish as _site

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
TOKEN = "e2e-hook-token-91"
EARLIER = ["Kazatomprom reported lower uranium sales in the third quarter, the company said in a statement on "
           "Friday, citing delays in shipments to its customers in Europe and Asia."]
SUPPLY = ["Kazatomprom signed a long-term uranium supply agreement with a Chinese utility on Thursday, the company "
          "said in a statement."]
RIO_DEAL = ["Rio Tinto acquired a 40% stake in Zhezkazgan Copper LLP for $300 million, the buyer said."]


def _article(number: int, hour: int, title: str, paragraphs: list[str]) -> DemoArticle:
    start = datetime.now(BAKU).replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=1)
    return DemoArticle(4800000 + number, title, [*paragraphs, FILLER], start + timedelta(hours=hour), "Trend staff")


def _run(env: dict[str, str], url: str, *, kill_when: threading.Event | None = None) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "orewire", "run", "--source", "trend", "--base-url", url, "--workers", "1"]
    proc = subprocess.Popen(args, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    if kill_when is not None:
        killed = kill_when.wait(300)
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=60)
        assert killed, "the alert never arrived: " + out + err
        return subprocess.CompletedProcess(args, proc.returncode, out, err)
    out, err = proc.communicate(timeout=600)
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def test_a_simulated_day_alerts_once_per_matching_article_through_a_crash(tmp_path, prefect_database_template) -> None:
    from tests.prefect_session import copy_prefect_database

    copy_prefect_database(prefect_database_template, tmp_path / "state" / "prefect" / "prefect.db")
    site_root = tmp_path / "site"
    with webhook_receiver() as hook, SiteServer(site_root) as site:
        watchlists = tmp_path / "watchlists.toml"
        watchlists.write_text(
            f'[watch.kazatomprom]\nentities = ["company:kazatomprom"]\nnotify = ["{hook.url()}"]\n\n'
            f'[watch.big-deals]\nkinds = ["deal"]\nmin_usd = 100e6\nnotify = ["{hook.url()}"]\n', encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        env.update(OREWIRE_STATE=str(tmp_path / "state"), OREWIRE_WAREHOUSE=str(tmp_path / "wh" / "orewire.duckdb"),
                   OREWIRE_ARCHIVE=str(tmp_path / "raw"), OREWIRE_SOURCES=str(_registry(tmp_path / "sources.toml")),
                   OREWIRE_WATCHLISTS=str(watchlists), OREWIRE_WEB_URL="http://127.0.0.1:8765",
                   OREWIRE_ALERT_BACKOFF="0", OREWIRE_ALERT_TRIES="1", TEST_HOOK_TOKEN=TOKEN,
                   PREFECT_SERVER_ANALYTICS_ENABLED="false", PYTHONUNBUFFERED="1")

        # Morning: what the site holds when the watches are set is the past.
        published = [_article(1, 7, "Kazatomprom sales fell", EARLIER),
                     _article(2, 8, "Kazakhmys buys Copper LLP", BIG_DEAL)]
        _site(site_root, published)
        first = _run(env, site.url)
        assert first.returncode == 0, first.stdout + first.stderr
        assert "alerts: ok: 0 new alert(s)" in first.stdout and "2 article(s) already in the warehouse" in first.stdout
        assert hook.received == []

        # Noon: a Kazatomprom story, a syndicated copy of it, a big deal, a small deal, an unrelated story.
        published += [_article(3, 11, "Kazatomprom to raise output", KAZATOMPROM),
                      _article(4, 12, "Kazatomprom to raise output at Budenovskoye", KAZATOMPROM),
                      _article(5, 12, "Rio Tinto buys into Zhezkazgan Copper", RIO_DEAL),
                      _article(6, 13, "Kazakhmys buys into Zinc LLP", SMALL_DEAL),
                      _article(7, 13, "Boguty to be developed", TUNGSTEN)]
        _site(site_root, published)
        noon = _run(env, site.url)
        assert noon.returncode == 0, noon.stdout + noon.stderr
        assert "alerts: ok: 2 new alert(s)" in noon.stdout and "2 sent" in noon.stdout, noon.stdout
        assert sorted(p["title"] for p in hook.received) == ["[big-deals] Rio Tinto buys into Zhezkazgan Copper",
                                                             "[kazatomprom] Kazatomprom to raise output"]

        # Afternoon: two more; the run is killed while the receiver holds the first alert it sends.
        published += [_article(8, 16, "Kazatomprom signs supply deal", SUPPLY),
                      _article(9, 17, "Kazakhmys buys Zinc LLP outright",
                               ["Kazakhmys acquired Zinc LLP for $150 million, the buyer said."])]
        _site(site_root, published)
        hook.arrived.clear()
        hook.hold = threading.Event()
        crashed = _run(env, site.url, kill_when=hook.arrived)
        assert crashed.returncode == -signal.SIGKILL
        hook.hold.set()
        hook.hold = None
        assert len(hook.received) == 3

        # The next run loads nothing new, finds the alerts the killed run made, and sends the rest.
        again = _run(env, site.url)
        assert again.returncode == 0, again.stdout + again.stderr
        assert "alerts:" in again.stdout
        finally_ = _run(env, site.url)
        assert finally_.returncode == 0
    titles = sorted(p["title"] for p in hook.received)
    assert titles == ["[big-deals] Kazakhmys buys Zinc LLP outright", "[big-deals] Rio Tinto buys into Zhezkazgan Copper",
                      "[kazatomprom] Kazatomprom signs supply deal", "[kazatomprom] Kazatomprom to raise output"]
    states = rows(_Settings(tmp_path), "SELECT watch, article_id, state FROM alerts ORDER BY matched_at, watch")
    assert len(states) == 4
    # The one in flight when the process died is marked as such rather than sent twice; the others are sent.
    assert sorted(r["state"] for r in states) == ["failed", "sent", "sent", "sent"]
    assert TOKEN not in (tmp_path / "wh" / "orewire.duckdb").read_bytes().decode("latin-1")


class _Settings:
    def __init__(self, tmp_path: Path) -> None:
        self.warehouse = tmp_path / "wh" / "orewire.duckdb"
