"""Ad-hoc SQL for users, on a read-only connection that cannot reach anything else.

Only queries run (SELECT, WITH, FROM, PIVOT, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN). Everything else is
refused before it reaches the database. On top of that the connection is read-only and has
external access turned off and locked: no files of the machine, no ATTACH, no extensions.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from orewire.settings import Settings, get_settings
from orewire.warehouse.db import LAKE, damage, on_lake, reader

ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
PIVOT_RE = re.compile(r"\bPIVOT\b", re.IGNORECASE)

# Limits of one `orewire sql` statement: wall-clock seconds and DuckDB's memory limit.
DEFAULT_TIMEOUT_S = 60.0
DEFAULT_MEMORY_SHARE = 0.25
FETCH_ROWS = 2048


class SqlRefused(ValueError):
    """A statement that would change something or reach outside the warehouse."""


class SqlFailed(ValueError):
    """A query DuckDB could not run (syntax, unknown table, ...); the message is one line."""


class SqlStopped(SqlFailed):
    """A query stopped by its time or memory limit; the message is one line naming the limit."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


@dataclass
class QueryStream:
    """The last statement's columns and its rows, fetched in batches as they are read."""

    columns: list[str]
    batches: Iterator[list[tuple[Any, ...]]]


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    return first


def total_memory() -> int:
    """Bytes of RAM on this machine (0 when unknown)."""
    try:
        return int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))
    except (ValueError, OSError, AttributeError):
        return 0


def parse_memory(value: str | None) -> int | None:
    """``"25%"``, ``"2GB"``, ``"500MB"`` or bytes as a number of bytes; None for the default."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip().upper().replace(" ", "")
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(%|B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)?", text)
    if not match:
        raise ValueError(f"not a memory size (e.g. 25%, 4GB, 500MB): {value!r}")
    number, unit = float(match.group(1)), match.group(2) or "B"
    if unit == "%":
        if not 0 < number <= 100:
            raise ValueError(f"a share of RAM must be between 0 and 100%: {value!r}")
        return int(total_memory() * number / 100) or None
    scale = {"B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "TB": 10**12,
             "KIB": 2**10, "MIB": 2**20, "GIB": 2**30, "TIB": 2**40}[unit]
    return int(number * scale)


def default_memory_limit() -> int | None:
    """``OREWIRE_SQL_MEMORY`` (a size or a share of RAM), else 25% of RAM."""
    from orewire.settings import get_settings

    configured = get_settings().sql_memory
    if configured:
        return parse_memory(configured)
    return int(total_memory() * DEFAULT_MEMORY_SHARE) or None


def default_timeout() -> float:
    """``OREWIRE_SQL_TIMEOUT`` seconds, else 60; 0 means no limit."""
    from orewire.settings import get_settings

    return get_settings().sql_timeout


def human_bytes(n: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} B"


def check_statements(conn: duckdb.DuckDBPyConnection, sql: str) -> list[Any]:
    """The statements of ``sql`` if all are queries; raises SqlRefused or SqlFailed.

    A PIVOT whose columns are not listed is run by DuckDB as two statements: a CREATE of a
    temporary enum type holding the column values (with no SQL text of its own), then the
    query. That CREATE is let through; the connection is read-only whatever it does.
    """
    try:
        statements = conn.extract_statements(sql)
    except duckdb.Error as exc:
        raise SqlFailed(_one_line(exc)) from None
    if not statements:
        raise SqlFailed("no SQL statement given")
    pivot = bool(PIVOT_RE.search(sql))
    for i, stmt in enumerate(statements):
        if stmt.type in ALLOWED:
            continue
        generated = (stmt.type == duckdb.StatementType.CREATE and not stmt.query.strip() and pivot
                     and any(s.type in ALLOWED for s in statements[i + 1:]))
        if generated:
            continue
        kind = stmt.type.name.replace("_", " ")
        raise SqlRefused(f"refused: {kind} statements are not allowed; `orewire sql` is read-only")
    return list(statements)


def lock_down(conn: duckdb.DuckDBPyConnection, memory_limit: int | None = None) -> None:
    """No file access, no extension loading, no way to turn those back on; the memory limit set."""
    row = conn.execute("SELECT current_setting('lock_configuration')").fetchone()
    if row and row[0]:
        # DuckDB shares one database instance per file within a process: already locked down.
        return
    if memory_limit:
        conn.execute(f"SET memory_limit = '{int(memory_limit)}B'")
    if on_lake(conn):
        # A lake's rows are in its data files: those (and only those) stay readable.
        row = conn.execute(f"SELECT value FROM ducklake_options('{LAKE}') WHERE option_name = 'data_path'").fetchone()
        if row and row[0]:
            path = str(row[0]).replace("'", "''")
            conn.execute(f"SET allowed_directories = ['{path}']")
    conn.execute("SET enable_external_access = false")
    conn.execute("SET lock_configuration = true")


class _Watchdog:
    """Interrupts the connection's running statement once ``seconds`` have passed."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, seconds: float):
        self.fired = False
        self._timer: threading.Timer | None = None
        if seconds > 0:
            self._timer = threading.Timer(seconds, self._fire, args=(conn,))
            self._timer.daemon = True
            self._timer.start()

    def _fire(self, conn: duckdb.DuckDBPyConnection) -> None:
        self.fired = True
        with contextlib.suppress(Exception):
            conn.interrupt()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()


@contextlib.contextmanager
def stream_query(sql: str, settings: Settings | None = None, *, wait: float = 5.0,
                 timeout: float | None = None, memory_limit: int | None = None) -> Iterator[QueryStream]:
    """Run read-only SQL; yield the last statement's columns and its rows in batches, read from
    DuckDB as they are consumed (a result never sits whole in memory).

    ``timeout`` (seconds, default ``OREWIRE_SQL_TIMEOUT`` or 60; 0: none) bounds the statements
    from the first to the last row read; ``memory_limit`` (bytes, default ``OREWIRE_SQL_MEMORY``
    or 25% of RAM) is DuckDB's. Over either, :class:`SqlStopped` (one line). Raises SqlRefused
    for any statement that is not a query, SqlFailed for errors, WarehouseError when there is no
    warehouse.
    """
    timeout = default_timeout() if timeout is None else timeout
    memory_limit = default_memory_limit() if memory_limit is None else memory_limit
    conn = reader(settings, wait=wait)
    watchdog: _Watchdog | None = None
    try:
        lock_down(conn, memory_limit)
        statements = check_statements(conn, sql)
        watchdog = _Watchdog(conn, timeout)
        limits = (timeout, memory_limit)

        def guarded(step: Any) -> Any:
            try:
                return step()
            except duckdb.PermissionException as exc:
                raise SqlRefused(f"refused: {_one_line(exc)}") from None
            except duckdb.InterruptException:
                raise SqlStopped(_stopped("time", limits)) from None
            except duckdb.OutOfMemoryException:
                raise SqlStopped(_stopped("memory", limits)) from None
            except duckdb.Error as exc:
                if watchdog is not None and watchdog.fired:
                    raise SqlStopped(_stopped("time", limits)) from None
                damaged = damage(Path((settings or get_settings()).warehouse), exc)
                if damaged is not None:
                    raise damaged from None
                raise SqlFailed(_one_line(exc)) from None

        result: Any = None
        for stmt in statements:
            result = guarded(lambda stmt=stmt: conn.execute(stmt))
        columns = [d[0] for d in result.description] if result is not None and result.description else []

        def batches() -> Iterator[list[tuple[Any, ...]]]:
            if not columns:
                return
            while True:
                rows = guarded(lambda: result.fetchmany(FETCH_ROWS))
                if not rows:
                    return
                yield rows

        yield QueryStream(columns, batches())
    finally:
        if watchdog is not None:
            watchdog.cancel()
        conn.close()


def _stopped(which: str, limits: tuple[float, int | None]) -> str:
    timeout, memory = limits
    if which == "time":
        return f"query stopped: over the time limit of {timeout:g} s (--timeout, OREWIRE_SQL_TIMEOUT)"
    size = human_bytes(memory) if memory else "DuckDB's default"
    return f"query stopped: over the memory limit of {size} (--memory-limit, OREWIRE_SQL_MEMORY)"


def run_query(sql: str, settings: Settings | None = None, *, wait: float = 5.0,
              timeout: float | None = None, memory_limit: int | None = None) -> QueryResult:
    """Run read-only SQL on the warehouse; the last statement's whole result is returned.

    Same checks and limits as :func:`stream_query`.
    """
    with stream_query(sql, settings, wait=wait, timeout=timeout, memory_limit=memory_limit) as stream:
        rows = [row for batch in stream.batches for row in batch]
        return QueryResult(stream.columns, rows)
