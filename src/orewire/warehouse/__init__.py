"""The DuckDB warehouse: schema migrations, the single writer, bulk upserts, search, read-only SQL."""

from orewire.warehouse.db import (
    WarehouseError,
    apply_migrations,
    load_fts,
    migrate,
    reader,
    writer,
)
from orewire.warehouse.fulltext import rebuild_index, search
from orewire.warehouse.query import QueryResult, SqlFailed, SqlRefused, SqlStopped, run_query, stream_query
from orewire.warehouse.upsert import TABLE_KEYS, duplicate_keys, replace_children, upsert

__all__ = [
    "TABLE_KEYS",
    "QueryResult",
    "SqlFailed",
    "SqlRefused",
    "SqlStopped",
    "WarehouseError",
    "apply_migrations",
    "duplicate_keys",
    "load_fts",
    "migrate",
    "reader",
    "rebuild_index",
    "replace_children",
    "run_query",
    "search",
    "stream_query",
    "upsert",
    "writer",
]
