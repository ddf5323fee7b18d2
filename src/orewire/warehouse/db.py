"""The one way to open the warehouse: connections, the writer lock, migrations, snapshots.

DuckDB lets one process write a database file, or several read it, not both at once. orewire
keeps one writer at a time with a file lock (a second writer waits, up to a timeout, then fails
with a clear message), and keeps readers answering during a load: a reader opens the file
read-only and, while a writer holds it, reads the snapshot the last writer left behind.

The warehouse can also be a DuckLake (``OREWIRE_WAREHOUSE=ducklake:postgres:...``, data files
under ``OREWIRE_LAKE_DATA``): an in-memory DuckDB attaches the catalog as ``lake`` and uses it, so
the same SQL runs on it. Writers on any number of machines then write at once, each in its own
transactions, with no lock of orewire's: DuckLake retries a commit that does not conflict with one
made meanwhile, and orewire runs a transaction again whose commit does (:func:`is_conflict`,
``orewire.warehouse.upsert.atomic``). Readers read the latest committed snapshot.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import threading
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


# -- DuckLake --------------------------------------------------------------------------------------

LAKE = "lake"  # the name the catalog is attached under
# The extensions a lake needs, from their packages: (package, file in the package, name DuckDB loads).
# The PostgreSQL extension's entry point is named after its old name, postgres_scanner.
LAKE_EXTENSIONS = (
    ("duckdb_extension_ducklake", "ducklake", "ducklake"),
    ("duckdb_extension_postgres", "postgres", "postgres_scanner"),
    ("duckdb_extension_httpfs", "httpfs", "httpfs"),
)
# What DuckLake says when a commit conflicts with one made meanwhile (after its own retries).
CONFLICT_RE = re.compile(r"conflict|Failed to commit DuckLake transaction|could not serialize|"
                         r"duplicate key value violates unique constraint", re.IGNORECASE)
LAKE_RETRIES = 50  # DuckLake's own tries of a commit that does not conflict (its default is 10)


# A lake's full-text postings (orewire.warehouse.fulltext): the extension's index cannot be built on
# lake tables. Keyed by article, as the writers are.
LAKE_SEARCH_TABLES = """
CREATE TABLE IF NOT EXISTS search_docs (article_id VARCHAR NOT NULL, len INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS search_terms (article_id VARCHAR NOT NULL, term VARCHAR NOT NULL, tf INTEGER NOT NULL);
"""

# A lake's migrations take turns: each migration's transaction first updates the one row of this table,
# so two processes migrating a new lake at once conflict on it, and the later one, run again, finds the
# migration recorded and skips it (inserts alone never conflict on a lake, so both would apply it).
LAKE_TURN_TABLE = "CREATE TABLE IF NOT EXISTS schema_turn (turn BIGINT NOT NULL)"

# What a lake says when another process made the same catalog or table first: the attach or migration
# is tried again, and finds it made.
LAKE_MADE_RE = re.compile(r"already exists|duplicate key value|Failed to initialize DuckLake", re.IGNORECASE)


def is_lake(settings: Settings) -> bool:
    return settings.lake is not None


def exists(settings: Settings) -> bool:
    """Whether there is a warehouse to read: the file, or (always) a lake, which says itself
    when it cannot be reached."""
    return is_lake(settings) or Path(settings.warehouse).exists()


def is_conflict(exc: BaseException) -> bool:
    """Whether ``exc`` is a lake commit that lost to another writer's (run the transaction again)."""
    return isinstance(exc, duckdb.Error) and bool(CONFLICT_RE.search(str(exc)))


def on_lake(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether ``conn`` works on a DuckLake (its current catalog is the attached lake)."""
    row = conn.execute("SELECT current_database()").fetchone()
    return bool(row and row[0] == LAKE)


def _platform() -> str:
    with duckdb.connect(":memory:") as conn:
        row = conn.execute("SELECT platform FROM pragma_platform()").fetchone()
    return str(row[0]) if row else "linux_amd64"


def _extension_package(stem: str) -> Path | None:
    """The folder of the extension files a ``duckdb-extension-<stem>`` package ships, if installed."""
    try:
        if stem == "ducklake":
            import duckdb_extension_ducklake as package
        elif stem == "postgres":
            import duckdb_extension_postgres as package
        else:
            import duckdb_extension_httpfs as package
    except ImportError:
        return None
    return Path(str(package.__file__)).parent / "extensions"


def lake_extension_dir(settings: Settings) -> Path:
    """The extension folder with the lake's extensions laid out as DuckDB looks for them
    (``v<version>/<platform>/<name>.duckdb_extension``, linked to the packages' files)."""
    base = settings.extension_dir
    folder = base / f"v{duckdb.__version__}" / _platform()
    folder.mkdir(parents=True, exist_ok=True)
    for package, stem, name in LAKE_EXTENSIONS:
        target = folder / f"{name}.duckdb_extension"
        if target.exists():
            continue
        root = _extension_package(stem)
        if root is None:
            raise WarehouseError(f"the lake needs the {package.replace('_', '-')} package")
        found = sorted(root.glob(f"v{duckdb.__version__}/{stem}.duckdb_extension")) or \
            sorted(root.glob(f"*/{stem}.duckdb_extension"))
        if not found:
            raise WarehouseError(f"{package} holds no {stem} extension for DuckDB {duckdb.__version__}")
        tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        tmp.symlink_to(found[-1].resolve())
        os.replace(tmp, target)
    return base


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def open_lake(settings: Settings, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the lake attached and in use. Raises WarehouseError when the
    catalog cannot be reached (one line: PostgreSQL's own reason)."""
    assert settings.lake is not None
    lake_extension_dir(settings)
    for attempt in range(1, 11):
        try:
            return _attach_lake(settings, read_only)
        except WarehouseError as exc:
            # Two processes attaching a new lake at once both create its catalog tables in
            # PostgreSQL: the one that loses tries again and finds them made.
            if attempt == 10 or not LAKE_MADE_RE.search(str(exc)):
                raise
            time.sleep(0.1 * attempt)
    raise AssertionError("unreachable")


def _attach_lake(settings: Settings, read_only: bool) -> duckdb.DuckDBPyConnection:
    assert settings.lake is not None
    conn = duckdb.connect(":memory:", config=_config(settings, read_only=False))
    try:
        conn.execute("LOAD ducklake")
        conn.execute("LOAD postgres_scanner")
        data = settings.lake_data or ""
        if data.startswith(("s3://", "gs://", "gcs://", "r2://", "http://", "https://")):
            conn.execute("LOAD httpfs")
            _s3_secret(conn)
        options = [f"DATA_PATH {_literal(data)}"] if data else []
        if read_only:
            options.append("READ_ONLY")
        conn.execute(f"ATTACH {_literal(settings.lake)} AS {LAKE}" + (f" ({', '.join(options)})" if options else ""))
        conn.execute(f"USE {LAKE}")
        conn.execute(f"SET ducklake_max_retry_count = {LAKE_RETRIES}")
    except duckdb.Error as exc:
        conn.close()
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise WarehouseError(f"cannot open the lake {redact(settings.lake)}: {first[:300]}") from None
    return conn


# Read-only lake instances by (pid, catalog, data path): attaching costs about half a second (the
# extensions' signatures and the catalog's), so a process keeps one and each reader is a cursor on it,
# which sees every snapshot committed before its query.
_lake_readers: dict[tuple[int, str, str], duckdb.DuckDBPyConnection] = {}
_lake_readers_lock = threading.Lock()


def _lake_reader(settings: Settings) -> duckdb.DuckDBPyConnection:
    key = (os.getpid(), settings.lake or "", settings.lake_data or "")
    with _lake_readers_lock:
        base = _lake_readers.get(key)
        if base is None:
            base = _lake_readers[key] = open_lake(settings, read_only=True)
        return base


def _s3_secret(conn: duckdb.DuckDBPyConnection) -> None:
    """Credentials and endpoint of an s3:// data path, from the usual AWS variables."""
    key, secret = os.environ.get("AWS_ACCESS_KEY_ID"), os.environ.get("AWS_SECRET_ACCESS_KEY")
    endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
    parts = ["TYPE s3"]
    if key and secret:
        parts += [f"KEY_ID {_literal(key)}", f"SECRET {_literal(secret)}"]
    if os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION"):
        parts.append(f"REGION {_literal(os.environ.get('AWS_REGION') or os.environ.get('AWS_DEFAULT_REGION') or '')}")
    if endpoint:
        scheme, _, host = endpoint.partition("://")
        parts += [f"ENDPOINT {_literal(host.rstrip('/') or scheme)}", "URL_STYLE 'path'",
                  f"USE_SSL {'true' if scheme == 'https' else 'false'}"]
    conn.execute(f"CREATE OR REPLACE SECRET orewire_lake ({', '.join(parts)})")


def redact(catalog: str) -> str:
    """The catalog string without its password."""
    return re.sub(r"(password\s*=\s*)(\S+)", r"\1***", catalog, flags=re.IGNORECASE)


def lake_sql(sql: str) -> str:
    """A migration as DuckLake takes it: no PRIMARY KEY, UNIQUE or index (DuckLake has none; the
    logical keys are kept by the writers, see ``orewire.warehouse.upsert``), the rest as written."""
    sql = re.sub(r"^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\b[^;]*;", "", sql, flags=re.MULTILINE)
    sql = re.sub(r",(\s*(?:--[^\n]*)?\s*)(?:PRIMARY KEY|UNIQUE)\s*\([^)]*\)", r"\1", sql)
    sql = re.sub(r"\s+PRIMARY KEY\b", "", sql)
    return re.sub(r"\s+UNIQUE\b(?!\s*\()", "", sql)


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
    """Apply every migration not yet recorded, each in its own transaction. Returns those applied.

    On a lake, two processes may start on a new lake at once: the one whose commit conflicts
    reads what the other applied and goes on from there."""
    lake = on_lake(conn)
    applied: list[int] = []
    for attempt in range(1, 21):
        try:
            _apply_migrations(conn, lake, applied)
            return applied
        except duckdb.Error as exc:
            if not lake or not (is_conflict(exc) or LAKE_MADE_RE.search(str(exc))) or attempt == 20:
                raise
            with contextlib.suppress(duckdb.Error):
                conn.execute("ROLLBACK")
            time.sleep(0.05 * attempt)
    return []


def _apply_migrations(conn: duckdb.DuckDBPyConnection, lake: bool, applied: list[int]) -> None:
    """Apply the migrations not yet recorded, adding each one applied to ``applied``."""
    create = ("CREATE TABLE IF NOT EXISTS schema_migrations ("
              " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)")
    conn.execute(lake_sql(create) if lake else create)
    if lake:
        conn.execute(LAKE_SEARCH_TABLES)
        conn.execute(LAKE_TURN_TABLE)
        if conn.execute("SELECT count(*) FROM schema_turn").fetchone() == (0,):
            conn.execute("INSERT INTO schema_turn VALUES (0)")
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations").fetchall()}
    for number, name, sql in migrations():
        if number in done:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            if lake:
                conn.execute("UPDATE schema_turn SET turn = turn + 1")
                if conn.execute("SELECT count(*) FROM schema_migrations WHERE version = ?", [number]).fetchone() != (0,):
                    conn.execute("ROLLBACK")
                    continue
            conn.execute(lake_sql(sql) if lake else sql)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, now())", [number, name]
            )
        except Exception:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(number)


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
    if is_lake(settings) and path is None:
        # No lock of orewire's: each transaction commits on its own (see the module's note).
        conn = open_lake(settings)
        try:
            apply_migrations(conn)
            yield conn
        finally:
            conn.close()
        return
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
    if is_lake(settings) and path is None:
        conn = _lake_reader(settings).cursor()
        conn.execute(f"USE {LAKE}")  # a cursor starts on the instance's default catalog
        if fts:
            load_fts(conn)
        return conn
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
    if is_lake(settings) and path is None:
        conn = open_lake(settings)
        try:
            return apply_migrations(conn)
        finally:
            conn.close()
    path = Path(path or settings.warehouse)
    with writer_lock(path, settings.lock_timeout):
        conn = _open_rw(path, settings)
        try:
            return apply_migrations(conn)
        finally:
            conn.close()
