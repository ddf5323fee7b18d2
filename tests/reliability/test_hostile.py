"""Hostile pages next to good ones in one `orewire run`, plus a source that never answers.

Real processes: `orewire run` (Prefect flow, Scrapy crawler subprocess, DuckDB writer) against a
loopback copy of Trend with hostile routes, a black-hole server as a second source, and a canary
loopback service a redirect points at.
"""

from __future__ import annotations

import pytest

from orewire.testing.hostile import HOSTILE_FEEDS, HOSTILE_SITEMAPS, BlackHoleServer, install_hostile_pages
from orewire.testing.site_server import SiteServer
from tests.flows.conftest import published_dates

from .conftest import (
    FAST,
    SITES,
    dump,
    mb,
    orewire_env,
    query,
    record_fault,
    record_figure,
    run_orewire,
    write_registry,
)

pytestmark = pytest.mark.slow

# Peak RSS allowed per process while a 40 MB page, a 200 MB gzip bomb and entity bombs go by.
CRAWLER_RSS_MAX = 400 * 2**20
OREWIRE_RSS_MAX = 700 * 2**20


def _fetches(settings, path: str) -> list[tuple]:
    return query(settings.warehouse, "SELECT status, error, warc_file IS NOT NULL FROM fetches "
                                     "WHERE url LIKE ? ORDER BY fetched_at", [f"%{path}"])


def _outcome(rows: list[tuple]) -> str:
    """Fetch rows in short: "302 archived -> blocked: ...", repeated rows counted."""
    parts: list[str] = []
    for status, error, archived in rows:
        text = (f"{status} archived" if archived else str(status)) if status is not None else ""
        if error:
            text = (text + " " if text else "") + error.split(" (Ignored")[0].split(" which is")[0][:70]
        if parts and parts[-1].split(" x")[0] == text:
            count = int(parts[-1].rsplit(" x", 1)[1]) + 1 if " x" in parts[-1] else 2
            parts[-1] = f"{text} x{count}"
        else:
            parts.append(text)
    return " -> ".join(parts) or "no row"


def test_hostile_pages_next_to_good_ones(rel_env, tmp_path):
    settings, prefect_url = rel_env
    registry = write_registry(tmp_path / "sources.toml", {
        "trend": {**FAST, "feeds": HOSTILE_FEEDS, "sitemaps": HOSTILE_SITEMAPS},
        "kazinform": FAST,
    })
    with SiteServer() as canary, SiteServer(SITES / "trend") as site:
        cases = install_hostile_pages(site, canary_url=canary.url)
        args = ["run", "--source", "trend", "--base-url", site.url, "--workers", "1"]
        proc = run_orewire(args, orewire_env(settings, prefect_url, registry))
        canary_hits = list(canary.log)
        served = set(site.paths())

    # The run ends with a summary: one line per source, then the outcome.
    assert proc.code == 0, proc.stdout + proc.stderr[-3000:]
    assert proc.lines[-2].startswith("trend: ok: fetched"), proc.stdout
    assert proc.lines[-1] == "daily run: ok"

    # Every good article page of the site is in the warehouse, with its facts.
    good = {p.rsplit("/", 1)[-1].removesuffix(".html") for p in published_dates("trend")
            if not p.startswith("private/")}
    loaded = {r[0].split(":", 1)[1] for r in query(settings.warehouse, "SELECT article_id FROM articles")}
    assert good <= loaded, sorted(good - loaded)
    assert query(settings.warehouse, "SELECT count(*) FROM facts")[0][0] > 0

    # Each hostile case has its rows in `fetches` with a clear status or error.
    by_name = {c.name: c for c in cases}
    outcomes = {c.name: _fetches(settings, c.path) for c in cases}
    for name, rows in outcomes.items():
        assert rows, f"{name}: no row in fetches"
        assert all(status is not None or error for status, error, _ in rows), (name, rows)

    cyr = query(settings.warehouse, "SELECT text FROM articles WHERE article_id = 'trend:4300001'")
    assert cyr and "Казахстан увеличил добычу меди" in cyr[0][0]
    bad = query(settings.warehouse, "SELECT text FROM articles WHERE article_id = 'trend:4300002'")
    assert bad and "Aktogay" in bad[0][0] and "\ufffd" in bad[0][0]

    big = outcomes["40 MB page"]
    assert big[-1][0] is None and "too large" in big[-1][1]
    bomb = outcomes["gzip bomb (200 MB unpacked)"]
    assert bomb[0][0] == 200 and bomb[0][2], "the gzip bomb must be archived as sent"
    assert any(e and "too large after decompression" in e for _, e, _ in bomb)
    assert query(settings.warehouse, "SELECT count(*) FROM articles WHERE article_id = 'trend:4300004'")[0][0] == 0

    link_local = _fetches(settings, "/latest/meta-data/")
    assert outcomes["redirect to 169.254.169.254"][0][0] == 302
    assert link_local and link_local[0][0] is None and "blocked: off-site host 169.254.169.254" in link_local[0][1]

    loopback = _fetches(settings, "/admin")
    assert outcomes["redirect to another loopback service"][0][0] == 302
    assert loopback and loopback[0][0] is None and loopback[0][1].startswith("blocked"), loopback
    assert canary_hits == [], "a redirect reached another loopback service"

    loop = outcomes["redirect loop"] + _fetches(settings, by_name["redirect loop"].path.replace("4300006", "4300007"))
    assert {s for s, _, _ in loop} >= {302}
    assert any(e and e.startswith("redirect loop") for _, e, _ in loop), loop

    assert [s for s, _, _ in outcomes["HTTP 500"]] == [500, 500, 500]
    assert outcomes["empty 200"][0][0] == 200
    assert outcomes["PDF bytes labelled text/html"][0][0] == 200
    reasons = dict(query(settings.warehouse, "SELECT regexp_extract(url, '(\\d+)\\.html', 1), reason "
                                             "FROM not_articles"))
    assert reasons.get("4300009") == "empty-body" and reasons.get("4300010") == "binary-body"
    never = outcomes["request never answered"]
    assert never and all(s is None and e.startswith("timed out after 2 s") for s, e, _ in never)
    for name in ("malformed feed", "XML entity bomb in a feed", "XML entity bomb in a sitemap"):
        assert outcomes[name][0][0] == 200
    # The bombs were not expanded: no URL built from an entity, nothing requested from them.
    assert not [p for p in served if "lol" in p or "sitemap-child" in p]
    assert not query(settings.warehouse, "SELECT url FROM fetches WHERE url LIKE '%evil.example%'")

    # Memory stays bounded.
    crawler, orewire = proc.peak_rss.get("crawler", 0), proc.peak_rss.get("orewire", 0)
    record_figure(f"hostile run: peak RSS crawler {mb(crawler)}, orewire run (flow, cleaning, load) "
                  f"{mb(orewire)}, {proc.seconds:.0f} s")
    assert 0 < crawler < CRAWLER_RSS_MAX and 0 < orewire < OREWIRE_RSS_MAX

    targets = {"redirect to 169.254.169.254": link_local, "redirect to another loopback service": loopback}
    for case in cases:
        happened = _outcome(outcomes[case.name] + targets.get(case.name, []))
        number = case.path.rsplit("/", 1)[-1].removesuffix(".html")
        if number.isdigit():
            if number in loaded:
                happened += "; loaded as article"
            elif number in reasons:
                happened += f"; not an article: {reasons[number]}"
        record_fault(case.name, happened[:160])
    record_fault("good pages in the same crawl", f"all {len(good)} fixture articles loaded "
                 f"({len(loaded)} articles in the warehouse)")
    dump(settings.warehouse)  # the warehouse reads back whole


def test_server_that_never_answers(tmp_path):
    """A whole source whose server accepts connections and never sends a byte."""
    from orewire.crawl import crawl_source
    from orewire.runs import crawl_outcome
    from tests.crawl.conftest import crawl_settings

    # Each request waits out its time-out (three tries): half a second is as good a test as two.
    registry = write_registry(tmp_path / "sources.toml", {"kazinform": {**FAST, "politeness.timeout": 0.5}})
    with BlackHoleServer() as hole:
        result = crawl_source("kazinform", settings=crawl_settings(tmp_path, registry), base_url=hole.url,
                              politeness=False, timeout=60)
        accepted = hole.accepted
    assert not result.ok and result.fetched == 0
    assert result.error == "cannot reach 127.0.0.1: timed out after 0.5 s"
    from orewire.archive import read_manifest

    rows = read_manifest(result.manifest)
    assert rows and all(r["status"] is None and r["error"].startswith("timed out") for r in rows)
    outcome, _message = crawl_outcome(result.ok, result.error, rows)
    assert outcome == "transient"  # the flow retries it later, then reports it failed
    record_fault("server that accepts and never answers (whole source)",
                 f"{accepted} connections, {len(rows)} requests recorded 'timed out after 0.5 s'; "
                 f"crawl ends: {result.error}")
