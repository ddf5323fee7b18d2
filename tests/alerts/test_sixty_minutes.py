"""The watchlists' 60-minute target, on a simulated clock.

A loopback copy of Trend publishes an article every few minutes over simulated hours (``DAY``). When a run
happens is decided by the source's own schedules in the project's registry (the defaults: the feed
polled every 15 minutes, the listings walked hourly), read with croniter as `orewire serve` reads
them. Each run is the pipeline's stages for real: the crawler process (feeds alone, or the full
crawl), the load of its manifest, matching and delivery to a webhook receiver. The simulated clock
then moves on by a fixed allowance for the run (``RUN_TIME``) plus the delays Trend's politeness would
have added to its requests (the test's registry drops them so the day runs in minutes), and a run
whose time came while another was running starts when that one ends, as the crawl lock makes it.

An article is in the warehouse, and its alert at the receiver, at the simulated end of the run that
loaded and delivered it: at least 95% of the day's articles must get both within 60 minutes of
their publication. No wall-clock time is asserted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from croniter import croniter

from orewire.alerts.service import match_and_deliver
from orewire.clean.fingerprint import NEAR_DUPLICATE_BITS, hamming, simhash64
from orewire.crawl import crawl_source
from orewire.demo.site import DemoArticle, gold_folder, read_articles
from orewire.settings import get_settings
from orewire.sources import load_registry
from orewire.stages import ingest_manifests
from orewire.testing.site_server import SiteServer
from tests.alerts.helpers import FILLER, REPO, rows
from tests.alerts.receivers import webhook_receiver
from tests.alerts.site import fast_registry, publish

pytestmark = pytest.mark.slow

TARGET = timedelta(minutes=60)
# Six simulated hours by default (24 feed polls and 6 full crawls, 48 articles); the whole day
# with OREWIRE_TEST_SIM_HOURS=24 (about four times as long to run).
DAY = timedelta(hours=float(os.environ.get("OREWIRE_TEST_SIM_HOURS", "6")))
# A run's own time on the simulated clock, besides its politeness delays: a generous stand-in for
# the crawler's start, the load, matching and delivery (a few seconds each on loopback).
RUN_TIME = timedelta(minutes=2)
GAPS = [4, 7, 11, 5, 9, 6, 13, 3, 8]  # minutes between two articles, in turn: "every few minutes"


@dataclass
class Run:
    at: datetime        # simulated start
    mode: str           # feeds | daily
    ended: datetime | None = None


def _articles(start: datetime, end: datetime) -> list[DemoArticle]:
    """One article every few minutes from ``start`` to ``end``, each text the first paragraphs of
    two gold texts, no two of them near-duplicates (their fingerprints twice the near-duplicate
    distance apart): each is a story of its own, with an alert of its own."""
    gold = read_articles(gold_folder(), end)
    pairs = ((gold[i], gold[(i + step) % len(gold)]) for step in range(1, len(gold)) for i in range(len(gold)))
    prints: list[int] = []
    out = []
    when = start
    while when < end:
        a, b = next(pairs)  # StopIteration: the gold texts give no more distinct stories
        paragraphs = [*a.paragraphs[:3], *b.paragraphs[:3], FILLER]
        fingerprint = simhash64("\n\n".join(paragraphs))  # as the cleaner takes it of the article's text
        if any(hamming(fingerprint, other) <= 2 * NEAR_DUPLICATE_BITS for other in prints):
            continue
        prints.append(fingerprint)
        k = len(out)
        out.append(DemoArticle(4900000 + k, f"{a.title} ({k})", paragraphs, when, "Trend staff"))
        when += timedelta(minutes=GAPS[k % len(GAPS)])
    return out


def _schedule(crons: dict[str, str], start: datetime, end: datetime) -> list[Run]:
    """The runs the schedules ask for from ``start`` to ``end``, in time order."""
    runs = []
    for mode, cron in crons.items():
        it = croniter(cron, start)
        while (at := it.get_next(datetime)) <= end:
            runs.append(Run(at, mode))
    return sorted(runs, key=lambda r: (r.at, r.mode))


def test_articles_and_their_alerts_arrive_within_the_hour_with_the_default_schedules(tmp_path, monkeypatch) -> None:
    trend = load_registry(REPO / "sources.toml")["trend"]
    crons = {"daily": trend.schedule, "feeds": trend.feed_schedule}
    # The registry's defaults: listings hourly, the feed every quarter of an hour.
    assert croniter(trend.schedule).get_next(datetime) - croniter(trend.schedule).get_prev(datetime) == \
        timedelta(hours=1)
    assert trend.feed_schedule == "*/15 * * * *"
    delay = timedelta(seconds=trend.politeness.download_delay)

    # A simulated period that ended two hours ago (every date on the site lies in the past).
    day_end = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(hours=2)
    day_start = day_end - DAY
    articles = _articles(day_start, day_end)
    runs = _schedule(crons, day_start - timedelta(minutes=1), day_end + TARGET)
    registry = fast_registry(tmp_path / "sources.toml")
    monkeypatch.setenv("OREWIRE_WAREHOUSE", str(tmp_path / "wh" / "orewire.duckdb"))
    monkeypatch.setenv("OREWIRE_ARCHIVE", str(tmp_path / "raw"))
    monkeypatch.setenv("OREWIRE_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("OREWIRE_SOURCES", str(registry))
    monkeypatch.setenv("OREWIRE_WATCHLISTS", str(tmp_path / "watchlists.toml"))
    monkeypatch.setenv("OREWIRE_ALERT_BACKOFF", "0")
    monkeypatch.setenv("TEST_HOOK_TOKEN", "sixty-minutes-token")
    settings = get_settings()
    site_root = tmp_path / "site"
    site_root.mkdir()

    loaded: dict[str, datetime] = {}      # article id -> simulated time it was in the warehouse
    alerted: dict[str, datetime] = {}     # title -> simulated time its alert was received
    with webhook_receiver() as hook, SiteServer(site_root) as site:
        (tmp_path / "watchlists.toml").write_text(f'[watch.everything]\nsources = ["trend"]\nnotify = ["{hook.url()}"]\n',
                                                  encoding="utf-8")
        assert match_and_deliver(settings).matched.baseline == 0  # the watch was there before the day began
        clock = runs[0].at
        published = 0
        for run in runs:
            clock = max(clock, run.at)  # a run waits for the one before it (the crawl lock)
            while published < len(articles) and articles[published].published <= clock:
                published += 1
            publish(site_root, articles[:published])
            site.clear_log()
            crawl = crawl_source("trend", settings=settings, base_url=site.url, politeness=False, mode=run.mode)
            assert crawl.ok, crawl.error
            ingest_manifests([crawl.manifest], settings)
            outcome = match_and_deliver(settings)
            assert outcome.ok, outcome.line()
            clock += RUN_TIME + delay * len(site.log)
            run.ended = clock
            for row in rows(settings, "SELECT article_id FROM articles"):
                loaded.setdefault(row["article_id"], clock)
            for payload in hook.received:
                alerted.setdefault(payload["title"].removeprefix("[everything] "), clock)

    missing = [a for a in articles if a.title not in alerted]
    copies = rows(settings, "SELECT article_id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL")
    assert len(loaded) == len(articles) and not missing, ([(a.id, a.title) for a in missing], copies)
    assert len(hook.received) == len(articles)  # one alert per article, none twice
    to_warehouse = [loaded[f"trend:{a.id}"] - a.published for a in articles]
    to_alert = [alerted[a.title] - a.published for a in articles]
    within = sum(lag <= TARGET for lag in to_warehouse) / len(articles)
    alerts_within = sum(lag <= TARGET for lag in to_alert) / len(articles)
    feeds = sum(r.mode == "feeds" for r in runs)
    summary = (f"{len(articles)} articles, {len(runs)} runs ({feeds} feed polls): {within:.1%} in the warehouse and "
               f"{alerts_within:.1%} alerted within {TARGET}; slowest {max(to_warehouse)} / {max(to_alert)}")
    if os.environ.get("OREWIRE_TEST_REPORT"):
        print(summary)
    assert within >= 0.95 and alerts_within >= 0.95, summary
    # Every run's simulated time stayed within its slot's reach: no run was more than a slot late.
    assert all(r.ended is not None and r.ended - r.at < timedelta(minutes=15) for r in runs), summary
