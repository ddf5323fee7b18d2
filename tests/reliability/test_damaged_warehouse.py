"""A damaged warehouse file: every reading command says in one line that it is damaged and that
`orewire rebuild` recreates it, and exits non-zero (never a traceback, never a table of zeros).

Real DuckDB files written by the warehouse writer, then overwritten in the middle or cut short;
the commands run in this process through the command line's own entry point.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pyarrow as pa
import pytest

from orewire.warehouse import upsert, writer
from tests.cli import orewire

from .conftest import record_fault

NOW = datetime(2026, 11, 1, tzinfo=UTC)
COMMANDS = (["status"], ["status", "--json"], ["search", "copper deposit"],
            ["sql", "SELECT count(*), sum(length(text)) FROM articles"])


def _fill(settings, n: int = 3000) -> None:
    with writer(settings) as conn:
        upsert(conn, "articles", pa.table({
            "article_id": [f"trend:{i}" for i in range(n)], "source": ["trend"] * n,
            "url": [f"https://en.trend.az/a/{i}.html" for i in range(n)],
            "canonical_url": [f"https://en.trend.az/a/{i}.html" for i in range(n)],
            "title": [f"Copper deposit number {i}" for i in range(n)],
            "text": [f"A copper deposit in Kazakhstan, report {i}. " * 40 for i in range(n)],
            "first_seen": [NOW] * n, "last_seen": [NOW] * n}))


def _garbage_in_the_middle(path) -> str:
    size = path.stat().st_size
    rng = random.Random(14)
    with open(path, "r+b") as fh:
        fh.seek(size // 3)
        fh.write(rng.randbytes(size // 3))
    return "garbage over the middle third"


def _garbage_after_the_headers(path) -> str:
    size = path.stat().st_size
    rng = random.Random(7)
    with open(path, "r+b") as fh:
        fh.seek(3 * 4096)  # the file header and the two database headers stay whole
        fh.write(rng.randbytes(size - 3 * 4096))
    return "garbage over everything after the headers"


def _truncated(path) -> str:
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 2)
    return "cut to half its size"


# Per harm: the commands that must say "damaged"; the others may answer from the blocks they read
# (which hold only whole, checksummed data), but never with a traceback.
CASES = [
    (_garbage_in_the_middle, {"search copper deposit", "sql"}),
    (_garbage_after_the_headers, {"status", "status --json", "search copper deposit", "sql"}),
    (_truncated, {"status", "status --json", "search copper deposit", "sql"}),
]


@pytest.mark.parametrize(("harm", "must_fail"), CASES, ids=["middle", "all-but-headers", "truncated"])
def test_every_command_says_damaged_and_names_rebuild(warehouse_env, harm, must_fail):
    _fill(warehouse_env)
    path = warehouse_env.warehouse
    for leftover in (path.with_name(path.name + ".snapshot"), path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    how = harm(path)
    said, answered = [], []
    for args in COMMANDS:
        name = " ".join(args[:2]) if args[0] != "sql" else "sql"
        proc = orewire(args)
        assert "Traceback" not in proc.stderr, (args, proc.stderr[-2000:])
        if proc.code == 0 and name not in must_fail:
            answered.append(name)
            continue
        lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
        assert proc.code == 1, (args, proc.code, proc.stdout[-500:], proc.stderr[-2000:])
        assert len(lines) == 1, (args, proc.stderr[-2000:])
        assert f"warehouse {path} is damaged" in lines[0] and "`orewire rebuild` recreates it" in lines[0], lines
        assert proc.stdout == "", (args, proc.stdout[:500])
        said.append(name)
    assert must_fail <= set(said)
    record_fault(f"warehouse file damaged ({how})",
                 f"{', '.join(said)}: one line 'is damaged; `orewire rebuild` recreates it', exit 1"
                 + (f"; {', '.join(answered)} answered from intact blocks" if answered else ""),
                 "nothing (rebuild restores it from the archive)")
