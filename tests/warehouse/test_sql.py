from datetime import UTC, datetime

import pyarrow as pa
import pytest

from orewire.warehouse import SqlFailed, SqlRefused, run_query, upsert, writer
from tests.cli import orewire

NOW = datetime(2026, 11, 1, tzinfo=UTC)


@pytest.fixture
def filled(warehouse_env):
    with writer(warehouse_env) as conn:
        upsert(conn, "articles", pa.table({
            "article_id": ["trend:1", "trend:2"], "source": ["trend"] * 2, "url": ["u1", "u2"],
            "canonical_url": ["u1", "u2"], "title": ["Copper deposit found", "Weather"],
            "text": ["A copper deposit in Kazakhstan.", "Rain in Baku."],
            "first_seen": [NOW] * 2, "last_seen": [NOW] * 2,
        }))
    return warehouse_env


def _snapshot(settings):
    return run_query("SELECT * FROM articles ORDER BY article_id", settings).rows


@pytest.mark.parametrize("statement", [
    "DROP TABLE articles",
    "DELETE FROM articles",
    "INSERT INTO articles (article_id) VALUES ('x')",
    "UPDATE articles SET title = 'x'",
    "SELECT 1; DELETE FROM articles",
    "ATTACH ':memory:' AS other",
    "INSTALL httpfs",
    "LOAD fts",
    "COPY articles TO 'out.csv'",
    "CREATE TABLE t AS SELECT 1",
    "SET threads = 1",
])
def test_writes_and_escapes_are_refused(filled, statement):
    before = _snapshot(filled)
    with pytest.raises(SqlRefused):
        run_query(statement, filled)
    assert _snapshot(filled) == before


@pytest.mark.parametrize("statement", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM glob('/etc/*')",
])
def test_machine_files_are_out_of_reach(filled, statement):
    with pytest.raises((SqlRefused, SqlFailed)) as info:
        run_query(statement, filled)
    assert "passwd" not in str(info.value) or "disabled" in str(info.value)


def test_queries_answer(filled):
    result = run_query("SELECT article_id FROM articles WHERE title ILIKE '%copper%'", filled)
    assert result.columns == ["article_id"]
    assert result.rows == [("trend:1",)]


def test_cli_refuses_drop_with_exit_2_and_one_line(filled):
    env = {"OREWIRE_WAREHOUSE": str(filled.warehouse), "OREWIRE_STATE": str(filled.state_dir)}
    proc = orewire(["sql", "DROP TABLE articles"], env)
    assert proc.code == 2
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "read-only" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = orewire(["sql", "SELEC 1"], env)
    assert proc.code == 1
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    proc = orewire(["sql", "--format", "csv"], env, input="SELECT count(*) AS n FROM articles;")
    assert proc.code == 0
    assert proc.stdout == "n\n2\n"  # lines end with \n, as the DuckDB CLI writes CSV


def test_full_text_search_finds_articles(filled):
    from orewire.warehouse import reader, rebuild_index, search

    with writer(filled) as conn:
        rebuild_index(conn)
    conn = reader(filled)
    try:
        hits = search(conn, "copper Kazakhstan")
    finally:
        conn.close()
    assert [h[0] for h in hits] == ["trend:1"]


def test_search_fallback_without_fts(filled, monkeypatch):
    from orewire.warehouse import fulltext, reader

    monkeypatch.setattr(fulltext, "fts_available", lambda conn: False)
    conn = reader(filled)
    try:
        assert [h[0] for h in fulltext.search(conn, "copper")] == ["trend:1"]
        assert fulltext.search(conn, "nothing-like-this") == []
    finally:
        conn.close()
