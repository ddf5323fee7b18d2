"""The throwaway PostgreSQL launcher: a cluster on loopback that answers, then is gone."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from orewire.testing import postgres
from tests.lake.conftest import need_postgres

pytestmark = pytest.mark.slow


def psql(pg: postgres.Postgres, sql: str, database: str | None = None) -> str:
    out = subprocess.run([str(postgres.bin_dir() / "psql"), "-XAtq", pg.dsn(database), "-c", sql],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_cluster_answers_on_loopback_then_is_removed():
    need_postgres()
    with postgres.cluster(database="lake") as pg:
        folder = pg.folder
        assert pg.host == "127.0.0.1" and pg.database == "lake"
        assert psql(pg, "SELECT current_database()") == "lake"
        assert psql(pg, "SHOW listen_addresses") == "127.0.0.1"
        assert pg.create_database("other") == "other"
        assert psql(pg, "SELECT 1 + 1", "other") == "2"
        assert pg.ducklake() == f"ducklake:postgres:dbname=lake host=127.0.0.1 port={pg.port} user=orewire"
        assert (folder / "data" / "PG_VERSION").exists()
    assert not folder.exists()
    with socket.socket() as sock:  # the server is gone: nothing listens on its port
        assert sock.connect_ex(("127.0.0.1", pg.port)) != 0


def test_command_line_runs_a_command_beside_a_cluster():
    need_postgres()
    scratch = Path(tempfile.mkdtemp(prefix="orewire-pg-test-"))
    scratch.chmod(0o711)  # the server's user walks through it when the tests run as root
    folder = scratch / "pg"
    probe = ("import os, subprocess, sys; print(subprocess.run([sys.argv[1], '-XAtq', os.environ['OREWIRE_PG_DSN'],"
             " '-c', 'SELECT 40 + 2'], capture_output=True, text=True).stdout.strip()); sys.exit(3)")
    done = subprocess.run(
        [sys.executable, "-m", "orewire.testing.postgres", str(folder), "--", sys.executable, "-c", probe,
         str(postgres.bin_dir() / "psql")], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "42"
    assert done.returncode == 3  # the command's own status
    assert not folder.exists()
    scratch.rmdir()
