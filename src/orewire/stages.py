"""Stage functions that move archived records into the warehouse.

These hold the logic the flows orchestrate: which records are pending, processing them (in
parallel processes), and loading them through the single writer. Everything reads from the
raw archive, so each can be re-run and converges to the same warehouse.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

import duckdb
import pyarrow as pa

from orewire.archive import list_manifests, read_manifest
from orewire.archive.store import RUNS_DIR, Archive, StoreError, pull, push, send_file
from orewire.records import FileRange, ProcessOptions, RecordRefs, Unit, chunk, facts_rows, process_units
from orewire.settings import Settings
from orewire.warehouse import writer
from orewire.warehouse.batch import (
    ENTITY_SCHEMA,
    EVENT_SCHEMA,
    FACT_SCHEMA,
    MENTION_SCHEMA,
    Processed,
    rows_table,
)
from orewire.warehouse.load import (
    LoadCounts,
    load_manifest,
    load_processed,
    manifest_refs,
    processed_paths,
    prune_entities,
    record_processed_file,
    record_run,
    upsert_entities,
)
from orewire.warehouse.upsert import atomic, replace_children

log = logging.getLogger(__name__)

REFS_PER_UNIT = 40
# A WARC file is processed in ranges of about this many fetches (a crawler's file of 256 MB holds
# thousands).
RANGE_RECORDS = 500
# Processed units are loaded together once this many records are pending: a write costs a fixed
# ~25 statements whatever its size, so batches of a few hundred keep the single writer ahead of the
# workers, while the last batch (loaded after the workers finish) stays short.
LOAD_BATCH_RECORDS = 250

Progress = Callable[[int, int], None]  # (records done, articles loaded)

# Set by the command line to show a progress bar; flows and library callers leave it None.
progress_hook: Progress | None = None


@dataclass
class IngestResult:
    """What an ingest did."""

    records: int = 0
    skipped: int = 0
    fetches: int = 0
    files: int = 0
    counts: LoadCounts = field(default_factory=LoadCounts)
    errors: list[str] = field(default_factory=list)
    duration_s: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"records": self.records, "skipped": self.skipped, "fetches": self.fetches, "files": self.files,
                "new_articles": self.counts.new_articles, "updated_articles": self.counts.updated_articles,
                "unchanged_articles": self.counts.unchanged_articles, "not_articles": self.counts.not_articles,
                "facts": self.counts.facts, "errors": len(self.errors), "duration_s": round(self.duration_s, 3)}


def _options(settings: Settings, **kw: Any) -> ProcessOptions:
    return ProcessOptions(archive_root=str(settings.archive), registry_path=str(settings.sources),
                          archive_url=settings.archive_url, **kw)


def archive_of(settings: Settings) -> Archive:
    """The settings' raw archive: its folder, and the object store behind it when there is one."""
    return Archive(Path(settings.archive), settings.archive_url)


def push_archive(settings: Settings, source: str | None = None) -> str | None:
    """With the archive on a store, send what the outbox holds (for ``source``, or all; see
    :func:`orewire.archive.store.push`). Returns one line on what stayed behind, or None."""
    return push(archive_of(settings), source).note()


def pull_archive(settings: Settings, source: str | None = None, *, strict: bool = True) -> None:
    """With the archive on a store, fetch the manifests and run records other machines sent (see
    :func:`orewire.archive.store.pull`). A store that cannot be listed raises StoreError when
    ``strict``, else is logged and the local copies are read."""
    if settings.archive_url is None:
        return
    try:
        got = pull(archive_of(settings), source)
    except StoreError as exc:
        if strict:
            raise
        log.warning("%s; reading the local copies", exc)
        return
    for problem in got.errors:
        log.warning("cannot fetch %s from the archive's store", problem)


def _consume(conn: Any, units: list[Unit], opts: ProcessOptions, workers: int, result: IngestResult,
             progress: Progress | None) -> None:
    pending = Processed()

    def flush() -> None:
        nonlocal pending
        result.counts.add(load_processed(conn, pending))
        result.records += pending.records
        result.skipped += pending.skipped
        result.errors.extend(pending.errors)
        pending = Processed()
        for hook in (progress, progress_hook):
            if hook:
                hook(result.records, result.counts.new_articles + result.counts.updated_articles)

    # While worker processes clean, the writer's loads are small and DuckDB's own threads would
    # only take CPU from the workers: one thread then, all of them again for what follows (the
    # full-text index, duplicate links).
    conn.execute("SET threads = 1")
    try:
        for batch in process_units(units, opts, workers):
            pending.extend(batch)
            if pending.records >= LOAD_BATCH_RECORDS:
                flush()
        flush()
    finally:
        conn.execute("RESET threads")


def file_units(conn: Any, settings: Settings, files: list[Path] | list[str]) -> list[Unit]:
    """Work units covering ``files`` whole: each file cut into ranges of about RANGE_RECORDS
    fetches, so a worker's rows in flight stay bounded however large the file.

    Cuts are made only at record offsets the manifests name (the ``fetches`` table) and that
    hold a record when checked; a file no manifest knows is one unit.
    ``files`` are local paths or names in the archive.
    """
    archive = archive_of(settings)
    known: dict[str, list[int]] = {}
    for warc_file, offsets in conn.execute(
        "SELECT warc_file, list(DISTINCT warc_offset ORDER BY warc_offset) FROM fetches "
        "WHERE warc_file IS NOT NULL AND warc_offset > 0 GROUP BY warc_file"
    ).fetchall():
        known[warc_file] = offsets
    units: list[Unit] = []
    for path in files:
        offsets = known.get(archive.relative(path), [])
        cuts = [o for o in offsets[RANGE_RECORDS::RANGE_RECORDS] if archive.is_record_start(path, o)]
        bounds: list[int | None] = [*cuts, None]
        units.extend(FileRange(str(path), a, b) for a, b in zip([0, *cuts], bounds, strict=True))
    return units


def pending_manifests(settings: Settings, source: str) -> list[Path]:
    """Manifests of ``source`` not yet loaded (including those of crashed runs)."""
    from orewire.warehouse import reader
    from orewire.warehouse.db import WarehouseError

    pull_archive(settings, source, strict=False)
    manifests = list_manifests(settings.archive, source)
    try:
        conn = reader(settings, fts=False)
    except WarehouseError:
        return manifests
    try:
        done = processed_paths(conn, "manifest")
    except Exception:
        done = set()
    finally:
        conn.close()
    return [m for m in manifests if _rel(settings, m) not in done]


def _rel(settings: Settings, path: Path) -> str:
    try:
        return path.resolve().relative_to(settings.archive.resolve()).as_posix()
    except ValueError:
        return str(path)


def ingest_manifests(manifests: Iterable[Path], settings: Settings, *, workers: int = 1,
                     since: date | None = None, until: date | None = None, via: str = "site",
                     progress: Progress | None = None) -> IngestResult:
    """Load crawl manifests: their requests into ``fetches``, their archived responses cleaned,
    extracted and loaded. Each manifest is marked processed in the same writer session."""
    started = time.monotonic()
    result = IngestResult()
    # A backfill's range comes with its run record, so a manifest left by a crashed backfill is
    # still loaded with that range when the next run picks it up.
    opts = _options(settings, since=since, until=until, via=via, run_ranges=run_ranges(settings),
                    daily_starts=daily_starts(settings))
    manifests = list(manifests)
    sources: set[str] = set()
    with writer(settings) as conn:
        done = processed_paths(conn, "manifest")
        for path in manifests:
            rel = _rel(settings, path)
            if rel in done:
                continue
            rows = read_manifest(path)
            result.fetches += load_manifest(conn, rows)
            refs = manifest_refs(rows)
            units: list[Unit] = [RecordRefs(tuple(part)) for part in chunk(refs, REFS_PER_UNIT)]
            _consume(conn, units, opts, workers, result, progress)
            source = rows[0].get("source") if rows else None
            # Its articles (with their index entries and duplicate links) are loaded: done. A run
            # killed before this line loads the manifest again, which changes nothing.
            record_processed_file(conn, rel, "manifest", source, len(rows), path.stat().st_size)
            result.files += 1
            if source:
                sources.add(source)
        _promote_out_of_range(conn, sorted(sources), opts, workers, result, progress)
    result.duration_s = time.monotonic() - started
    return result


def _warc_month(name: str) -> date | None:
    path = PurePosixPath(name)
    try:
        return date(int(path.parent.parent.name), int(path.parent.name), 1)
    except ValueError:
        return None


def reprocess_archive(sources: list[str], settings: Settings, *, workers: int = 1,
                      since: date | None = None, until: date | None = None,
                      progress: Progress | None = None) -> IngestResult:
    """Re-clean and re-extract every archived record of ``sources`` (no network); then delete the entities no
    article names any more (``prune_entities``).

    ``since``/``until`` select articles by publication date; WARC files fetched before the
    month of ``since`` are not read (an article is never archived before it is published).
    """
    started = time.monotonic()
    result = IngestResult()
    opts = _options(settings, select_since=since, select_until=until, run_ranges=run_ranges(settings),
                    daily_starts=daily_starts(settings))
    pull_archive(settings)
    files: list[str] = []
    for source in sources:
        for name in archive_of(settings).warc_files(source):
            month = _warc_month(name)
            if since and month and month < since.replace(day=1):
                continue
            files.append(name)
    with writer(settings) as conn:
        _consume(conn, file_units(conn, settings, files), opts, workers, result, progress)
        result.files = len(files)
        if files:
            prune_entities(conn)  # the ids the re-extracted articles no longer give, as a rebuild would not have them
    result.duration_s = time.monotonic() - started
    return result


def rebuild_warehouse(settings: Settings, *, workers: int = 1, progress: Progress | None = None) -> IngestResult:
    """Recreate the warehouse from the raw archive alone: fetches from the manifests, articles
    and facts from the WARC files, runs from the run records, the alerts' history from the old
    file (:func:`carry_history`), which is kept as ``<name>.bak``."""
    started = time.monotonic()
    result = IngestResult()
    pull_archive(settings)  # before the old file is moved aside: a store that cannot be read stops here
    if settings.lake is not None:
        return _rebuild_lake(settings, started, progress, workers)
    db = Path(settings.warehouse)
    from orewire.warehouse.db import writer_lock

    old = db.with_name(db.name + ".bak")
    with writer_lock(db, settings.lock_timeout):
        if db.exists():
            shutil.move(str(db), str(old))
        wal = db.with_name(db.name + ".wal")
        if wal.exists():  # beside the old file under the name DuckDB reads with it
            shutil.move(str(wal), str(old) + ".wal")
    with writer(settings) as conn:
        # First, so a rebuild that stops half-way leaves a file that still holds the history.
        result.errors += carry_history(conn, old)
        _load_archive(conn, settings, result, workers, progress)
    result.duration_s = time.monotonic() - started
    return result


def _rebuild_lake(settings: Settings, started: float, progress: Progress | None, workers: int) -> IngestResult:
    """A lake is rebuilt in place: every table the archive gives back is emptied (one transaction;
    the alerts' history stays where it is), then loaded from the archive. Readers meanwhile see
    the lake fill up again; other writers should wait for the rebuild."""
    result = IngestResult()
    with writer(settings) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
            "AND schema_name = 'main'").fetchall()]
        emptied = [t for t in tables if t not in CARRIED_TABLES and t not in ("schema_migrations", "schema_turn")]

        def empty() -> None:
            for table in emptied:
                conn.execute(f'DELETE FROM "{table}"')

        atomic(conn, empty)
        _load_archive(conn, settings, result, workers, progress)
    result.duration_s = time.monotonic() - started
    return result


def _load_archive(conn: duckdb.DuckDBPyConnection, settings: Settings, result: IngestResult, workers: int,
                  progress: Progress | None) -> None:
    """Every manifest, WARC file and run record of the archive into ``conn``'s empty warehouse."""
    opts = _options(settings, run_ranges=run_ranges(settings), daily_starts=daily_starts(settings))
    for path in list_manifests(settings.archive):
        rows = read_manifest(path)
        result.fetches += load_manifest(conn, rows)
        record_processed_file(conn, _rel(settings, path), "manifest", rows[0].get("source") if rows else None,
                              len(rows), path.stat().st_size)
    files = archive_of(settings).warc_files()
    _consume(conn, file_units(conn, settings, files), opts, workers, result, progress)
    result.files = len(files)
    for run in load_run_records(settings):
        if run.get("status") != "running":  # a run that never finished was never recorded
            record_run(conn, run)


# Tables the archive cannot give back: the alerts' history (migration 007: what was alerted and
# sent, which article versions matching has seen, the digests and operator messages sent). A
# rebuild copies them from the old file, so nothing is alerted twice or dropped after it.
CARRIED_TABLES = ("alerts", "alert_deliveries", "alert_seen", "alert_state")


def carry_history(conn: duckdb.DuckDBPyConnection, old: Path) -> list[str]:
    """Copy :data:`CARRIED_TABLES` from the warehouse file ``old`` into ``conn``'s (the columns
    both have; a table the old file lacks is skipped). Returns the errors, one line each: an old
    file that cannot be read is said, never a failed rebuild."""
    if not old.exists():
        return []
    try:
        literal = "'" + str(old).replace("'", "''") + "'"  # ATTACH takes no parameters
        conn.execute(f"ATTACH {literal} AS carried (READ_ONLY)")
    except duckdb.Error as exc:
        return [f"alert history not carried from {old.name}: {str(exc).splitlines()[0]}"[:300]]
    errors = []
    try:
        for table in CARRIED_TABLES:
            names = [r[0] for r in conn.execute(
                "SELECT o.column_name FROM duckdb_columns() o JOIN duckdb_columns() n USING (table_name, column_name) "
                "WHERE o.database_name = 'carried' AND n.database_name = current_database() AND table_name = ? "
                "ORDER BY n.column_index", [table]).fetchall()]
            if not names:
                continue
            cols = ", ".join(f'"{n}"' for n in names)
            try:
                conn.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM carried."{table}" ON CONFLICT DO NOTHING')
            except duckdb.Error as exc:
                errors.append(f"{table} not carried from {old.name}: {str(exc).splitlines()[0]}"[:300])
    finally:
        conn.execute("DETACH carried")
    return errors


# -- run records: kept in the archive too, so a rebuild restores the `runs` table --------------

def write_run_record(settings: Settings, run: dict[str, Any]) -> Path:
    """Write (atomically) the run's record under ``<archive>/runs/`` and return its path. With the
    archive on a store the record is sent there too; one the store does not take now stays in the
    outbox and goes with the source's next push."""
    folder = Path(settings.archive) / RUNS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{run['run_id']}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(run, default=_json_default, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
    for problem in send_file(archive_of(settings), path).errors:
        log.warning("run record not yet sent to the archive's store: %s", problem)
    return path


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def load_run_records(settings: Settings) -> list[dict[str, Any]]:
    folder = Path(settings.archive) / RUNS_DIR
    runs = []
    for path in sorted(folder.glob("*.json")) if folder.exists() else []:
        try:
            run = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for key in ("started_at", "finished_at"):
            if run.get(key):
                run[key] = datetime.fromisoformat(run[key])
        runs.append(run)
    return runs


def run_ranges(settings: Settings) -> tuple[tuple[str, date | None, date | None], ...]:
    """(run_id, since, until) of every recorded backfill run."""
    ranges = []
    for run in load_run_records(settings):
        params = run.get("params") or {}
        if isinstance(params, str):
            try:
                params = json.loads(params)
            except ValueError:
                params = {}
        if run.get("flow") in ("backfill", "import") and (params.get("since") or params.get("until")):
            since = date.fromisoformat(params["since"]) if params.get("since") else None
            until = date.fromisoformat(params["until"]) if params.get("until") else None
            for rid in [run["run_id"], *params.get("crawl_run_ids", [])]:
                ranges.append((rid, since, until))
    return tuple(ranges)


def daily_starts(settings: Settings) -> tuple[tuple[str, datetime], ...]:
    """(source, start of its latest daily crawl) from the run records and their manifests."""
    from orewire.archive import manifest_path
    from orewire.archive.manifest import parse_time

    latest: dict[str, datetime] = {}
    for run in load_run_records(settings):
        source = run.get("source")
        if run.get("flow") != "daily" or not source:
            continue
        path = manifest_path(settings.archive, source, run["run_id"])
        rows = read_manifest(path) if path.exists() else []
        times = [t for t in (parse_time(r.get("fetched_at")) for r in rows) if t is not None]
        if not times:
            continue
        start = min(times)
        if source not in latest or start > latest[source]:
            latest[source] = start
    return tuple(sorted(latest.items()))


def _promote_out_of_range(conn: Any, sources: list[str], opts: ProcessOptions, workers: int,
                          result: IngestResult, progress: Progress | None) -> None:
    """Process again the out-of-range records of ``sources``: those a later daily crawl skipped
    (as archived) are articles now; the others stay out of range."""
    if not sources or not opts.daily_starts:
        return
    placeholders = ", ".join("?" for _ in sources)
    refs = [(r[0], int(r[1])) for r in conn.execute(
        f"SELECT warc_file, warc_offset FROM not_articles WHERE reason = 'out-of-range' AND source IN ({placeholders}) "
        "ORDER BY warc_file, warc_offset", sources).fetchall()]
    if refs:
        _consume(conn, [RecordRefs(tuple(part)) for part in chunk(refs, REFS_PER_UNIT)], opts, workers, result,
                 progress)


def reextract_stale(conn: duckdb.DuckDBPyConnection, *, batch_size: int = 500,
                    sources: list[str] | None = None) -> tuple[int, int, int]:
    """Re-extract the facts and events of the mining articles whose facts came from another extractor
    version (or from before events were kept: a warehouse upgraded to hold them has its articles' old
    version), from the cleaned text the warehouse holds (no archive read, no network). Each batch's
    facts, events, mentions and entities are replaced in one transaction; then the entities no article
    names any more are deleted (``prune_entities``). Returns (articles, facts, events) written."""
    from orewire.facts import EXTRACTOR_VERSION

    # Lists go in as registered Arrow tables: a Python list bound as a parameter is converted element
    # by element (each one asking whether pandas is there), slow on thousands of ids.
    where = "is_mining AND extractor_version IS DISTINCT FROM ?"
    if sources:
        where += " AND source IN (SELECT source FROM _stale_sources)"
        conn.register("_stale_sources", pa.table({"source": pa.array(list(sources), pa.string())}))
    try:
        ids = [r[0] for r in conn.execute(f"SELECT article_id FROM articles WHERE {where} ORDER BY article_id",
                                          [EXTRACTOR_VERSION]).fetchall()]
    finally:
        if sources:
            conn.unregister("_stale_sources")
    articles = facts_written = events_written = 0
    for start in range(0, len(ids), batch_size):
        part = ids[start : start + batch_size]
        conn.register("_stale_ids", pa.table({"article_id": pa.array(part, pa.string())}))
        try:
            rows = conn.execute("SELECT article_id, text, published_at, title, author, language, url FROM articles "
                                "WHERE article_id IN (SELECT article_id FROM _stale_ids)").fetchall()
            ents: list[dict[str, Any]] = []
            ments: list[dict[str, Any]] = []
            facts: list[dict[str, Any]] = []
            events: list[dict[str, Any]] = []
            for aid, text, published_at, title, author, language, url in rows:
                found = facts_rows(_StoredArticle(aid, text or "", published_at, title, author, language, url))
                ents.extend(found.entities)
                ments.extend(found.mentions)
                facts.extend(found.facts)
                events.extend(found.events)

            def write(part: list[str] = part, ents: list[dict[str, Any]] = ents, ments: list[dict[str, Any]] = ments,
                      facts: list[dict[str, Any]] = facts, events: list[dict[str, Any]] = events) -> None:
                if ents:
                    upsert_entities(conn, rows_table(ents, ENTITY_SCHEMA))
                replace_children(conn, "mentions", rows_table(ments, MENTION_SCHEMA), part)
                replace_children(conn, "facts", rows_table(facts, FACT_SCHEMA), part)
                replace_children(conn, "events", rows_table(events, EVENT_SCHEMA), part)
                conn.execute("UPDATE articles SET extractor_version = ? "
                             "WHERE article_id IN (SELECT article_id FROM _stale_ids)", [EXTRACTOR_VERSION])

            atomic(conn, write)
        finally:
            conn.unregister("_stale_ids")
        articles += len(rows)
        facts_written += len(facts)
        events_written += len(events)
    if articles:
        prune_entities(conn)
    return articles, facts_written, events_written


@dataclass
class _StoredArticle:
    article_id: str
    text: str
    published_at: Any
    title: str | None
    author: str | None
    language: str | None
    url: str | None = None
