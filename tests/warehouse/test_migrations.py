import duckdb

from orewire.warehouse import db
from orewire.warehouse.db import apply_migrations, migrate, migrations

EVENT_VIEWS = {"reserves": "reserves", "production": "production", "trade": "trade", "investment": "investments",
               "deal": "deals", "licence": "licences", "financial": "financials"}


def _tables(path):
    conn = duckdb.connect(str(path))
    try:
        return {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    finally:
        conn.close()


def test_migrations_apply_on_empty_file_and_reapply_is_noop(warehouse_env):
    applied = migrate(warehouse_env)
    assert applied == [n for n, _, _ in migrations()]
    tables = _tables(warehouse_env.warehouse)
    for name in ("articles", "fetches", "entities", "mentions", "facts", "events", "runs", "article_versions",
                 "not_articles", "schema_migrations", "deposits", "amounts_usd", "article_facts", *EVENT_VIEWS.values()):
        assert name in tables
    assert migrate(warehouse_env) == []


def test_contract_column_types(warehouse_env):
    migrate(warehouse_env)
    conn = duckdb.connect(str(warehouse_env.warehouse))
    types = dict(conn.execute(
        "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns"
    ).fetchall())
    conn.close()
    assert types["articles.published_at"] == "TIMESTAMP WITH TIME ZONE"
    assert types["facts.value_usd"] == "DOUBLE"
    assert types["facts.commodities"] == "VARCHAR[]"
    assert types["mentions.end"] == "INTEGER"
    for col in ("article_id", "source", "url", "canonical_url", "title", "author", "section", "published_at",
                "language", "text", "word_count", "content_sha256", "first_seen", "last_seen"):
        assert f"articles.{col}" in types
    for col in ("url", "status", "fetched_at", "run_id", "warc_file", "warc_offset", "error"):
        assert f"fetches.{col}" in types
    assert {c: types[f"events.{c}"] for c in ("quantity", "amount", "value_usd", "share", "period", "start", "end",
                                              "sentence_start", "sentence_end", "kind", "subject_id")} == {
        "quantity": "DOUBLE", "amount": "DOUBLE", "value_usd": "DOUBLE", "share": "DOUBLE", "period": "INTEGER",
        "start": "INTEGER", "end": "INTEGER", "sentence_start": "INTEGER", "sentence_end": "INTEGER",
        "kind": "VARCHAR", "subject_id": "VARCHAR"}
    assert types["deposits.reserves"] == ("STRUCT(commodity VARCHAR, quantity DOUBLE, unit VARCHAR, period INTEGER, "
                                          "reported TIMESTAMP WITH TIME ZONE)[]")
    assert types["deposits.production"] == "STRUCT(commodity VARCHAR, quantity DOUBLE, unit VARCHAR, period INTEGER)"


def test_event_views_carry_every_event_column_and_the_article(warehouse_env):
    migrate(warehouse_env)
    conn = duckdb.connect(str(warehouse_env.warehouse))
    try:
        events = [r[0] for r in conn.execute("DESCRIBE events").fetchall()]
        for kind, view in EVENT_VIEWS.items():
            described = [r[0] for r in conn.execute(f"DESCRIBE {view}").fetchall()]
            assert described == [c for c in events if c != "article_id"] + [
                "source", "published_at", "title", "canonical_url", "article_id"], view
            sql = conn.execute("SELECT sql FROM duckdb_views() WHERE view_name = ?", [view]).fetchone()
            assert sql and f"e.kind = '{kind}'" in sql[0], view
    finally:
        conn.close()


def test_old_database_upgrades(warehouse_env, monkeypatch):
    # A database made when only the first migration existed.
    first = migrations()[:1]
    monkeypatch.setattr(db, "migrations", lambda: first)
    assert migrate(warehouse_env) == [1]
    assert "deposits" not in _tables(warehouse_env.warehouse)
    monkeypatch.undo()
    conn = duckdb.connect(str(warehouse_env.warehouse))
    try:
        assert apply_migrations(conn) == [n for n, _, _ in migrations()][1:]
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
    finally:
        conn.close()
    assert versions == [n for n, _, _ in migrations()]
    assert "deposits" in _tables(warehouse_env.warehouse)


def test_failed_migration_rolls_back(warehouse_env, monkeypatch):
    broken = [*migrations(), (999, "broken", "CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;")]
    monkeypatch.setattr(db, "migrations", lambda: broken)
    conn = duckdb.connect(str(warehouse_env.warehouse))
    try:
        try:
            apply_migrations(conn)
        except duckdb.Error:
            pass
        else:
            raise AssertionError("a broken migration must raise")
        tables = {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        recorded = {r[0] for r in conn.execute("SELECT version FROM schema_migrations").fetchall()}
    finally:
        conn.close()
    assert "half_done" not in tables
    assert 999 not in recorded


def test_country_ids_become_codes_in_entities_and_mentions(warehouse_env, monkeypatch):
    """Loads made before migration 3 wrote "country:kazakhstan"; afterwards one id, "country:KZ"."""
    before = [m for m in migrations() if m[0] < 3]
    monkeypatch.setattr(db, "migrations", lambda: before)
    migrate(warehouse_env)
    monkeypatch.undo()
    conn = duckdb.connect(str(warehouse_env.warehouse))
    try:
        conn.execute("INSERT INTO entities VALUES ('country:kazakhstan', 'country', 'Kazakhstan', 'KZ', ['Kazakh']),"
                     " ('country:russia', 'country', 'Russia', 'RU', []), ('country:RU', 'country', 'Russia', 'RU', []),"
                     " ('deposit:aktogay', 'deposit', 'Aktogay', NULL, [])")
        conn.execute("INSERT INTO mentions VALUES ('a1', 'country:kazakhstan', 0, 10, 'v'),"
                     " ('a1', 'country:russia', 20, 26, 'v'), ('a2', 'country:RU', 0, 6, 'v'),"
                     " ('a1', 'deposit:aktogay', 30, 37, 'v')")
        assert 3 in apply_migrations(conn)
        ents = dict(conn.execute("SELECT entity_id, name FROM entities ORDER BY 1").fetchall())
        ments = sorted(conn.execute("SELECT article_id, entity_id FROM mentions").fetchall())
    finally:
        conn.close()
    assert ents == {"country:KZ": "Kazakhstan", "country:RU": "Russia", "deposit:aktogay": "Aktogay"}
    assert ments == [("a1", "country:KZ"), ("a1", "country:RU"), ("a1", "deposit:aktogay"), ("a2", "country:RU")]
