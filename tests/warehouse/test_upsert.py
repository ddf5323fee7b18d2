from datetime import UTC, datetime

import pyarrow as pa

from orewire.warehouse import duplicate_keys, reader, replace_children, upsert, writer

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def _articles(titles):
    n = len(titles)
    return pa.table({
        "article_id": [f"trend:{i}" for i in range(n)],
        "source": ["trend"] * n,
        "url": [f"https://en.trend.az/business/{i}.html" for i in range(n)],
        "canonical_url": [f"https://en.trend.az/business/{i}.html" for i in range(n)],
        "title": titles,
        "published_at": [NOW] * n,
        "first_seen": [NOW] * n,
        "last_seen": [NOW] * n,
    })


def _dump(settings, table):
    conn = reader(settings)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
    finally:
        conn.close()


def test_same_batch_twice_leaves_identical_tables(warehouse_env):
    batch = _articles(["a", "b", "c"])
    with writer(warehouse_env) as conn:
        upsert(conn, "articles", batch)
    first = _dump(warehouse_env, "articles")
    with writer(warehouse_env) as conn:
        upsert(conn, "articles", batch)
    assert _dump(warehouse_env, "articles") == first
    assert len(first) == 3


def test_changed_row_updates_in_place(warehouse_env):
    with writer(warehouse_env) as conn:
        upsert(conn, "articles", _articles(["a", "b", "c"]))
        upsert(conn, "articles", _articles(["a", "B changed"]))
        rows = conn.execute("SELECT article_id, title FROM articles ORDER BY 1").fetchall()
        assert duplicate_keys(conn, "articles") == 0
    assert rows == [("trend:0", "a"), ("trend:1", "B changed"), ("trend:2", "c")]


def test_duplicate_keys_within_a_batch_last_wins(warehouse_env):
    batch = pa.table({"run_id": ["r", "r"], "url": ["u", "u"], "fetched_at": [NOW, NOW], "status": [500, 200]})
    with writer(warehouse_env) as conn:
        upsert(conn, "fetches", batch)
        rows = conn.execute("SELECT status FROM fetches").fetchall()
    assert rows == [(200,)]


def test_replace_children_replaces_the_whole_set(warehouse_env):
    def facts(ids, version):
        return pa.table({
            "fact_id": ids, "article_id": ["trend:1"] * len(ids), "type": ["amount"] * len(ids),
            "value": [1.0] * len(ids), "commodities": [["gold"]] * len(ids),
            "extractor_version": [version] * len(ids),
        })

    with writer(warehouse_env) as conn:
        replace_children(conn, "facts", facts(["f1", "f2", "f3"], "v1"), ["trend:1"])
        replace_children(conn, "facts", facts(["g1"], "v2"), ["trend:1"])
        rows = conn.execute("SELECT fact_id, extractor_version, commodities FROM facts").fetchall()
    assert rows == [("g1", "v2", ["gold"])]
