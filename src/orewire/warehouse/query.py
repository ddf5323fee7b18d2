"""Ad-hoc SQL for users, on a read-only connection that cannot reach anything else.

Only queries run (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN). Everything else is
refused before it reaches the database. On top of that the connection is read-only and has
external access turned off and locked: no files of the machine, no ATTACH, no extensions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from orewire.settings import Settings
from orewire.warehouse.db import reader

ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


class SqlRefused(ValueError):
    """A statement that would change something or reach outside the warehouse."""


class SqlFailed(ValueError):
    """A query DuckDB could not run (syntax, unknown table, ...); the message is one line."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    return first


def check_statements(conn: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    """The statements of ``sql`` if all are queries; raises SqlRefused or SqlFailed."""
    try:
        statements = conn.extract_statements(sql)
    except duckdb.Error as exc:
        raise SqlFailed(_one_line(exc)) from None
    if not statements:
        raise SqlFailed("no SQL statement given")
    for stmt in statements:
        if stmt.type not in ALLOWED:
            kind = stmt.type.name.replace("_", " ")
            raise SqlRefused(f"refused: {kind} statements are not allowed; `orewire sql` is read-only")
    return [s.query for s in statements]


def lock_down(conn: duckdb.DuckDBPyConnection) -> None:
    """No file access, no extension loading, no way to turn those back on."""
    row = conn.execute("SELECT current_setting('lock_configuration')").fetchone()
    if row and row[0]:
        # DuckDB shares one database instance per file within a process: already locked down.
        return
    conn.execute("SET enable_external_access = false")
    conn.execute("SET lock_configuration = true")


def run_query(sql: str, settings: Settings | None = None, *, wait: float = 5.0) -> QueryResult:
    """Run read-only SQL on the warehouse; the last statement's result is returned.

    Raises SqlRefused for any statement that is not a query, SqlFailed for errors, and
    WarehouseError when there is no warehouse.
    """
    conn = reader(settings, wait=wait)
    try:
        lock_down(conn)
        result = QueryResult([], [])
        for query in check_statements(conn, sql):
            try:
                rel = conn.execute(query)
                rows = rel.fetchall()
                columns = [d[0] for d in rel.description] if rel.description else []
            except duckdb.PermissionException as exc:
                raise SqlRefused(f"refused: {_one_line(exc)}") from None
            except duckdb.Error as exc:
                raise SqlFailed(_one_line(exc)) from None
            result = QueryResult(columns, rows)
        return result
    finally:
        conn.close()
