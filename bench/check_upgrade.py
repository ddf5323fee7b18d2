"""Does a warehouse made by an older version upgrade and reprocess to the rows this version makes?

The older commit (a git worktree in a temporary folder, run with this checkout's environment)
crawls two loopback fixture sites (Trend and The Astana Times) with ``orewire run``, archiving
and loading as it did then. This checkout then runs ``orewire reprocess`` on a copy of that
warehouse (the migrations bring it up to date first) and ``orewire rebuild`` into a new file from
the same archive. Every table is compared row by row (load times aside). Exit status 1 when a
table differs.

Usage: ``python bench/check_upgrade.py COMMIT`` (one Prefect server for all three commands is
started here; nothing reaches the internet).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("articles", "article_versions", "entities", "mentions", "facts", "events", "not_articles", "fetches",
          "deposits", "article_facts", "reserves", "production", "trade", "investments", "deals", "licences",
          "financials", "schema_migrations")
LOAD_TIMES = {"first_seen", "last_seen", "applied_at"}


def orewire(code: Path, args: list[str], env: dict[str, str], warehouse: Path, older: bool) -> None:
    env = dict(env, OREWIRE_WAREHOUSE=str(warehouse), OREWIRE_SOURCES=str(code / "sources.toml"))
    if older:  # the older code first on the path, ahead of this checkout's installed package
        env["PYTHONPATH"] = os.pathsep.join([str(code / "src"), str(code)])
    done = subprocess.run([sys.executable, "-m", "orewire", *args], cwd=code, env=env, capture_output=True, text=True)
    last = (done.stdout.strip().splitlines() or [""])[-1]
    print(f"{'older' if older else 'this'}: orewire {args[0]} -> exit {done.returncode}: {last}")
    if done.returncode != 0:
        sys.exit(done.stderr[-2000:])


def rows(path: Path, table: str) -> list[tuple] | None:
    """The rows of ``table`` (a table or a view), ordered; None when the file has no such relation
    (the older version's file may predate it)."""
    conn = duckdb.connect(str(path), read_only=True)
    try:
        known = conn.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? "
                             "UNION ALL SELECT count(*) FROM duckdb_views() WHERE view_name = ?", [table, table]).fetchall()
        if not any(n for (n,) in known):
            return None
        cols = [r[0] for r in conn.execute(f"DESCRIBE {table}").fetchall() if r[0] not in LOAD_TIMES]
        return conn.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {table} ORDER BY ALL").fetchall()
    finally:
        conn.close()


def main(commit: str) -> int:
    work = Path(tempfile.mkdtemp(prefix="orewire-upgrade-"))
    older = work / "older"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(older), commit], check=True)
    # Prefect's state for the server started here and for the commands, in the temporary folder.
    os.environ.update(PREFECT_HOME=str(work / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
                      PREFECT_API_DATABASE_CONNECTION_URL=f"sqlite+aiosqlite:///{work}/prefect/prefect.db")
    env = dict(os.environ, OREWIRE_ARCHIVE=str(work / "raw"), OREWIRE_STATE=str(work / "state"))
    from prefect.server.api.server import SubprocessASGIServer

    from orewire.testing.site_server import SiteServer

    server = SubprocessASGIServer()
    server.start(timeout=180)
    env["PREFECT_API_URL"] = str(server.api_url)
    try:
        sites = ROOT / "tests" / "fixtures" / "sites"
        with SiteServer(sites / "trend") as trend, SiteServer(sites / "astanatimes") as astana:
            orewire(older, ["run", "--source", "trend", "--source", "astanatimes", "--base-url", f"trend={trend.url}",
                            "--base-url", f"astanatimes={astana.url}", "--workers", "1"], env, work / "older.duckdb", True)
        shutil.copy(work / "older.duckdb", work / "upgraded.duckdb")
        orewire(ROOT, ["reprocess"], env, work / "upgraded.duckdb", False)
        orewire(ROOT, ["rebuild", "--workers", "1"], env, work / "rebuilt.duckdb", False)
    finally:
        server.stop()
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(older)], check=False)
    differ = 0
    print(f"{'table':18} {'older':>6} {'upgraded':>9} {'rebuilt':>8}  upgraded = rebuilt")
    for table in TABLES:
        made, upgraded, rebuilt = (rows(work / f"{n}.duckdb", table) for n in ("older", "upgraded", "rebuilt"))
        same = upgraded is not None and upgraded == rebuilt
        differ += not same
        made_n, upgraded_n, rebuilt_n = ("-" if r is None else str(len(r)) for r in (made, upgraded, rebuilt))
        print(f"{table:18} {made_n:>6} {upgraded_n:>9} {rebuilt_n:>8}  {'yes' if same else 'NO'}")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
