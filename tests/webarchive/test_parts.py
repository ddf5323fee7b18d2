"""A WARC import job's rows travel to the writer as Parquet parts: written chunk by chunk, read back
as the same rows, loaded a part at a time and deleted afterwards."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from orewire.records import Processed, ProcessOptions, process_file
from orewire.testing.archive_stand_ins import write_warc
from orewire.webarchive import ImportJob, Part, importer, iter_part_batches, read_part, run_job

from .conftest import trend_record, utc


def _job(tmp_path: Path, warc: Path, **kw) -> ImportJob:
    return ImportJob(kind="import", origin=str(warc), key=str(warc), run_id="r1-0000", via="import",
                     archive_root=str(tmp_path / "raw"), registry_path=str(Path("sources.toml").resolve()),
                     since=date(2021, 3, 1), until=date(2021, 3, 31), parts_dir=str(tmp_path / "parts"), **kw)


def _warc(tmp_path: Path, n: int = 7) -> Path:
    records = [trend_record(3700000 + i, utc(2021, 3, 1 + i, 9)) for i in range(n)]
    # Published before the range: a not-article row.
    records.append(trend_record(3700100, utc(2021, 1, 5, 9), captured=utc(2021, 3, 20, 9)))
    return write_warc(tmp_path / "in.warc.gz", records)


def _in_memory(job: ImportJob, files: list[str]) -> Processed:
    opts = ProcessOptions(archive_root=job.archive_root, registry_path=job.registry_path, since=job.since,
                          until=job.until, via=job.via)
    out = Processed()
    for rel in files:
        out.extend(process_file(str(Path(job.archive_root) / rel), opts))
    return out


def _rows(parts: list[Part]) -> Processed:
    out = Processed()
    for part in parts:
        out.extend(read_part(part))
    return out


def _by_loc(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (r["warc_file"], r["warc_offset"]))


@pytest.mark.parametrize("workers", [1, 2])
def test_job_writes_its_rows_in_parts_that_read_back_as_the_same_rows(tmp_path, monkeypatch, workers):
    monkeypatch.setattr(importer, "CHUNK_RECORDS", 3)
    monkeypatch.setattr(importer, "REFS_PER_UNIT", 2)
    job = _job(tmp_path, _warc(tmp_path), workers=workers)
    result = run_job(job)
    assert result.scan.counts.kept == 8
    assert result.parts_folder == str(tmp_path / "parts" / "r1-0000")
    assert len(result.parts) >= 2 and sum(p.rows for p in result.parts) == 8
    for part in result.parts:
        for path in (part.articles, part.not_articles):
            assert path is None or (Path(path).parent == tmp_path / "parts" / "r1-0000" and Path(path).exists())
    # The result itself carries the counts, not the rows.
    assert (result.processed.records, result.processed.article_count, result.processed.not_articles) == (8, 0, [])

    expected = _in_memory(job, result.scan.warc_files)
    got = _rows(result.parts)
    assert expected.article_count == 7 and len(expected.not_articles) == 1
    assert _by_loc(got.article_rows()) == _by_loc(expected.article_rows())
    assert _by_loc(got.not_articles) == _by_loc(expected.not_articles)
    assert any(row["_facts"] for row in got.article_rows())
    assert result.processed.bytes_read == expected.bytes_read


def test_part_round_trip_keeps_values_and_types(tmp_path):
    baku = timezone(timedelta(hours=4))
    fact = {"fact_id": "f1", "article_id": "a1", "type": "deposit", "value": 2.5, "unit": "Mt", "currency": None,
            "value_usd": None, "rate_source": None, "name": "Kounrad", "commodities": ["copper", "gold"],
            "region": None, "country": "KZ", "status": None, "person": None, "title": None, "org": None,
            "sentence": "It holds 2.5 Mt.", "start": 0, "end": 16, "extractor_version": "x1"}
    row = {"article_id": "a1", "source": "trend", "url": "https://en.trend.az/a/1.html", "canonical_url": None,
           "title": "T", "author": None, "section": None, "published_at": datetime(2021, 3, 2, 13, 0, 0, 123456, baku),
           "language": "en", "text": "body", "word_count": 1, "content_sha256": "c", "simhash": 2**64 - 1,
           "mining_score": 0.75, "is_mining": True, "warc_file": "trend/x.warc.gz", "warc_offset": 2**40,
           "fetched_at": utc(2021, 3, 2, 9), "via": "import", "cleaner_version": "c1", "extractor_version": None,
           "_entities": [{"entity_id": "e1", "kind": "org", "name": "Kazakhmys", "code": None, "aliases": []}],
           "_mentions": [{"article_id": "a1", "entity_id": "e1", "start": 1, "end": 4, "extractor_version": "x1"}],
           "_facts": [fact]}
    bare = {**row, "article_id": "a2", "published_at": None, "_entities": [], "_mentions": [], "_facts": []}
    not_article = {"warc_file": "trend/x.warc.gz", "warc_offset": 7, "source": "trend", "url": "u", "status": 200,
                   "reason": "not-article", "detail": None, "fetched_at": utc(2021, 3, 2)}
    part = importer.write_part(tmp_path, 0, Processed(articles=[row, bare], not_articles=[not_article]))
    assert part is not None and part.rows == 3
    back = read_part(part)
    # Columns the warehouse fills in at load time (version, first_seen ...) come back empty.
    back_rows = back.article_rows()
    assert [{k: r[k] for k in row} for r in back_rows] == [row, bare] and back.not_articles == [not_article]
    assert all(r[k] is None for r in back_rows for k in set(r) - set(row))
    assert back_rows[0]["simhash"] == 2**64 - 1
    assert importer.write_part(tmp_path, 1, Processed(records=3, skipped=3)) is None


def test_parts_load_in_batches_and_are_deleted_after_the_load(archive_env, tmp_path, monkeypatch):
    from flows.archives import load_results

    from .conftest import article_ids, query

    monkeypatch.setattr(importer, "CHUNK_RECORDS", 2)
    job = _job(tmp_path, _warc(tmp_path, 5))
    result = run_job(job)
    assert len(result.parts) == 3
    assert [b.article_count + len(b.not_articles) for b in iter_part_batches(result.parts, max_rows=4)] == [4, 2]
    loaded = load_results(archive_env, [result])
    assert loaded.counts.new_articles == 5 and loaded.counts.not_articles == 1 and loaded.counts.facts > 0
    assert len(article_ids(archive_env)) == 5
    assert query(archive_env, "SELECT reason FROM not_articles") == [("out-of-range",)]
    assert not (tmp_path / "parts" / "r1-0000").exists()


def test_parts_left_by_a_dead_flow_are_swept_and_live_ones_kept(tmp_path):
    import os
    import time

    from orewire.webarchive import sweep_stale_parts

    base = tmp_path / "parts"
    dead, live = base / "import-dead-0000", base / "import-live-0000"
    for folder in (dead, live):
        folder.mkdir(parents=True)
        (folder / "part-00000.articles.parquet").write_bytes(b"x")
    old = time.time() - 2 * 24 * 3600
    for path in (dead / "part-00000.articles.parquet", dead):
        os.utime(path, (old, old))
    # A live job's folder with an old first part but a fresh one is kept.
    os.utime(live / "part-00000.articles.parquet", (old, old))
    (live / "part-00001.articles.parquet").write_bytes(b"y")
    assert sweep_stale_parts(base) == ["import-dead-0000"]
    assert not dead.exists() and live.is_dir()
    assert sweep_stale_parts(tmp_path / "nothing-here") == []
