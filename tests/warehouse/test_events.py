"""Mining events in the warehouse: article pages cleaned and extracted by the real code, loaded by
the one writer into a real DuckDB file, read back from ``events``, the per-kind views and the
deposits view; and an upgraded warehouse's articles getting their events from ``reprocess --stale``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from orewire.archive.warc import ArchivedResponse
from orewire.cli import app
from orewire.facts import EXTRACTOR_VERSION
from orewire.warehouse import db, duplicate_keys
from orewire.warehouse.db import migrate, migrations
from orewire.warehouse.schema import columns
from tests import loading
from tests.loading import FILLER

VIEWS = {"reserves": "reserves", "production": "production", "trade": "trade", "investment": "investments",
         "deal": "deals", "licence": "licences", "financial": "financials"}
ARTICLE_COLUMNS = ("source", "published_at", "title", "canonical_url", "article_id")

ROUNDUP = ["Kazatomprom produced 21,000 tonnes of uranium in 2023, the company said on Wednesday.",
           "Kazakhmys acquired a 51% stake in Copper LLP for $120 million.",
           "The Aktogay deposit holds reserves of 1.2 million tonnes of copper."]


def _page(number: int, published: datetime, title: str, paragraphs: list[str],
          fetched: datetime | None = None, offset: int = 0) -> ArchivedResponse:
    return loading.page(number, title, paragraphs, published=published, fetched=fetched, offset=offset,
                        warc="events.warc.gz")


_processed = loading.processed
_load = loading.load


def _rows(conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def test_events_are_loaded_with_their_article_and_appear_in_their_kind_view(warehouse_env) -> None:
    published = datetime(2024, 5, 1, 9, tzinfo=UTC)
    _load(warehouse_env, _page(4300001, published, "Kazakhstan mining roundup", ROUNDUP))

    conn = duckdb.connect(str(warehouse_env.warehouse), read_only=True)
    try:
        article = _rows(conn, "SELECT * FROM articles")[0]
        events = _rows(conn, "SELECT * FROM events ORDER BY start")
        views = {kind: _rows(conn, f"SELECT * FROM {view} ORDER BY start") for kind, view in VIEWS.items()}
        assert duplicate_keys(conn, "events") == 0
    finally:
        conn.close()

    assert article["extractor_version"] == EXTRACTOR_VERSION
    text = article["text"]
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for ev in events:
        by_kind.setdefault(ev["kind"], []).append(ev)
        assert ev["article_id"] == article["article_id"] and ev["extractor_version"] == EXTRACTOR_VERSION
        # offsets index the stored text: the sentence is where it says, the evidence inside it
        assert text[ev["sentence_start"]:ev["sentence_end"]] == ev["sentence"]
        assert ev["sentence_start"] <= ev["start"] < ev["end"] <= ev["sentence_end"]

    production = by_kind["production"]
    assert [(e["subject_id"], e["commodity"], e["quantity"], e["unit"], e["period"], e["basis"])
            for e in production] == [("company:kazatomprom", "uranium", 21000.0, "t", 2023, "actual")]
    assert text[production[0]["start"]:production[0]["end"]].startswith("21,000")
    reserves = by_kind["reserves"]
    assert [(e["subject_id"], e["commodity"], e["quantity"], e["unit"]) for e in reserves] \
        == [("deposit:aktogay", "copper", 1.2e6, "t")]
    deals = by_kind["deal"]
    assert all("company:kazakhmys" in (e["subject_id"], e["party_id"]) for e in deals)
    assert (120e6, "USD", 120e6) in [(e["amount"], e["currency"], e["value_usd"]) for e in deals]
    assert 51.0 in [e["share"] for e in deals]

    # each kind's view holds exactly that kind's events, with the article's title, source, date and address
    event_columns = set(columns("events"))
    for kind, rows in views.items():
        assert [r["event_id"] for r in rows] == [e["event_id"] for e in by_kind.get(kind, [])], kind
        for row in rows:
            event = next(e for e in events if e["event_id"] == row["event_id"])
            assert {k: row[k] for k in event_columns} == event
            assert {k: row[k] for k in ARTICLE_COLUMNS} == {k: article[k] for k in ARTICLE_COLUMNS}
    assert views["deal"][0]["title"] == "Kazakhstan mining roundup"
    assert views["deal"][0]["published_at"] == published
    assert views["deal"][0]["canonical_url"] == "https://en.trend.az/business/economy/4300001.html"


def test_a_new_text_replaces_the_articles_events_and_a_second_load_changes_nothing(warehouse_env) -> None:
    first = datetime(2024, 5, 1, 9, tzinfo=UTC)
    page = _page(4300002, first, "Kazatomprom output", ROUNDUP[:1])
    _load(warehouse_env, page)
    # The article is fetched again later with another text: its events are the new text's only.
    later = _page(4300002, first, "Kazatomprom output", [ROUNDUP[2]], fetched=datetime(2024, 5, 2, tzinfo=UTC),
                  offset=1)
    _load(warehouse_env, later)
    _load(warehouse_env, page, later)  # the same records again, in another order

    conn = duckdb.connect(str(warehouse_env.warehouse), read_only=True)
    try:
        events = _rows(conn, "SELECT kind, subject_id, commodity, quantity, extractor_version FROM events")
        texts = conn.execute("SELECT text FROM articles").fetchall()
        assert duplicate_keys(conn, "events") == 0
    finally:
        conn.close()
    assert texts == [(f"{ROUNDUP[2]}\n\n{FILLER}",)]
    assert events == [{"kind": "reserves", "subject_id": "deposit:aktogay", "commodity": "copper",
                       "quantity": 1.2e6, "extractor_version": EXTRACTOR_VERSION}]


AKTOGAY_2023 = ["The Aktogay deposit holds reserves of 1.2 million tonnes of copper.",
                "The Aktogay mine produced 200,000 tonnes of copper in 2022."]
AKTOGAY_2024 = ["The Aktogay deposit holds reserves of 1.5 million tonnes of copper.",
                "The Aktogay mine produced 230,000 tonnes of copper in 2023."]
AKTOGAY_GOLD = ["The Aktogay deposit holds reserves of 40 tonnes of gold, KAZ Minerals said."]


@pytest.mark.parametrize("newest_first", [False, True])
def test_deposits_view_gives_each_deposit_its_latest_reserves_and_production(warehouse_env,
                                                                             newest_first: bool) -> None:
    pages = [_page(4300010, datetime(2023, 3, 1, tzinfo=UTC), "Aktogay in 2022", AKTOGAY_2023),
             _page(4300011, datetime(2023, 6, 1, tzinfo=UTC), "Aktogay gold", AKTOGAY_GOLD),
             _page(4300012, datetime(2024, 3, 1, tzinfo=UTC), "Aktogay in 2023", AKTOGAY_2024)]
    for page in reversed(pages) if newest_first else pages:  # the answer does not depend on load order
        _load(warehouse_env, page)

    conn = duckdb.connect(str(warehouse_env.warehouse), read_only=True)
    try:
        deposits = _rows(conn, "SELECT * FROM deposits ORDER BY published_at")
        reserves = _rows(conn, "SELECT commodity, quantity, published_at FROM reserves ORDER BY published_at")
        described = [r[0] for r in conn.execute("DESCRIBE deposits").fetchall()]
    finally:
        conn.close()
    # the columns of the view before events, in their order, then the new ones
    assert described == ["deposit", "commodities", "region", "country", "status", "operator", "source",
                         "published_at", "title", "author", "canonical_url", "sentence", "article_id",
                         "deposit_id", "reserves", "production"]
    assert [r["title"] for r in deposits] == ["Aktogay in 2022", "Aktogay gold", "Aktogay in 2023"]
    # every figure stays in the reserves view; the deposits view picks the latest of each commodity
    assert [(r["commodity"], r["quantity"]) for r in reserves] == [("copper", 1.2e6), ("gold", 40.0),
                                                                   ("copper", 1.5e6)]
    for row in deposits:  # every article's row of the deposit shows the deposit's latest figures
        assert row["deposit"] == "Aktogay" and row["deposit_id"] == "deposit:aktogay"
        assert [(r["commodity"], r["quantity"], r["unit"], r["reported"]) for r in row["reserves"]] == [
            ("copper", 1.5e6, "t", datetime(2024, 3, 1, tzinfo=UTC)),
            ("gold", 40.0, "t", datetime(2023, 6, 1, tzinfo=UTC)),
        ]
        assert row["production"] == {"commodity": "copper", "quantity": 230000.0, "unit": "t", "period": 2023}


def test_a_deposit_without_events_has_no_reserves_or_production(warehouse_env) -> None:
    _load(warehouse_env, _page(4300020, datetime(2024, 1, 10, tzinfo=UTC), "Bozshakol",
                               ["KAZ Minerals said work at the Bozshakol copper deposit in Pavlodar region continues."]))
    conn = duckdb.connect(str(warehouse_env.warehouse), read_only=True)
    try:
        rows = _rows(conn, "SELECT deposit, deposit_id, reserves, production FROM deposits")
    finally:
        conn.close()
    assert rows == [{"deposit": "Bozshakol", "deposit_id": "deposit:bozshakol", "reserves": None,
                     "production": None}]


def test_reprocess_stale_fills_the_events_of_a_warehouse_made_before_them(warehouse_env, monkeypatch) -> None:
    """A warehouse made before migration 005 has no events table; opening it adds the table, and its
    articles, extracted by an older extractor version, get their events from ``reprocess --stale``."""
    before = [m for m in migrations() if m[0] < 5]
    with monkeypatch.context() as patch:
        patch.setattr(db, "migrations", lambda: before)
        assert migrate(warehouse_env) == [1, 2, 3, 4]
    old_version = "facts-1.1.0+0000000000"  # what an earlier load recorded (any version but this one)
    assert old_version != EXTRACTOR_VERSION
    text = "\n\n".join(ROUNDUP)
    conn = duckdb.connect(str(warehouse_env.warehouse))
    try:
        assert "events" not in {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables")
                                .fetchall()}
        conn.execute(
            "INSERT INTO articles (article_id, source, url, canonical_url, title, published_at, text, is_mining, "
            "extractor_version, first_seen, last_seen) VALUES ('trend:1', 'trend', 'https://en.trend.az/1', "
            "'https://en.trend.az/1', 'Kazakhstan mining roundup', TIMESTAMPTZ '2024-05-01 09:00:00+00', ?, true, ?, "
            "now(), now())", [text, old_version])
        conn.execute("INSERT INTO facts (fact_id, article_id, type, name, start, \"end\", extractor_version) "
                     "VALUES ('f1', 'trend:1', 'deposit', 'Aktogay', ?, ?, ?)",
                     [text.index("Aktogay"), text.index("Aktogay") + 7, old_version])
    finally:
        conn.close()

    result = CliRunner().invoke(app, ["reprocess", "--stale"])
    assert result.exit_code == 0, result.output
    assert f"re-extracted 1 articles with {EXTRACTOR_VERSION}" in result.output

    conn = duckdb.connect(str(warehouse_env.warehouse), read_only=True)
    try:
        applied = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
        events = _rows(conn, "SELECT kind, subject_id, commodity, quantity, period, extractor_version FROM events "
                             "ORDER BY start")
        production = _rows(conn, "SELECT subject_id, title, published_at FROM production")
        deposit = _rows(conn, "SELECT deposit_id, reserves FROM deposits")
        version = conn.execute("SELECT extractor_version FROM articles").fetchone()
    finally:
        conn.close()
    assert applied == [n for n, _, _ in migrations()]
    assert result.output.rstrip().endswith(f" {len(events)} events")
    assert version == (EXTRACTOR_VERSION,)
    assert {e["extractor_version"] for e in events} == {EXTRACTOR_VERSION}
    assert {(e["kind"], e["subject_id"], e["commodity"], e["quantity"]) for e in events} >= {
        ("production", "company:kazatomprom", "uranium", 21000.0), ("reserves", "deposit:aktogay", "copper", 1.2e6),
    }
    assert [e["period"] for e in events if e["kind"] == "production"] == [2023]
    assert "deal" in {e["kind"] for e in events}
    assert production == [{"subject_id": "company:kazatomprom", "title": "Kazakhstan mining roundup",
                           "published_at": datetime(2024, 5, 1, 9, tzinfo=UTC)}]
    assert [(d["deposit_id"], [(r["commodity"], r["quantity"]) for r in d["reserves"]]) for d in deposit] \
        == [("deposit:aktogay", [("copper", 1.2e6)])]

    again = CliRunner().invoke(app, ["reprocess", "--stale"])
    assert again.exit_code == 0 and "re-extracted 0 articles" in again.output
