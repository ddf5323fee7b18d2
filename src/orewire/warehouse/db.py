"""The one way to open the warehouse: connections, the writer lock, migrations, snapshots.

DuckDB lets one process write a database file, or several read it, not both at once. orewire
keeps one writer at a time with a file lock (a second writer waits, up to a timeout, then fails
with a clear message), and keeps readers answering during a load: a reader opens the file
read-only and, while a writer holds it, reads the snapshot the last writer left behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from orewire import locking
from orewire.settings import Settings, get_settings


class WarehouseError(RuntimeError):
    """A warehouse problem worth one line to the user (lock timeout, missing file, ...)."""


class WarehouseDamaged(WarehouseError):
    """The database file cannot be read: corrupt, truncated, overwritten."""


# What DuckDB says when a file is not a whole, valid database (checked on the error's text: the
# same exception classes also carry ordinary errors).
DAMAGE_RE = re.compile(
    r"Corrupt database file|checksum|Could not read enough bytes|not a valid DuckDB database|"
    r"Failed to read database header|database file .* is not valid|INTERNAL Error|Serialization Error|"
    r"block .* out of range|Invalid block|Unknown data type|Invalid ?(?:Input|Operation)? ?Error: .*corrupt",
    re.IGNORECASE,
)
LOCK_RE = re.compile(r"Could not set lock|Conflicting lock", re.IGNORECASE)


def damage(path: Path, exc: BaseException) -> WarehouseDamaged | None:
    """The one-line error for a DuckDB error that means the file is damaged, else None."""
    text = str(exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    if not DAMAGE_RE.search(str(exc)):
        return None
    return WarehouseDamaged(f"warehouse {path} is damaged ({first[:200]}); `orewire rebuild` recreates it "
                            "from the raw archive")


def _sql_dir() -> Path:
    """Folder of the numbered migrations: packaged copy first, then the source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "migrations", here.parents[2] / "warehouse" / "migrations"):
        if candidate.is_dir():
            return candidate
    raise WarehouseError("warehouse migrations not found (expected warehouse/migrations/*.sql)")


MIGRATION_RE = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """All migrations as (number, name, sql), in order."""
    found = []
    for path in sorted(_sql_dir().iterdir()):
        match = MIGRATION_RE.match(path.name)
        if match:
            found.append((int(match.group(1)), match.group(2), path.read_text(encoding="utf-8")))
    return found


def fts_extension_path() -> Path | None:
    """The FTS extension file shipped by the ``duckdb-extension-fts`` package, if installed."""
    try:
        import duckdb_extension_fts
    except ImportError:
        return None
    base = Path(duckdb_extension_fts.__file__).parent / "extensions"
    exact = base / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    if exact.exists():
        return exact
    found = sorted(base.glob("*/fts.duckdb_extension"))
    return found[-1] if found else None


def load_fts(conn: duckdb.DuckDBPyConnection) -> bool:
    """Load full-text search from the packaged extension file. False when unavailable.

    Loading checks the file's signature, which hashes all of its 11 MB (about 60 ms of CPU), so a
    connection loads it only when it needs it: the full-text index functions and ``search`` load
    it themselves (:func:`ensure_fts`), and ``reader`` loads it for the SQL users write."""
    path = fts_extension_path()
    if path is None:
        return False
    try:
        conn.execute(f"LOAD '{path.as_posix()}'")
    except duckdb.Error:
        return False
    return True


def fts_loaded(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether the FTS extension is loaded on ``conn``, asked of the catalogue of extensions: a
    probe that fails (calling ``stem``) would abort the writer's open transaction. The web view's
    locked-down readers ask their own way (``orewire.web.store.fts_loaded``)."""
    row = conn.execute(
        "SELECT count(*) FROM duckdb_extensions() WHERE extension_name = 'fts' AND loaded"
    ).fetchone()
    return bool(row and row[0])


def ensure_fts(conn: duckdb.DuckDBPyConnection) -> bool:
    """Full-text search on this connection: loaded now if it was not. False when unavailable."""
    return fts_loaded(conn) or load_fts(conn)


def _config(settings: Settings, read_only: bool) -> dict[str, str | bool | int | float | list[str]]:
    ext = settings.extension_dir
    ext.mkdir(parents=True, exist_ok=True)
    return {
        "extension_directory": str(ext.resolve()),
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "access_mode": "READ_ONLY" if read_only else "READ_WRITE",
    }


def apply_migrations(conn: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every migration not yet recorded, each in its own transaction. Returns those applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for number, name, sql in migrations():
        if number in done:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(sql)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, now())", [number, name]
            )
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def snapshot_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".snapshot")


@contextlib.contextmanager
def writer_lock(db_path: Path, timeout: float) -> Iterator[None]:
    """Hold the single-writer lock; wait up to ``timeout`` seconds for another writer.

    Raises WarehouseError when the lock cannot be had in time.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(db_path), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        holder = locking.acquire(fd, timeout)
        if holder is not None:
            raise WarehouseError(
                f"warehouse {db_path} is busy: {holder} holds the writer lock "
                f"(waited {timeout:.0f}s; raise OREWIRE_LOCK_TIMEOUT to wait longer)"
            )
        yield
    finally:
        locking.release(fd)


def _open_rw(path: Path, settings: Settings) -> duckdb.DuckDBPyConnection:
    # The lock serialises orewire writers; a reader that still has the file open makes DuckDB
    # refuse for a moment, so retry briefly.
    deadline = time.monotonic() + 30
    while True:
        try:
            return duckdb.connect(str(path), config=_config(settings, read_only=False))
        except duckdb.Error as exc:
            damaged = damage(path, exc)
            if damaged is not None:
                raise damaged from None
            if not isinstance(exc, duckdb.IOException) or not LOCK_RE.search(str(exc)) \
                    or time.monotonic() > deadline:
                raise WarehouseError(f"cannot open warehouse {path} for writing: {exc}") from None
            time.sleep(0.1)


def refresh_snapshot(path: Path) -> None:
    """Copy the closed database file to the readers' snapshot (temp name, then atomic rename)."""
    if not path.exists():
        return
    snap = snapshot_path(path)
    tmp = snap.with_name(snap.name + ".tmp")
    shutil.copyfile(path, tmp)
    os.replace(tmp, snap)


@contextlib.contextmanager
def writer(
    settings: Settings | None = None, *, path: Path | None = None, timeout: float | None = None,
    snapshot: bool = True,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The single writer: lock, open read-write, migrate, yield; checkpoint and snapshot on close.
    Full-text search is loaded by the index functions that need it (:func:`ensure_fts`).

    Raises WarehouseError when another writer holds the lock past ``timeout``.
    """
    settings = settings or get_settings()
    path = Path(path or settings.warehouse)
    with writer_lock(path, settings.lock_timeout if timeout is None else timeout):
        conn = _open_rw(path, settings)
        try:
            apply_migrations(conn)
            yield conn
            conn.execute("CHECKPOINT")
        finally:
            conn.close()
        if snapshot:
            refresh_snapshot(path)


def reader(
    settings: Settings | None = None, *, path: Path | None = None, wait: float = 5.0, fts: bool = True,
) -> duckdb.DuckDBPyConnection:
    """A read-only connection. While a writer holds the file, waits up to ``wait`` seconds,
    then answers from the last snapshot. Raises WarehouseError when there is nothing to read.
    ``fts`` loads full-text search (for SQL that calls it); internal reads that never search
    pass False."""
    settings = settings or get_settings()
    path = Path(path or settings.warehouse)
    if not path.exists():
        raise WarehouseError(f"no warehouse at {path} yet: run `orewire run` (or set OREWIRE_WAREHOUSE)")
    deadline = time.monotonic() + wait
    while True:
        try:
            conn = duckdb.connect(str(path), config=_config(settings, read_only=True))
            break
        except duckdb.Error as exc:
            damaged = damage(path, exc)
            if damaged is not None:
                raise damaged from None
            if not isinstance(exc, duckdb.IOException) or not LOCK_RE.search(str(exc)):
                raise WarehouseError(f"cannot open warehouse {path}: {exc}") from None
            if time.monotonic() >= deadline:
                snap = snapshot_path(path)
                if not snap.exists():
                    raise WarehouseError(f"warehouse {path} is being written and has no snapshot yet") from None
                conn = duckdb.connect(str(snap), config=_config(settings, read_only=True))
                break
            time.sleep(0.1)
    if fts:
        load_fts(conn)
    return conn


def migrate(settings: Settings | None = None, *, path: Path | None = None) -> list[int]:
    """Create or upgrade the warehouse file. Returns the migrations applied."""
    settings = settings or get_settings()
    path = Path(path or settings.warehouse)
    with writer_lock(path, settings.lock_timeout):
        conn = _open_rw(path, settings)
        try:
            return apply_migrations(conn)
        finally:
            conn.close()
