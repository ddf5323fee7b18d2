"""The parallel test run's Prefect server, in a process of its own: ``python -m tests.prefect_session
FILE`` starts a real Prefect server (``orewire.prefect_api.TemporaryServer``: uvicorn on Prefect's
app, on the state folder of the environment it is given), copies its database as it is once
migrated (see ``copy_prefect_database``), writes ``ok URL TEMPLATE`` (or ``error WHY``) to FILE,
and stops the server when its standard input closes, which happens when the test run that started
it ends, however it ends.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from contextlib import closing
from pathlib import Path


def database_path() -> Path:
    """The file of the Prefect database the current settings point at."""
    from prefect.settings import PREFECT_SERVER_DATABASE_CONNECTION_URL

    url = str(PREFECT_SERVER_DATABASE_CONNECTION_URL.value())
    return Path(url.split(":///", 1)[1])


def copy_prefect_database(source: Path, target: Path) -> Path:
    """A consistent copy of a (possibly live) SQLite Prefect database, by SQLite's backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


def _write(path: Path, text: str) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def main(path: Path) -> int:
    server = None
    try:
        from orewire.prefect_api import TemporaryServer

        server = TemporaryServer()
        server.start(timeout=180)
    except Exception as exc:
        _write(path, f"error {type(exc).__name__}: {exc}")
        if server is not None:
            server.stop()
        return 1
    # Migrated, and nothing of any test in it yet: what a machine where Prefect ran once holds.
    template = copy_prefect_database(database_path(), path.with_name("prefect-template.db"))
    _write(path, f"ok {server.api_url} {template}")
    try:
        sys.stdin.read()  # until the test run closes the pipe
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
