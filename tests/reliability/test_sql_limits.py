"""`orewire sql` cannot eat the machine: a statement time limit, DuckDB's memory limit, rows
streamed to the output, one line when a limit stops a query; a read-only PIVOT runs.

Real `orewire sql` processes on a real DuckDB file; peak memory sampled from outside.
"""

from __future__ import annotations

import os
import re

import pytest

from orewire.warehouse import migrate
from orewire.warehouse.query import default_timeout, total_memory
from tests.cli import orewire

from .conftest import mb, record_fault, record_figure, run_orewire


@pytest.fixture
def sql_env(warehouse_env):
    migrate(warehouse_env)
    env = dict(os.environ)
    env.update(OREWIRE_WAREHOUSE=str(warehouse_env.warehouse), OREWIRE_ARCHIVE=str(warehouse_env.archive))
    for name in ("OREWIRE_SQL_TIMEOUT", "OREWIRE_SQL_MEMORY"):
        env.pop(name, None)
    return env


def _stderr_lines(proc) -> list[str]:
    return [ln for ln in proc.stderr.splitlines() if ln.strip()]


def test_endless_query_stops_at_the_time_limit(sql_env):
    proc = run_orewire(["sql", "SELECT count(*) FROM range(1000000000000)", "--timeout", "1"], sql_env, timeout=120)
    assert proc.code == 1, proc.stderr[-2000:]
    assert _stderr_lines(proc) == ["orewire: query stopped: over the time limit of 1 s "
                                   "(--timeout, OREWIRE_SQL_TIMEOUT)"], proc.stderr
    # The setting works as well as the flag (ignored, the 60 s default would show).
    proc = run_orewire(["sql", "SELECT count(*) FROM range(1000000000000)"], {**sql_env, "OREWIRE_SQL_TIMEOUT": "1"},
                       timeout=120)
    assert proc.code == 1 and "over the time limit of 1 s" in proc.stderr, proc.stderr
    record_fault("`orewire sql` SELECT count(*) FROM range(10^12)",
                 "stopped at the time limit: one line, exit 1 (default 60 s, --timeout / OREWIRE_SQL_TIMEOUT)",
                 "nothing")


def test_defaults_are_sixty_seconds_and_a_quarter_of_ram(sql_env):
    os.environ.pop("OREWIRE_SQL_TIMEOUT", None)
    assert default_timeout() == 60
    unset = {"OREWIRE_SQL_TIMEOUT": None, "OREWIRE_SQL_MEMORY": None}
    proc = orewire(["sql", "SELECT current_setting('memory_limit') AS m", "--format", "csv"], unset)
    assert proc.code == 0, proc.stderr
    value = proc.lines[-1]
    number, unit = re.fullmatch(r"([\d.]+) ?(\w+)", value).groups()
    scale = {"KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40}[unit]
    assert abs(float(number) * scale - total_memory() / 4) / (total_memory() / 4) < 0.02, value
    proc = orewire(["sql", "SELECT current_setting('memory_limit')", "--format", "csv", "--memory-limit", "300MB"],
                   unset)
    assert proc.lines[-1] in ("286.1 MiB", "286.0 MiB"), proc.lines


def test_big_result_is_streamed_not_fetched(sql_env):
    proc = run_orewire(["sql", "SELECT * FROM range(100000000)", "--format", "csv", "--timeout", "2"], sql_env,
                       timeout=180)
    rows = len(proc.lines) - 1
    assert proc.code == 1 and "over the time limit of 2 s" in proc.stderr, proc.stderr[-2000:]
    # Rows reached the output while the query ran: they were streamed, not fetched whole first.
    assert rows > 10_000 and proc.lines[1:4] == ["0", "1", "2"], proc.lines[:5]
    peak = proc.peak_rss.get("orewire", 0)
    assert peak < 600 * 2**20, mb(peak)
    record_fault("`orewire sql` SELECT * FROM range(10^8), csv",
                 f"rows streamed ({rows:,} printed before the 2 s limit), peak {mb(peak)}; one line, exit 1",
                 "nothing")
    record_figure(f"orewire sql range(10^8) --format csv --timeout 2: {rows:,} rows out, peak RSS {mb(peak)}")


def test_memory_hungry_query_stops_at_the_memory_limit(sql_env):
    proc = run_orewire(["sql", "SELECT list(range) FROM range(100000000)", "--memory-limit", "200MB"], sql_env,
                       timeout=180)
    assert proc.code == 1, proc.stderr[-2000:]
    assert _stderr_lines(proc) == ["orewire: query stopped: over the memory limit of 200.0 MB "
                                   "(--memory-limit, OREWIRE_SQL_MEMORY)"], proc.stderr
    peak = proc.peak_rss.get("orewire", 0)
    record_fault("`orewire sql` list() of 10^8 values, --memory-limit 200MB",
                 f"stopped at the memory limit: one line, exit 1 (peak {mb(peak)}; default 25% of RAM)", "nothing")


def test_read_only_pivot_runs_and_writes_stay_refused(sql_env):
    pivot = "PIVOT (SELECT * FROM (VALUES (1, 'a', 2), (1, 'b', 3), (2, 'a', 5)) v(k, c, x)) ON c USING sum(x)"
    proc = orewire(["sql", pivot + " ORDER BY k", "--format", "csv"])
    assert proc.code == 0, proc.stderr
    assert proc.lines == ["k,a,b", "1,2,3", "2,5,"], proc.lines
    for statement in ("CREATE TABLE t AS SELECT 1; " + pivot, pivot + "; DROP TABLE runs",
                      "CREATE TYPE mood AS ENUM ('PIVOT')"):
        proc = orewire(["sql", statement])
        assert proc.code == 2 and "refused" in proc.stderr, (statement, proc.stderr)
    record_fault("`orewire sql` PIVOT without IN (DuckDB adds a CREATE TYPE)",
                 "runs; any other CREATE or write is still refused (exit 2)", "nothing")
