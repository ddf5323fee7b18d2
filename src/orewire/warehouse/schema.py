"""Arrow schemas of the warehouse tables, read from the migrations themselves.

Every column is written once, in ``warehouse/migrations/*.sql``. The writer's Arrow schemas are
what ``DESCRIBE`` of a freshly migrated in-memory warehouse says, so a column added by a migration
is a column the writer carries, with the same type, without a second list to keep in step.
"""

from __future__ import annotations

from functools import cache

import duckdb
import pyarrow as pa


@cache
def _migrated() -> duckdb.DuckDBPyConnection:
    from orewire.warehouse.db import apply_migrations

    conn = duckdb.connect(":memory:")
    conn.execute("SET TimeZone = 'UTC'")  # TIMESTAMPTZ columns come out as timestamp[us, tz=UTC]
    apply_migrations(conn)
    return conn


def _plain(t: pa.DataType) -> pa.DataType:
    """List types with Arrow's usual child name ("item"), as pyarrow builds them from Python lists."""
    if pa.types.is_list(t):
        return pa.list_(_plain(t.value_type))
    return t


@cache
def table_schema(table: str) -> pa.Schema:
    """The Arrow schema of a warehouse table, its columns in the table's order."""
    conn = _migrated().cursor()
    try:
        schema = conn.execute(f'SELECT * FROM "{table}" LIMIT 0').arrow().schema
    finally:
        conn.close()
    return pa.schema([pa.field(f.name, _plain(f.type)) for f in schema])


def columns(table: str) -> tuple[str, ...]:
    return tuple(table_schema(table).names)
