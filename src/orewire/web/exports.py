"""The web view's exports: every matching row of a list, streamed in bounded memory.

An export puts the matching rows' numbers in the list's order first (narrow rows: numbers and
the order's keys, never the rows' texts; sorted in a small private DuckDB database that spills
to disk beyond ``SORT_MEMORY``), then reads the rows whole a chunk at a time and writes each
chunk as soon as it is read: CSV (pyarrow's writer; text cells a spreadsheet would take for a
formula are neutralised), JSON (one array, an object a line, written by DuckDB) or Parquet (one
row group per chunk). Nothing is cut: the file holds every row the list matched.

Its warehouse connection is a :class:`orewire.web.store.Lease`, used only while a chunk is read:
between chunks (while the client takes the last one) the readers' watcher may close it for a
writer, or for a client that stopped reading, and the next chunk opens another connection (the
snapshot while a load writes) and puts the rows after the last one written in order again, so
an export never keeps a writer waiting for more than one chunk.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from orewire.controls import FORMULA_START
from orewire.web import store

# Text that a spreadsheet would run as a formula: it begins with one of ``FORMULA_START``.
_FORMULA_RE = "^[" + "".join("\\" + c if c in "\\]^-" else c for c in FORMULA_START) + "]"
# The export's own database sorts its rows' numbers in this much memory, and spills beyond it.
SORT_MEMORY = "64MB"
# Narrow rows (numbers and keys) are read from the warehouse in batches of this many.
RANK_BATCH = 20_000


def _is_text(kind: pa.DataType) -> bool:
    return pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind)


def neutralise(table: pa.Table) -> pa.Table:
    """``table`` with every text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return (``FORMULA_START``) prefixed with a single quote, so that a spreadsheet shows it as text instead
    of running it. Numbers are not text: a negative number stays a number."""
    columns = []
    for column in table.columns:
        if _is_text(column.type):
            risky = pc.match_substring_regex(column, _FORMULA_RE)
            column = pc.if_else(risky, pc.binary_join_element_wise("'", column, ""), column)
        columns.append(column)
    return pa.table(columns, names=table.column_names)


class _Drain(io.RawIOBase):
    """A write-only file whose bytes are taken out as they come (the sink of the CSV and Parquet
    writers, emptied after every chunk)."""

    def __init__(self) -> None:
        super().__init__()
        self._parts: list[bytes] = []
        self._written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self._parts.append(chunk)
        self._written += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self._written

    def take(self) -> bytes:
        out = b"".join(self._parts)
        self._parts.clear()
        return out


class Encoder:
    """Writes an export's chunks in one format: ``start`` with the rows' schema, ``chunk`` for each
    chunk (with the connection it was read on), ``finish`` at the end; each returns the bytes to send."""

    media_type = "application/octet-stream"

    def start(self, schema: pa.Schema) -> bytes:
        raise NotImplementedError

    def chunk(self, table: pa.Table, conn: duckdb.DuckDBPyConnection) -> bytes:
        raise NotImplementedError

    def finish(self) -> bytes:
        raise NotImplementedError


def _csv_lists(table: pa.Table) -> pa.Table:
    """Lists joined with '; ' (an empty list is an empty cell)."""
    columns = []
    for column in table.columns:
        if pa.types.is_list(column.type) or pa.types.is_large_list(column.type):
            joined = pc.binary_join(column, "; ")
            column = pc.if_else(pc.equal(pc.list_value_length(column), 0), pa.scalar(None, joined.type), joined)
        columns.append(column)
    return pa.table(columns, names=table.column_names)


class CsvEncoder(Encoder):
    """CSV for spreadsheets: lists joined with '; ', formula-like text neutralised (:func:`neutralise`)."""

    media_type = "text/csv; charset=utf-8"

    def start(self, schema: pa.Schema) -> bytes:
        self._schema = _csv_lists(schema.empty_table()).schema
        self._sink = _Drain()
        self._writer = pacsv.CSVWriter(self._sink, self._schema)
        return self._sink.take()

    def chunk(self, table: pa.Table, conn: duckdb.DuckDBPyConnection) -> bytes:
        self._writer.write_table(neutralise(_csv_lists(table)).cast(self._schema))
        return self._sink.take()

    def finish(self) -> bytes:
        self._writer.close()
        return self._sink.take()


def _json_value(name: str, kind: pa.DataType) -> str:
    """SQL of column ``name`` of table ``t`` as its JSON value: timestamps as ISO 8601 text, as
    Python's ``isoformat`` writes them (with a time zone, in UTC), the rest as DuckDB's to_json."""
    col = 't."' + name.replace('"', '""') + '"'
    if not pa.types.is_timestamp(kind):
        return col
    value, offset = (f"({col} AT TIME ZONE 'UTC')", "+00:00") if kind.tz else (col, "")
    return (f"CASE WHEN {col} IS NULL THEN NULL WHEN microsecond({col}) % 1000000 = 0 "
            f"THEN strftime({value}, '%Y-%m-%dT%H:%M:%S{offset}') "
            f"ELSE strftime({value}, '%Y-%m-%dT%H:%M:%S.%f{offset}') END")


def _string_bytes(array: pa.Array) -> bytes:
    """The UTF-8 bytes of a string array's values, one after the other (no value is NULL)."""
    if not pa.types.is_large_string(array.type):
        array = array.cast(pa.string())
    _, offsets, data = array.buffers()
    if not len(array) or offsets is None or data is None:
        return b""
    positions = memoryview(offsets).cast("q" if pa.types.is_large_string(array.type) else "i")
    start, end = positions[array.offset], positions[array.offset + len(array)]
    return data.slice(start, end - start).to_pybytes()


class JsonEncoder(Encoder):
    """One JSON array of objects, an object a line, written by DuckDB (``to_json``), not Python."""

    media_type = "application/json"

    def start(self, schema: pa.Schema) -> bytes:
        fields = ", ".join("'" + f.name.replace("'", "''") + "': " + _json_value(f.name, f.type) for f in schema)
        # Each object after the separator that precedes it: the chunk's text is its column's bytes.
        self._select = f"SELECT ',\n' || to_json({{{fields}}}) FROM {{table}} t"
        self._rows = 0
        self._name = f"_web_json_{threading.get_ident()}_{id(self)}"
        return b"["

    def chunk(self, table: pa.Table, conn: duckdb.DuckDBPyConnection) -> bytes:
        if not table.num_rows:
            return b""
        conn.register(self._name, table)
        try:
            column = conn.execute(self._select.replace("{table}", self._name)).to_arrow_table().column(0)
        finally:
            conn.unregister(self._name)
        out = b"".join(_string_bytes(piece) for piece in column.chunks)
        if not self._rows:
            out = out[1:]  # the first object has no comma before it
        self._rows += table.num_rows
        return out

    def finish(self) -> bytes:
        return b"\n]\n" if self._rows else b"]\n"


class ParquetEncoder(Encoder):
    """Parquet, one row group per chunk, the footer at the end."""

    media_type = "application/vnd.apache.parquet"

    def start(self, schema: pa.Schema) -> bytes:
        self._schema = schema
        self._sink = _Drain()
        self._writer = pq.ParquetWriter(self._sink, schema)
        return self._sink.take()

    def chunk(self, table: pa.Table, conn: duckdb.DuckDBPyConnection) -> bytes:
        if table.num_rows:
            self._writer.write_table(table.cast(self._schema), row_group_size=table.num_rows)
        return self._sink.take()

    def finish(self) -> bytes:
        self._writer.close()
        return self._sink.take()


ENCODERS: dict[str, Callable[[], Encoder]] = {"csv": CsvEncoder, "json": JsonEncoder, "parquet": ParquetEncoder}


class _Held:
    """What an export holds until it ends: its lease, its sorting database and that one's folder."""

    def __init__(self, lease: store.Lease) -> None:
        self.lease = lease
        self.sorter: duckdb.DuckDBPyConnection | None = None
        self.folder: Path | None = None

    def close(self) -> None:
        self.lease.release()
        sorter, self.sorter = self.sorter, None
        if sorter is not None:
            sorter.close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


class Export:
    """One export of a list, as an iterator of bytes for a streamed response.

    :meth:`open` leases a connection and puts the matching rows' numbers in the list's order, in
    a private DuckDB database of its own with a small memory limit that spills to disk (the
    warehouse's connections are locked and share one memory limit), and returns how many rows
    there are (the response's ``X-Row-Count``); iterating reads and writes the rows, a chunk
    (``store.EXPORT_CHUNK`` rows) at a time. What it holds is let go when the iteration ends,
    fails, or is dropped (a client that went away).
    """

    def __init__(self, readers: store.Readers, plan: Callable[[duckdb.DuckDBPyConnection], store.ExportPlan],
                 encoder: Encoder, chunk: int | None = None) -> None:
        self.readers = readers
        self.make_plan = plan
        self.encoder = encoder
        self.chunk_rows = chunk or store.EXPORT_CHUNK
        self.lease = readers.lease()
        self._held = _Held(self.lease)
        self._done = weakref.finalize(self, self._held.close)
        self._name = f"_web_export_{id(self)}"
        self.rows_written = 0
        self.chunks = 0
        self._last: dict[str, Any] | None = None  # the keys of the last row written

    def open(self) -> int:
        """Put the rows in order (on the lease's connection) and return how many there are."""
        try:
            with self.lease.lock:
                conn = self.lease.connection()
                self._rank(conn)
                self._schema = self._read(conn, self._part(0, 0)).schema
        except BaseException:
            self.close()
            raise
        return self._count

    def close(self) -> None:
        self._done()

    def _sorter(self) -> duckdb.DuckDBPyConnection:
        """The export's own in-memory database, where its rows' numbers are sorted: one thread and
        ``SORT_MEMORY``, beyond which DuckDB spills to a folder of its own under the state folder."""
        if self._held.sorter is None:
            base = Path(self.readers.settings.state_dir) / "web-exports"
            try:
                base.mkdir(parents=True, exist_ok=True)
                folder = Path(tempfile.mkdtemp(prefix="sort-", dir=base))
            except OSError:
                folder = Path(tempfile.mkdtemp(prefix="orewire-export-sort-"))
            self._held.folder = folder
            sorter = duckdb.connect(":memory:", config={
                "memory_limit": SORT_MEMORY, "threads": 1, "temp_directory": str(folder),
                "autoinstall_known_extensions": False, "autoload_known_extensions": False})
            sorter.execute("SET enable_external_access = false")
            sorter.execute("SET lock_configuration = true")
            self._held.sorter = sorter
        return self._held.sorter

    def _rank(self, conn: duckdb.DuckDBPyConnection) -> None:
        """The matching rows' numbers in order (after the last row written, if any), read on
        ``conn`` as a stream of narrow batches and sorted in the export's own database."""
        self._plan = self.make_plan(conn)
        sql, params = self._plan.matching(self._last)
        matching = conn.execute(sql, params).to_arrow_reader(RANK_BATCH)
        sorter = self._sorter()
        sorter.register("matching", matching)
        try:
            columns = ", ".join(("rid", *self._plan.carried))
            sorter.execute(f"CREATE OR REPLACE TABLE ordered AS SELECT {columns} FROM matching ORDER BY {self._plan.order}")
        finally:
            sorter.unregister("matching")
        row = sorter.execute("SELECT count(*) FROM ordered").fetchone()
        self._count = int(row[0]) if row else 0
        self._generation = self.lease.generation
        self._at = 0

    def _part(self, start: int, rows: int) -> pa.Table:
        """Rows ``start`` to ``start + rows`` of the order: their numbers and carried columns."""
        return self._sorter().execute("SELECT * FROM ordered WHERE rowid >= ? AND rowid < ?",
                                      [start, start + rows]).to_arrow_table()

    def _read(self, conn: duckdb.DuckDBPyConnection, part: pa.Table) -> pa.Table:
        """The whole rows of ``part`` (numbers from the order), in its order."""
        chunk = part.append_column("pos", pa.array(range(part.num_rows), pa.int64()))
        low, high = (pc.min(part.column("rid")).as_py(), pc.max(part.column("rid")).as_py()) if part.num_rows \
            else (0, -1)
        conn.register(self._name, chunk)
        try:
            return conn.execute(self._plan.rows_sql(self._name), [low, high]).to_arrow_table()
        finally:
            conn.unregister(self._name)

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield self.encoder.start(self._schema)
            while True:
                with self.lease.lock:
                    conn = self.lease.connection()
                    if self._generation != self.lease.generation:
                        self._rank(conn)  # another connection: the rows again, after the last one written
                    if self._at >= self._count:
                        break
                    part = self._part(self._at, self.chunk_rows)
                    table = self._read(conn, part)
                    self._at += part.num_rows
                    if table.num_rows:
                        self._last = {k.name: table.column(k.name)[-1].as_py() for k in self._plan.keys}
                    data = self.encoder.chunk(table, conn)
                self.rows_written += table.num_rows
                self.chunks += 1
                yield data
            yield self.encoder.finish()
        finally:
            self.close()
