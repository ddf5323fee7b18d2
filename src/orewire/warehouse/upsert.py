"""Bulk, idempotent writes from Arrow tables (the only write path into the warehouse)."""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import duckdb
import pyarrow as pa

from orewire.warehouse.db import is_conflict

T = TypeVar("T")
# Runs of one transaction whose commit conflicts with other writers' on a lake (see atomic).
CONFLICT_TRIES = 30

# The logical key of every table: one place that knows it. Tables with a PRIMARY KEY have the
# same key there; the others rely on these upserts (see migrations/001_initial.sql).
TABLE_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id",),
    "article_versions": ("article_id", "version"),
    "fetches": ("run_id", "url", "fetched_at"),
    "not_articles": ("warc_file", "warc_offset"),
    "entities": ("entity_id",),
    "mentions": ("article_id", "entity_id", "start"),
    "facts": ("fact_id",),
    "events": ("event_id",),
    "runs": ("run_id",),
    "processed_files": ("path",),
}

_counter = itertools.count()
# Open transactions by connection: writes inside ``transaction`` join the outer one.
_open: dict[int, int] = {}


@contextmanager
def transaction(conn: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction around the block; nested blocks join the outermost one, so several
    writes (an article batch's rows in five tables) commit together or not at all."""
    key = id(conn)
    if _open.get(key):
        _open[key] += 1
        try:
            yield
        finally:
            _open[key] -= 1
        return
    conn.execute("BEGIN TRANSACTION")
    _open[key] = 1
    try:
        yield
    except BaseException:
        _open.pop(key, None)
        conn.execute("ROLLBACK")
        raise
    _open.pop(key, None)
    conn.execute("COMMIT")


def atomic(conn: duckdb.DuckDBPyConnection, work: Callable[[], T]) -> T:
    """``work()`` in one transaction (joining an open one). On a lake, a commit that conflicts with
    another writer's (both deleted rows of one data file) is rolled back by DuckLake; the whole
    transaction then runs again on the newer snapshot, after a short random wait, up to
    :data:`CONFLICT_TRIES` times. ``work`` must read what it writes from ``conn`` (it does: every
    write here is keyed), so its second run decides on what the other writer committed."""
    if _open.get(id(conn)):
        with transaction(conn):
            return work()
    for attempt in itertools.count(1):
        try:
            with transaction(conn):
                return work()
        except duckdb.Error as exc:
            if not is_conflict(exc) or attempt >= CONFLICT_TRIES:
                raise
            time.sleep(random.uniform(0.01, 0.05) * min(attempt, 10))
    raise AssertionError("unreachable")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _register(conn: duckdb.DuckDBPyConnection, batch: pa.Table) -> str:
    name = f"_orewire_batch_{next(_counter)}"
    conn.register(name, batch)
    return name


def upsert(conn: duckdb.DuckDBPyConnection, table: str, batch: pa.Table,
           key: tuple[str, ...] | None = None, *, replacing: bool = True) -> int:
    """Insert or replace ``batch`` rows into ``table`` by its key, in one transaction.

    Rows of the batch replace existing rows with the same key; within the batch the last row
    of a key wins. Columns missing from the batch take their defaults. A caller that knows no
    key of the batch is in the table yet passes ``replacing=False`` and skips the delete.
    Returns rows written.
    """
    if batch.num_rows == 0:
        return 0
    key = key or TABLE_KEYS[table]
    view = _register(conn, batch)
    keys = ", ".join(_quote(k) for k in key)
    cols = ", ".join(_quote(c) for c in batch.column_names)
    match = " AND ".join(f"t.{_quote(k)} = b.{_quote(k)}" for k in key)

    def write() -> None:
        dedup = (
            f"SELECT {cols} FROM (SELECT *, row_number() OVER () AS _ord FROM {view}) "
            f"QUALIFY row_number() OVER (PARTITION BY {keys} ORDER BY _ord DESC) = 1"
        )
        distinct = conn.execute(f"SELECT count(*) = count(DISTINCT ({keys})) FROM {view}").fetchone()
        source = view if distinct and distinct[0] else f"({dedup})"
        if replacing:
            conn.execute(f"DELETE FROM {_quote(table)} t USING {source} b WHERE {match}")
        conn.execute(f"INSERT INTO {_quote(table)} BY NAME SELECT {cols} FROM {source}")

    try:
        atomic(conn, write)
    finally:
        conn.unregister(view)
    return batch.num_rows


def replace_children(conn: duckdb.DuckDBPyConnection, table: str, batch: pa.Table,
                     parent_ids: list[str], parent_key: str = "article_id") -> int:
    """Replace, as a set, all rows of ``table`` that belong to ``parent_ids`` with ``batch``.

    Used for an article's facts, events and mentions: a new extractor version's set replaces the old
    set whole, so no stale fact survives. One transaction. Returns rows inserted.
    """
    if not parent_ids and batch.num_rows == 0:
        return 0
    parents = _register(conn, pa.table({parent_key: pa.array(sorted(set(parent_ids)), pa.string())}))
    view = _register(conn, batch) if batch.num_rows else None

    def write() -> None:
        if parent_ids:
            conn.execute(
                f"DELETE FROM {_quote(table)} t USING {parents} p "
                f"WHERE t.{_quote(parent_key)} = p.{_quote(parent_key)}"
            )
        if view is not None:
            cols = ", ".join(_quote(c) for c in batch.column_names)
            conn.execute(f"INSERT INTO {_quote(table)} BY NAME SELECT {cols} FROM {view}")

    try:
        atomic(conn, write)
    finally:
        conn.unregister(parents)
        if view is not None:
            conn.unregister(view)
    return batch.num_rows


def duplicate_keys(conn: duckdb.DuckDBPyConnection, table: str) -> int:
    """How many logical keys of ``table`` occur more than once (0 in a healthy warehouse)."""
    keys = ", ".join(_quote(k) for k in TABLE_KEYS[table])
    row = conn.execute(
        f"SELECT count(*) FROM (SELECT {keys} FROM {_quote(table)} GROUP BY ALL HAVING count(*) > 1)"
    ).fetchone()
    return int(row[0]) if row else 0
