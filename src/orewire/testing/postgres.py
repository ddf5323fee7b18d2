"""A throwaway PostgreSQL cluster on loopback, for the tests and the one-machine rehearsal.

:func:`cluster` initialises a cluster in a folder (``initdb``), starts it on a free port of
127.0.0.1 (no Unix socket, no other address, ``trust`` authentication: it is reachable from this
machine only), creates a database, yields a :class:`Postgres`, then stops the server and removes
the folder. PostgreSQL refuses to run as root: when this process is root, the cluster runs as the
``postgres`` user that Debian's package creates (``PG_RUN_AS`` names another).

From the shell, ``python -m orewire.testing.postgres FOLDER [--database NAME] [-- COMMAND ...]``
runs COMMAND with the cluster's addresses in the environment (``OREWIRE_PG_DSN``,
``OREWIRE_PG_URL``, ``OREWIRE_PG_LAKE``) and stops it when COMMAND ends (its exit status is
returned); without COMMAND it prints them and serves until interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
SUPERUSER = "orewire"


class PostgresError(RuntimeError):
    """PostgreSQL is missing or a cluster could not be made, started or stopped."""


@dataclass(frozen=True)
class Postgres:
    """A running cluster: where it listens and the database made for the caller."""

    folder: Path
    host: str
    port: int
    database: str
    user: str = SUPERUSER

    def dsn(self, database: str | None = None) -> str:
        """libpq keywords: ``dbname=… host=… port=… user=…``."""
        return f"dbname={database or self.database} host={self.host} port={self.port} user={self.user}"

    def url(self, database: str | None = None, *, driver: str = "postgresql") -> str:
        """A URL (``postgresql+asyncpg`` for SQLAlchemy through asyncpg, as Prefect's server wants)."""
        return f"{driver}://{self.user}@{self.host}:{self.port}/{database or self.database}"

    def ducklake(self, database: str | None = None) -> str:
        """The DuckLake catalog on this database, as ``OREWIRE_WAREHOUSE`` takes it."""
        return f"ducklake:postgres:{self.dsn(database)}"

    def create_database(self, name: str) -> str:
        """Create another database in the cluster; returns its name."""
        _run([str(bin_dir() / "createdb"), "-h", self.host, "-p", str(self.port), "-U", self.user, name])
        return name

    def environment(self) -> dict[str, str]:
        return {"OREWIRE_PG_DSN": self.dsn(), "OREWIRE_PG_URL": self.url(), "OREWIRE_PG_LAKE": self.ducklake()}


def bin_dir() -> Path:
    """The folder of ``initdb`` and ``pg_ctl``: ``pg_config --bindir``, else Debian's newest.

    Raises PostgresError when PostgreSQL's server programs are not installed."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.CalledProcessError):
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True).stdout
            candidates.append(Path(out.strip()))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: _version(p.parent.name),
                         reverse=True)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    raise PostgresError("PostgreSQL's server programs (initdb, pg_ctl) are not installed: "
                        "`make postgres` installs Debian's package")


def available() -> bool:
    """Whether a cluster can be started here (server programs found)."""
    try:
        bin_dir()
    except PostgresError:
        return False
    return True


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(p) for p in name.split(".") if p.isdigit())


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _run_as() -> str | None:
    """The user the server runs as: None (this one) unless this process is root."""
    if os.geteuid() != 0:
        return None
    name = os.environ.get("PG_RUN_AS") or "postgres"
    try:
        pwd.getpwnam(name)
    except KeyError:
        raise PostgresError(f"PostgreSQL cannot run as root and there is no user {name!r} to run it as "
                            "(set PG_RUN_AS to an unprivileged user)") from None
    return name


def _as_user(user: str | None, argv: list[str]) -> list[str]:
    if user is None:
        return argv
    runuser = shutil.which("runuser") or "/usr/sbin/runuser"
    return [runuser, "-u", user, "--", *argv]


def _program(argv: list[str]) -> str:
    return Path(argv[4] if argv[0].endswith("runuser") else argv[0]).name


def _run(argv: list[str], *, timeout: float = 120) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout,
                              cwd="/", env={**os.environ, "LC_ALL": "C"})
    except subprocess.TimeoutExpired:
        raise PostgresError(f"{_program(argv)} took over {timeout:.0f}s") from None
    if done.returncode != 0:
        program = _program(argv)
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise PostgresError(f"{program} failed ({done.returncode}): {' / '.join(tail)}")
    return done.stdout


def _give(path: Path, user: str | None) -> None:
    """Hand ``path`` to ``user`` and make sure each folder above it can be walked through."""
    if user is None:
        return
    entry = pwd.getpwnam(user)
    os.chown(path, entry.pw_uid, entry.pw_gid)
    for parent in path.resolve().parents:
        mode = parent.stat().st_mode
        if not mode & 0o001:
            raise PostgresError(f"{parent} cannot be walked through by {user}: the cluster's folder must "
                                "be reachable by the user PostgreSQL runs as")


@contextlib.contextmanager
def cluster(folder: Path | None = None, *, database: str = "orewire",
            start_timeout: float = 60) -> Iterator[Postgres]:
    """Initialise, start and yield a cluster in ``folder`` (made afresh; removed at the end), or in
    a new temporary folder when None.

    Raises PostgresError when PostgreSQL is missing or the cluster does not start."""
    bindir = bin_dir()
    user = _run_as()
    scratch = None
    if folder is None:
        scratch = Path(tempfile.mkdtemp(prefix="orewire-pg-"))
        scratch.chmod(0o711)  # walked through by the server's user; listed by nobody else
        folder = scratch / "cluster"
    folder = Path(folder).resolve()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    _give(folder, user)
    data = folder / "data"
    log = folder / "server.log"
    try:
        _run(_as_user(user, [str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
                             "--encoding=UTF8", "--locale=C", "--no-sync"]))
        port = _start(bindir, user, data, log, start_timeout)
        try:
            pg = Postgres(folder=folder, host=HOST, port=port, database=database)
            pg.create_database(database)
            yield pg
        finally:
            _run(_as_user(user, [str(bindir / "pg_ctl"), "stop", "-D", str(data), "-m", "fast", "-w"]))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _start(bindir: Path, user: str | None, data: Path, log: Path, timeout: float) -> int:
    """Start the server on a free loopback port (a port taken meanwhile: another one). Returns it."""
    # fsync off: a throwaway cluster whose machine never crashes under it; much faster commits.
    last: PostgresError | None = None
    for _ in range(5):
        port = free_port()
        options = (f"-c listen_addresses={HOST} -p {port} -c unix_socket_directories='' "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        try:
            _run(_as_user(user, [str(bindir / "pg_ctl"), "start", "-D", str(data), "-l", str(log), "-w",
                                 "-t", str(int(timeout)), "-o", options]), timeout=timeout + 10)
            return port
        except PostgresError as exc:
            last = exc
            text = log.read_text(errors="replace") if log.exists() else ""
            if "could not bind" not in text and "Address already in use" not in text:
                break
            time.sleep(0.2)
    raise PostgresError(f"PostgreSQL did not start: {last}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m orewire.testing.postgres",
                                     description="a throwaway PostgreSQL cluster on loopback")
    parser.add_argument("folder", type=Path, help="folder of the cluster (made afresh, removed at the end)")
    parser.add_argument("--database", default="orewire")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND ...: run it, then stop")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    try:
        with cluster(args.folder, database=args.database) as pg:
            env = pg.environment()
            if command:
                return subprocess.run(command, env={**os.environ, **env}, check=False).returncode
            for key, value in env.items():
                print(f"{key}={value}", flush=True)
            stop = threading.Event()
            for sig in (signal.SIGINT, signal.SIGTERM):
                signal.signal(sig, lambda *_: stop.set())
            stop.wait()
            return 0
    except PostgresError as exc:
        print(f"postgres: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
