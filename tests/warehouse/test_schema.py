"""One schema: the writer's Arrow schemas and the rows the code builds match a migrated warehouse,
column by column and type by type (the columns are written once, in the migrations)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pyarrow as pa

from orewire.archive.warc import ArchivedResponse
from orewire.records import Processed, ProcessOptions, facts_rows, process_response
from orewire.warehouse import batch as load
from orewire.warehouse.db import migrate

REPO = Path(__file__).resolve().parents[2]
WRITTEN = {"articles": load.ARTICLE_SCHEMA, "article_versions": load.VERSION_SCHEMA, "facts": load.FACT_SCHEMA,
           "events": load.EVENT_SCHEMA, "mentions": load.MENTION_SCHEMA, "entities": load.ENTITY_SCHEMA,
           "not_articles": load.NOT_ARTICLE_SCHEMA, "fetches": load.FETCH_SCHEMA}
# columns the writer itself sets when it merges versions, not the workers
WRITER_SET = {"version", "first_seen", "last_seen", "duplicate_of"}


def _describe(conn: duckdb.DuckDBPyConnection, relation: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in conn.execute(f"DESCRIBE {relation}").fetchall()]


def test_writer_schemas_match_describe_of_a_migrated_warehouse(warehouse_env) -> None:
    migrate(warehouse_env)
    conn = duckdb.connect(str(warehouse_env.warehouse))
    try:
        for table, schema in WRITTEN.items():
            conn.register("_empty", schema.empty_table())
            try:
                assert _describe(conn, "_empty") == _describe(conn, table), table
            finally:
                conn.unregister("_empty")
    finally:
        conn.close()


def process_text(text: str) -> list[dict]:
    """The event rows the writer's rows carry for an article of ``text``."""
    return facts_rows(SimpleNamespace(article_id="trend:1", text=text, published_at=datetime(2024, 5, 1, tzinfo=UTC),
                                      title=None, author=None, language="en")).events


def _trend_article() -> ArchivedResponse:
    page = REPO / "tests" / "fixtures" / "sites" / "trend" / "business" / "green-economy" / "4205650.html"
    return ArchivedResponse(url="https://en.trend.az/business/green-economy/4205650.html", status=200,
                            headers=[("Content-Type", "text/html; charset=utf-8")], body=page.read_bytes(),
                            fetched_at=datetime(2026, 11, 20, tzinfo=UTC), warc_file="x.warc.gz", offset=0,
                            record_id="<urn:uuid:1>")


def test_rows_the_code_builds_have_the_tables_columns(warehouse_env) -> None:
    opts = ProcessOptions(archive_root=str(warehouse_env.archive), registry_path=str(REPO / "sources.toml"))
    out = Processed()
    process_response(_trend_article(), opts, out)
    assert len(out.articles) == 1, (out.not_articles, out.errors)
    row = out.articles[0]
    article_keys = {k for k in row if not k.startswith("_")}
    assert article_keys <= set(load.ARTICLE_SCHEMA.names)
    assert set(load.ARTICLE_SCHEMA.names) - article_keys == WRITER_SET
    assert row["_facts"] and row["_mentions"] and row["_entities"], "a mining article with facts is needed"
    # that page states no event: the rows of one that does stand beside it
    events = process_text("Kazatomprom produced 21,000 tonnes of uranium in 2023, the company said.")
    assert events, "an article with events is needed"
    assert set(load.NESTED) == {k for k in row if k.startswith("_")}
    for key, table, children in (("_facts", "facts", row["_facts"]), ("_mentions", "mentions", row["_mentions"]),
                                 ("_entities", "entities", row["_entities"]), ("_events", "events", events)):
        assert load.NESTED[key] == WRITTEN[table]
        for child in children:
            assert set(child) == set(WRITTEN[table].names), table
    # ... and every value converts to its column's type (a mistyped value fails here, not in a load)
    table = load.processed_table([*out.articles, {**row, "article_id": "trend:1", "_events": events}])
    assert table.schema == load.PROCESSED_SCHEMA
    assert table.column("_events").to_pylist()[1] == [{k: e[k] for k in WRITTEN["events"].names} for e in events]
    bad = ArchivedResponse(url="https://en.trend.az/business/green-economy/4205651.html", status=404,
                           headers=[("Content-Type", "text/html")], body=b"<html><body>gone</body></html>",
                           fetched_at=datetime(2026, 11, 20, tzinfo=UTC), warc_file="x.warc.gz", offset=10,
                           record_id="<urn:uuid:2>")
    process_response(bad, opts, out)
    assert out.not_articles and set(out.not_articles[0]) <= set(WRITTEN["not_articles"].names)
    pa.Table.from_pylist(out.not_articles, schema=load.NOT_ARTICLE_SCHEMA)


def test_articles_record_the_charset_and_why(warehouse_env) -> None:
    migrate(warehouse_env)
    conn = duckdb.connect(str(warehouse_env.warehouse))
    try:
        described = dict(_describe(conn, "articles"))
    finally:
        conn.close()
    assert (described["charset"], described["charset_reason"]) == ("VARCHAR", "VARCHAR")
    assert {"charset", "charset_reason"} <= set(load.ARTICLE_SCHEMA.names)
    opts = ProcessOptions(archive_root=str(warehouse_env.archive), registry_path=str(REPO / "sources.toml"))
    out = Processed()
    process_response(_trend_article(), opts, out)
    assert (out.articles[0]["charset"], out.articles[0]["charset_reason"]) == ("utf-8", "Content-Type")
