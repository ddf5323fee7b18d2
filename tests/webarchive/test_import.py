"""`orewire import-warc`: WARC files on disk, routed by host; the same import on a Dask cluster."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from orewire.testing.archive_stand_ins import WarcRecord, article_page, write_warc

from .conftest import article_ids, query, trend_record, utc

pytestmark = pytest.mark.slow


def mixed_warc(path: Path, n: int = 0, *, truncate: bool = True) -> Path:
    base = 3600000 + n * 100
    astana = f"https://astanatimes.com/2021/03/gold-tender-{n}-opens/"
    records = [
        WarcRecord(url="https://en.trend.az/feeds/index.rss", body=b"", date=utc(2021, 3, 1), kind="request"),
        trend_record(base + 1, utc(2021, 3, 2, 9)),
        WarcRecord(url=astana, date=utc(2021, 3, 3), body=article_page(astana, utc(2021, 3, 3), "Gold tender opens")),
        WarcRecord(url="https://news.example.org/2021/03/gold/", date=utc(2021, 3, 3),
                   body=article_page("https://news.example.org/2021/03/gold/", utc(2021, 3, 3), "Elsewhere")),
        WarcRecord(url=f"https://en.trend.az/business/economy/{base + 2}.html", body=b"%PDF-1.7\n" + b"0" * 500,
                   content_type="application/pdf", date=utc(2021, 3, 4)),
        trend_record(base + 3, utc(2021, 1, 5, 9), captured=utc(2021, 3, 5, 9)),  # published before the range
        trend_record(base + 4, utc(2021, 3, 6, 9)),
        trend_record(base + 5, utc(2021, 3, 7, 9)),   # the truncated last record
    ]
    return write_warc(path, records, truncate_last=60 if truncate else 0)


def test_import_warc_routes_by_host_and_survives_odd_records(prefect_harness, archive_env, tmp_path):
    from flows.archives import import_warc_flow
    from orewire.stages import rebuild_warehouse

    path = mixed_warc(tmp_path / "in" / "mixed.warc.gz")
    result = import_warc_flow(paths=[str(path)], since=date(2021, 3, 1), until=date(2021, 3, 31))
    [line] = result["lines"]
    assert result["ok"], line
    assert line.startswith("astanatimes,trend: ok:")
    assert "1 not HTML" in line and "1 truncated" in line and "1 other hosts" in line
    assert "the last record" in line and "is truncated" in line
    rows = query(archive_env, "SELECT source, via, count(*) FROM articles GROUP BY ALL ORDER BY ALL")
    assert rows == [("astanatimes", "import", 1), ("trend", "import", 2)]
    assert query(archive_env, "SELECT reason FROM not_articles") == [("out-of-range",)]
    before = article_ids(archive_env)

    # A second import of the same file is a no-op.
    again = import_warc_flow(paths=[str(path)])
    assert again["ok"] and "1 imported before" in again["lines"][0]
    assert article_ids(archive_env) == before

    # --host keeps only the named hosts; the range survives a rebuild from the archive alone.
    other = mixed_warc(tmp_path / "in" / "other.warc.gz", 1, truncate=False)
    only = import_warc_flow(paths=[str(other)], hosts=["en.trend.az"], since=date(2021, 3, 1),
                            until=date(2021, 3, 31))
    assert only["ok"], only["lines"]
    assert query(archive_env, "SELECT count(*) FROM articles WHERE source = 'astanatimes'") == [(1,)]
    after = article_ids(archive_env)
    assert len(after) == len(before) + 3
    rebuild_warehouse(archive_env)
    assert article_ids(archive_env) == after


def _tables(settings) -> dict[str, list[tuple]]:
    # Archive locations differ between two imports (file names carry the run id, so the gzip sizes
    # of the file headers differ too); everything else must be equal.
    return {
        "articles": query(settings, "SELECT * EXCLUDE (warc_file, warc_offset) FROM articles ORDER BY ALL"),
        "facts": query(settings, "SELECT * FROM facts ORDER BY ALL"),
        "entities": query(settings, "SELECT * FROM entities ORDER BY ALL"),
        "mentions": query(settings, "SELECT * FROM mentions ORDER BY ALL"),
        "not_articles": query(settings, "SELECT * EXCLUDE (warc_file, warc_offset) FROM not_articles ORDER BY ALL"),
    }


def test_import_on_a_dask_cluster_gives_the_same_warehouse(prefect_harness, tmp_path, monkeypatch):
    from distributed import LocalCluster

    from flows.archives import import_warc_flow
    from orewire.settings import get_settings

    paths = [str(mixed_warc(tmp_path / "in" / f"part-{n}.warc.gz", n, truncate=n == 2)) for n in range(4)]
    outcomes = {}
    for mode in ("local", "dask"):
        monkeypatch.setenv("OREWIRE_WAREHOUSE", str(tmp_path / mode / "orewire.duckdb"))
        monkeypatch.setenv("OREWIRE_ARCHIVE", str(tmp_path / mode / "raw"))
        if mode == "dask":
            # One worker process, two threads: the files go through pickling to another process,
            # two at a time, without paying for a second interpreter.
            with LocalCluster(n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None) as cluster:
                result = import_warc_flow(paths=paths, since=date(2021, 3, 1), until=date(2021, 3, 31),
                                          dask_address=cluster.scheduler_address)
                assert len(cluster.scheduler_info["workers"]) == 1
                # The per-file tasks ran on the cluster's workers.
                assert cluster.scheduler.task_prefixes["import_file_task"].all_durations["compute"] > 0
        else:
            result = import_warc_flow(paths=paths, since=date(2021, 3, 1), until=date(2021, 3, 31), workers=1)
        assert result["ok"], result["lines"]
        outcomes[mode] = _tables(get_settings())
    assert len(outcomes["local"]["articles"]) == 4 * 4 - 1  # 4 files of 4 articles, one last record truncated
    assert outcomes["local"]["facts"]
    for table in outcomes["local"]:
        assert outcomes["dask"][table] == outcomes["local"][table], table
