"""The lag figures of `orewire status` and the web overview, on a real warehouse: articles cleaned,
extracted and loaded through the one writer with known publication and fetch times, alerts made by
the real matching code and delivered to a webhook receiver at simulated times. The expected
medians and 95th percentiles are computed here from the times the test chose."""

from __future__ import annotations

import io
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

import lxml.html
import pytest
from rich.console import Console

from orewire.alerts.deliver import deliver_pending
from orewire.alerts.freshness import fmt_lag, lags
from orewire.alerts.service import match_and_deliver, watchlist
from orewire.demo.site import gold_folder, read_articles
from orewire.settings import get_settings
from orewire.status import collect_status, render_status
from orewire.warehouse import reader
from orewire.web import create_app
from tests.alerts.helpers import load, page
from tests.alerts.receivers import webhook_receiver

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

# Minutes from publication to the fetch that archived each article, and from that fetch to delivery.
FETCH_LAGS = [5, 12, 20, 3, 45, 30, 8, 15, 50, 25]
SEND_LAGS = [2, 4, 6, 8, 10, 12, 14, 16, 18, 60]


def quantile(values: list[float], q: float) -> float:
    """Linear interpolation between the closest ranks (what SQL's quantile_cont gives)."""
    xs = sorted(values)
    pos = (len(xs) - 1) * q
    low = int(pos)
    high = min(low + 1, len(xs) - 1)
    return xs[low] + (xs[high] - xs[low]) * (pos - low)


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("OREWIRE_WAREHOUSE", str(tmp_path / "orewire.duckdb"))
    monkeypatch.setenv("OREWIRE_ARCHIVE", str(tmp_path / "raw"))
    monkeypatch.setenv("OREWIRE_WATCHLISTS", str(tmp_path / "watchlists.toml"))
    monkeypatch.setenv("OREWIRE_ALERT_TRIES", "1")
    monkeypatch.setenv("TEST_HOOK_TOKEN", "hook-secret")
    return get_settings()


def test_lags_from_publication_to_warehouse_to_alert_per_source(env) -> None:
    start = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(days=2)
    texts = read_articles(gold_folder(), start)
    with webhook_receiver() as hook:
        Path(env.watchlists).write_text(f'[watch.all-trend]\nsources = ["trend"]\nnotify = ["{hook.url()}"]\n',
                                        encoding="utf-8")
        # The past: an article fetched nine days ago, long after its publication (outside the window).
        old = texts[-1]
        load(env, page(4700000, old.title, old.paragraphs, published=start - timedelta(days=12),
                       fetched=start - timedelta(days=9), offset=99))
        assert match_and_deliver(env, deliver=False).matched.baseline == 1
        published_at = []
        for i, (fetch_lag, send_lag) in enumerate(zip(FETCH_LAGS, SEND_LAGS, strict=True)):
            text = texts[i]
            published = start + timedelta(minutes=30 * i)
            fetched = published + timedelta(minutes=fetch_lag)
            published_at.append(published)
            load(env, page(4700001 + i, text.title, text.paragraphs, published=published, fetched=fetched, offset=i))
            assert match_and_deliver(env, deliver=False, now=fetched).matched.alerts == 1
            report = deliver_pending(env, watchlist(env), now=lambda f=fetched, s=send_lag: f + timedelta(minutes=s))
            assert report.sent == 1
        assert len(hook.received) == len(FETCH_LAGS)

    now = start + timedelta(days=1)
    conn = reader(env)
    try:
        got = lags(conn, now)["trend"]
        # A window that ends more than a week later holds none of them.
        assert lags(conn, now + timedelta(days=7, hours=1)) == {}
    finally:
        conn.close()
    assert got["published_n"] == len(FETCH_LAGS)
    assert got["published_p50_s"] == pytest.approx(quantile(FETCH_LAGS, 0.5) * 60)
    assert got["published_p95_s"] == pytest.approx(quantile(FETCH_LAGS, 0.95) * 60)
    assert got["alert_n"] == len(SEND_LAGS)
    assert got["alert_p50_s"] == pytest.approx(quantile(SEND_LAGS, 0.5) * 60)
    assert got["alert_p95_s"] == pytest.approx(quantile(SEND_LAGS, 0.95) * 60)

    # orewire status: the same figures, printed.
    status = collect_status(env, now=now)
    trend = next(s for s in status["sources"] if s["source"] == "trend")
    assert trend["lag"] == got
    buf = io.StringIO()
    render_status(status, Console(file=buf, width=400))
    line = next(line for line in buf.getvalue().splitlines() if "│ trend" in line)
    assert f"{fmt_lag(got['published_p50_s'])} / {fmt_lag(got['published_p95_s'])} (n=10)" in line
    assert f"{fmt_lag(got['alert_p50_s'])} / {fmt_lag(got['alert_p95_s'])} (n=10)" in line

    # The web overview (its window ends now: the articles are two days old).
    with TestClient(create_app(env), base_url="http://127.0.0.1:8765") as client:
        doc = lxml.html.fromstring(client.get("/").text)
    row = doc.xpath("//table[contains(@class, 'sources')]//tr[td/a[text()='trend']]")[0]
    published_cell = row.xpath("td[@class='lag-published']")[0].text_content()
    alert_cell = row.xpath("td[@class='lag-alert']")[0].text_content()
    assert "(10)" in published_cell and "(10)" in alert_cell
    assert f"{quantile(FETCH_LAGS, 0.5):.0f} min" in published_cell
    assert f"{quantile(SEND_LAGS, 0.95):.0f} min" in alert_cell
