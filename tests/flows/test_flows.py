"""End-to-end flows on real Prefect (session harness), real Scrapy against loopback sites, real DuckDB."""

from __future__ import annotations

from datetime import date

import pytest

from tests.flows.conftest import dump, published_dates, query

pytestmark = pytest.mark.slow


def _daily(sites, **kw):
    from flows.pipeline import daily_flow

    return daily_flow(sources=["trend", "astanatimes"], base_url={n: s.url for n, s in sites.items()},
                      politeness=False, workers=1, **kw)


def test_daily_loads_articles_entities_facts_and_is_idempotent(sites, pipeline_env):
    state = _daily(sites, return_state=True)
    result = state.result()
    assert result["ok"], result["lines"]
    assert [s["status"] for s in result["sources"]] == ["ok", "ok"]
    counts = dict(query(pipeline_env, "SELECT source, count(*) FROM articles GROUP BY 1"))
    # Every article page of each fixture site is an article of the warehouse.
    assert counts["trend"] == len(published_dates("trend"))
    assert counts["astanatimes"] == len(published_dates("astanatimes"))
    assert query(pipeline_env, "SELECT count(*) FROM facts")[0][0] > 0
    assert query(pipeline_env, "SELECT count(*) FROM entities WHERE kind = 'country'")[0][0] > 0
    assert query(pipeline_env, "SELECT count(*) FROM mentions")[0][0] > 0
    # Identity is the real site's, not the loopback copy's.
    urls = [r[0] for r in query(pipeline_env, "SELECT canonical_url FROM articles WHERE source = 'trend'")]
    assert all(u.startswith("https://en.trend.az/") for u in urls)
    seed = query(pipeline_env, "SELECT title, author, published_at FROM articles WHERE article_id = 'trend:3378389'")
    assert seed and seed[0][0].startswith("Kazakhstan, Russia to explore mineral potential")
    runs = query(pipeline_env, "SELECT source, status, fetched, new_articles FROM runs ORDER BY source")
    assert [(r[0], r[1]) for r in runs] == [("astanatimes", "ok"), ("trend", "ok")]
    assert all(r[2] > 0 and r[3] > 0 for r in runs)

    # The run's summary is published as a Prefect markdown artifact.
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=["orewire-daily-summary"]),
            flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])))
    assert len(artifacts) == 1 and "| trend | ok |" in artifacts[0].data

    before = dump(pipeline_env)
    sites["trend"].clear_log()
    result = _daily(sites)
    assert result["ok"], result["lines"]
    assert dump(pipeline_env) == before
    # The second run fetched no article page again.
    fetched_again = [p for p in sites["trend"].paths() if p.endswith(".html") and p.split("/")[-1][:1].isdigit()]
    assert fetched_again == []
    assert any(p.endswith(".rss") for p in sites["trend"].paths()), "the feed is fetched again"
    new = query(pipeline_env, "SELECT sum(new_articles) FROM runs WHERE started_at = "
                              "(SELECT max(started_at) FROM runs)")
    assert new[0][0] == 0


def test_reprocess_offline_reproduces_and_new_extractor_replaces_facts(sites, pipeline_env, monkeypatch):
    from flows.pipeline import reprocess_flow

    assert _daily(sites)["ok"]
    before = dump(pipeline_env)
    for server in sites.values():
        server.stop()  # no network from here on
    result = reprocess_flow(sources=None, workers=1)
    assert result["ok"], result["lines"]
    assert dump(pipeline_env) == before

    # WARC files cut into ranges of a few fetches (at offsets the manifests name and that hold a
    # record; a wrong offset is not used) give the same warehouse.
    import orewire.stages as ingest
    from orewire.archive import list_warc_files
    from orewire.records import FileRange
    from orewire.warehouse import writer

    monkeypatch.setattr(ingest, "RANGE_RECORDS", 2)
    files = list_warc_files(pipeline_env.archive)
    with writer(pipeline_env) as conn:
        first = files[0].relative_to(pipeline_env.archive).as_posix()
        offsets = [r[0] for r in conn.execute("SELECT DISTINCT warc_offset FROM fetches WHERE warc_file = ? "
                                              "AND warc_offset > 0 ORDER BY 1", [first]).fetchall()]
        conn.execute("UPDATE fetches SET warc_offset = warc_offset + 3 WHERE warc_file = ? AND warc_offset = ?",
                     [first, offsets[2]])
        units = ingest.file_units(conn, pipeline_env, files)
    assert all(isinstance(u, FileRange) for u in units)
    ranges = [u for u in units if sum(v.path == u.path for v in units) > 1]  # of files that were cut
    assert len(ranges) > len(files), units
    assert all(u.start != offsets[2] + 3 for u in ranges)
    ingest.reprocess_archive(["trend", "astanatimes"], pipeline_env, workers=2)
    assert dump(pipeline_env) == before

    import orewire.facts

    monkeypatch.setattr(orewire.facts, "EXTRACTOR_VERSION", "facts-99.0.0")
    result = reprocess_flow(sources=["trend"], workers=1)
    assert result["ok"], result["lines"]
    after = dump(pipeline_env)
    trend_facts = query(pipeline_env, "SELECT DISTINCT f.extractor_version FROM facts f "
                                      "JOIN articles a USING (article_id) WHERE a.source = 'trend'")
    assert trend_facts == [("facts-99.0.0",)]
    trend_events = query(pipeline_env, "SELECT e.extractor_version, count(*) FROM events e "
                                       "JOIN articles a USING (article_id) WHERE a.source = 'trend' GROUP BY ALL")
    assert [v for v, _n in trend_events] == ["facts-99.0.0"]  # the new version's events replaced the old
    other = query(pipeline_env, "SELECT DISTINCT f.extractor_version FROM facts f "
                                "JOIN articles a USING (article_id) WHERE a.source = 'astanatimes'")
    assert other and ("facts-99.0.0",) not in other
    # Articles keep identity and text; the facts are the new version's, as many as before.
    key = [c for c in ("article_id", "source", "canonical_url", "title", "text", "published_at")]
    cols = ", ".join(key)
    assert query(pipeline_env, f"SELECT {cols} FROM articles ORDER BY ALL") == sorted(
        tuple(r[i] for i in (0, 1, 3, 4, 9, 7)) for r in before["articles"])
    assert len(after["facts"]) == len(before["facts"])
    assert len(after["events"]) == len(before["events"]) > 0
    assert len(after["article_versions"]) == len(before["article_versions"]) == 0


def test_site_backfill_adds_exactly_the_range(sites, pipeline_env):
    from flows.pipeline import backfill_flow

    since, until = date(2026, 11, 24), date(2026, 11, 25)
    dates = published_dates("trend")
    # Publication dates in the page's own offset (Baku time) decide the range.
    expected = sorted(p.rsplit("/", 1)[-1].removesuffix(".html") for p, d in dates.items() if since <= d <= until)
    assert expected, "the fixture site must have articles in the range"
    result = backfill_flow(source="trend", since=since, until=until, via="site",
                           base_url=sites["trend"].url, politeness=False, workers=1)
    assert result["ok"], result["lines"]
    got = sorted(r[0].split(":", 1)[1] for r in query(pipeline_env, "SELECT article_id FROM articles"))
    assert got == expected
    # Running it again redoes nothing: no article page fetched, same warehouse.
    before = dump(pipeline_env)
    sites["trend"].clear_log()
    assert backfill_flow(source="trend", since=since, until=until, via="site",
                         base_url=sites["trend"].url, politeness=False, workers=1)["ok"]
    assert dump(pipeline_env) == before
    assert not [p for p in sites["trend"].paths() if p.split("/")[-1][:1].isdigit()]


@pytest.mark.parametrize("listing_dates", [True, False], ids=["listing-dates", "no-listing-dates"])
def test_daily_after_a_backfill_loads_everything_and_rebuild_agrees(sites, pipeline_env, monkeypatch, tmp_path,
                                                                   listing_dates):
    """A backfill follows only its range; the next daily crawl must still load every article.
    Without listing dates the backfill archives pages outside its range without loading them;
    the daily crawl skips those as archived, so they become articles then, and a rebuild agrees."""
    from flows.pipeline import backfill_flow, rebuild_flow
    from tests.crawl.conftest import registry_with

    if not listing_dates:
        monkeypatch.setenv("OREWIRE_SOURCES", str(registry_with(tmp_path, "trend", listing_dates=[])))
    since, until = date(2026, 11, 24), date(2026, 11, 25)
    assert backfill_flow(source="trend", since=since, until=until, via="site", base_url=sites["trend"].url,
                         politeness=False, workers=1)["ok"]
    in_range = sum(1 for d in published_dates("trend").values() if since <= d <= until)
    assert query(pipeline_env, "SELECT count(*) FROM articles") == [(in_range,)]
    out_of_range = query(pipeline_env, "SELECT count(*) FROM not_articles WHERE reason = 'out-of-range'")[0][0]
    assert (out_of_range > 0) == (not listing_dates)
    assert _daily(sites)["ok"]
    got = query(pipeline_env, "SELECT count(*) FROM articles WHERE source = 'trend'")[0][0]
    assert got == len(published_dates("trend"))
    assert query(pipeline_env, "SELECT count(*) FROM not_articles WHERE reason = 'out-of-range'") == [(0,)]
    tables = ("articles", "facts", "mentions", "entities", "not_articles", "runs")
    before = dump(pipeline_env, tables)
    assert rebuild_flow(workers=1)["ok"]
    assert dump(pipeline_env, tables) == before
