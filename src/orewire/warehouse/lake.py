"""Copying a DuckDB warehouse file into a DuckLake (``orewire migrate --to``), checked table by table."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from orewire.settings import LAKE_PREFIX, Settings
from orewire.warehouse.db import WarehouseError, migrate, open_lake, redact, writer
from orewire.warehouse.fulltext import LAKE_DOCS, LAKE_TERMS, update_lake_index
from orewire.warehouse.upsert import atomic


@dataclass(frozen=True)
class Copied:
    """One table copied: its rows in the file and in the lake afterwards."""

    table: str
    file_rows: int
    lake_rows: int

    @property
    def ok(self) -> bool:
        return self.file_rows == self.lake_rows


def copy_to_lake(settings: Settings, catalog: str, data_path: str | None = None) -> list[Copied]:
    """Copy every table of the warehouse file ``settings.warehouse`` into the lake ``catalog``
    (created and migrated when new; data files under ``data_path``, else ``OREWIRE_LAKE_DATA``),
    in one transaction, then count each table on both sides.

    Raises WarehouseError when the file is missing or the lake already holds rows (a copy never
    merges into a lake in use)."""
    if not catalog.startswith(LAKE_PREFIX):
        raise WarehouseError(f"--to takes a DuckLake catalog (ducklake:postgres:dbname=... host=...), not {catalog!r}")
    source = Path(settings.warehouse)
    if settings.lake is not None or not source.exists():
        raise WarehouseError(f"no warehouse file at {source} to copy (OREWIRE_WAREHOUSE names the file)")
    lake = settings.with_overrides(lake=catalog, lake_data=data_path or settings.lake_data)
    if not lake.lake_data:
        raise WarehouseError("the lake's data path is not given: --lake-data or OREWIRE_LAKE_DATA")
    migrate(settings)  # the file at the newest schema, as the lake will be
    literal = "'" + str(source.resolve()).replace("'", "''") + "'"
    with writer(lake) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
            "AND schema_name = 'main' AND table_name NOT IN ('schema_migrations', 'schema_turn', ?, ?) "
            "ORDER BY table_name",
            [LAKE_DOCS, LAKE_TERMS]).fetchall()]
        held = [t for t in tables if conn.execute(f'SELECT count(*) > 0 FROM "{t}"').fetchone() == (True,)]
        if held:
            raise WarehouseError(f"the lake {redact(catalog)} already holds rows ({', '.join(held)}): "
                                 "copy into a new lake")
        conn.execute(f"ATTACH {literal} AS copied (READ_ONLY)")
        try:
            present = {r[0] for r in conn.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'copied' AND schema_name = 'main'"
            ).fetchall()}
            copied = [t for t in tables if t in present]

            def copy() -> None:
                for table in copied:
                    conn.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM copied.main."{table}"')
                update_lake_index(conn, [])  # the lake's own search postings, for every article copied

            atomic(conn, copy)
            file_rows = {t: _count(conn, f'copied.main."{t}"') for t in copied}
        finally:
            conn.execute("DETACH copied")
    check = open_lake(lake, read_only=True)
    try:
        return [Copied(t, file_rows[t], _count(check, f'"{t}"')) for t in copied]
    finally:
        check.close()


def _count(conn, table: str) -> int:  # type: ignore[no-untyped-def]
    row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0
