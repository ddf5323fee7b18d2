"""The events' subject and party indexes (migration 008): present in a migrated warehouse, kept
right by the writer's replace-per-article loads (delete, then insert, in one transaction), and
used by the web view's lookup of an entity's events."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import duckdb

from orewire.archive.warc import ArchivedResponse
from orewire.warehouse.db import migrate
from orewire.web import store
from tests import loading

FIRST = ["Kazatomprom produced 21,000 tonnes of uranium in 2023, the company said on Wednesday.",
         "Kazakhmys acquired a 51% stake in Copper LLP for $120 million."]
LATER = ["Kazatomprom produced 22,500 tonnes of uranium in 2024, the company said on Wednesday.",
         "The Aktogay deposit holds reserves of 1.2 million tonnes of copper."]


def _page(number: int, paragraphs: list[str], fetched: datetime, offset: int) -> ArchivedResponse:
    return loading.page(number, f"Report {number}", paragraphs, published=datetime(2024, 5, 1, 9, tzinfo=UTC),
                        fetched=fetched, offset=offset, warc="indexes.warc.gz")


_load = loading.load


def _scan_types(conn: duckdb.DuckDBPyConnection, sql: str, params: Any) -> list[str]:
    plan = conn.execute("EXPLAIN ANALYZE " + sql, params).fetchall()[0][1]
    return re.findall(r"Type: ((?:Index|Sequential) Scan)", plan)


def test_a_migrated_warehouse_indexes_events_by_subject_and_party(warehouse_env) -> None:
    migrate(warehouse_env)
    conn = duckdb.connect(str(warehouse_env.warehouse), read_only=True)
    try:
        indexes = conn.execute("SELECT index_name, table_name, expressions, is_unique FROM duckdb_indexes() "
                               "ORDER BY index_name").fetchall()
    finally:
        conn.close()
    assert [(n, t, e, u) for n, t, e, u in indexes if t == "events"] == [
        ("events_party_id", "events", "[party_id]", False), ("events_subject_id", "events", "[subject_id]", False)]


def _check_lookups(settings: Any) -> dict[str, list[tuple]]:
    """Every entity's events by the web view's lookup: read from the indexes, and what a scan of
    the table finds (a filter on an expression cannot use them)."""
    lookup = f"WITH {store._entity_event_rows('event_id, kind, period')} SELECT event_id, kind, period FROM e"
    conn = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        named = [r[0] for r in conn.execute(
            "SELECT DISTINCT id FROM (SELECT subject_id AS id FROM events UNION ALL SELECT party_id FROM events) "
            "WHERE id IS NOT NULL ORDER BY 1").fetchall()]
        found = {}
        for entity_id in [*named, "company:kazakhmys"]:
            # The events table is read through its indexes, never scanned (a lookup whose value lies
            # outside its column's range is answered from the column's statistics, without a scan).
            scans = _scan_types(conn, lookup, {"entity": entity_id})
            assert "Index Scan" in scans and "Sequential Scan" not in scans, (entity_id, scans)
            found[entity_id] = sorted(conn.execute(lookup, {"entity": entity_id}).fetchall(), key=lambda r: r[2])
            scanned = conn.execute(
                "SELECT event_id, kind, period FROM events WHERE coalesce(subject_id, '') || '' = ? "
                "OR coalesce(party_id, '') || '' = ? ORDER BY period", [entity_id, entity_id]).fetchall()
            assert found[entity_id] == scanned, entity_id
        return found
    finally:
        conn.close()


def test_replaced_events_are_found_through_the_indexes_as_a_scan_finds_them(warehouse_env) -> None:
    fetched = datetime(2024, 5, 1, 10, tzinfo=UTC)
    _load(warehouse_env, _page(4400001, FIRST, fetched, 0), _page(4400002, FIRST[:1], fetched, 1))
    before = _check_lookups(warehouse_env)
    assert [(k, p) for _, k, p in before["company:kazatomprom"]] == [("production", 2023), ("production", 2023)]
    assert before["company:kazakhmys"] and {k for _, k, _ in before["company:kazakhmys"]} == {"deal"}
    # A new text of one article replaces its events (deleted and inserted again in one transaction).
    _load(warehouse_env, _page(4400001, LATER, datetime(2024, 5, 2, tzinfo=UTC), 2))
    after = _check_lookups(warehouse_env)
    assert [(k, p) for _, k, p in after["company:kazatomprom"]] == [("production", 2023), ("production", 2024)]
    assert after["company:kazakhmys"] == []  # its deal went with the earlier text
    assert [k for _, k, _ in after["deposit:aktogay"]] == ["reserves"]


def test_an_entity_page_reads_the_same_events_through_the_indexes_as_by_a_scan(warehouse_env) -> None:
    fetched = datetime(2024, 5, 1, 10, tzinfo=UTC)
    _load(warehouse_env, _page(4400001, FIRST, fetched, 0), _page(4400002, FIRST[:1], fetched, 1),
          _page(4400003, LATER, fetched, 2))
    conn = duckdb.connect(str(warehouse_env.warehouse), read_only=True)
    try:
        named = [r[0] for r in conn.execute(
            "SELECT DISTINCT id FROM (SELECT subject_id AS id FROM events UNION ALL SELECT party_id FROM events) "
            "WHERE id IS NOT NULL ORDER BY 1").fetchall()]
        assert len(named) >= 3
        for entity_id in named:
            # In few articles: found through the indexes; in many: in one scan of the table.
            few = {"entity_id": entity_id, "articles_total": 1}
            many = {"entity_id": entity_id, "articles_total": store.FEW_ARTICLES + 1}
            store._entity_events(conn, few)
            store._entity_events(conn, many)
            assert few == {**many, "articles_total": 1} and few["events"], entity_id
        production = {"entity_id": "company:kazatomprom", "articles_total": 1}
        store._entity_events(conn, production)
    finally:
        conn.close()
    assert [(r["period"], r["quantity"]) for r in production["production"]] == [(2023, 21000.0), (2024, 22500.0)]
